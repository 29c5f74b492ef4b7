"""Small hand-written files for the rules the samples do not pin down."""

from __future__ import annotations

from datetime import datetime

import pytest

from okguard.domain.importing import ImportFailure
from okguard.domain.transaction import Direction
from okguard.importers.base import SourceFile
from okguard.importers.csv_generic import CsvImporter, header_signature

from .helpers import best_tabular, open_text, rejections, transactions


def test_decimal_comma_with_thousands_dots() -> None:
    text = "Datum;Betrag;Empfänger\n01.02.2024;4.093,32;A\n02.02.2024;-62,30;B\n"
    _, rows = open_text(text)
    assert [t.amount.plain() for t in transactions(rows)] == ["4093.32", "-62.30"]
    assert transactions(rows)[1].occurred_at == datetime(2024, 2, 2)


def test_quoted_thousands_commas_and_parentheses() -> None:
    text = (
        'date,amount,payee\n2024-01-02,"1,234.00",A\n2024-01-03,(12.50),B\n2024-01-04,$ -3.10,C\n'
    )
    _, rows = open_text(text)
    assert [t.amount.plain() for t in transactions(rows)] == ["1234.00", "-12.50", "-3.10"]


@pytest.mark.parametrize(
    ("indicator", "sign"), [("D", "-"), ("C", ""), ("DR", "-"), ("CR", ""), ("S", "-"), ("H", "")]
)
def test_debit_credit_indicator(indicator: str, sign: str) -> None:
    _, rows = open_text(f"Date,Amount,D/C,Name\n2024-03-01,12.00,{indicator},Shop\n")
    assert transactions(rows)[0].amount.plain() == f"{sign}12.00"


def test_amount_with_direction_column_and_neutral() -> None:
    text = (
        "交易时间,金额,收/支,交易对方\n"
        "2024-01-01 10:00:00,5.00,支出,A\n"
        "2024-01-02 10:00:00,6.00,不计收支,B\n"
    )
    _, rows = open_text(text)
    out, neutral = transactions(rows)
    assert out.amount.plain() == "-5.00" and out.direction is Direction.OUT
    assert neutral.amount.plain() == "6.00" and neutral.direction is Direction.NEUTRAL


def test_day_first_inferred_from_any_value_above_twelve() -> None:
    text = "Date,Amount\n03/04/2024,1.00\n25/04/2024,2.00\n"
    _, rows = open_text(text)
    assert transactions(rows)[0].occurred_at == datetime(2024, 4, 3)


def test_month_first_inferred_and_dayfirst_option_wins() -> None:
    text = "Date,Amount\n03/04/2024,1.00\n04/25/2024,2.00\n"
    _, rows = open_text(text)
    assert transactions(rows)[0].occurred_at == datetime(2024, 3, 4)
    _, rows = open_text("Date,Amount\n03/04/2024,1.00\n", dayfirst=True)
    assert transactions(rows)[0].occurred_at == datetime(2024, 4, 3)


def test_bad_rows_are_rejected_with_their_line_numbers() -> None:
    text = (
        "Account statement\n"
        "\n"
        "date,amount,payee\n"
        "2024-01-01,-1.00,ok\n"
        "2024-13-45,-2.00,bad date\n"
        "2024-01-03,abc,bad amount\n"
        '2024-01-04,-4.00,"two\nlines"\n'
        "2024-01-05,-5.005,too precise\n"
        ",-6.00,no date\n"
        "2024-01-07,-7.00,ok\n"
    )
    _, rows = open_text(text)
    assert len(rows) == 7
    assert [r.line for r in rejections(rows)] == [5, 6, 9, 10]
    reasons = [r.reason.render("en") for r in rejections(rows)]
    assert "2024-13-45" in reasons[0]
    assert "'abc' is not a number" in reasons[1]
    assert "more decimal places" in reasons[2]
    assert "date is missing" in reasons[3]
    assert [t.line for t in transactions(rows)] == [4, 7, 11]
    assert transactions(rows)[1].payee == "two\nlines"


def test_rejection_reasons_are_translated() -> None:
    _, rows = open_text("date,amount\n2024-01-01,abc\n")
    assert "不是数字" in rejections(rows)[0].reason.render("zh_CN")


def test_total_rows_and_footer_are_not_rows() -> None:
    text = (
        "交易日期,摘要,收入,支出\n"
        "20240101,工资,100.00,\n"
        "20240102,消费,,20.00\n"
        "人民币合计,,100.00,20.00\n"
        "Total,,100.00,20.00\n"
    )
    _, rows = open_text(text)
    assert [t.amount.plain() for t in transactions(rows)] == ["100.00", "-20.00"]
    assert len(rows) == 2


def test_only_a_preamble_is_refused() -> None:
    text = "Kontoauszug\nIBAN;DE89370400440532013000\nZeitraum;01.01.2024 - 31.01.2024\n"
    with pytest.raises(ImportFailure) as failure:
        open_text(text)
    assert "No header row" in failure.value.message.render("en")


def test_header_without_rows_is_refused() -> None:
    with pytest.raises(ImportFailure) as failure:
        open_text("date,amount,payee\n\n人民币合计,0.00,\n")
    assert failure.value.message.render("en") == "The file has a header but no transactions"


def test_column_mapping_override_beats_auto_mapping() -> None:
    text = "when,what,money,extra\n2024-05-06,Coffee,-3.50,9.99\n"
    statement, rows = open_text(
        text, column_mapping={"date": 0, "payee": 1, "amount": 3}, header_row=0
    )
    assert not statement.mapping_uncertain
    assert statement.mapping["amount"] == "extra"
    tx = transactions(rows)[0]
    assert tx.amount.plain() == "9.99" and tx.payee == "Coffee"


def test_mapping_reports_header_and_roles() -> None:
    statement, _ = open_text("Buchungstag;Betrag;Verwendungszweck\n01.01.2024;-1,00;x\n")
    assert statement.header == ["Buchungstag", "Betrag", "Verwendungszweck"]
    assert statement.mapping == {
        "date": "Buchungstag",
        "amount": "Betrag",
        "memo": "Verwendungszweck",
    }
    assert not statement.mapping_uncertain


def test_header_signature_ignores_padding_and_case() -> None:
    assert header_signature(["交易时间  ", "金额\t", ""]) == header_signature(["交易时间", "金额"])
    assert header_signature(["Date", "Amount"]) == header_signature([" date ", "AMOUNT"])
    assert header_signature(["Date", "Amount"]) != header_signature(["Amount", "Date"])


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters(delimiter: str) -> None:
    lines = ["date|amount|payee", "2024-01-01|-1.50|Shop, Inc.", "2024-01-02|2.00|Other"]
    text = "\r\n".join(
        line.replace("|", delimiter) if delimiter != "," else line.replace("|", ",")
        for line in lines
    )
    if delimiter == ",":
        text = text.replace("Shop, Inc.", '"Shop, Inc."')
    _, rows = open_text(text + "\r\n")
    assert transactions(rows)[0].payee == "Shop, Inc."


def test_gbk_and_utf16_files() -> None:
    text = "交易日期,金额,交易对方\n2024-01-01,-8.80,张三\n"
    for encoding in ("gb18030", "utf-16"):
        _, rows = open_text(text, encoding=encoding)
        assert transactions(rows)[0].payee == "张三"


@pytest.mark.parametrize(
    "content",
    [
        b"<?xml version='1.0'?><Document></Document>",
        b"OFXHEADER:100\nDATA:OFXSGML\n<OFX>",
        b"!Type:Bank\nD01/02/2024\nT-1.00\n^\n",
        b":20:STARTUMS\n:25:12345678/0001\n:28C:1\n",
        bytes(range(256)) * 4,
    ],
)
def test_generic_csv_leaves_other_formats_alone(content: bytes) -> None:
    assert CsvImporter().identify(SourceFile.from_bytes(content, "x.csv")) == 0


def test_ewallet_scores_beat_generic_csv() -> None:
    text = (
        "微信支付账单明细,,\n微信昵称：[x],,\n----------------------微信支付账单明细列表--------------------,,\n"
        "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n"
        "2024-01-01 10:00:00,商户消费,A,/,支出,¥1.00,零钱,支付成功,1\t,2\t,/\n"
    )
    source = SourceFile.from_bytes(text.encode(), "bill.csv")
    assert best_tabular(source) == ("wechat", 95)
    assert CsvImporter().identify(source) < 95


def test_unknown_wechat_type_and_partial_refund_kept() -> None:
    text = (
        "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n"
        "2024-01-01 10:00:00,全新玩法,A,/,支出,¥10.00,零钱,已退款(￥3.00),1,2,/\n"
    )
    _, rows = open_text(text, fmt="wechat")
    tx = transactions(rows)[0]
    assert tx.unknown_type and tx.kind == "全新玩法"
    assert tx.amount.plain() == "-10.00" and "已退款(￥3.00)" in tx.memo
