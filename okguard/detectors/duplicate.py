"""``duplicate``: the same payee and amount again within minutes (high) or days
(medium). Habits — the metro fare twice a day, the daily coffee, the monthly rent —
are not double payments."""

from __future__ import annotations

import numpy as np

from okguard.detectors.columns import DAY, Columns
from okguard.detectors.report import make_anomaly, paid
from okguard.detectors.settings import DetectorSettings
from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity
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
    flagged = quick | (close & ~habit & ~is_small)
    found: list[Anomaly] = []
    pair_idx = np.flatnonzero(flagged)
    i = 0
    while i < len(pair_idx):
        # Chain neighbouring flagged pairs: three payments in a row are one finding.
        j = i
        while j + 1 < len(pair_idx) and pair_idx[j + 1] == pair_idx[j] + 1:
            j += 1
        first, last = int(pair_idx[i]), int(pair_idx[j]) + 1
        chain = rows[first:last + 1]
        any_quick = bool(quick[first:last].any())
        high = any_quick and not bool(is_small[first]) and not bool(habit[first])
        severity = Severity.HIGH if high else Severity.MEDIUM
        span = int(ts[last] - ts[first])
        all_timed = bool(cols.has_time[chain].all())
        msg = Msg("Paid {amount} to {payee} {times} {span}", amount=paid(cols, chain[0]),
                  payee=cols.tx(chain[0]).payee, times=times(len(chain)),
                  span=span_text(span, all_timed))
        found.append(make_anomaly(cols, AnomalyKind.DUPLICATE, severity, chain, msg))
        i = j + 1
    return found
