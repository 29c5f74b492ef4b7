"""``recurring_change``: a subscription or bill, paid the same amount at a regular
interval, that suddenly costs something else. Only the first payment at the new
amount is flagged; from then on it is the new normal. A one-off blip between
usual payments (an extra zero on one bill) is flagged once and the old amount
stays the usual one.
"""

from __future__ import annotations

import numpy as np

from okguard.detectors.amounts import payee_gaps, payee_stats
from okguard.detectors.columns import DAY, Columns
from okguard.detectors.report import make_anomaly, money, paid
from okguard.detectors.settings import DetectorSettings
from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity
from okguard.i18n import Msg


def detect_recurring_changes(cols: Columns, settings: DetectorSettings) -> list[Anomaly]:
    rows, starts, _group = cols.payee_groups()
    if len(rows) < 2:
        return []
    gaps = payee_gaps(cols)
    if not len(gaps.gaps):
        return []
    present, median_gap = gaps.present, gaps.median
    # A bill repeats one amount most of the time; shops with varying amounts are skipped
    # here, before any per-row Python work.
    stats = payee_stats(cols)
    steady = (stats.mode_count > settings.recurring_min_run) & (
        stats.mode_count * 2 >= stats.count)
    periodic = present[(median_gap >= settings.recurring_min_gap_days * DAY) &
                       (median_gap <= settings.recurring_max_gap_days * DAY) & steady[present]]
    gap_of = dict(zip(present.tolist(), median_gap.tolist(), strict=True))
    ends = np.append(starts[1:], len(rows))
    found: list[Anomaly] = []
    for g in periodic.tolist():
        members = rows[starts[g]:ends[g]]
        if len(members) <= settings.recurring_min_run:
            continue
        found.extend(_changes(cols, settings, members.tolist(), int(gap_of[g])))
    return found


def _changes(cols: Columns, s: DetectorSettings, members: list[int], period: int
             ) -> list[Anomaly]:
    found: list[Anomaly] = []
    usual, run = int(cols.minor[members[0]]), 1
    pending: int | None = None  # a new amount seen once: a blip or the new normal
    prev_ts = int(cols.ts[members[0]])
    for p in members[1:]:
        value, when = int(cols.minor[p]), int(cols.ts[p])
        on_time = period // 2 <= when - prev_ts <= period * 3 // 2
        prev_ts = when
        if value == usual:
            run, pending = run + 1, None
            continue
        if pending is not None and value == pending:
            usual, run, pending = value, 2, None  # the new amount stuck: the new normal
            continue
        changed = abs(value - usual) * 100 >= usual * s.recurring_min_change_percent
        if run >= s.recurring_min_run and on_time and changed:
            up = value > usual
            template = ("{payee} usually costs {usual}; this payment is {amount}" if up else
                        "{payee} usually costs {usual}; this payment is only {amount}")
            found.append(make_anomaly(
                cols, AnomalyKind.RECURRING_CHANGE, Severity.MEDIUM if up else Severity.LOW, [p],
                Msg(template, payee=cols.payee_name(p), usual=money(cols, p, usual),
                    amount=paid(cols, p))))
            pending = value
        elif run < s.recurring_min_run:
            usual, run, pending = value, 1, None
    return found
