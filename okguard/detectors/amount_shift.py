"""``amount_shift``: about 10x / 100x / 1000x (or a tenth) of what the user usually
pays this payee, or the usual amount with a digit added, dropped or swapped."""

from __future__ import annotations

import numpy as np

from okguard.detectors.amounts import digit_slip, payee_stats, power_of_ten_factor
from okguard.detectors.columns import Columns
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


def detect_amount_shifts(cols: Columns, settings: DetectorSettings) -> list[Anomaly]:
    rows, _starts, group = cols.payee_groups()
    if not len(rows):
        return []
    values = cols.minor[rows]
    stats = payee_stats(cols)
    count = stats.count[group]
    steady = stats.mode_count * 100 >= stats.count * settings.digit_slip_mode_share_percent
    usual_g = np.where(steady, stats.mode, stats.median)
    usual = usual_g[group]
    enough = count - 1 >= settings.shift_min_history
    f = settings.shift_beyond_percentile_factor
    tol = settings.shift_tolerance_percent
    up = enough & (values * 100 >= usual * (1000 - 10 * tol)) & (values > stats.p90[group] * f)
    down = enough & steady[group] & (values * (1000 - 10 * tol) <= usual * 100) & (
        values * f < stats.p10[group])
    small = np.array([settings.threshold(settings.small_amount, c) for c in cols.currencies],
                     dtype=np.int64)
    slip_room = np.abs(values - usual) >= small[cols.cur[rows]]
    slip = enough & steady[group] & (values != usual) & slip_room & ~up & ~down
    found: list[Anomaly] = []
    for k in np.flatnonzero(up | down | slip):
        pos, value, base = rows[k], int(values[k]), int(usual[k])
        factor = power_of_ten_factor(value, base, tol)
        kind_of_slip = digit_slip(value, base)
        common = {"amount": paid(cols, pos), "payee": cols.tx(pos).payee,
                  "usual": money(cols, pos, base)}
        if kind_of_slip is not None and (kind_of_slip == "transposed" or factor != 0):
            msg = Msg(_SLIP_TEXT[kind_of_slip], **common)
        elif factor != 0:
            msg = Msg(_factor_msg(factor), factor=factor, **common) if factor > 0 else \
                Msg(_factor_msg(factor), **common)
        else:
            continue
        severity = Severity.HIGH if value > base else Severity.MEDIUM
        found.append(make_anomaly(cols, AnomalyKind.AMOUNT_SHIFT, severity, [pos], msg))
    return found
