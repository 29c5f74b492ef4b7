"""QIF: date styles and day/month inference, splits, accounts, investments."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from okguard.domain.importing import ImportFailure
from okguard.importers.base import ImportOptions, SourceFile
from okguard.importers.qif import QifImporter

from .helpers import good, open_bytes, open_file, rejected

QIF = QifImporter()


@pytest.mark.samples
def test_day_first_inferred_from_22_12_2017(samples: Path) -> None:
    _, rows = open_file(QIF, samples / "qif/quiffen__test_category_override.qif")
    dates = [r.occurred_at for r in good(rows)]
    assert dates == [
        datetime(2017, 12, 22),
        datetime(2018, 1, 1),
        datetime(2018, 1, 2),
        datetime(2018, 1, 2),
    ]
    assert good(rows)[0].category == "Income:Available next month"


@pytest.mark.samples
def test_apostrophe_years_and_splits_kept_as_one_total(samples: Path) -> None:
    _, rows = open_file(QIF, samples / "qif/quiffen__test_split.qif")
    (row,) = good(rows)
    assert row.occurred_at == datetime(2000, 1, 1)  # D1/ 1'00
    assert row.amount.amount == Decimal("-10.00")
    assert row.memo == "[An Account] -9.00; A Category -1.00"
    assert row.reference is None


@pytest.mark.samples
def test_month_first_with_four_digit_apostrophe_year(samples: Path) -> None:
    _, rows = open_file(QIF, samples / "qif/quiffen__test.qif")
    tmobile = next(r for r in good(rows) if r.payee == "T-Mobile")
    assert tmobile.occurred_at == datetime(2020, 2, 14)
    assert tmobile.amount.amount == Decimal("67.50")
    opening = good(rows)[0]
    assert opening.payee_account == "TestExport" and opening.kind == "transfer"


@pytest.mark.samples
def test_thousands_separator_and_ambiguous_dates_follow_the_option(samples: Path) -> None:
    _, rows = open_file(QIF, samples / "qif/oca__test_qif.qif")
    assert good(rows)[0].amount.amount == Decimal("-1000.00")
    assert good(rows)[0].occurred_at == datetime(2013, 8, 12)
    _, rows = open_file(QIF, samples / "qif/oca__test_qif.qif", ImportOptions(dayfirst=True))
    assert good(rows)[0].occurred_at == datetime(2013, 12, 8)


@pytest.mark.samples
def test_account_blocks_give_accounts_and_investment_cash(samples: Path) -> None:
    statement, rows = open_file(QIF, samples / "qif/qifparse__file.qif")
    assert [(a.key, a.kind) for a in statement.accounts] == [
        ("My Cash", "cash"),
        ("My Cc", "investment"),
    ]
    cash = [r for r in good(rows) if r.account_key == "My Cash"]
    assert [r.amount.amount for r in cash] == [
        Decimal("-6.50"),
        Decimal("31.00"),
        Decimal("-48.00"),
    ]
    (buy,) = [r for r in good(rows) if r.account_key == "My Cc"]  # ShrsIn moves no cash
    assert buy.kind == "BuyX" and buy.amount.amount == Decimal("-100.00") and buy.payee == "ibm4"


@pytest.mark.samples
@pytest.mark.parametrize(
    "name", ["quiffen__test_option_autoswitch.qif", "quiffen__test_nosymbol.qif"]
)
def test_lists_without_transactions_are_refused(samples: Path, name: str) -> None:
    with pytest.raises(ImportFailure) as caught:
        open_file(QIF, samples / "qif" / name)
    assert "no transactions" in caught.value.message.render("en")


def test_broken_records_are_rejected_on_their_line() -> None:
    data = b"!Type:Bank\n# exported\nD2024-01-05\nT-1.00\nPOk\n^\nD\nT5\n^\nD2024-01-06\nTabc\n^\n"
    _, rows = open_bytes(QIF, data)
    assert [r.line for r in rows] == [3, 7, 10]
    assert [r.reason.render("en") for r in rejected(rows)] == [
        "The transaction has no date",
        "'abc' is not an amount",
    ]


def test_identify() -> None:
    assert QIF.identify(SourceFile.from_bytes(b"!Type:Bank\nD1/1/24\n", "a.qif")) == 90
    assert QIF.identify(SourceFile.from_bytes(b"date,amount\n", "a.csv")) == 0
