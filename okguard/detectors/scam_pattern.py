"""``scam_pattern``: scam wording in a payee or memo, a burst of transfers to new
payees, round amounts at night to new payees, and money sent on soon after an
unexpected incoming "refund" (the "we refunded you too much, send it back" trick).

What ordinary life also does is kept below high: a gift card or a rental deposit
named once, New Year money to several relatives (a burst that adds up to little),
a business that takes on new suppliers every week, the refund of a purchase that
the bank names differently from the shop."""

from __future__ import annotations

import numpy as np

from okguard.detectors.columns import DAY, STATUS_CODE, BoolArray, Columns, IntArray
from okguard.detectors.names import WEAK_SCAM_PHRASES, is_scam_wording, normalise_name
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


def _wording(cols: Columns, s: DetectorSettings) -> list[Anomaly]:
    found: list[Anomaly] = []
    pay = np.flatnonzero(cols.is_payment)
    bad_payee = np.array([is_scam_wording(k) is not None for k in cols.payee_keys] or [False])
    hit = np.zeros(cols.n, dtype=np.bool_)
    hit[pay] = (cols.payee[pay] >= 0) & bad_payee[np.maximum(cols.payee[pay], 0)]
    memo, memos = cols.texts("memo")
    bad_memo = np.array([bool(m) and is_scam_wording(m) is not None for m in memos] or [False])
    if bad_memo.any():
        hit |= cols.is_payment & bad_memo[memo]
    rows = np.flatnonzero(hit)
    if not len(rows):
        return found
    phrases = {p: is_scam_wording(cols.payee_name(p)) or is_scam_wording(cols.text("memo", p)) or ""
               for p in rows.tolist()}
    weak = [p for p, phrase in phrases.items() if phrase in WEAK_SCAM_PHRASES]
    weak_ts = np.sort(cols.ts[weak]) if weak else np.zeros(0, dtype=np.int64)
    new = set(new_payee_rows(cols, s).tolist())
    floor = _per_currency(cols, s, "night_round_min")
    window = s.scam_burst_hours * 3600
    for p in rows.tolist():
        payee = cols.payee_name(p)
        in_payee = is_scam_wording(payee)
        phrase = phrases[p]
        severity = Severity.HIGH
        if phrase in WEAK_SCAM_PHRASES:
            # Everyday wording: high when repeated within hours (gift cards bought in a
            # row) or on a large first payment to someone new.
            t = int(cols.ts[p])
            near = int(np.searchsorted(weak_ts, t + window, side="right")
                       - np.searchsorted(weak_ts, t - window, side="left"))
            big_new = p in new and cols.minor[p] >= floor[cols.cur[p]]
            severity = Severity.HIGH if near > 1 or big_new else Severity.MEDIUM
        template = ("Paid {amount} to {payee}, a name with “{phrase}” in it — wording scammers "
                    "use" if in_payee else
                    "Paid {amount} to {payee} with “{phrase}” in the memo — wording scammers use")
        found.append(make_anomaly(cols, AnomalyKind.SCAM_PATTERN, severity, [p],
                                  Msg(template, amount=paid(cols, p), payee=payee,
                                      phrase=phrase), detail="wording"))
    return found


def _burst_members(cols: Columns, s: DetectorSettings) -> IntArray:
    """Payments, in time order, to payees first paid at most ``scam_burst_hours``
    earlier (a day on statements without times), once the history is long enough to
    call anyone new, of round amounts: what a scammer asks for, unlike the card
    purchases of a holiday abroad or a supplier's invoice."""
    first = new_payee_rows(cols, s)
    if not len(first):
        return first
    first_ts = np.full(len(cols.payee_keys), -1, dtype=np.int64)
    first_ts[cols.payee[first]] = cols.ts[first]
    pay = np.flatnonzero(cols.is_payment & (cols.payee >= 0))
    since = first_ts[cols.payee[pay]]
    unit = _per_currency(cols, s, "round_amount_unit")[cols.cur[pay]]
    amount = cols.minor[pay]
    reach = np.where(cols.has_time[pay], s.scam_burst_hours * 3600, max(DAY, s.scam_burst_hours
                                                                      * 3600))
    member = (since >= 0) & (cols.ts[pay] - since <= reach) & (cols.ts[pay] >= since) & (
        unit > 0) & (amount >= unit) & (amount % np.maximum(unit, 1) == 0)
    rows = pay[member]
    ordered: IntArray = rows[np.lexsort((cols.ids[rows], cols.ts[rows]))]
    return ordered


def _night(cols: Columns, s: DetectorSettings, rows: IntArray) -> BoolArray:
    hour = (cols.ts[rows] % DAY) // 3600
    # A statement with dates only puts every row at midnight: no time, no night.
    late = (hour >= s.night_start_hour) | (hour < s.night_end_hour)
    flags: BoolArray = late & cols.has_time[rows]
    return flags


def _bursts(cols: Columns, s: DetectorSettings) -> list[Anomaly]:
    members = _burst_members(cols, s)
    found: list[Anomaly] = []
    if len(members) < s.scam_burst_count:
        return found
    window = s.scam_burst_hours * 3600
    ts = cols.ts[members]
    groups: list[IntArray] = []
    i = 0
    while i < len(members):
        reach = window if cols.has_time[members[i]] else max(window, DAY)
        j = int(np.searchsorted(ts, ts[i] + reach, side="right")) - 1
        burst = members[i:j + 1]
        several = len(set(cols.payee[burst].tolist())) > 1 or bool(_night(cols, s, burst).all())
        if len(burst) >= s.scam_burst_count and several:
            groups.append(burst)
            i = j + 1
        else:
            i += 1
    threshold = _per_currency(cols, s, "new_payee_threshold")
    days = cols.ts[members] // DAY
    per_day = np.unique(days, return_counts=True)
    busy_days = set(per_day[0][per_day[1] >= 2].tolist())
    for burst in groups:
        total = int(cols.minor[burst].sum())
        cur = int(cols.cur[burst[0]])
        others = busy_days - set((cols.ts[burst] // DAY).tolist())
        big = threshold[cur] > 0 and total >= threshold[cur] * s.scam_burst_high_multiple
        routine = len(others) >= s.scam_burst_routine_days
        hours = max(1, -(-int(cols.ts[burst[-1]] - cols.ts[burst[0]]) // 3600))
        found.append(make_anomaly(
            cols, AnomalyKind.SCAM_PATTERN, Severity.HIGH if big and not routine
            else Severity.MEDIUM, burst,
            Msg("{count} payments to people you had never paid before within {hours} hours",
                count=len(burst), hours=hours), detail="burst"))
    return found


def _nights(cols: Columns, s: DetectorSettings) -> list[Anomaly]:
    rows = new_payee_rows(cols, s)
    found: list[Anomaly] = []
    if not len(rows):
        return found
    floor = _per_currency(cols, s, "night_round_min")
    unit = _per_currency(cols, s, "round_amount_unit")
    u = unit[cols.cur[rows]]
    round_ = (u > 0) & (cols.minor[rows] % np.maximum(u, 1) == 0)
    for p in rows[_night(cols, s, rows) & round_ &
                  (cols.minor[rows] >= floor[cols.cur[rows]])].tolist():
        found.append(make_anomaly(
            cols, AnomalyKind.SCAM_PATTERN, Severity.MEDIUM, [p],
            Msg("Paid a round {amount} at night to {payee}, whom you had never paid before",
                amount=paid(cols, p), payee=cols.payee_name(p)), detail="night"))
    return found


def _is_refund_text(text: str) -> bool:
    low = normalise_name(text)
    return any(w in low for w in REFUND_WORDS)


def _refund_worded(cols: Columns) -> BoolArray:
    """Per row: the payee, memo or kind calls it a refund (tested once per distinct text)."""
    worded = np.zeros(cols.n, dtype=np.bool_)
    for name in ("payee", "memo", "kind"):
        codes, values = cols.texts(name)
        if values:
            worded |= np.array([_is_refund_text(v) for v in values])[codes]
    return worded


def _refund_then_transfer(cols: Columns, s: DetectorSettings) -> list[Anomaly]:
    incoming = np.flatnonzero(~cols.is_out & (cols.status == STATUS_CODE[TxStatus.BOOKED]))
    incoming = incoming[_refund_worded(cols)[incoming]]
    if not len(incoming):
        return []
    new = new_payee_rows(cols, s)
    new = new[np.argsort(cols.ts[new], kind="stable")]
    new_ts = cols.ts[new]
    paid_any = np.flatnonzero(cols.is_out & (cols.payee >= 0))
    by_payee = paid_any[np.lexsort((cols.ts[paid_any], cols.payee[paid_any]))]
    first = np.ones(len(by_payee), dtype=np.bool_)
    first[1:] = cols.payee[by_payee][1:] != cols.payee[by_payee][:-1]
    first_out = dict(zip(cols.payee[by_payee[first]].tolist(),
                         cols.ts[by_payee[first]].tolist(), strict=True))
    # Amounts paid out, to tell the refund of a real purchase from money out of nowhere.
    out_rows = np.flatnonzero(cols.is_out & (cols.status != STATUS_CODE[TxStatus.FAILED]))
    out_key = cols.cur[out_rows] * (1 << 42) + cols.minor[out_rows]
    out_order = np.lexsort((cols.ts[out_rows], out_key))
    out_key, out_ts = out_key[out_order], cols.ts[out_rows][out_order]
    found: list[Anomaly] = []
    window = s.refund_scam_hours * 3600
    for p in incoming.tolist():
        who = int(cols.payee[p])
        if who >= 0 and first_out.get(who, cols.last_ts + 1) < int(cols.ts[p]):
            continue  # a refund from someone the user paid: expected
        key = int(cols.cur[p]) * (1 << 42) + int(cols.minor[p])
        lo, hi = np.searchsorted(out_key, [key, key + 1])
        t = int(cols.ts[p])
        if bool(((out_ts[lo:hi] <= t) & (out_ts[lo:hi] >= t - s.refund_explained_days * DAY))
                .any()):
            continue  # the refund of something paid before, under another name
        a = int(np.searchsorted(new_ts, t, side="right"))
        b = int(np.searchsorted(new_ts, t + window, side="right"))
        onward = [int(q) for q in new[a:b].tolist()
                  if int(cols.payee[q]) != who and int(cols.cur[q]) == int(cols.cur[p])
                  and cols.minor[q] * 100 >= cols.minor[p] * s.refund_scam_min_percent]
        if not onward:
            continue
        q = onward[0]
        found.append(make_anomaly(
            cols, AnomalyKind.SCAM_PATTERN, Severity.HIGH, [p, q],
            Msg("Received an unexpected refund of {refund} from {sender}, then paid {amount} to "
                "{payee} soon after — a common scam", refund=paid(cols, p),
                sender=cols.payee_name(p) or cols.account_name(p), amount=paid(cols, q),
                payee=cols.payee_name(q)), payee_pos=q, detail="refund"))
    return found


def detect_scam_patterns(cols: Columns, settings: DetectorSettings) -> list[Anomaly]:
    return (_wording(cols, settings) + _bursts(cols, settings) + _nights(cols, settings)
            + _refund_then_transfer(cols, settings))
