"""Alipay (支付宝) bill exports: GBK CSV in the 2021 app, 2023+ app and older web
layouts; header found by content, preamble and footer blocks skipped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from okguard.domain.transaction import Direction, ParsedTransaction, StatementAccount, TxStatus
from okguard.importers.base import Importer, ImportOptions, SourceFile, Statement
from okguard.importers.csv_generic import decoded_head, head_rows, looks_foreign, open_csv_table
from okguard.importers.tabular_dialect import Dialect
from okguard.importers.tabular_headers import normalise
from okguard.importers.tabular_table import find_header

_STATUS = {
    "交易成功": TxStatus.BOOKED,
    "支付成功": TxStatus.BOOKED,
    "还款成功": TxStatus.BOOKED,
    "充值成功": TxStatus.BOOKED,
    "提现成功": TxStatus.BOOKED,
    "已收入": TxStatus.BOOKED,
    "已支出": TxStatus.BOOKED,
    "转账成功": TxStatus.BOOKED,
    "等待确认收货": TxStatus.PENDING,
    "等待付款": TxStatus.PENDING,
    "等待发货": TxStatus.PENDING,
    "等待对方付款": TxStatus.PENDING,
    "处理中": TxStatus.PENDING,
    "交易关闭": TxStatus.CLOSED,
    "已关闭": TxStatus.CLOSED,
    "退款成功": TxStatus.REFUNDED,
    "失败": TxStatus.FAILED,
    "支付失败": TxStatus.FAILED,
    "交易失败": TxStatus.FAILED,
    "还款失败": TxStatus.FAILED,
}
_DIRECTION = {
    "支出": Direction.OUT,
    "收入": Direction.IN,
    "不计收支": Direction.NEUTRAL,
    "其他": Direction.NEUTRAL,
    "": Direction.NEUTRAL,  # old web exports leave transfers and fund moves blank
}
KNOWN_CATEGORIES = frozenset(
    [
        "餐饮美食",
        "日用百货",
        "交通出行",
        "数码电器",
        "转账红包",
        "投资理财",
        "退款",
        "充值缴费",
        "服饰装扮",
        "美容美发",
        "医疗健康",
        "教育培训",
        "文化休闲",
        "运动户外",
        "家居家装",
        "酒店旅游",
        "旅游景点",
        "爱车养车",
        "生活服务",
        "公共服务",
        "商业服务",
        "信用借还",
        "保险",
        "收入",
        "亲友代付",
        "互助保障",
        "母婴亲子",
        "宠物",
        "住房物业",
        "公益捐赠",
        "其他",
        "账户存取",
        "转账",
        "红包",
        "借贷",
        "理财",
        "还款",
        "缴费",
        "餐饮",
        "购物",
        "娱乐",
        "通讯",
        "交通",
        "教育",
        "医疗",
        "手续费",
        "网购",
        "休闲娱乐",
        "即时到账交易",
        "支付宝担保交易",
        "其他（包括阿里巴巴和外部商家）",
    ]
)
_ACCOUNT = re.compile(r"支付宝账户[:：]\s*([^\s,，]+)")
_MARKERS = ("支付宝", "电子客户回单")


def _is_refund_row(tx: ParsedTransaction, cells: Sequence[object]) -> bool:
    return tx.category == "退款" or tx.memo.startswith("退款") or tx.kind == "退款"


class AlipayDialect(Dialect):
    institution = "Alipay"
    wallet = True
    has_finish = True

    def status(self, text: str) -> tuple[TxStatus, bool]:
        key = text.strip()
        found = _STATUS.get(key)
        if found is None and key.endswith("失败"):
            found = TxStatus.FAILED
        return (found, False) if found is not None else (TxStatus.BOOKED, bool(key))

    def direction(self, text: str) -> tuple[Direction | None, bool]:
        key = text.strip()
        found = _DIRECTION.get(key)
        return (found, False) if found is not None else (None, True)

    def finish(self, tx: ParsedTransaction, cells: Sequence[object]) -> ParsedTransaction:
        unknown = tx.unknown_type or bool(tx.category and tx.category not in KNOWN_CATEGORIES)
        kind = tx.category or tx.kind
        if tx.status is TxStatus.REFUNDED and _is_refund_row(tx, cells):
            # Our choice: 退款成功 on the original payment means "fully refunded later"
            # (REFUNDED), but the 退款 row itself is the money coming back: a booked,
            # incoming, neutral row (Alipay files it under 不计收支), so totals skip it
            # and the payment it undoes keeps its REFUNDED mark.
            return replace(
                tx,
                status=TxStatus.BOOKED,
                direction=Direction.NEUTRAL,
                amount=abs(tx.amount),
                kind=kind,
                unknown_type=unknown,
            )
        if unknown != tx.unknown_type or kind != tx.kind:
            return replace(tx, kind=kind, unknown_type=unknown)
        return tx


def alipay_account(text: str) -> str:
    m = _ACCOUNT.search(text)
    return m.group(1).strip() if m else ""


class AlipayImporter(Importer):
    format_id = "alipay"
    label = "Alipay (支付宝)"

    def identify(self, source: SourceFile) -> int:
        if looks_foreign(source):
            return 0
        text = decoded_head(source)
        rows = head_rows(source, limit=80)
        found = find_header(rows)
        if found is None:
            return 0
        names = {normalise(h) for h in rows[found[0]]}
        alipay_header = {"交易订单号", "商家订单号"} <= names or {
            "交易号",
            "商户订单号",
            "交易来源地",
        } <= names
        if alipay_header and any(marker in text for marker in _MARKERS):
            return 95
        return 85 if alipay_header else 0

    def open(self, source: SourceFile, options: ImportOptions) -> Statement:
        statement, table = open_csv_table(
            source, options, self.format_id, AlipayDialect(), "Alipay"
        )
        key = table.account.key or alipay_account(decoded_head(source))
        if key != table.account.key:
            table.builder.account_key = key
        statement.accounts = [
            StatementAccount(key=key, currency="CNY", institution="Alipay", kind="wallet")
        ]
        return statement
