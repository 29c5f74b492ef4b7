"""WeChat Pay (微信支付) bill exports, CSV and xlsx: header located by content
below the 微信支付账单明细 block, ¥ amounts, 收/支 with "/" for neutral rows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from okguard.domain.transaction import Direction, ParsedTransaction, StatementAccount, TxStatus
from okguard.importers.base import Importer, ImportOptions, SourceFile, Statement
from okguard.importers.csv_generic import decoded_head, head_rows, looks_foreign, open_csv_table
from okguard.importers.excel import excel_kind, open_sheets, read_sheets
from okguard.importers.tabular_dialect import Dialect
from okguard.importers.tabular_headers import normalise
from okguard.importers.tabular_table import find_header
from okguard.importers.tabular_values import clean

_STATUS = {
    "支付成功": TxStatus.BOOKED,
    "已存入零钱": TxStatus.BOOKED,
    "已转账": TxStatus.BOOKED,
    "朋友已收钱": TxStatus.BOOKED,
    "对方已收钱": TxStatus.BOOKED,
    "已收钱": TxStatus.BOOKED,
    "已到账": TxStatus.BOOKED,
    "提现已到账": TxStatus.BOOKED,
    "充值完成": TxStatus.BOOKED,
    "充值成功": TxStatus.BOOKED,
    "已收款": TxStatus.BOOKED,
    "已领取": TxStatus.BOOKED,
    "已全额退款": TxStatus.REFUNDED,
    "已退款": TxStatus.REFUNDED,
    "对方已退还": TxStatus.REFUNDED,
    "已退还": TxStatus.REFUNDED,
    "支付失败": TxStatus.FAILED,
    "提现失败": TxStatus.FAILED,
    "等待确认": TxStatus.PENDING,
    "提现处理中": TxStatus.PENDING,
    "处理中": TxStatus.PENDING,
    "待领取": TxStatus.PENDING,
    "已关闭": TxStatus.CLOSED,
    "已撤销": TxStatus.CLOSED,
}
_PARTIAL_REFUND = re.compile(r"^已退款\s*[(（]\s*[¥￥]?\s*[\d.,]+\s*[)）]$")
_DIRECTION = {
    "支出": Direction.OUT,
    "收入": Direction.IN,
    "/": Direction.NEUTRAL,
    "": Direction.NEUTRAL,
}
KNOWN_TYPES = frozenset(
    [
        "商户消费",
        "微信红包",
        "转账",
        "扫二维码付款",
        "二维码收款",
        "零钱提现",
        "零钱充值",
        "信用卡还款",
        "购买理财通",
        "亲属卡交易",
        "赞赏码",
        "群收款",
        "其他",
        "退款",
        "充值",
        "提现",
        "微信红包（单发）",
        "微信红包（群红包）",
        "微信红包-退款",
        "转账-退款",
        "理财通",
        "零钱通",
        "分付还款",
        "经营账户",
        "面对面红包",
        "AA收款",
        "有退款",
    ]
)
_KNOWN_PREFIXES = (
    "零钱通",
    "转入零钱通",
    "理财通",
    "微信红包",
    "转账",
    "亲属卡",
    "信用卡还款",
    "退款",
    "扫二维码",
)
_MARKERS = ("微信支付账单明细", "微信昵称")
_NICKNAME = re.compile(r"微信昵称[:：]\s*\[([^\]]*)\]")


def _known_type(kind: str) -> bool:
    return kind in KNOWN_TYPES or kind.startswith(_KNOWN_PREFIXES)


class WechatDialect(Dialect):
    institution = "WeChat Pay"
    wallet = True
    has_finish = True

    def status(self, text: str) -> tuple[TxStatus, bool]:
        key = text.strip()
        found = _STATUS.get(key)
        if found is not None:
            return found, False
        if _PARTIAL_REFUND.match(key):
            return TxStatus.BOOKED, False  # partly refunded: the rest still moved
        return TxStatus.BOOKED, bool(key)

    def direction(self, text: str) -> tuple[Direction | None, bool]:
        found = _DIRECTION.get(text.strip())
        return (found, False) if found is not None else (None, True)

    def finish(self, tx: ParsedTransaction, cells: Sequence[object]) -> ParsedTransaction:
        unknown = tx.unknown_type or not _known_type(tx.kind)
        status_text = next((clean(c) for c in cells if _PARTIAL_REFUND.match(clean(c))), "")
        if status_text:
            memo = f"{tx.memo} | {status_text}" if tx.memo else status_text
            return replace(tx, memo=memo, unknown_type=unknown)
        if unknown != tx.unknown_type:
            return replace(tx, unknown_type=unknown)
        return tx


def _has_marker(rows: Sequence[Sequence[object]]) -> bool:
    return any(marker in clean(c) for r in rows[:30] for c in r for marker in _MARKERS)


def _wechat_header(rows: Sequence[Sequence[object]]) -> bool:
    found = find_header(rows)
    if found is None:
        return False
    names = {normalise(h) for h in rows[found[0]]}
    return {"交易单号", "商户单号"} <= names and "交易类型" in names


def _account(statement: Statement, key: str) -> Statement:
    statement.accounts = [
        StatementAccount(key=key, currency="CNY", institution="WeChat Pay", kind="wallet")
    ]
    return statement


class WechatImporter(Importer):
    format_id = "wechat"
    label = "WeChat Pay (微信支付)"

    def identify(self, source: SourceFile) -> int:
        if excel_kind(source) == "xlsx":
            try:
                sheets = read_sheets(source, max_rows=60)
            except Exception:  # a broken workbook is the Excel importer's to report
                return 0
            rows = sheets[0][1] if sheets else []
            if _has_marker(rows) and _wechat_header(rows):
                return 95
            return 0
        if looks_foreign(source):
            return 0
        text_rows: list[list[object]] = [list(r) for r in head_rows(source, limit=60)]
        if not _wechat_header(text_rows):
            return 0
        return 95 if _has_marker(text_rows) else 80

    def open(self, source: SourceFile, options: ImportOptions) -> Statement:
        if excel_kind(source) == "xlsx":
            # Only the first sheet: exports carry copies of the same bill on later sheets.
            sheets = read_sheets(source)[:1]
            statement = open_sheets(sheets, options, self.format_id, WechatDialect(), "WeChat Pay")
            return _account(statement, statement.accounts[0].key)
        statement, table = open_csv_table(
            source, options, self.format_id, WechatDialect(), "WeChat Pay"
        )
        key = table.account.key
        if not key:
            m = _NICKNAME.search(decoded_head(source))
            key = m.group(1) if m else ""
            table.builder.account_key = key
        return _account(statement, key)
