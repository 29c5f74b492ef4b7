"""``scam_pattern``: scam wording in a payee or memo, a burst of transfers to new
payees, round amounts at night to new payees, and money sent on soon after an
unexpected incoming "refund" (the "we refunded you too much, send it back" trick)."""

from __future__ import annotations

from operator import attrgetter

import numpy as np

from okguard.detectors.columns import DAY, STATUS_CODE, Columns, IntArray
from okguard.detectors.names import is_scam_wording, normalise_name
from okguard.detectors.new_payee import new_payee_rows
from okguard.detectors.report import make_anomaly, paid
from okguard.detectors.settings import DetectorSettings
from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity
from okguard.domain.transaction import TxStatus
from okguard.i18n import Msg

REFUND_WORDS = ("退款", "退回", "返还", "refund", "reimburse", "chargeback")


def _per_currency(cols: Columns, settings: DetectorSettings, table_name: str) -> IntArray:
    table = getattr(settings, table_name)
    return np.array([settings.threshold(table, c) for c in cols.currencies], dtype=np.int64)


def _wording(cols: Columns) -> list[Anomaly]:
    found: list[Anomaly] = []
    pay = np.flatnonzero(cols.is_payment)
    bad_payee = np.array([is_scam_wording(k) is not None for k in cols.payee_keys] or [False])
    hit = np.zeros(cols.n, dtype=np.bool_)
    hit[pay] = (cols.payee[pay] >= 0) & bad_payee[np.maximum(cols.payee[pay], 0)]
    memos = list(map(attrgetter("memo"), cols.txs))
    bad_memo = {m for m in set(memos) if m and is_scam_wording(m)}
    if bad_memo:
        hit |= cols.is_payment & np.fromiter(map(bad_memo.__contains__, memos), dtype=np.bool_,
                                             count=cols.n)
    for p in np.flatnonzero(hit).tolist():
        tx = cols.tx(p)
        in_payee = is_scam_wording(tx.payee)
        phrase = in_payee or is_scam_wording(tx.memo) or ""
        template = ("Paid {amount} to {payee}, a name with “{phrase}” in it — wording scammers "
                    "use" if in_payee else
                    "Paid {amount} to {payee} with “{phrase}” in the memo — wording scammers use")
        found.append(make_anomaly(cols, AnomalyKind.SCAM_PATTERN, Severity.HIGH, [p],
                                  Msg(template, amount=paid(cols, p), payee=tx.payee,
                                      phrase=phrase), detail="wording"))
    return found


def _bursts_and_nights(cols: Columns, s: DetectorSettings) -> list[Anomaly]:
    rows = new_payee_rows(cols, s)
    rows = rows[np.argsort(cols.ts[rows], kind="stable")]
    found: list[Anomaly] = []
    floor = _per_currency(cols, s, "night_round_min")
    unit = _per_currency(cols, s, "round_amount_unit")
    if not len(rows):
        return found
    big = rows[cols.minor[rows] >= floor[cols.cur[rows]] // 2]
    window = s.scam_burst_hours * 3600
    i = 0
    while i < len(big):
        j = i
        while j + 1 < len(big) and cols.ts[big[j + 1]] - cols.ts[big[i]] <= window:
            j += 1
        if j - i + 1 >= s.scam_burst_count:
            burst = big[i:j + 1]
            hours = max(1, -(-int(cols.ts[burst[-1]] - cols.ts[burst[0]]) // 3600))
            found.append(make_anomaly(
                cols, AnomalyKind.SCAM_PATTERN, Severity.HIGH, burst,
                Msg("{count} payments to people you had never paid before within {hours} hours",
                    count=len(burst), hours=hours), detail="burst"))
            i = j + 1
        else:
            i += 1
    hour = (cols.ts[rows] % DAY) // 3600
    night = (hour >= s.night_start_hour) | (hour < s.night_end_hour)
    u = unit[cols.cur[rows]]
    round_ = (u > 0) & (cols.minor[rows] % np.maximum(u, 1) == 0)
    for p in rows[night & round_ & (cols.minor[rows] >= floor[cols.cur[rows]])].tolist():
        found.append(make_anomaly(
            cols, AnomalyKind.SCAM_PATTERN, Severity.MEDIUM, [p],
            Msg("Paid a round {amount} at night to {payee}, whom you had never paid before",
                amount=paid(cols, p), payee=cols.tx(p).payee), detail="night"))
    return found


def _is_refund_text(*texts: str) -> bool:
    return any(w in normalise_name(t) for t in texts for w in REFUND_WORDS)


def _refund_then_transfer(cols: Columns, s: DetectorSettings) -> list[Anomaly]:
    incoming = np.flatnonzero(~cols.is_out & (cols.status == STATUS_CODE[TxStatus.BOOKED]))
    out_rows = np.flatnonzero(cols.is_payment)
    out_rows = out_rows[np.argsort(cols.ts[out_rows], kind="stable")]
    out_ts = cols.ts[out_rows]
    paid_any = np.flatnonzero(cols.is_out & (cols.payee >= 0))
    by_payee = paid_any[np.lexsort((cols.ts[paid_any], cols.payee[paid_any]))]
    first = np.ones(len(by_payee), dtype=np.bool_)
    first[1:] = cols.payee[by_payee][1:] != cols.payee[by_payee][:-1]
    first_out = dict(zip(cols.payee[by_payee[first]].tolist(),
                         cols.ts[by_payee[first]].tolist(), strict=True))
    found: list[Anomaly] = []
    window = s.refund_scam_hours * 3600
    for p in incoming.tolist():
        tx = cols.tx(p)
        if not _is_refund_text(tx.payee, tx.memo, tx.kind):
            continue
        who = int(cols.payee[p])
        if who >= 0 and first_out.get(who, cols.last_ts + 1) < int(cols.ts[p]):
            continue  # a refund from someone the user paid: expected
        lo = int(np.searchsorted(out_ts, cols.ts[p], side="right"))
        hi = int(np.searchsorted(out_ts, cols.ts[p] + window, side="right"))
        onward = [int(q) for q in out_rows[lo:hi].tolist()
                  if int(cols.payee[q]) != who and int(cols.cur[q]) == int(cols.cur[p])
                  and cols.minor[q] * 100 >= cols.minor[p] * s.refund_scam_min_percent]
        if not onward:
            continue
        q = onward[0]
        found.append(make_anomaly(
            cols, AnomalyKind.SCAM_PATTERN, Severity.HIGH, [p, q],
            Msg("Received an unexpected refund of {refund} from {sender}, then paid {amount} to "
                "{payee} soon after — a common scam", refund=abs(tx.amount),
                sender=tx.payee or tx.account_name, amount=paid(cols, q),
                payee=cols.tx(q).payee), payee_pos=q, detail="refund"))
    return found


def detect_scam_patterns(cols: Columns, settings: DetectorSettings) -> list[Anomaly]:
    return (_wording(cols) + _bursts_and_nights(cols, settings)
            + _refund_then_transfer(cols, settings))
