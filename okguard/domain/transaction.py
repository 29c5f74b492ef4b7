"""Transactions as read from a statement and as stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from okguard.domain.money import Money


class TxStatus(StrEnum):
    """What happened to the money. Only BOOKED and PENDING move money."""

    BOOKED = "booked"  # money moved (交易成功, 支付成功, BOOK, posted)
    PENDING = "pending"  # not final yet (等待确认收货, PDNG)
    FAILED = "failed"  # attempted, did not go through (支付失败)
    CLOSED = "closed"  # order closed / cancelled: no money moved (交易关闭)
    REFUNDED = "refunded"  # fully refunded afterwards (已全额退款, 退款成功 on the original)
    REVERSED = "reversed"  # a reversal entry (RvslInd, RC/RD in MT940)

    @property
    def moves_money(self) -> bool:
        return self in (TxStatus.BOOKED, TxStatus.PENDING, TxStatus.REVERSED)


class Direction(StrEnum):
    OUT = "out"
    IN = "in"
    # Alipay 不计收支 / WeChat "/": transfers between the user's own pots, fund
    # purchases, refunds. The amount keeps its sign as best known; totals skip it.
    NEUTRAL = "neutral"


@dataclass(frozen=True, slots=True)
class StatementAccount:
    """An account as a statement file names it."""

    key: str  # IBAN, OFX ACCTID, wallet login ... ; "" when the file does not say
    name: str | None = None
    currency: str | None = None
    institution: str | None = None  # "Alipay", "WeChat Pay", "ICBC", a BIC ...
    kind: str | None = None  # checking, credit_card, wallet, savings ...


@dataclass(frozen=True, slots=True)
class ParsedTransaction:
    """One statement row, normalised. Produced by an importer, not yet stored."""

    line: int  # 1-based line (text formats) or record number in the source file
    occurred_at: datetime  # naive local time, or aware when the source gives a zone
    has_time: bool  # False when the source only gives a date
    amount: Money  # signed: outflow negative
    payee: str = ""
    payee_account: str | None = None  # counterparty account / card / wallet id
    memo: str = ""
    reference: str | None = None  # provider's transaction id (交易单号, FITID, AcctSvcrRef)
    status: TxStatus = TxStatus.BOOKED
    direction: Direction | None = None  # None: derive from the sign of amount
    kind: str = ""  # provider's transaction type as written (交易类型, TRNTYPE, BkTxCd)
    category: str = ""
    account_key: str = ""  # StatementAccount.key this row belongs to
    counterpart_ref: str | None = None  # e.g. merchant order no. (商家订单号)
    funding: str = ""  # how it was paid: 招商银行储蓄卡(1234), 余额, card ...
    unknown_type: bool = False  # e-wallet type okguard does not know: imported and marked
    raw: tuple[str, ...] = field(default=(), compare=False)  # the source cells as read

    @property
    def effective_direction(self) -> Direction:
        if self.direction is not None:
            return self.direction
        return Direction.OUT if self.amount.minor < 0 else Direction.IN


@dataclass(frozen=True, slots=True)
class Transaction:
    """A stored transaction, as the rest of the app sees it."""

    id: int
    account_id: int
    account_name: str
    occurred_at: datetime
    has_time: bool
    amount: Money
    payee: str
    payee_account: str | None
    memo: str
    reference: str | None
    status: TxStatus
    direction: Direction
    kind: str
    category: str
    funding: str = ""
    unknown_type: bool = False
    link_id: int | None = None  # the same payment seen on another account
    reviewed: bool = False
    batch_id: int | None = None

    @property
    def is_outflow(self) -> bool:
        return self.direction is Direction.OUT

    @property
    def moves_money(self) -> bool:
        return self.status.moves_money and self.direction is not Direction.NEUTRAL
