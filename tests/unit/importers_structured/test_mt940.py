"""MT940 / MT942: German and Dutch details, several statements, reversals, interim lines."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from okguard.domain.importing import ImportFailure
from okguard.domain.transaction import TxStatus
from okguard.importers.base import SourceFile
from okguard.importers.mt940 import Mt940Importer

from .helpers import good, open_bytes, open_file, rejected

MT940 = Mt940Importer()


@pytest.mark.samples
def test_german_structured_details_give_payee_iban_and_purpose(samples: Path) -> None:
    statement, rows = open_file(MT940, samples / "mt940/mt940__betterplace__sepa_snippet.sta")
    first = good(rows)[0]
    assert first.line == 5
    assert first.payee == "KARL KAUFMANN"  # ?32 + ?33
    assert first.payee_account == "DE14508800500194785000"  # ?31
    assert first.memo.startswith("Verw CTSc-01")
    assert first.amount.amount == Decimal("50990.05") and first.amount.currency == "EUR"
    assert first.reference == "0724710333343453"
    assert first.kind == "NTRF"
    # Two statements (two :20: blocks) for two accounts, each row on its own account.
    assert [a.key for a in statement.accounts] == [
        "50880050/0194787400888",
        "50880050/0194791600888",
    ]
    assert {r.account_key for r in good(rows)} == {a.key for a in statement.accounts}


@pytest.mark.samples
def test_dutch_name_field_is_the_payee(samples: Path) -> None:
    _, rows = open_file(MT940, samples / "mt940/mt940__jejik__rabobank-iban.sta")
    first = good(rows)[0]
    assert first.payee == "CONTRA ACCOUNT HOLDER"
    assert first.amount.amount == Decimal("-25.00")
    assert first.occurred_at == datetime(2013, 1, 1)


@pytest.mark.samples
def test_mt942_interim_lines_are_pending(samples: Path) -> None:
    statement, rows = open_file(MT940, samples / "mt940/mt940__self-provided__mt942.sta")
    (row,) = good(rows)
    assert row.status is TxStatus.PENDING
    assert row.amount.amount == Decimal("-0.42")
    assert statement.accounts[0].currency == "EUR"


@pytest.mark.samples
def test_statement_without_lines_is_refused(samples: Path) -> None:
    with pytest.raises(ImportFailure) as caught:
        open_file(MT940, samples / "mt940/mt940__self-provided__invalid_statement.sta")
    assert ":61:" in caught.value.message.render("en")


@pytest.mark.samples
def test_several_statements_for_one_account(samples: Path) -> None:
    statement, rows = open_file(MT940, samples / "mt940/mt940__jejik__generic.sta")
    assert [a.key for a in statement.accounts] == ["11111111"]
    assert [r.line for r in rows] == [5, 13]


ENVELOPE = b"""{1:F01BANKDEFFXXXX0000000000}{2:O9401200240101BANKDEFFXXXX00000000002401011200N}{4:
:20:STMT1
:25:DE89370400440532013000
:28C:1/1
:60F:C240101EUR100,00
:61:2401020102RC10,00NTRFREF1//BANK1
:86:?00STORNO?20Back?32Alice
:61:2401030103RD5,00NTRFREF2//BANK2
:61:240104XX7,00NTRFREF3//BANK3
:61:2401050105C2,50NTRFNONREF//BANK4
:62F:C240105EUR97,50
-}
"""


def test_swift_envelope_reversals_and_a_broken_line() -> None:
    statement, rows = open_bytes(MT940, ENVELOPE)
    assert statement.accounts[0].key == "DE89370400440532013000"
    assert [r.line for r in rows] == [6, 8, 9, 10]
    rc, rd = good(rows)[0], good(rows)[1]
    assert rc.amount.amount == Decimal("-10.00") and rc.status is TxStatus.REVERSED
    assert rd.amount.amount == Decimal("5.00") and rd.status is TxStatus.REVERSED
    assert rejected(rows)[0].line == 9
    assert "240104XX7,00" in rejected(rows)[0].reason.render("en")
    assert good(rows)[-1].amount.amount == Decimal("2.50")
    assert good(rows)[-1].reference == "BANK4"


def test_identify() -> None:
    assert MT940.identify(SourceFile.from_bytes(ENVELOPE, "a.sta")) == 90
    assert MT940.identify(SourceFile.from_bytes(b"date,amount\n1,2\n", "a.csv")) == 0
