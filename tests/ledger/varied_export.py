"""Writing a varied ledger as the statement files its user would download: a bank
CSV per account (English headers, or Chinese for a Chinese bank), an Alipay bill
export (GBK, preamble and footer) and a WeChat Pay bill export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from okguard.domain.transaction import Direction, TxStatus
from tests.ledger.varied_base import Account, Row, VariedLedger

_EN_STATUS = {TxStatus.BOOKED: "Posted", TxStatus.PENDING: "Pending", TxStatus.FAILED: "Failed",
              TxStatus.CLOSED: "Cancelled", TxStatus.REFUNDED: "Refunded",
              TxStatus.REVERSED: "Reversed"}
_CN_STATUS = {TxStatus.BOOKED: "交易成功", TxStatus.PENDING: "处理中", TxStatus.FAILED: "交易失败",
              TxStatus.CLOSED: "交易关闭", TxStatus.REFUNDED: "已全额退款",
              TxStatus.REVERSED: "冲正"}
_ALIPAY_STATUS = {TxStatus.BOOKED: "交易成功", TxStatus.PENDING: "等待确认收货",
                  TxStatus.FAILED: "支付失败", TxStatus.CLOSED: "交易关闭",
                  TxStatus.REFUNDED: "退款成功", TxStatus.REVERSED: "交易成功"}
_WECHAT_STATUS = {TxStatus.BOOKED: "支付成功", TxStatus.PENDING: "处理中",
                  TxStatus.FAILED: "支付失败", TxStatus.CLOSED: "已关闭",
                  TxStatus.REFUNDED: "已全额退款", TxStatus.REVERSED: "支付成功"}


def write_statements(ledger: VariedLedger, folder: Path) -> list[tuple[Path, Account]]:
    """One file per account, in the shape that account's provider exports."""
    out: list[tuple[Path, Account]] = []
    for acc in ledger.accounts:
        rows = [r for r in ledger.rows if r.account is acc]
        if acc.export == "alipay":
            path = folder / f"支付宝交易明细-{acc.id}.csv"
            path.write_bytes(_alipay(rows, acc).encode("gb18030"))
        elif acc.export == "wechat":
            path = folder / f"微信支付账单-{acc.id}.csv"
            path.write_bytes(_wechat(rows).encode("utf-8-sig"))
        elif acc.currency == "CNY":
            path = folder / f"bank-{acc.id}.csv"
            path.write_text(_cn_bank(rows), encoding="utf-8")
        else:
            path = folder / f"statement-{acc.id}.csv"
            path.write_text(_en_bank(rows, acc), encoding="utf-8")
        out.append((path, acc))
    return out


def _table(header: list[str], lines: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(lines)
    return buf.getvalue()


def _en_bank(rows: list[Row], acc: Account) -> str:
    timed = acc.export != "csv_date"
    header = ["Date/Time" if timed else "Date", "Payee", "Payee Account", "Description",
              "Amount", "Currency", "Status", "Reference", "Type", "Category"]
    wallet = any(r.funding for r in rows)  # Venmo-style exports name the funding source
    lines = [[r.when.strftime("%Y-%m-%d %H:%M:%S") if timed else r.when.strftime("%Y-%m-%d"),
              r.payee, r.payee_account or "", r.memo, f"{r.amount:.2f}", acc.currency,
              _EN_STATUS[r.status], r.ref, r.kind, r.category] + ([r.funding] if wallet else [])
             for r in rows]
    if wallet:
        header.append("Funding Source")
    return _table(header, lines)


def _cn_bank(rows: list[Row]) -> str:
    header = ["交易时间", "交易对方", "对方账号", "摘要", "金额", "币种", "交易状态", "交易流水号",
              "交易类型"]
    lines = [[r.when.strftime("%Y-%m-%d %H:%M:%S"), r.payee, r.payee_account or "", r.memo,
              f"{r.amount:.2f}", "人民币", _CN_STATUS[r.status], r.ref, r.kind] for r in rows]
    return _table(header, lines)


def _direction(r: Row) -> str:
    if r.direction is Direction.NEUTRAL:
        return "不计收支"
    return "支出" if r.amount < 0 else "收入"


def _alipay(rows: list[Row], acc: Account) -> str:
    ordered = sorted(rows, key=lambda r: r.when, reverse=True)  # newest first, as exported
    first, last = min(r.when for r in rows), max(r.when for r in rows)
    head = (
        "------------------------------------------------------------------------------------\n"
        "导出信息：\n姓名：**\n"
        f"支付宝账户：{acc.key}\n"
        f"起始时间：[{first:%Y-%m-%d} 00:00:00]    终止时间：[{last:%Y-%m-%d} 23:59:59]\n"
        "导出交易类型：[全部]\n"
        f"共{len(rows)}笔记录\n\n"
        "特别提示：\n1.本回单内容可表明支付宝受理了相应支付交易申请；\n\n"
        "------------------------支付宝支付科技有限公司  电子客户回单------------------------\n"
    )
    header = ["交易时间", "交易分类", "交易对方", "对方账号", "商品说明", "收/支", "金额",
              "收/付款方式", "交易状态", "交易订单号", "商家订单号", "备注", ""]
    lines = []
    for r in ordered:
        status = _ALIPAY_STATUS[r.status]
        if r.category == "退款" and r.direction is Direction.NEUTRAL:
            status = "退款成功"
        lines.append([r.when.strftime("%Y-%m-%d %H:%M:%S"), r.category, r.payee,
                      r.payee_account or "/", r.memo, _direction(r), f"{abs(r.amount):.2f}",
                      r.funding, status, r.ref + "\t", "", "", ""])
    return head + _table(header, lines)


def _wechat(rows: list[Row]) -> str:
    ordered = sorted(rows, key=lambda r: r.when, reverse=True)
    first, last = min(r.when for r in rows), max(r.when for r in rows)
    head = (
        "微信支付账单明细,,,,,,,,,,\n微信昵称：[测试],,,,,,,,,,\n"
        f"起始时间：[{first:%Y-%m-%d} 00:00:00] 终止时间：[{last:%Y-%m-%d} 23:59:59],,,,,,,,,,\n"
        "导出类型：[全部],,,,,,,,,,\n,,,,,,,,,,\n"
        f"共{len(rows)}笔记录,,,,,,,,,,\n,,,,,,,,,,\n"
        "----------------------微信支付账单明细列表--------------------,,,,,,,,,,\n"
    )
    header = ["交易时间", "交易类型", "交易对方", "商品", "收/支", "金额(元)", "支付方式",
              "当前状态", "交易单号", "商户单号", "备注"]
    lines = []
    for r in ordered:
        status = _WECHAT_STATUS[r.status]
        if r.status is TxStatus.BOOKED and r.kind == "转账":
            status = "朋友已收钱" if r.amount < 0 else "已收钱"
        lines.append([r.when.strftime("%Y-%m-%d %H:%M:%S"), r.kind or "商户消费", r.payee,
                      r.memo or "/", "/" if r.direction is Direction.NEUTRAL else _direction(r),
                      f"¥{abs(r.amount):.2f}", r.funding or "/", status, r.ref + "\t", "/",
                      "/"])
    return head + _table(header, lines)
