"""Cell parsing rules and layouts not covered by the public samples."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from okguard.domain.transaction import Direction, TxStatus
from okguard.importers.base import SourceFile
from okguard.importers.tabular_headers import map_header
from okguard.importers.tabular_values import (
    DateStyle,
    fast_minor,
    infer_decimal_comma,
    parse_amount,
    parse_datetime,
)

from .helpers import best_tabular, open_text, transactions


@pytest.mark.parametrize(
    ("text", "comma", "value", "ccy"),
    [
        ("-62,30", True, "-62.30", None),
        ("4.093,32", True, "4093.32", None),
        ("1,234.00\t", False, "1234.00", None),
        ("CNY 123.18", False, "123.18", "CNY"),
        ("CNY13.50", False, "13.50", "CNY"),
        ("¥28.16", False, "28.16", "CNY"),
        ("￥-5", False, "-5", "CNY"),
        ("€ 9,90", True, "9.90", "EUR"),
        ("(12.34)", False, "-12.34", None),
        ("9,90-", True, "-9.90", None),
        ("  7.50\t\t", False, "7.50", None),
        ("1'234.50", False, "1234.50", None),
    ],
)
def test_parse_amount(text: str, comma: bool, value: str, ccy: str | None) -> None:
    parsed = parse_amount(text, comma)
    assert parsed is not None
    assert parsed.value == Decimal(value) and parsed.currency == ccy


@pytest.mark.parametrize("text", ["abc", "1e5", "Infinity", "xx,yyyy.zz", "12.3.4,5"])
def test_parse_amount_refuses_non_numbers(text: str) -> None:
    with pytest.raises(ValueError):
        parse_amount(text, False)


def test_empty_amount_placeholders() -> None:
    assert parse_amount("   \t", False) is None
    assert parse_amount("-", False) is None
    assert parse_amount("/", False) is None
    assert parse_amount("NaN", False) is None  # how pandas writes an empty cell


def test_decimal_comma_inference() -> None:
    assert infer_decimal_comma(["-10,7", "1.234,50"])
    assert not infer_decimal_comma(["1,234.00", "-3.00"])
    assert not infer_decimal_comma(["29.000", "10.000", "-80.500"])


def test_fast_minor_only_takes_plain_amounts() -> None:
    assert fast_minor("-123.45", 2) == -12345
    assert fast_minor("7", 2) == 700
    assert fast_minor("29.000", 2) == 2900
    assert fast_minor("1.005", 2) is None
    assert fast_minor("1,000.00", 2) is None
    assert fast_minor("١٢", 2) is None  # non-ASCII digits take the careful path


@pytest.mark.parametrize(
    ("text", "dayfirst", "expected", "has_time"),
    [
        ("20240131", False, datetime(2024, 1, 31), False),
        ("2024/1/5", False, datetime(2024, 1, 5), False),
        ("31.01.24", True, datetime(2024, 1, 31), False),
        ("01/31/2024 13:45", False, datetime(2024, 1, 31, 13, 45), True),
        ("2024年1月31日", False, datetime(2024, 1, 31), False),
        ("20240131134500", False, datetime(2024, 1, 31, 13, 45), True),
    ],
)
def test_parse_datetime(text: str, dayfirst: bool, expected: datetime, has_time: bool) -> None:
    assert parse_datetime(text, DateStyle(dayfirst=dayfirst)) == (expected, has_time)


def test_excel_serial_and_integer_dates() -> None:
    assert parse_datetime(45322, DateStyle()) == (datetime(2024, 1, 31), False)
    assert parse_datetime(20240131, DateStyle()) == (datetime(2024, 1, 31), False)
    assert parse_datetime(45322.5, DateStyle()) == (datetime(2024, 1, 31, 12, 0), True)


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        (
            ["Date", "Description", "Withdrawals", "Deposits", "Balance"],
            {"date": 0, "debit": 2, "credit": 3},
        ),
        (["Fecha", "Concepto", "Importe", "Saldo"], {"date": 0, "amount": 2, "memo": 1}),
        (["Date opération", "Libellé", "Débit", "Crédit"], {"date": 0, "debit": 2, "credit": 3}),
        (
            ["Buchungstag", "Soll", "Haben", "Währung"],
            {"date": 0, "debit": 1, "credit": 2, "currency": 3},
        ),
        (
            ["交易日期", "摘要", "借方金额", "贷方金额", "余额"],
            {"date": 0, "debit": 2, "credit": 3},
        ),
    ],
)
def test_header_mapping_languages(header: list[str], roles: dict[str, int]) -> None:
    mapped = map_header(header)
    assert mapped.complete
    assert {k: v for k, v in mapped.roles.items() if k in roles} == roles


def test_old_alipay_web_export() -> None:
    text = (
        "支付宝交易记录明细查询\n"
        "账号:[20880000000000000156]\n"
        "起始日期:[2019-01-01 00:00:00]    终止日期:[2019-12-31 23:59:59]\n"
        "---------------------------------交易记录明细列表------------------------------------\n"
        "交易号  ,商户订单号  ,交易创建时间  ,付款时间  ,"
        "最近修改时间  ,交易来源地  ,类型  ,交易对方  ,商品名称  ,"
        "金额（元）  ,收/支  ,交易状态  ,服务费（元）  ,成功退款（元）  ,备注  ,资金状态  ,\n"
        "2019123122001\t,T200P1\t,2019-12-31 12:00:00 ,2019-12-31 12:00:01 ,2019-12-31 12:00:01 ,"
        "其他（包括阿里巴巴和外部商家）,即时到账交易  ,某商家 ,商品 ,12.50  ,支出  ,交易成功  ,"
        "0.00     ,0.00     ,                    ,已支出      ,\n"
        "2019123022002\t,\t,2019-12-30 09:00:00 ,2019-12-30 09:00:01 ,2019-12-30 09:00:01 ,"
        "支付宝网站     ,即时到账交易          ,朋友 ,转账 ,100.00   ,          ,交易成功    ,"
        "0.00     ,0.00     ,                    ,资金转移      ,\n"
        "------------------------------------------------------------------------------------\n"
        "共2笔记录\n已收入:0笔,0.00元\n待收入:0笔,0.00元\n已支出:1笔,12.50元\n"
        "导出时间:[2020-01-01 10:00:00]\n"
    )
    source = SourceFile.from_bytes(text.encode("gb18030"), "alipay_record.csv")
    assert best_tabular(source) == ("alipay", 95)
    statement, rows = open_text(text, fmt="alipay", encoding="gb18030")
    assert len(rows) == 2
    paid, moved = transactions(rows)
    assert paid.occurred_at == datetime(2019, 12, 31, 12, 0)
    assert paid.amount.plain() == "-12.50" and paid.reference == "2019123122001"
    assert paid.payee == "某商家" and paid.status is TxStatus.BOOKED
    assert moved.direction is Direction.NEUTRAL and moved.amount.plain() == "100.00"
    assert statement.accounts[0].key == "20880000000000000156"
