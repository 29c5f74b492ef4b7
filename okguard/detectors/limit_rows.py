"""Which rows of a history loaded as columns the limit check needs to see.

``okguard.guard.limits.detect_limit_breaches`` works on ``Transaction`` objects.
For a scan of a large stored history it gets only the rows that decide its
answer, found here with numpy and then built as objects:

* for a per-payment limit, the payments over it;
* for a daily or monthly limit, the payments of each period that went over it, up
  to the one that crossed it (what the flag names);
* the first payment to every payee, when a limit is about new payees;
* then, until nothing changes, the other row of every linked pair and every row
  counted as the same payment (what "spending" and "once per payment" depend on).

Periods left out are under their limit in the full history, and stay under it
with fewer rows; so the check answers exactly as it would for every row. The
rules mirror ``okguard.guard.counting``; a scope or period this module does not
know sends every row, which is always right.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from okguard.detectors.columns import Columns
from okguard.detectors.table import TxTable
from okguard.domain.limits import Limit, LimitPeriod, LimitScope
from okguard.domain.transaction import Direction, TxStatus
from okguard.guard.counting import normalize_name
from okguard.guard.limits import effective_period, validate_limit

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

_DAY = 86400
# Scopes whose rows are matched here exactly as counting matches them; a period
# total may only be cut short (at its crossing) when the rows are exact.
_EXACT = {LimitScope.PER_PAYMENT, LimitScope.DAILY, LimitScope.MONTHLY, LimitScope.PAYEE,
          LimitScope.CATEGORY}
# First payments are matched loosely (not by account): fine one payment at a time.
_NEW_PAYEE = (LimitScope.NEW_PAYEE, LimitPeriod.PAYMENT)


class _History:
    """What counting decides per row: spending, primary row of a pair, payment group."""

    def __init__(self, table: TxTable, positions: IntArray) -> None:
        self.table = table
        ids, link = table.ids, table.link_id
        directions = [Direction(d) for d in table.directions]
        statuses = [TxStatus(s) for s in table.statuses]
        out = np.array([d is Direction.OUT for d in directions] + [False])[table.direction]
        moves = (np.array([s.moves_money for s in statuses] + [False])[table.status]
                 & np.array([d is not Direction.NEUTRAL for d in directions] + [False])[
                     table.direction])
        # The partner is the row whose id is link_id, if that row is linked itself.
        partner = np.where(link >= 0, positions, -1)
        safe = np.maximum(partner, 0)
        valid = (partner >= 0) & (link[safe] >= 0)
        funding = table.texts["funding"]
        funded = np.array([bool(f) for f in funding.values] or [False])[funding.codes]
        own_transfer = valid & out & ~out[safe]
        self.spending: BoolArray = moves & out & ~own_transfer
        self.primary: BoolArray = ~valid | ~out[safe] | np.where(
            funded != funded[safe], funded, ids < ids[safe])
        self.partner: IntArray = np.where(valid, partner, -1)
        self.group: IntArray = np.where(link >= 0, np.minimum(ids, link), ids)

    def text_is(self, name: str, wanted: str) -> BoolArray:
        """Rows whose ``name`` text normalises (as counting does) to ``wanted``."""
        coded = self.table.texts[name]
        hit = np.array([normalize_name(v) == wanted for v in coded.values] or [False])
        rows: BoolArray = hit[coded.codes]
        return rows

    def first_payments(self) -> IntArray:
        """The first spending row (primary of its pair) to each payee name."""
        coded = self.table.texts["payee"]
        names: dict[str, int] = {}
        lut = np.array([names.setdefault(normalize_name(v), len(names)) if normalize_name(v)
                        else -1 for v in coded.values] or [-1], dtype=np.int64)
        name = lut[coded.codes]
        rows = np.flatnonzero(self.spending & self.primary & (name >= 0))
        _names, first = np.unique(name[rows], return_index=True)
        return rows[first]


def _matching(h: _History, limit: Limit, firsts: IntArray | None) -> BoolArray:
    t = h.table
    currencies = t.texts["currency"]
    same = np.array([c == limit.amount.currency for c in currencies.values] or [False])
    rows: BoolArray = h.spending & same[currencies.codes]
    if limit.scope is LimitScope.NEW_PAYEE:
        first = np.zeros(len(rows), dtype=np.bool_)
        if firsts is not None:
            first[firsts] = True
        return rows & first  # its account test may only drop rows: keep them all
    if limit.account_id is not None:
        rows &= t.account_id == limit.account_id
    if limit.scope is LimitScope.PAYEE:
        rows &= h.text_is("payee", normalize_name(limit.payee or ""))
    elif limit.scope is LimitScope.CATEGORY:
        rows &= h.text_is("category", normalize_name(limit.category or ""))
    return rows


def _period_keys(wall: IntArray, period: LimitPeriod) -> IntArray:
    if period is LimitPeriod.DAY:
        return wall // _DAY
    return wall.astype("datetime64[s]").astype("datetime64[M]").astype(np.int64)


def _needed_for(h: _History, limit: Limit, firsts: IntArray | None) -> IntArray:
    period = effective_period(limit)
    if limit.scope not in _EXACT and (limit.scope, period) != _NEW_PAYEE:
        return np.arange(len(h.table.ids))  # rules this module does not know: every row
    rows = np.flatnonzero(_matching(h, limit, firsts))
    cap = limit.amount.minor
    amount = h.table.amount
    if period is LimitPeriod.PAYMENT:
        # Each payment on its own; the row it may share a payment with comes later.
        return rows[-amount[rows] > cap]
    if period not in (LimitPeriod.DAY, LimitPeriod.MONTH):
        return np.arange(len(h.table.ids))
    # Once per payment: the first row met of each payment group, in time order.
    _groups, first = np.unique(h.group[rows], return_index=True)
    kept = rows[np.sort(first)]
    if not len(kept):
        return kept
    size = np.abs(amount[kept])
    key = _period_keys(h.table.wall[kept], period)
    start = np.ones(len(kept), dtype=np.bool_)
    start[1:] = key[1:] != key[:-1]
    starts = np.flatnonzero(start)
    period_of = np.cumsum(start) - 1
    total = np.cumsum(size)
    running = total - (total - size)[starts][period_of]  # spent in the period so far
    ends = np.append(starts[1:], len(kept)) - 1
    crosses = (running[ends] > cap)[period_of]
    # Rows of a period that went over, up to and including the one that crossed.
    needed: IntArray = kept[crosses & (running - size <= cap)]
    return needed


def _close(h: _History, needed: BoolArray) -> BoolArray:
    """Add partners and payment-group mates until nothing changes."""
    while True:
        partners = h.partner[needed]
        grown = needed.copy()
        grown[partners[partners >= 0]] = True
        grown |= np.isin(h.group, h.group[grown])
        if bool((grown == needed).all()):
            return needed
        needed = grown


def limit_positions(cols: Columns, limits: Sequence[Limit]) -> IntArray:
    """Positions (in time order) of the rows ``detect_limit_breaches`` must see to
    answer for ``limits`` as it would for the whole history of ``cols`` (loaded as
    a table)."""
    rows = cols.table
    usable = [lim for lim in limits if not validate_limit(lim)]
    if rows is None or not usable or not cols.n:
        return np.zeros(0, dtype=np.int64)
    h = _History(rows.table, cols.positions(rows.table.link_id))
    firsts = (h.first_payments() if any(lim.scope is LimitScope.NEW_PAYEE for lim in usable)
              else None)
    needed = np.zeros(cols.n, dtype=np.bool_)
    if firsts is not None:
        needed[firsts] = True
    for limit in usable:
        needed[_needed_for(h, limit, firsts)] = True
    return np.flatnonzero(_close(h, needed))
