"""OFX/QFX: facts a user sees after importing real-world OFX files."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from okguard.domain.importing import ImportFailure
from okguard.importers.ofx import OfxImporter, parse_ofx_date
from okguard.importers.struct_common import BadRecord
from okguard.importers.struct_ofx_tree import parse_soup

from .helpers import good, open_bytes, open_file, rejected

pytestmark = pytest.mark.samples
OFX = OfxImporter()


def test_sgml_bank_statement_first_row(samples: Path) -> None:
    statement, rows = open_file(OFX, samples / "ofx/ofxparse__bank_medium.ofx")
    first = good(rows)[0]
    assert len(rows) == 3
    assert first.amount.amount == Decimal("-6.60") and first.amount.currency == "CAD"
    assert first.payee == "MCDONALD'S #112"
    assert first.reference == "0000123456782009040100001"
    assert first.kind == "POS"
    # 20090401122017.000[-5:EST]: the zone is kept.
    assert first.occurred_at == datetime(
        2009, 4, 1, 12, 20, 17, tzinfo=timezone(timedelta(hours=-5))
    )
    assert first.has_time
    assert statement.accounts[0].key == "12300 000012345678"
    assert statement.accounts[0].kind == "checking"


def test_several_statements_give_several_accounts_with_their_rows(samples: Path) -> None:
    statement, rows = open_file(OFX, samples / "ofx/asgrim__ofx-multiple-accounts-xml.ofx")
    assert [(a.key, a.kind) for a in statement.accounts] == [
        ("54658222458596", "checking"),
        ("546582659855", "checking"),
        ("21252344525548", "savings"),
    ]
    assert [(r.account_key, r.payee) for r in good(rows)] == [
        ("546582659855", "TESCO"),
        ("546582659855", "RENT MONEY"),
        ("21252344525548", "INTEREST PAID GROSS FOR PERIOD 4"),
    ]


def test_bank_and_card_statements_in_one_file(samples: Path) -> None:
    statement, rows = open_file(OFX, samples / "ofx/oca__test_ofx.ofx")
    assert [(a.key, a.kind) for a in statement.accounts] == [
        ("123456", "checking"),
        ("123412341234", "credit_card"),
    ]
    assert {r.account_key for r in good(rows)} == {"123456"}


def test_one_line_sgml_without_closing_tags_numbers_records(samples: Path) -> None:
    _, rows = open_file(OFX, samples / "ofx/asgrim__ofxdata-oneline.ofx")
    assert [r.line for r in rows] == list(range(1, len(rows) + 1))
    first = good(rows)[0]
    assert first.payee == "FRAIS TRIMESTRIELS" and first.amount.amount == Decimal("-1.55")
    assert first.amount.currency == "EUR"


def test_headerless_file_with_missing_and_impossible_dates_rejects_those_rows(
    samples: Path,
) -> None:
    _, rows = open_file(OFX, samples / "ofx/ofxparse__fail_nice__date_missing.ofx")
    assert len(rows) == 3 and not good(rows)
    reasons = [r.reason.render("en") for r in rejected(rows)]
    assert reasons[0] == "The transaction has no date"
    assert "20120231" in reasons[2]


def test_empty_balance_does_not_stop_the_transactions(samples: Path) -> None:
    _, rows = open_file(OFX, samples / "ofx/ofxparse__fail_nice__empty_balance.ofx")
    assert [(r.payee, r.amount.amount) for r in good(rows)] == [("Foobar", Decimal("120.00"))]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("ofxparse__signon_success.ofx", "sign-on response"),
        ("ofxtools__profrs.ofx", "profile response (PROFRS)"),
        ("ofxparse__account_listing_aggregation.ofx", "account list"),
        ("ofxparse__error_message.ofx", "error response: 2000 General Server Error"),
        ("ofxparse__multiple_accounts.ofx", "no transactions"),
        ("ofxparse__bank_small.ofx", "no statement"),
    ],
)
def test_files_without_statements_are_refused_saying_what_they_are(
    samples: Path, name: str, words: str
) -> None:
    with pytest.raises(ImportFailure) as caught:
        open_file(OFX, samples / "ofx" / name)
    assert words in caught.value.message.render("en")


def test_investment_trades_become_cash_rows_named_after_the_security(samples: Path) -> None:
    statement, rows = open_file(OFX, samples / "ofx/ofxtools__invstmtrs.ofx")
    assert statement.accounts[0].kind == "investment"
    buy = good(rows)[0]
    assert buy.payee == "Acme Development, Inc."
    assert buy.amount.amount == Decimal("-5025.00")
    assert buy.kind.startswith("BUYSTOCK")


def test_sub_cent_broker_amounts_are_rounded_and_the_exact_figure_kept(samples: Path) -> None:
    _, rows = open_file(OFX, samples / "ofx/ofxparse__fidelity-savings.ofx")
    deposit = next(r for r in good(rows) if r.reference == "X0000000000000000000002")
    assert deposit.amount.amount == Decimal("115.83")
    assert "115.8331" in deposit.memo


def test_sgml_header_charset_1252_is_honoured() -> None:
    body = (
        "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nENCODING:USASCII\nCHARSET:1252\n\n"
        "<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><ACCTID>1"
        "</BANKACCTFROM><BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240102"
        "<TRNAMT>-5,50<FITID>A1<NAME>Caf\u00e9 \u20ac</STMTTRN></BANKTRANLIST></STMTRS>"
        "</STMTTRNRS></BANKMSGSRSV1></OFX>"
    ).encode("cp1252")
    _, rows = open_bytes(OFX, body)
    (row,) = good(rows)
    assert row.payee == "Caf\u00e9 \u20ac"
    assert row.amount.amount == Decimal("-5.50")


def test_tag_soup_closes_leaves_and_aggregates() -> None:
    root = parse_soup("<OFX><A><B>1<C></C><D>x &amp; y</D></A><E>2</OFX>")
    assert [(e.tag, e.text) for e in root.iter()][1:] == [
        ("A", None),
        ("B", "1"),
        ("C", ""),
        ("D", "x & y"),
        ("E", "2"),
    ]


def test_ofx_dates() -> None:
    assert parse_ofx_date("20110308") == (datetime(2011, 3, 8), False)
    when, has_time = parse_ofx_date("20110308120000.000[+5.5:IST]")
    assert has_time and when.utcoffset() == timedelta(hours=5, minutes=30)
    with pytest.raises(BadRecord):
        parse_ofx_date("2011-03-08")


def test_identify() -> None:
    from okguard.importers.base import SourceFile

    assert OFX.identify(SourceFile.from_bytes(b"OFXHEADER:100\nDATA:OFXSGML\n", "a.ofx")) == 90
    assert OFX.identify(SourceFile.from_bytes(b"date,amount\n2024-01-01,1\n", "a.csv")) == 0
