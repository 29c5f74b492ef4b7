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
from okguard.detectors.columns import DAY, STATUS_CODE, BoolArray, Columns, IntArray
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


def _triple_keys(cols: Columns, *groups: IntArray) -> list[IntArray]:
    """One integer per (payee, currency, amount) of each row in ``groups``, equal for
    equal triples across all of them."""
    def pack(rows: IntArray) -> IntArray:
        g = cols.payee[rows].astype(np.int64) * (len(cols.currencies) + 1) + cols.cur[rows]
        return (g << 40) | cols.minor[rows]

    every = np.concatenate(groups)
    if not len(every) or (int(cols.minor[every].max()) < 1 << 40
                          and int(cols.payee[every].max()) * (len(cols.currencies) + 1) < 1 << 22):
        return [pack(rows) for rows in groups]
    triples = np.stack([cols.payee[every], cols.cur[every], cols.minor[every]], axis=1)
    _u, inverse = np.unique(triples, axis=0, return_inverse=True)
    return np.split(inverse.reshape(-1).astype(np.int64), np.cumsum([len(g) for g in groups])[:-1])


def _came_back(cols: Columns, heads: IntArray, lo: IntArray, hi: IntArray) -> BoolArray:
    """Per chain (its first row ``heads``): whether money of that very amount came back
    from that payee (a refund or a reversal) between the times ``lo`` and ``hi``."""
    back = np.flatnonzero(~cols.is_out & np.isin(cols.payee, np.unique(cols.payee[heads])) & (
        (cols.status == STATUS_CODE[TxStatus.BOOKED]) |
        (cols.status == STATUS_CODE[TxStatus.REVERSED])))
    if not len(back):
        return np.zeros(len(heads), dtype=np.bool_)
    back_key, head_key = _triple_keys(cols, back, heads)
    _u, rank = np.unique(np.concatenate([back_key, head_key]), return_inverse=True)
    rank = rank.reshape(-1)
    # (rank, time) as one sortable integer: a time range of one triple is a value range.
    t0 = min(int(cols.ts[back].min()), int(lo.min()))
    width = max(int(cols.ts[back].max()), int(hi.max())) - t0 + 1
    times = np.sort(rank[:len(back)] * width + (cols.ts[back] - t0))
    base = rank[len(back):] * width - t0
    k = np.searchsorted(times, base + lo, side="left")
    found = k < len(times)
    found[found] = times[k[found]] <= (base + hi)[found]
    return found


def detect_duplicates(cols: Columns, settings: DetectorSettings) -> list[Anomaly]:
    pos = np.flatnonzero(cols.is_payment & (cols.payee >= 0))
    rows = cols.sorted_by(pos, cols.payee[pos], cols.cur[pos], cols.minor[pos])
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
    pair_idx = np.flatnonzero(flagged)
    if not len(pair_idx):
        return []
    # Neighbouring flagged pairs are one chain: three payments in a row, one finding.
    breaks = np.flatnonzero(np.diff(pair_idx) != 1)
    firsts = pair_idx[np.concatenate(([0], breaks + 1))]
    lasts = pair_idx[np.concatenate((breaks, [len(pair_idx) - 1]))] + 1
    back = _came_back(cols, rows[firsts], ts[firsts],
                      ts[lasts] + settings.reversal_pair_days * DAY)

    def ranges_any(flags: BoolArray, lo: IntArray, hi: IntArray) -> BoolArray:
        """Whether ``flags[lo:hi]`` has a True, per range."""
        counts = np.concatenate(([0], np.cumsum(flags)))
        hit: BoolArray = counts[hi] > counts[lo]
        return hit

    quick_any = ranges_any(quick, firsts, lasts)
    bill_any = ranges_any(bill_twice, firsts, lasts)
    untimed = ranges_any(~cols.has_time[rows], firsts, lasts + 1)
    memo_codes, memos = cols.texts("memo")
    tokens: dict[int, frozenset[str]] = {}
    found: list[Anomaly] = []
    for c in np.flatnonzero(~back).tolist():
        first, last = int(firsts[c]), int(lasts[c])
        chain = rows[first:last + 1]
        refs = []
        for code in memo_codes[chain].tolist():
            if code not in tokens:
                tokens[code] = _reference_tokens(memos[code], settings.duplicate_reference_digits)
            refs.append(tokens[code])
        same_ref = all(refs) and len(set(refs)) == 1
        distinct_refs = all(refs) and len(set(refs)) == len(refs) and \
            not frozenset.intersection(*refs)
        high = (bool(quick_any[c]) and not bool(is_small[first]) and not bool(habit[first])) \
            or bool(bill_any[c]) or same_ref
        severity = Severity.HIGH if high and not distinct_refs else Severity.MEDIUM
        msg = Msg("Paid {amount} to {payee} {times} {span}", amount=paid(cols, chain[0]),
                  payee=cols.payee_name(chain[0]), times=times(len(chain)),
                  span=span_text(int(ts[last] - ts[first]), not bool(untimed[c])))
        found.append(make_anomaly(cols, AnomalyKind.DUPLICATE, severity, chain, msg))
    return found
