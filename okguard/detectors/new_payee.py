"""``new_payee``: the first payment to someone never paid before, above a threshold.

Early in a history every payee is "new", so nothing is flagged until the history
is long enough to know who the usual payees are.
"""

from __future__ import annotations

import numpy as np

from okguard.detectors.columns import DAY, Columns, IntArray
from okguard.detectors.report import make_anomaly, paid
from okguard.detectors.settings import DetectorSettings
from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity
from okguard.i18n import Msg


def new_payee_rows(cols: Columns, settings: DetectorSettings) -> IntArray:
    """First payments to a payee, once the history is long enough to call them new."""
    first = cols.first_payment_rows()
    settled = cols.first_ts + settings.new_payee_min_history_days * DAY
    return first[cols.ts[first] >= settled]


def detect_new_payees(cols: Columns, settings: DetectorSettings) -> list[Anomaly]:
    rows = new_payee_rows(cols, settings)
    limit = np.array([settings.threshold(settings.new_payee_threshold, c)
                      for c in cols.currencies], dtype=np.int64)
    if not len(rows) or not len(limit):
        return []
    over = rows[(limit[cols.cur[rows]] > 0) & (cols.minor[rows] >= limit[cols.cur[rows]])]
    found: list[Anomaly] = []
    for pos in over:
        big = cols.minor[pos] >= limit[cols.cur[pos]] * settings.new_payee_medium_multiple
        found.append(make_anomaly(
            cols, AnomalyKind.NEW_PAYEE, Severity.MEDIUM if big else Severity.LOW, [pos],
            Msg("First payment to {payee}: {amount}; you have never paid them before",
                payee=cols.payee_name(pos), amount=paid(cols, pos))))
    return found
