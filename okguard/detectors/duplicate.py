"""``duplicate``: the same payee and amount again within minutes (high) or days
(medium). Habits — the metro fare twice a day, the daily coffee, the monthly rent —
are not double payments.

Context raises or lowers a repeat: a payee normally paid once a month (rent, a bill)
paid twice within a day is high even on a dates-only statement; the same invoice
number in both memos is high, different invoice numbers are not; and a repeat whose
money came back (a refund or reversal of that amount from that payee) is not flagged.
"""

from __future__ import annotations

import re

import numpy as np

from okguard.detectors.amounts import payee_gaps
from okguard.detectors.columns import DAY, STATUS_CODE, Columns, IntArray
from okguard.detectors.report import make_anomaly, paid
from okguard.detectors.settings import DetectorSettings
from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity
from okguard.domain.transaction import TxStatus
from okguard.i18n import Msg


def times(count: int) -> Msg:
    return Msg("twice") if count == 2 else Msg("{count} times", count=count)


def span_text(seconds: int, has_time: bool) -> Msg:
    """The time the repeated payments span, in the largest unit that reads well."""
    if not has_time:
        days = max(1, -(-seconds // DAY))
        return Msg("on the same day") if seconds == 0 else Msg("within {days} days", days=days)
    if seconds <= 60:
        return Msg("within a minute")
    if seconds < 3600:
        return Msg("within {minutes} minutes", minutes=-(-seconds // 60))
    if seconds <= 3600:
        return Msg("within an hour")
    if seconds < DAY:
        return Msg("within {hours} hours", hours=-(-seconds // 3600))
    return Msg("within {days} days", days=-(-seconds // DAY))


def _reference_tokens(memo: str, digits: int) -> frozenset[str]:
    """Numbers of ``digits`` or more in a memo: invoice, order or contract numbers."""
    return frozenset(re.findall(rf"\d{{{digits},}}", memo))


def _cadence(cols: Columns, settings: DetectorSettings) -> IntArray:
    """Per row, the usual time between payments to its payee when they come with a
    rhythm (most gaps close to the median gap), else 0."""
    if "payee_cadence" not in cols.cache:
        rows, _starts, group = cols.payee_groups()
        per_row = np.zeros(cols.n, dtype=np.int64)
        g = payee_gaps(cols)
        if len(g.gaps):
            m = g.median[g.dense]
            in_band = (g.gaps * 4 >= m * 3) & (g.gaps * 3 <= m * 4)
            share = np.bincount(g.dense, weights=in_band, minlength=len(g.present))
            total = np.bincount(g.dense, minlength=len(g.present))
            regular = (total >= 3) & (
                share * 100 >= total * settings.duplicate_cadence_regular_percent)
            usual = np.zeros(int(group.max()) + 1, dtype=np.int64)
            usual[g.present] = np.where(regular, g.median, 0)
            per_row[rows] = usual[group]
        cols.cache["payee_cadence"] = per_row
    cadence: IntArray = cols.cache["payee_cadence"]
    return cadence


def _came_back(cols: Columns, payees: IntArray) -> dict[tuple[int, int, int], IntArray]:
    """(payee, currency, amount) -> times of money coming back from one of ``payees``:
    a refund or a reversal of that very amount."""
    back = np.flatnonzero(~cols.is_out & np.isin(cols.payee, payees) & (
        (cols.status == STATUS_CODE[TxStatus.BOOKED]) |
        (cols.status == STATUS_CODE[TxStatus.REVERSED])))
    out: dict[tuple[int, int, int], list[int]] = {}
    for p in back.tolist():
        out.setdefault((int(cols.payee[p]), int(cols.cur[p]), int(cols.minor[p])), []).append(
            int(cols.ts[p]))
    return {k: np.sort(np.array(v, dtype=np.int64)) for k, v in out.items()}


def detect_duplicates(cols: Columns, settings: DetectorSettings) -> list[Anomaly]:
    pos = np.flatnonzero(cols.is_payment & (cols.payee >= 0))
    order = np.lexsort((cols.ids[pos], cols.ts[pos], cols.minor[pos], cols.cur[pos],
                        cols.payee[pos]))
    rows = pos[order]
    if len(rows) < 2:
        return []
    payee, cur, minor, ts = cols.payee[rows], cols.cur[rows], cols.minor[rows], cols.ts[rows]
    same = (payee[1:] == payee[:-1]) & (cur[1:] == cur[:-1]) & (minor[1:] == minor[:-1])
    gap = ts[1:] - ts[:-1]
    close = same & (gap <= settings.duplicate_days * DAY)
    timed = cols.has_time[rows][1:] & cols.has_time[rows][:-1]
    quick = close & timed & (gap <= settings.duplicate_high_minutes * 60)
    # A payee+amount that repeats within the window again and again is a habit.
    run = np.cumsum(np.concatenate(([True], ~same)))  # run of equal payee+amount
    close_per_run = np.bincount(run[1:][close], minlength=int(run[-1]) + 1)
    habit = close_per_run[run[1:]] >= settings.duplicate_habit_repeats
    small = np.array([settings.threshold(settings.small_amount, c) for c in cols.currencies],
                     dtype=np.int64)
    is_small = minor[1:] < small[cur[1:]]
    # Rent and bills come about once a month: the same amount twice within a day or so
    # is a double payment even when the statement gives no time of day.
    cadence = _cadence(cols, settings)[rows[1:]]
    bill_twice = close & (cadence >= settings.duplicate_cadence_days * DAY) & (
        gap <= settings.duplicate_cadence_high_hours * 3600)
    flagged = quick | bill_twice | (close & ~habit & ~is_small)
    found: list[Anomaly] = []
    pair_idx = np.flatnonzero(flagged)
    returned = _came_back(cols, np.unique(payee[pair_idx])) if len(pair_idx) else {}
    window = settings.reversal_pair_days * DAY
    i = 0
    while i < len(pair_idx):
        # Chain neighbouring flagged pairs: three payments in a row are one finding.
        j = i
        while j + 1 < len(pair_idx) and pair_idx[j + 1] == pair_idx[j] + 1:
            j += 1
        first, last = int(pair_idx[i]), int(pair_idx[j]) + 1
        i = j + 1
        chain = rows[first:last + 1]
        back = returned.get((int(payee[first]), int(cur[first]), int(minor[first])))
        if back is not None and _has_between(back, int(ts[first]), int(ts[last]) + window):
            continue  # refunded or reversed: the money came back (or a return, then a rebuy)
        refs = [_reference_tokens(cols.tx(p).memo, settings.duplicate_reference_digits)
                for p in chain]
        same_ref = all(refs) and len(set(refs)) == 1
        distinct_refs = all(refs) and len(set(refs)) == len(refs) and \
            not frozenset.intersection(*refs)
        high = (bool(quick[first:last].any()) and not bool(is_small[first])
                and not bool(habit[first])) or bool(bill_twice[first:last].any()) or same_ref
        severity = Severity.HIGH if high and not distinct_refs else Severity.MEDIUM
        span = int(ts[last] - ts[first])
        all_timed = bool(cols.has_time[chain].all())
        msg = Msg("Paid {amount} to {payee} {times} {span}", amount=paid(cols, chain[0]),
                  payee=cols.tx(chain[0]).payee, times=times(len(chain)),
                  span=span_text(span, all_timed))
        found.append(make_anomaly(cols, AnomalyKind.DUPLICATE, severity, chain, msg))
    return found


def _has_between(times_sorted: IntArray, lo: int, hi: int) -> bool:
    k = int(np.searchsorted(times_sorted, lo, side="left"))
    return k < len(times_sorted) and int(times_sorted[k]) <= hi
