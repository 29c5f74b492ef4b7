"""What a user sees from specific sample rows: amounts, signs, dates, payees."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from okguard.domain.transaction import Direction, TxStatus

from .helpers import open_file, rejections, transactions


def test_alipay_2023_first_row_and_account(samples: Path) -> None:
    statement, rows = open_file(samples / "alipay" / "deg__example-alipay-records.csv", "alipay")
    first = transactions(rows)[0]
    assert first.line == 26
    assert first.occurred_at == datetime(2023, 2, 12, 21, 32, 14) and first.has_time
    assert first.amount.plain() == "-49.74" and first.amount.currency == "CNY"
    assert first.payee == "xxxxxxxxxxxx"
    assert first.payee_account is None  # "/" means empty
    assert first.status is TxStatus.BOOKED and first.direction is Direction.OUT
    assert first.reference == "202302xxxxxx0011000103xxxxxx"  # trailing TAB removed
    assert first.counterpart_ref == "20230xxxxxxx014741014xxxxxx"
    assert first.funding == "交通银行信用卡(7449)"
    assert first.kind == first.category == "亲友代付"
    assert statement.accounts[0].key == "xx@gmail.com"
    assert statement.accounts[0].institution == "Alipay"
    assert {t.account_key for t in transactions(rows)} == {"xx@gmail.com"}


def test_alipay_statuses_refunds_and_closed(samples: Path) -> None:
    _, rows = open_file(samples / "alipay" / "deg__example-alipay-records.csv", "alipay")
    by_line = {t.line: t for t in transactions(rows)}
    assert by_line[27].status is TxStatus.PENDING  # 等待确认收货
    refund = by_line[28]  # 退款-亲情卡, 不计收支, 退款成功
    assert refund.status is TxStatus.BOOKED and refund.direction is Direction.NEUTRAL
    assert refund.amount.plain() == "16.03"
    assert by_line[33].status is TxStatus.CLOSED  # 交易关闭: no money moved
    assert by_line[30].amount.plain() == "222228.50" and by_line[30].direction is Direction.IN


def test_alipay_2021_layout_footer_is_not_rows(samples: Path) -> None:
    statement, rows = open_file(
        samples / "alipay" / "deg__d765283__example-alipay-records.csv", "alipay"
    )
    txs = transactions(rows)
    assert len(txs) == 16 and rows[-1].line == 18
    assert txs[0].payee == "蚂蚁会员（北京）网络技术服务有限公司"  # padding spaces stripped
    assert txs[0].amount.plain() == "-6.51"
    assert txs[1].direction is Direction.NEUTRAL  # 其他
    assert statement.accounts[0].key == "abc@triplez.cn"  # named in the footer block


def test_alipay_unknown_category_is_marked_not_fatal(samples: Path) -> None:
    _, rows = open_file(
        samples / "alipay" / "daoru__支付宝交易明细(20201122-20201214).csv", "alipay"
    )
    unknown = [t for t in transactions(rows) if t.unknown_type]
    assert [t.category for t in unknown] == ["电影票务"]
    assert unknown[0].amount.plain() == "-98.50"


def test_wechat_yen_amounts_neutral_and_fee_memo(samples: Path) -> None:
    statement, rows = open_file(samples / "wechat" / "deg__example-wechat-records.csv", "wechat")
    txs = {t.line: t for t in transactions(rows)}
    assert txs[18].amount.plain() == "-28.16" and txs[18].status is TxStatus.BOOKED
    assert txs[18].payee == "云膳过桥米线(传奇广场店)" and txs[18].kind == "商户消费"
    assert txs[19].amount.plain() == "0.35" and txs[19].direction is Direction.IN
    withdrawal = txs[24]  # 零钱提现, 收/支 "/", fee in 备注
    assert withdrawal.direction is Direction.NEUTRAL
    assert withdrawal.amount.plain() == "100.10"
    assert "服务费¥0.10" in withdrawal.memo
    assert withdrawal.reference == "207210715100077148235523883175"
    assert withdrawal.counterpart_ref is None
    assert statement.accounts[0].key == "测试"
    assert statement.accounts[0].institution == "WeChat Pay"
    assert [t.kind for t in transactions(rows) if t.unknown_type] == [
        "分分捐",
        "deg-不认识的-txType",
    ]


def test_wechat_xlsx_matches_csv(samples: Path) -> None:
    _, csv_rows = open_file(samples / "wechat" / "deg__example-wechat-records.csv", "wechat")
    _, xlsx_rows = open_file(samples / "wechat" / "deg__example-wechat-records.xlsx", "wechat")
    as_tuple = [(t.occurred_at, t.amount, t.payee, t.status) for t in transactions(csv_rows)]
    assert [
        (t.occurred_at, t.amount, t.payee, t.status) for t in transactions(xlsx_rows)
    ] == as_tuple
    assert transactions(xlsx_rows)[0].line == 19  # below the synthetic Column1.. row


def test_german_decimal_comma_and_day_first(samples: Path) -> None:
    _, rows = open_file(samples / "csv" / "rechnungspilot__ing.csv", "csv")
    txs = transactions(rows)
    assert txs[0].occurred_at == datetime(2025, 12, 9) and not txs[0].has_time
    assert txs[0].amount.plain() == "-13.98" and txs[0].amount.currency == "EUR"
    rente = next(t for t in txs if t.payee == "UKW")
    assert rente.amount.plain() == "144.48"
    assert rente.occurred_at == datetime(2025, 11, 26)


def test_ing_cp1252_umlauts_and_short_row(samples: Path) -> None:
    statement, rows = open_file(samples / "csv" / "rechnungspilot__ing.csv", "csv")
    assert statement.encoding == "cp1252"
    assert "payee" in statement.mapping and statement.mapping["payee"] == "Auftraggeber/Empfänger"
    assert statement.accounts[0].key == "DE89370400440532013000"
    [bad] = rejections(rows)
    assert bad.line == 22
    assert "6 cells" in bad.reason.render("en")


def test_thousands_dot_and_two_digit_years(samples: Path) -> None:
    _, rows = open_file(samples / "csv" / "rechnungspilot__sparkasse-lzo-camt-v2.csv", "csv")
    txs = transactions(rows)
    assert txs[1].amount.plain() == "-1143.41"
    assert txs[0].occurred_at == datetime(2025, 12, 5)
    assert txs[0].status is TxStatus.PENDING  # "Umsatz vorgemerkt"
    assert txs[4].status is TxStatus.BOOKED


def test_icbc_income_expense_columns_and_total_row(samples: Path) -> None:
    statement, rows = open_file(
        samples / "csv" / "deg__icbc_credit__example-icbc-credit-records.csv", "csv"
    )
    txs = transactions(rows)
    assert len(txs) == 9
    assert txs[0].amount.plain() == "-0.01" and txs[0].payee == "XX旗舰店"
    repayment = next(t for t in txs if t.memo.startswith("人民币自动转帐还款"))
    assert repayment.amount.plain() == "4621.01"
    assert not any(t.amount.plain() in ("1234.56", "-6543.21") for t in txs)  # 合计金额 row
    assert statement.accounts[0].key == "1234****5678"


def test_boc_debit_separate_time_and_thousands(samples: Path) -> None:
    _, rows = open_file(samples / "csv" / "deg__boc_debit__example-boc-records.csv", "csv")
    txs = transactions(rows)
    assert txs[0].occurred_at == datetime(2025, 8, 22, 17, 57, 17) and txs[0].has_time
    salary = next(t for t in txs if t.kind == "工资")
    assert salary.amount.plain() == "5771.00"
    assert txs[0].memo == ""  # "----------" placeholder


def test_abc_yyyymmdd_and_hhmmss(samples: Path) -> None:
    _, rows = open_file(samples / "csv" / "deg__abc_debit__example-abc_debit-records.csv", "csv")
    txs = transactions(rows)
    assert txs[0].occurred_at == datetime(2024, 1, 1, 12, 34, 56)
    assert txs[2].occurred_at == datetime(2024, 1, 3) and not txs[2].has_time
    assert txs[0].amount.plain() == "10000.00"


def test_card_statements_count_purchases_as_outflow(samples: Path) -> None:
    _, rows = open_file(samples / "csv" / "deg__cmb_credit__example-cmb-records.csv", "csv")
    txs = transactions(rows)
    assert txs[0].occurred_at == datetime(2023, 12, 29)  # 12/29 in the January 2024 bill
    assert txs[0].amount.plain() == "1.23"  # 还款: money onto the card
    assert txs[3].amount.plain() == "-56.78"  # a purchase
    _, rows = open_file(
        samples / "csv" / "deg__bocom_credit__example-bocom_credit-records.csv", "csv"
    )
    txs = transactions(rows)
    assert txs[0].amount.plain() == "123.18"  # 退货
    assert txs[4].amount.plain() == "-2.99"  # 消费
    assert txs[7].amount.currency == "CNY"  # booked in CNY, paid in JPY


def test_hsbc_day_first_and_tab_after_quoted_amount(samples: Path) -> None:
    _, rows = open_file(
        samples / "csv" / "deg__hsbchk_credit__example-hsbchk-credit-records.csv", "csv"
    )
    txs = transactions(rows)
    assert txs[0].occurred_at == datetime(2025, 4, 9)
    assert txs[0].amount.plain() == "-1099.14"
    assert txs[3].amount.currency == "HKD"


def test_paypal_time_zone_kept(samples: Path) -> None:
    _, rows = open_file(samples / "csv" / "hledger__paypal-custom.csv", "csv")
    first = transactions(rows)[0]
    assert first.occurred_at == datetime(
        2019, 10, 1, 3, 46, 20, tzinfo=timezone(timedelta(hours=-7))
    )
    assert first.amount.plain() == "-6.99" and first.amount.currency == "USD"


def test_viseca_three_decimals_exact(samples: Path) -> None:
    _, rows = open_file(samples / "csv" / "camtcsv__viseca.csv", "csv")
    first = transactions(rows)[0]
    assert first.amount.amount == Decimal("29.00") and first.amount.currency == "CHF"
    assert first.reference == "TRX2025030100001"


def test_headerless_targobank_is_a_flagged_guess(samples: Path) -> None:
    statement, rows = open_file(
        samples / "csv" / "rechnungspilot__targobank-duesseldorf.csv", "csv"
    )
    assert statement.mapping_uncertain
    txs = transactions(rows)
    assert txs[0].line == 1 and txs[0].amount.plain() == "-5.00"
    assert txs[-1].amount.plain() == "83.16"  # the only Gutschrift, in the credit column


def test_excel_dates_and_numbers(samples: Path) -> None:
    _, rows = open_file(samples / "csv" / "oca__sample_statement_en.xlsx", "excel")
    txs = transactions(rows)
    assert txs[0].occurred_at == datetime(2018, 12, 15) and txs[0].amount.plain() == "-33.50"
    assert txs[1].amount.currency == "EUR"
    _, rows = open_file(samples / "other" / "deg__citic_credit__example-citic-records.xls", "excel")
    txs = transactions(rows)
    assert txs[0].amount.plain() == "-5.90" and txs[0].payee.startswith("支付宝")
    assert txs[0].occurred_at == datetime(2024, 11, 9)


def test_broker_settlement_amounts(samples: Path) -> None:
    _, rows = open_file(samples / "other" / "deg__htsec__example-htsec-records.xlsx", "excel")
    buy = transactions(rows)[2]
    assert buy.amount.plain() == "-760.84" and buy.kind == "买" and buy.payee == "医药卫生ETF"
    assert buy.occurred_at == datetime(2022, 1, 19, 10, 51, 44)
    _, rows = open_file(samples / "other" / "deg__hxsec__example-hxsec-records.xls", "csv")
    assert transactions(rows)[0].amount.plain() == "128000.00"
