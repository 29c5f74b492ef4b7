"""Turning positions in the columns into :class:`Anomaly` values."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from okguard.detectors.columns import Columns
from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity, anomaly_key
from okguard.domain.money import Money
from okguard.i18n import Msg


def make_anomaly(
    cols: Columns,
    kind: AnomalyKind,
    severity: Severity,
    positions: Iterable[int | np.integer],
    message: Msg,
    *,
    payee_pos: int | np.integer | None = None,
    detail: str = "",
) -> Anomaly:
    """Transactions in time order; ``payee_pos`` names the row whose payee the flag is
    about (the first row by default)."""
    rows = sorted({int(p) for p in positions}, key=lambda p: (int(cols.ts[p]), int(cols.ids[p])))
    ids = tuple(int(cols.ids[p]) for p in rows)
    who = cols.payee_name(rows[0] if payee_pos is None else int(payee_pos))
    return Anomaly(kind=kind, severity=severity, transaction_ids=ids, message=message,
                   key=anomaly_key(kind, ids, detail), payee=who)


def paid(cols: Columns, pos: int | np.integer) -> Money:
    """The amount of a row, unsigned, for sentences that say "paid"."""
    return Money(int(cols.minor[pos]), cols.text("currency", pos))


def money(cols: Columns, pos: int | np.integer, minor: int | np.integer) -> Money:
    """``minor`` units in the currency of row ``pos``."""
    return Money(int(minor), cols.text("currency", pos))
