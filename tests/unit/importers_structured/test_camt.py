"""CAMT.053 / .052 / .054: signs, parties, references, statuses and refusals."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from okguard.domain.importing import ImportFailure
from okguard.domain.transaction import TxStatus
from okguard.importers.base import SourceFile
from okguard.importers.camt import CamtImporter

from .helpers import good, open_bytes, open_file, rejected

CAMT = CamtImporter()


def _doc(entries: str, version: str = "053.001.02") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.{version}">
<BkToCstmrStmt><GrpHdr><MsgId>1</MsgId></GrpHdr>
<Stmt><Id>S1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
{entries}
</Stmt></BkToCstmrStmt></Document>""".encode()


def _entry(amount: str, ind: str, extra: str = "", details: str = "") -> str:
    return f"""<Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>{ind}</CdtDbtInd>{extra}
<Sts>BOOK</Sts><BookgDt><Dt>2024-03-01</Dt></BookgDt><AcctSvcrRef>REF-{amount}</AcctSvcrRef>
<NtryDtls>{details}</NtryDtls></Ntry>"""


def _tx(amount: str | None, creditor: str, debtor: str, e2e: str) -> str:
    amt = f'<Amt Ccy="EUR">{amount}</Amt>' if amount else ""
    return f"""<TxDtls><Refs><EndToEndId>{e2e}</EndToEndId></Refs>{amt}
<RltdPties><Dbtr><Nm>{debtor}</Nm></Dbtr><Cdtr><Nm>{creditor}</Nm></Cdtr>
<CdtrAcct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></CdtrAcct></RltdPties>
<RmtInf><Ustrd>Invoice {e2e}</Ustrd></RmtInf></TxDtls>"""


@pytest.mark.samples
def test_debit_is_negative_and_the_creditor_is_the_payee(samples: Path) -> None:
    statement, rows = open_file(
        CAMT, samples / "camt053/camtparser__053__valid_example_with_debit.xml"
    )
    first = good(rows)[0]
    assert statement.accounts[0].key == "DE14740618130000033626"
    assert statement.accounts[0].institution == "GENODEF1PFK"
    assert first.amount.amount == Decimal("-2.00") and first.amount.currency == "EUR"
    assert first.payee == "Testkonto Nummer 2"
    assert first.payee_account == "DE09300606010012345671"
    assert first.occurred_at == datetime(2013, 12, 27) and not first.has_time
    assert first.line > 1


@pytest.mark.samples
def test_credit_names_the_debtor_and_keeps_the_booking_time(samples: Path) -> None:
    _, rows = open_file(CAMT, samples / "camt053/genkgo__camt053.v8.xml")
    (row,) = good(rows)
    assert row.amount.amount == Decimal("8.85")
    assert row.payee == "NAME NAME"
    assert row.has_time and row.occurred_at.utcoffset() is not None
    assert row.memo == "4654654654654654"
    assert row.kind == "PMNT/RCDT/BOOK"


@pytest.mark.samples
def test_camt052_pending_entry_is_pending(samples: Path) -> None:
    _, rows = open_file(CAMT, samples / "other/genkgo__camt052.v4.xml")
    (row,) = good(rows)
    assert row.status is TxStatus.PENDING
    assert row.amount.amount == Decimal("-200000.00") and row.amount.currency == "SEK"


@pytest.mark.samples
def test_camt054_notifications_are_read(samples: Path) -> None:
    _, rows = open_file(CAMT, samples / "other/genkgo__camt054.v8.xml")
    assert len(good(rows)) == 3


@pytest.mark.samples
@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("camt053/camtparser__053__valid_example_with_other_id.xml", "statements but no entries"),
        ("other/camtparser__052__valid_namespace.xml", "no bank-to-customer message"),
    ],
)
def test_empty_messages_are_refused(samples: Path, path: str, words: str) -> None:
    with pytest.raises(ImportFailure) as caught:
        open_file(CAMT, samples / path)
    assert words in caught.value.message.render("en")


def test_batch_with_amounts_per_transaction_gives_one_row_each() -> None:
    details = _tx("30.00", "Shop A", "Me", "E2E-1") + _tx("70.00", "Shop B", "Me", "E2E-2")
    _, rows = open_bytes(CAMT, _doc(_entry("100.00", "DBIT", details=details)))
    assert [(r.payee, r.amount.amount, r.reference) for r in good(rows)] == [
        ("Shop A", Decimal("-30.00"), "E2E-1"),
        ("Shop B", Decimal("-70.00"), "E2E-2"),
    ]


def test_details_without_amounts_stay_one_entry_row() -> None:
    details = _tx(None, "Shop A", "Me", "E2E-1") + _tx(None, "Shop B", "Me", "E2E-2")
    _, rows = open_bytes(CAMT, _doc(_entry("100.00", "DBIT", details=details)))
    (row,) = good(rows)
    assert row.amount.amount == Decimal("-100.00")
    assert row.reference == "REF-100.00"
    assert row.memo == "Invoice E2E-1 Invoice E2E-2"


def test_reversal_and_broken_entries() -> None:
    body = _entry("5.00", "CRDT", "<RvslInd>true</RvslInd>") + _entry("abc", "DBIT")
    _, rows = open_bytes(CAMT, _doc(body, "053.001.08"))
    assert good(rows)[0].status is TxStatus.REVERSED
    assert "'abc' is not an amount" in rejected(rows)[0].reason.render("en")


def test_foreign_xml_and_zip_are_not_camt() -> None:
    with pytest.raises(ImportFailure) as caught:
        open_bytes(CAMT, b"<?xml version='1.0'?><html><body/></html>")
    assert "root html" in caught.value.message.render("en")
    assert CAMT.identify(SourceFile.from_bytes(b"PK\x03\x04rest", "a.zip")) == 0
    assert CAMT.identify(SourceFile.from_bytes(_doc(""), "a.xml")) == 95


def test_entity_bombs_are_refused() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><Document>&a;</Document>'
    with pytest.raises(ImportFailure):
        open_bytes(CAMT, bomb)
