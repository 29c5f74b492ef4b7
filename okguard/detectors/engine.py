"""Run every detector over the whole history and return what involves ``focus``."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from itertools import chain

import numpy as np

from okguard.detectors.amount_outlier import detect_amount_outliers
from okguard.detectors.amount_shift import detect_amount_shifts
from okguard.detectors.columns import Columns, IntArray
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
    found = _one_per_transaction(_drop_superseded(found))
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
    if not found:
        return {}
    sizes = np.fromiter((len(a.transaction_ids) for a in found), dtype=np.int64,
                        count=len(found))
    ids = np.fromiter(chain.from_iterable(a.transaction_ids for a in found), dtype=np.int64,
                      count=int(sizes.sum()))
    positions = cols.positions(ids)
    if bool((positions < 0).any()):
        raise KeyError("a flag names a transaction that is not in the scanned history")
    # The earliest transaction has the smallest rank in (time, id) order.
    rank = cols.time_rank()[positions]
    starts = np.cumsum(sizes) - sizes
    earliest = positions[starts + _argmin_per_run(rank, starts)]
    return {a.key: (cols.wall_time(p), int(cols.ids[p]))
            for a, p in zip(found, earliest.tolist(), strict=True)}


def _argmin_per_run(values: IntArray, starts: IntArray) -> IntArray:
    """Offset of the smallest value within each run ``values[starts[k]:starts[k + 1]]``."""
    smallest = np.minimum.reduceat(values, starts)
    run = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(values))))
    at = np.flatnonzero(values == smallest[run])
    first = at[np.diff(run[at], prepend=-1) != 0]
    offsets: IntArray = first - starts
    return offsets


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
    rows = cols.table.build_many(limit_positions(cols, limits).tolist())
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


def _one_per_transaction(found: list[Anomaly]) -> list[Anomaly]:
    """One finding of a kind per single transaction: scam wording in the memo and a
    round amount at night, on one payment, are one scam warning. The most severe stays
    (the first found among equals). Flags naming several transactions stay, and so do
    limit breaches: each answers a different limit the user set."""
    def key(a: Anomaly) -> tuple[AnomalyKind, int] | None:
        if len(a.transaction_ids) != 1 or a.kind is AnomalyKind.LIMIT_BREACH:
            return None
        return a.kind, a.transaction_ids[0]

    best: dict[tuple[AnomalyKind, int], Anomaly] = {}
    for a in found:
        k = key(a)
        if k is not None and (k not in best or a.severity.rank > best[k].severity.rank):
            best[k] = a
    return [a for a in found if (k := key(a)) is None or best[k] is a]


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
