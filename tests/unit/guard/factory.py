"""Small builders for stored transactions in guard tests."""

from __future__ import annotations

from datetime import datetime

from okguard.domain.money import Money
from okguard.domain.transaction import Direction, Transaction, TxStatus


def tx(
    id: int,
    when: datetime,
    amount: str,
    *,
    payee: str = "Shop",
    currency: str = "CNY",
    account_id: int = 1,
    account_name: str = "招商银行储蓄卡",
    status: TxStatus = TxStatus.BOOKED,
    direction: Direction | None = None,
    payee_account: str | None = None,
    category: str = "",
    link_id: int | None = None,
    funding: str = "",
    memo: str = "",
    reviewed: bool = False,
) -> Transaction:
    """A stored row; ``amount`` is signed (outflow negative) like on a statement."""
    money = Money.of(amount, currency)
    if direction is None:
        direction = Direction.OUT if money.minor < 0 else Direction.IN
    return Transaction(
        id=id,
        account_id=account_id,
        account_name=account_name,
        occurred_at=when,
        has_time=True,
        amount=money,
        payee=payee,
        payee_account=payee_account,
        memo=memo,
        reference=f"ref-{id}",
        status=status,
        direction=direction,
        kind="",
        category=category,
        funding=funding,
        link_id=link_id,
        reviewed=reviewed,
    )


def cny(amount: str) -> Money:
    return Money.of(amount, "CNY")
