"""Status and direction words of tabular statements; e-wallet formats subclass
Dialect to read their own vocabulary."""

from __future__ import annotations

from collections.abc import Sequence

from okguard.domain.transaction import Direction, ParsedTransaction, TxStatus

_STATUS = {
    TxStatus.BOOKED: (
        "booked",
        "posted",
        "completed",
        "complete",
        "gebucht",
        "umsatzgebucht",
        "cleared",
        "settled",
        "success",
        "successful",
        "交易成功",
        "支付成功",
        "成功",
        "已入账",
        "ok",
    ),
    TxStatus.PENDING: (
        "pending",
        "vorgemerkt",
        "umsatzvorgemerkt",
        "authorised",
        "authorized",
        "处理中",
        "未入账",
        "in progress",
        "processing",
    ),
    TxStatus.FAILED: ("failed", "declined", "rejected", "失败", "交易失败", "支付失败"),
    TxStatus.CLOSED: ("cancelled", "canceled", "closed", "voided", "void", "交易关闭", "已关闭"),
    TxStatus.REFUNDED: ("refunded", "已全额退款"),
    TxStatus.REVERSED: ("reversed", "reversal", "storniert", "storno", "冲正"),
}
GENERIC_STATUS = {word: status for status, words in _STATUS.items() for word in words}

_DIRECTIONS = {
    Direction.OUT: (
        "支出",
        "out",
        "debit",
        "d",
        "dr",
        "db",
        "s",
        "soll",
        "借",
        "借方",
        "出",
        "付款",
        "withdrawal",
        "débit",
        "debe",
        "-",
        "已支出",
    ),
    Direction.IN: (
        "收入",
        "in",
        "credit",
        "c",
        "cr",
        "h",
        "haben",
        "贷",
        "贷方",
        "入",
        "收款",
        "deposit",
        "crédit",
        "haber",
        "+",
        "已收入",
    ),
    Direction.NEUTRAL: ("不计收支", "其他", "/", "neutral", "中性交易", "资金转移"),
}
GENERIC_DIRECTION = {word: d for d, words in _DIRECTIONS.items() for word in words}


class Dialect:
    """How a format reads status and direction words; e-wallet formats subclass it."""

    institution: str | None = None
    wallet = False  # e-wallet exports mark unknown statuses/types instead of guessing
    has_finish = False

    def status(self, text: str) -> tuple[TxStatus, bool]:
        """(status, unknown)."""
        key = text.strip().lower().replace(" ", "")
        found = GENERIC_STATUS.get(key)
        return (found, False) if found is not None else (TxStatus.BOOKED, bool(key))

    def direction(self, text: str) -> tuple[Direction | None, bool]:
        """(direction, unknown); None when the cell is empty."""
        key = text.strip().lower()
        if not key:
            return None, False
        found = GENERIC_DIRECTION.get(key)
        return (found, False) if found is not None else (None, True)

    def finish(self, tx: ParsedTransaction, cells: Sequence[object]) -> ParsedTransaction:
        return tx
