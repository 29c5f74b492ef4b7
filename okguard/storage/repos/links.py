"""Linking the same payment seen from two sources.

An Alipay/WeChat payment funded by a bank card shows on the wallet export and as a
card debit on the bank statement; a transfer between the user's own accounts shows
on both accounts. Both rows stay; ``link_id`` points each at the other so totals
and detectors count the payment once. Precision beats recall here: a wrong link
would hide a real payment, so a pair needs a textual hint, not just equal amounts.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from okguard.storage.database import Database

# How a bank statement names a payment that went through an e-wallet.
_WALLET_HINTS = ("支付宝", "alipay", "财付通", "tenpay", "微信", "wechat", "网联", "银联")
# How a wallet export names a card-funded payment (vs. its own balance 余额/零钱).
_CARD_HINTS = ("卡", "card", "银行", "bank", "(", "（")
_SELF_TRANSFER_HINTS = ("充值", "转入", "提现", "转出", "top-up", "top up", "transfer", "余额宝")
# Paying off the user's own credit (花呗, a credit card) or cashing out a payment app:
# money moves between the user's own accounts, it is not spending.
_PAYOFF_HINTS = ("还款", "repayment", "autopay", "payment thank you", "cashout", "cash out",
                 "信用卡", "credit card payment", "card payment")

_CANDIDATES = """
SELECT n.id, m.id, n.amount_minor, m.amount_minor,
       n.payee || ' ' || n.memo || ' ' || n.kind, m.payee || ' ' || m.memo || ' ' || m.kind,
       n.funding, m.funding, an.institution, am.institution,
       n.direction, m.direction, n.occurred_at, m.occurred_at
FROM transactions n
JOIN transactions m
  ON m.account_id != n.account_id
 AND m.currency = n.currency
 AND m.amount_minor IN (n.amount_minor, -n.amount_minor)
 AND m.link_id IS NULL
 AND m.occurred_at BETWEEN ? AND ?
JOIN accounts an ON an.id = n.account_id
JOIN accounts am ON am.id = m.account_id
WHERE n.id = ? AND n.link_id IS NULL AND n.amount_minor != 0
  AND n.status IN ('booked', 'pending') AND m.status IN ('booked', 'pending')
"""


def _has(text: str, hints: tuple[str, ...]) -> bool:
    low = text.casefold()
    return any(h in low for h in hints)


def _words(institution: str) -> tuple[str, ...]:
    return tuple(w for w in institution.casefold().split() if len(w) > 1)


def _is_pair(row: tuple[object, ...]) -> bool:
    (_, _, n_amt, m_amt, n_text, m_text, n_fund, m_fund, n_acc, m_acc, n_dir, m_dir, _, _) = row
    n_text, m_text = str(n_text), str(m_text)
    n_fund, m_fund, n_acc, m_acc = str(n_fund), str(m_fund), str(n_acc), str(m_acc)
    if n_amt == m_amt:
        # Card-funded wallet payment: one side is a wallet row paid by card, the
        # other a bank row whose text names the wallet.
        wallet_side = (_has(n_fund, _CARD_HINTS) and _has(m_text, _WALLET_HINTS)) or (
            _has(m_fund, _CARD_HINTS) and _has(n_text, _WALLET_HINTS)
        )
        return wallet_side
    # Own transfer: money out of one account and into (or neutral on) the other,
    # with the text on one side naming the other account or a top-up/withdrawal.
    neutral = "neutral" in (n_dir, m_dir)
    names_other = _has(n_text, _words(m_acc)) or _has(m_text, _words(n_acc))
    hints = _SELF_TRANSFER_HINTS + _PAYOFF_HINTS
    hinted = _has(n_text, hints) or _has(m_text, hints)
    # Out on one account and in on the other, both sides saying so: one movement.
    both_say_so = {n_dir, m_dir} == {"out", "in"} and _has(n_text, hints) and _has(m_text, hints)
    return names_other or (neutral and hinted) or both_say_so


def link_same_payments(db: Database, batch_id: int) -> int:
    """Link rows of ``batch_id`` to their counterpart on another account; returns pairs."""
    conn = db.raw_connection()
    try:
        n_accounts = conn.execute("SELECT COUNT(*) FROM accounts").fetchone()[0]
        if n_accounts < 2:
            return 0
        return _link(conn, batch_id)
    finally:
        conn.close()


def _link(conn: sqlite3.Connection, batch_id: int) -> int:
    new = conn.execute(
        "SELECT id, occurred_at FROM transactions WHERE batch_id = ? AND link_id IS NULL",
        (batch_id,),
    ).fetchall()
    pairs = 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for tx_id, when in new:
            at = datetime.fromisoformat(when)
            lo = (at - timedelta(days=2)).isoformat()
            hi = (at + timedelta(days=2)).isoformat()
            rows = [r for r in conn.execute(_CANDIDATES, (lo, hi, tx_id)).fetchall() if _is_pair(r)]
            if not rows:
                continue
            # The closest in time wins when several match (e.g. two equal metro fares).
            rows.sort(key=lambda r: abs((datetime.fromisoformat(r[13]) - at).total_seconds()))
            other = rows[0][1]
            conn.execute("UPDATE transactions SET link_id = ? WHERE id = ?", (other, tx_id))
            conn.execute("UPDATE transactions SET link_id = ? WHERE id = ?", (tx_id, other))
            pairs += 1
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return pairs
