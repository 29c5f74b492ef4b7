"""``amount_shift``: about 10x / 100x / 1000x (or a tenth) of what the user usually
pays this payee, or the usual amount with a digit added, dropped or swapped.

A digit slip is judged only against a steady amount and only for an amount unlike
the payee's others; ten times a varying amount counts only when it reads as a usual
amount with zeros typed after it (else it is an outlier, not a typing slip)."""

from __future__ import annotations

import numpy as np

from okguard.detectors.amounts import (
    KEY_SHIFT,
    GroupStats,
    digit_slip,
    payee_stats,
    power_of_ten_factor,
)
from okguard.detectors.columns import BoolArray, Columns, IntArray
from okguard.detectors.report import make_anomaly, money, paid
from okguard.detectors.settings import DetectorSettings
from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity
from okguard.i18n import Msg

_SLIP_TEXT = {
    "extra_digit": "Paid {amount} to {payee} where you usually pay {usual}: an extra digit?",
    "missing_digit": "Paid {amount} to {payee} where you usually pay {usual}: a digit missing?",
    "transposed": "Paid {amount} to {payee} where you usually pay {usual}: two digits swapped?",
}


def _factor_msg(factor: int) -> str:
    if factor > 0:
        return "Paid {amount} to {payee}, about {factor} times the usual {usual}"
    if factor == -10:
        return "Paid {amount} to {payee}, about a tenth of the usual {usual}"
    return "Paid {amount} to {payee}, about a hundredth of the usual {usual}"


def _isolated(values: IntArray, group: IntArray, stats: GroupStats, percent: int,
              which: IntArray) -> BoolArray:
    """For the payments at ``which``: whether no other payment to the payee, the steady
    amount aside, lies within ``percent`` of it: a slip stands alone, an evening shop at
    the store where lunch is the steady amount does not."""
    order = np.sort((group << KEY_SHIFT) | values)
    values, group = values[which], group[which]
    lo_v = values * (100 - percent) // 100
    hi_v = values * (100 + percent) // 100
    near = np.searchsorted(order, (group << KEY_SHIFT) | hi_v, side="right") - np.searchsorted(
        order, (group << KEY_SHIFT) | lo_v, side="left")
    mode = stats.mode[group]
    near = near - np.where((mode >= lo_v) & (mode <= hi_v), stats.mode_count[group], 0)
    alone: BoolArray = near <= 1
    return alone


def detect_amount_shifts(cols: Columns, settings: DetectorSettings) -> list[Anomaly]:
    rows, _starts, group = cols.payee_groups()
    if not len(rows):
        return []
    values = cols.minor[rows]
    stats = payee_stats(cols)
    count = stats.count[group]
    steady_g = stats.mode_count * 100 >= stats.count * settings.digit_slip_mode_share_percent
    steady = steady_g[group]
    usual = np.where(steady_g, stats.mode, stats.median)[group]
    enough = count - 1 >= settings.shift_min_history
    f = settings.shift_beyond_percentile_factor
    tol = settings.shift_tolerance_percent
    up = enough & (values * 100 >= usual * (1000 - 10 * tol)) & (values > stats.p90[group] * f)
    down = enough & steady & (values * (1000 - 10 * tol) <= usual * 100) & (
        values * f < stats.p10[group])
    small = np.array([settings.threshold(settings.small_amount, c) for c in cols.currencies],
                     dtype=np.int64)
    slip_room = np.abs(values - usual) >= small[cols.cur[rows]]
    slip = enough & steady & (values != usual) & slip_room & ~up & ~down
    if values.max(initial=0) < (1 << KEY_SHIFT):
        which = np.flatnonzero(slip)
        slip[which] = _isolated(values, group, stats, settings.shift_isolation_percent, which)
    found: list[Anomaly] = []
    for k in np.flatnonzero(up | down | slip):
        pos, value, base = rows[k], int(values[k]), int(usual[k])
        factor = power_of_ten_factor(value, base, tol)
        kind_of_slip = digit_slip(value, base)
        if not steady[k] and not _typed_shift(value, factor, int(stats.p10[group[k]]),
                                              int(stats.p90[group[k]])):
            continue  # ten times a varying amount, but not one typed wrong: an outlier
        common = {"amount": paid(cols, pos), "payee": cols.payee_name(pos),
                  "usual": money(cols, pos, base)}
        if kind_of_slip is not None and (kind_of_slip == "transposed" or factor != 0):
            msg = Msg(_SLIP_TEXT[kind_of_slip], **common)
        elif factor != 0:
            msg = Msg(_factor_msg(factor), factor=factor, **common) if factor > 0 else \
                Msg(_factor_msg(factor), **common)
        else:
            continue
        # Against a steady amount the slip is near certain; against a varying one it is
        # a likely reading of a large amount, not proof.
        severity = Severity.HIGH if value > base and steady[k] else Severity.MEDIUM
        found.append(make_anomaly(cols, AnomalyKind.AMOUNT_SHIFT, severity, [pos], msg))
    return found


def _typed_shift(value: int, factor: int, p10: int, p90: int) -> bool:
    """Whether ``value`` reads as an amount the payee usually gets, typed with ``factor``
    extra zeros: it ends in those zeros and, without them, falls in the usual range."""
    if factor <= 0 or value % factor:
        return False
    return p10 <= value // factor <= p90
