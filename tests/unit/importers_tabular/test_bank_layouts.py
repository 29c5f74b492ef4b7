"""Layouts of common US/UK/EU bank and card exports, written here from their published
column shapes: which column is the payee, the sign of card purchases, the currency a
header names, and start/complete timestamps."""

from __future__ import annotations

from datetime import datetime

from okguard.domain.transaction import TxStatus

from .helpers import open_text, transactions


def test_a_card_export_with_positive_purchases_is_read_as_spending() -> None:
    text = (
        "Date,Description,Amount\n"
        "01/14/2025,SAFEWAY #1234,45.67\n"
        "01/15/2025,UBER TRIP,12.30\n"
        "01/18/2025,SHELL OIL 5744,38.02\n"
        "01/20/2025,AUTOPAY PAYMENT - THANK YOU,-300.00\n"
        "01/25/2025,AMAZON MKTPLACE RETURN,-23.99\n"
    )
    _, rows = open_text(text, default_currency="USD")
    assert [(t.payee, t.amount.plain()) for t in transactions(rows)] == [
        ("SAFEWAY #1234", "-45.67"),
        ("UBER TRIP", "-12.30"),
        ("SHELL OIL 5744", "-38.02"),
        ("AUTOPAY PAYMENT - THANK YOU", "300.00"),
        ("AMAZON MKTPLACE RETURN", "23.99"),
    ]


def test_a_checking_account_with_bill_payments_keeps_its_signs() -> None:
    # Mostly money in, and the money out says "payment": still a bank account.
    text = (
        "Date,Description,Amount\n"
        "01/02/2025,PAYROLL ACME,2500.00\n"
        "01/09/2025,INTEREST,1.20\n"
        "01/16/2025,PAYROLL ACME,2500.00\n"
        "01/20/2025,ONLINE BILL PAYMENT CITY WATER,-80.00\n"
    )
    _, rows = open_text(text, default_currency="USD")
    assert [t.amount.plain() for t in transactions(rows)] == [
        "2500.00", "1.20", "2500.00", "-80.00"
    ]


def test_a_details_column_of_debit_credit_does_not_become_the_payee() -> None:
    text = (
        "Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #\n"
        'DEBIT,01/15/2025,"SAFEWAY #1234 SAN JOSE CA",-45.67,DEBIT_CARD,954.33,,\n'
        'CREDIT,01/16/2025,"ACME INC PAYROLL PPD ID: 123",2500.00,ACH_CREDIT,3454.33,,\n'
    )
    _, rows = open_text(text, default_currency="USD")
    assert [t.payee for t in transactions(rows)] == [
        "SAFEWAY #1234 SAN JOSE CA", "ACME INC PAYROLL PPD ID: 123"
    ]


def test_the_currency_named_in_the_amount_header_wins_over_the_default() -> None:
    text = (
        '"Date","Payee","Account number","Transaction type","Amount (EUR)"\n'
        '"2025-01-14","REWE Markt","","MasterCard Payment","-45.67"\n'
    )
    _, rows = open_text(text, default_currency="CNY")
    assert [t.amount.currency for t in transactions(rows)] == ["EUR"]


def test_started_and_completed_timestamps_with_a_pending_row() -> None:
    text = (
        "Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance\n"
        "CARD_PAYMENT,Current,2025-01-03 10:12:01,2025-01-04 09:00:00,Tesco,-23.45,0.00,GBP,"
        "COMPLETED,976.55\n"
        "CARD_PAYMENT,Current,2025-01-07 19:30:00,,Amazon,-15.99,0.00,GBP,PENDING,\n"
    )
    _, rows = open_text(text)
    got = transactions(rows)
    assert [(t.occurred_at, t.payee, t.amount.currency) for t in got] == [
        (datetime(2025, 1, 3, 10, 12, 1), "Tesco", "GBP"),
        (datetime(2025, 1, 7, 19, 30), "Amazon", "GBP"),
    ]
    assert got[1].status is TxStatus.PENDING


def test_a_headerless_day_first_export_is_read_by_the_shape_of_its_columns() -> None:
    text = (
        "14/01/2025,PRET A MANGER,-4.50\n15/01/2025,JOHN SMITH,-100.00\n25/01/2025,ACME,2500.00\n"
    )
    _, rows = open_text(text, default_currency="GBP")
    assert [(t.occurred_at.date().isoformat(), t.payee, t.amount.plain())
            for t in transactions(rows)] == [
        ("2025-01-14", "PRET A MANGER", "-4.50"),
        ("2025-01-15", "JOHN SMITH", "-100.00"),
        ("2025-01-25", "ACME", "2500.00"),
    ]
