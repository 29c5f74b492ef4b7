"""``system_error``: the provider got it wrong. A payment marked failed or closed
whose money still left (the same payment booked on the funding account) and did not
come back, a pending
payment stuck for days, a reversal without the entry it reverses, a payment marked
refunded whose refund never arrived.

"Now" is the newest transaction in the history, so results do not depend on the
day the scan runs.
"""

from __future__ import annotations

import numpy as np

from okguard.detectors.columns import DAY, STATUS_CODE, Columns, IntArray
from okguard.detectors.names import normalise_name
from okguard.detectors.report import make_anomaly, paid
from okguard.detectors.scam_pattern import REFUND_WORDS
from okguard.detectors.settings import DetectorSettings
from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity
from okguard.domain.transaction import TxStatus
from okguard.i18n import Msg

_BOOKED, _PENDING = STATUS_CODE[TxStatus.BOOKED], STATUS_CODE[TxStatus.PENDING]
_FAILED, _CLOSED = STATUS_CODE[TxStatus.FAILED], STATUS_CODE[TxStatus.CLOSED]
_REVERSED, _REFUNDED = STATUS_CODE[TxStatus.REVERSED], STATUS_CODE[TxStatus.REFUNDED]
_STATUSES = list(TxStatus)


def _failed_but_debited(cols: Columns, s: DetectorSettings) -> list[Anomaly]:
    found: list[Anomaly] = []
    failed = np.flatnonzero(cols.is_out & ((cols.status == _FAILED) | (cols.status == _CLOSED)))
    if not len(failed):
        return found
    index = _by_amount(cols, np.flatnonzero(cols.is_out & (cols.status == _BOOKED)),
                       per_account=False)
    window = s.failed_debit_days * DAY
    back = _by_amount(cols, np.flatnonzero(~cols.is_out & (cols.status == _BOOKED)),
                      per_account=False)
    for p in failed.tolist():
        partner = cols.partner.get(p)
        debit: int | None = None
        if partner is not None and cols.status[partner] == _BOOKED and cols.is_out[partner]:
            debit = partner
        else:
            # Funded from a card: the card's statement shows the debit, often unlinked.
            # Without a funding source on record, the debit must name the merchant.
            funding, payee = cols.text("funding", p), cols.payee_name(p)
            for q in _same_amount(cols, index, p, per_account=False).tolist():
                if cols.account_id[q] != cols.account_id[p] and q not in cols.partner and \
                        abs(int(cols.ts[q]) - int(cols.ts[p])) <= window and \
                        (funding or _names(cols.payee_name(q), payee)
                         or _names_account(cols.payee_name(q), cols.account_name(p))):
                    debit = q
                    break
        if debit is None or _refunded(cols, s, p, debit, back):
            continue
        found.append(make_anomaly(
            cols, AnomalyKind.SYSTEM_ERROR, Severity.HIGH, [p, debit],
            Msg("Payment of {amount} to {payee} is marked {status} but {account} was charged",
                amount=paid(cols, p), payee=cols.payee_name(p),
                status=Msg(_STATUSES[cols.status[p]].value), account=cols.account_name(debit)),
            payee_pos=p, detail="failed_debited"))
    return found


def _names(text: str, payee: str) -> bool:
    """Whether a bank row's text names the wallet payment's payee (财付通-苏宁易购)."""
    who = normalise_name(payee)
    return len(who) >= 2 and who in normalise_name(text)


def _names_account(text: str, account_name: str) -> bool:
    """Whether a bank row's text names the wallet account itself (VENMO PAYMENT)."""
    words = [w for w in normalise_name(account_name).split() if len(w) >= 4
             and not any(ch.isdigit() for ch in w)]
    low = normalise_name(text)
    return any(w in low for w in words)


def _refunded(cols: Columns, s: DetectorSettings, failed: int, debit: int,
              back: tuple[IntArray, IntArray]) -> bool:
    """Whether the money of a failed or closed payment came back: the same amount
    credited to the charged account or the wallet, or named a refund, within the time a
    refund takes (an order closed after its refund is settled, not an error)."""
    start = min(int(cols.ts[failed]), int(cols.ts[debit]))
    accounts = {int(cols.account_id[failed]), int(cols.account_id[debit])}
    for q in _same_amount(cols, back, debit, per_account=False).tolist():
        if start <= int(cols.ts[q]) <= start + s.refund_expected_days * DAY and (
                int(cols.account_id[q]) in accounts or _mentions_refund(cols, q)):
            return True
    return False


def _stuck_pending(cols: Columns, s: DetectorSettings) -> list[Anomaly]:
    limit = cols.last_ts - s.pending_stuck_days * DAY
    pending = np.flatnonzero(cols.is_out & (cols.status == _PENDING) & (cols.ts <= limit))
    found: list[Anomaly] = []
    for p in pending.tolist():
        days = (cols.last_ts - int(cols.ts[p])) // DAY
        found.append(make_anomaly(
            cols, AnomalyKind.SYSTEM_ERROR, Severity.MEDIUM, [p],
            Msg("Payment of {amount} to {payee} has been pending for {days} days",
                amount=paid(cols, p), payee=cols.payee_name(p), days=days),
            detail="pending"))
    return found


def _by_amount(cols: Columns, rows: IntArray, per_account: bool) -> tuple[IntArray, IntArray]:
    """``rows`` sorted by (account,) currency, amount, time, with the sort keys, so the
    rows of one amount are a ``searchsorted`` range."""
    key = _amount_key(cols, rows, per_account)
    order = np.lexsort((cols.ts[rows], key))
    return rows[order], key[order]


def _amount_key(cols: Columns, rows: IntArray | int, per_account: bool) -> IntArray:
    base = cols.cur[rows] * (1 << 42) + cols.minor[rows]
    if per_account:
        base = base + cols.account_id[rows] * (64 << 42)
    return np.asarray(base, dtype=np.int64)


def _same_amount(cols: Columns, index: tuple[IntArray, IntArray], p: int, per_account: bool
                 ) -> IntArray:
    rows, keys = index
    k = int(_amount_key(cols, p, per_account))
    lo, hi = np.searchsorted(keys, [k, k + 1])
    return rows[lo:hi]


def _lonely_reversals(cols: Columns, s: DetectorSettings) -> list[Anomaly]:
    reversals = np.flatnonzero(cols.status == _REVERSED)
    found: list[Anomaly] = []
    if not len(reversals):
        return found
    index = _by_amount(cols, np.arange(cols.n, dtype=np.int64), per_account=True)
    window = s.reversal_pair_days * DAY
    for p in reversals.tolist():
        same = _same_amount(cols, index, p, per_account=True)
        if any(cols.is_out[q] != cols.is_out[p] and abs(int(cols.ts[q] - cols.ts[p])) <= window
               for q in same.tolist()):
            continue
        found.append(make_anomaly(
            cols, AnomalyKind.SYSTEM_ERROR, Severity.MEDIUM, [p],
            Msg("A reversal of {amount} ({payee}) has no matching original payment",
                amount=paid(cols, p), payee=cols.payee_name(p) or cols.text("memo", p)),
            detail="reversal"))
    return found


def _missing_refunds(cols: Columns, s: DetectorSettings) -> list[Anomaly]:
    refunded = np.flatnonzero(cols.is_out & (cols.status == _REFUNDED) &
                              (cols.ts <= cols.last_ts - s.refund_expected_days * DAY))
    if not len(refunded):
        return []
    index = _by_amount(cols, np.flatnonzero(~cols.is_out), per_account=False)
    found: list[Anomaly] = []
    window = s.refund_expected_days * DAY
    for p in refunded.tolist():
        near = [q for q in _same_amount(cols, index, p, per_account=False).tolist()
                if cols.ts[p] <= cols.ts[q] <= cols.ts[p] + window]
        if any(cols.payee[q] == cols.payee[p] or _mentions_refund(cols, q) for q in near):
            continue
        found.append(make_anomaly(
            cols, AnomalyKind.SYSTEM_ERROR, Severity.MEDIUM, [p],
            Msg("Payment of {amount} to {payee} is marked refunded, but no refund arrived within "
                "{days} days", amount=paid(cols, p), payee=cols.payee_name(p),
                days=s.refund_expected_days), detail="refund_missing"))
    return found


def _mentions_refund(cols: Columns, pos: int) -> bool:
    text = f"{cols.payee_name(pos)} {cols.text('memo', pos)} {cols.text('kind', pos)}".casefold()
    return any(w in text for w in REFUND_WORDS)


def detect_system_errors(cols: Columns, settings: DetectorSettings) -> list[Anomaly]:
    return (_failed_but_debited(cols, settings) + _stuck_pending(cols, settings)
            + _lonely_reversals(cols, settings) + _missing_refunds(cols, settings))
