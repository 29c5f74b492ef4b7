"""Run every detector over the whole history and return what involves ``focus``."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime

import numpy as np

from okguard.detectors.amount_outlier import detect_amount_outliers
from okguard.detectors.amount_shift import detect_amount_shifts
from okguard.detectors.columns import Columns
from okguard.detectors.duplicate import detect_duplicates
from okguard.detectors.lookalike_payee import detect_lookalike_payees
from okguard.detectors.names import normalise_name
from okguard.detectors.new_payee import detect_new_payees
from okguard.detectors.recurring_change import detect_recurring_changes
from okguard.detectors.scam_pattern import detect_scam_patterns
from okguard.detectors.settings import DetectorSettings
from okguard.detectors.system_error import detect_system_errors
from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity
from okguard.domain.limits import Limit
from okguard.domain.transaction import Transaction

Detector = Callable[[Columns, DetectorSettings], list[Anomaly]]

DETECTORS: tuple[Detector, ...] = (
    detect_duplicates,
    detect_amount_shifts,
    detect_amount_outliers,
    detect_lookalike_payees,
    detect_new_payees,
    detect_scam_patterns,
    detect_system_errors,
    detect_recurring_changes,
)

# A trusted payee is someone the user vouched for: name and amount doubts go away.
_SILENCED_BY_TRUST = {AnomalyKind.NEW_PAYEE, AnomalyKind.LOOKALIKE_PAYEE,
                      AnomalyKind.AMOUNT_SHIFT, AnomalyKind.AMOUNT_OUTLIER}
# When a more specific finding names a transaction, these say less about it.
_SUPERSEDED_BY = {
    AnomalyKind.AMOUNT_OUTLIER: {AnomalyKind.AMOUNT_SHIFT},
    AnomalyKind.RECURRING_CHANGE: {AnomalyKind.AMOUNT_SHIFT},
    AnomalyKind.NEW_PAYEE: {AnomalyKind.LOOKALIKE_PAYEE, AnomalyKind.SCAM_PATTERN},
}


class ScanCancelled(Exception):
    """Raised inside :func:`scan` when ``cancelled()`` turns true; never escapes it."""


def scan(
    transactions: Sequence[Transaction],
    *,
    settings: DetectorSettings,
    limits: Sequence[Limit] = (),
    trusted_payees: Collection[str] = (),
    focus: set[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Anomaly]:
    """Every anomaly in the history that names at least one ``focus`` id (all when
    ``focus`` is None), most severe first, then by time. A cancelled scan returns []
    so that a half-finished scan is never stored as if it were complete."""
    return scan_columns(lambda: Columns(transactions) if transactions else None,
                        settings=settings, limits=limits, trusted_payees=trusted_payees,
                        focus=focus, progress=progress, cancelled=cancelled)


def scan_columns(
    columns: Callable[[], Columns | None],
    *,
    settings: DetectorSettings,
    limits: Sequence[Limit] = (),
    trusted_payees: Collection[str] = (),
    focus: set[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Anomaly]:
    """:func:`scan` over the history ``columns()`` builds (None: an empty history),
    e.g. :meth:`Columns.from_table` for a stored history loaded as arrays."""
    steps = len(DETECTORS) + 2
    try:
        cols, found = _run(columns, settings, limits, focus, steps, progress, cancelled)
    except ScanCancelled:
        return []
    found = _apply_trust(found, {normalise_name(p) for p in trusted_payees})
    found = _drop_superseded(found)
    if focus is not None:
        found = [a for a in found if not focus.isdisjoint(a.transaction_ids)]
    if cols is not None and found:
        when = first_times(cols, found)
        found.sort(key=lambda a: (-a.severity.rank, when[a.key], a.key))
    if progress is not None:
        progress(steps, steps)
    return found


def first_times(cols: Columns, found: Sequence[Anomaly]) -> dict[str, tuple[datetime, int]]:
    """Per anomaly key, the (wall-clock time, id) of its earliest transaction."""
    ids = sorted({i for a in found for i in a.transaction_ids})
    positions = cols.positions(np.array(ids, dtype=np.int64)).tolist()
    if -1 in positions:
        raise KeyError("a flag names a transaction that is not in the scanned history")
    when = {i: (cols.wall_time(p), i) for i, p in zip(ids, positions, strict=True)}
    return {a.key: min(when[i] for i in a.transaction_ids) for a in found}


def _run(
    columns: Callable[[], Columns | None], settings: DetectorSettings, limits: Sequence[Limit],
    focus: set[int] | None, steps: int, progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> tuple[Columns | None, list[Anomaly]]:
    def step(done: int) -> None:
        if cancelled is not None and cancelled():
            raise ScanCancelled
        if progress is not None:
            progress(done, steps)

    step(0)
    cols = columns()
    if cols is None or not cols.n:
        return cols, []
    found: list[Anomaly] = []
    for done, detector in enumerate(DETECTORS, start=1):
        step(done)
        found.extend(detector(cols, settings))
    step(len(DETECTORS) + 1)
    if limits:
        found.extend(_limit_breaches(cols, limits, focus))
    return cols, _unique(found)


def _limit_breaches(cols: Columns, limits: Sequence[Limit], focus: set[int] | None
                    ) -> list[Anomaly]:
    try:
        # Written by the guard area; a tree without it still scans everything else.
        from okguard.detectors.limit_rows import limit_positions
        from okguard.guard.limits import detect_limit_breaches
    except ImportError:
        return []
    if cols.table is None:
        return detect_limit_breaches(cols.txs, limits, focus)
    # A loaded table: build objects only for the rows that decide the answer.
    rows = [cols.tx(p) for p in limit_positions(cols, limits).tolist()]
    return detect_limit_breaches(rows, limits, focus)


def _unique(found: list[Anomaly]) -> list[Anomaly]:
    seen: set[str] = set()
    out: list[Anomaly] = []
    for a in found:
        if a.key not in seen:
            seen.add(a.key)
            out.append(a)
    return out


def _apply_trust(found: list[Anomaly], trusted: set[str]) -> list[Anomaly]:
    if not trusted:
        return found
    out: list[Anomaly] = []
    for a in found:
        if normalise_name(a.payee) not in trusted:
            out.append(a)
        elif a.kind is AnomalyKind.DUPLICATE and a.severity is Severity.HIGH:
            # A trusted landlord paid twice within minutes is still worth a look.
            out.append(Anomaly(a.kind, Severity.MEDIUM, a.transaction_ids, a.message, a.key,
                               a.payee))
        elif a.kind not in _SILENCED_BY_TRUST:
            out.append(a)
    return out


def _drop_superseded(found: list[Anomaly]) -> list[Anomaly]:
    by_kind: dict[AnomalyKind, set[int]] = {}
    for a in found:
        by_kind.setdefault(a.kind, set()).update(a.transaction_ids)
    out: list[Anomaly] = []
    for a in found:
        stronger = _SUPERSEDED_BY.get(a.kind, set())
        if any(not by_kind.get(k, set()).isdisjoint(a.transaction_ids) for k in stronger):
            continue
        out.append(a)
    return out
