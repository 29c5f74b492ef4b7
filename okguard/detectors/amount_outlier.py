"""``amount_outlier``: far above this payee's (or, for a payee seen too rarely,
this category's) usual range, by a robust z-score on median and MAD."""

from __future__ import annotations

from decimal import Decimal

import numpy as np

from okguard.detectors.amounts import GroupStats, group_stats, payee_stats
from okguard.detectors.columns import Columns, IntArray
from okguard.detectors.report import make_anomaly, money, paid
from okguard.detectors.settings import DetectorSettings
from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity
from okguard.i18n import Msg

_MAD_TO_SD = Decimal("1.4826")  # MAD of a normal sample times this estimates its sd


def _outliers(values: IntArray, group: IntArray, min_count: int, settings: DetectorSettings,
              stats: GroupStats | None = None) -> tuple[IntArray, IntArray]:
    """Indices of outlying values and each one's group median."""
    stats = stats or group_stats(values, group)
    med, mad, count = stats.median[group], stats.mad[group], stats.count[group]
    k = int(settings.outlier_k * _MAD_TO_SD * 10000)
    ratio = int(settings.outlier_min_ratio * 100)
    hit = (count >= min_count) & (mad > 0) & ((values - med) * 10000 > k * mad) & (
        values * 100 >= med * ratio)
    idx = np.flatnonzero(hit)
    return idx, med[idx]


def detect_amount_outliers(cols: Columns, settings: DetectorSettings) -> list[Anomaly]:
    rows, _starts, group = cols.payee_groups()
    found: list[Anomaly] = []
    if len(rows):
        idx, med = _outliers(cols.minor[rows], group, settings.outlier_min_history, settings,
                             payee_stats(cols))
        for k, usual in zip(idx, med, strict=True):
            pos = rows[k]
            found.append(make_anomaly(cols, AnomalyKind.AMOUNT_OUTLIER, Severity.MEDIUM, [pos],
                                      Msg("Paid {amount} to {payee}, far more than the usual "
                                          "{usual}", amount=paid(cols, pos),
                                          payee=cols.payee_name(pos),
                                          usual=money(cols, pos, usual))))
    # Payees seen too rarely are judged against their category instead.
    rare = cols.is_payment & (cols.payee < 0)
    if len(rows):
        counts = np.bincount(group)
        rare[rows[counts[group] < settings.outlier_min_history]] = True
    category, _names = cols.categories()
    all_pos = np.flatnonzero(cols.is_payment & (category >= 0))
    if not len(all_pos) or not rare.any():
        return found
    key = category[all_pos] * (len(cols.currencies) + 1) + cols.cur[all_pos]
    _uniq, cat_group = np.unique(key, return_inverse=True)
    idx, med = _outliers(cols.minor[all_pos], cat_group.astype(np.int64),
                         settings.outlier_category_min_history, settings)
    for k, usual in zip(idx, med, strict=True):
        p = int(all_pos[k])
        if not rare[p]:
            continue
        found.append(make_anomaly(cols, AnomalyKind.AMOUNT_OUTLIER, Severity.MEDIUM, [p],
                                  Msg("Paid {amount} to {payee}, far more than you usually "
                                      "spend on {category} ({usual})", amount=paid(cols, p),
                                      payee=cols.payee_name(p), category=cols.text("category", p),
                                      usual=money(cols, p, usual))))
    return found
