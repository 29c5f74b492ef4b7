"""Each structured importer, asked directly (not via detection), only ever refuses
garbage with ImportFailure and yields only rows or rejections."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okguard.domain.importing import ImportFailure, RowRejection
from okguard.domain.transaction import ParsedTransaction
from okguard.importers.base import Importer, ImportOptions, SourceFile
from okguard.importers.camt import CamtImporter
from okguard.importers.mt940 import Mt940Importer
from okguard.importers.ofx import OfxImporter
from okguard.importers.qif import QifImporter

FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
IMPORTERS: list[Importer] = [OfxImporter(), QifImporter(), CamtImporter(), Mt940Importer()]
PIECES = [
    "<OFX>",
    "<STMTRS>",
    "<CURDEF>EUR",
    "<STMTTRN>",
    "</STMTTRN>",
    "<TRNAMT>-1.5",
    "<DTPOSTED>2024",
    "<BANKACCTFROM><ACCTID>1",
    "<INVSTMTRS>",
    "<BUYMF><TOTAL>x",
    "\n",
    "!Type:Bank",
    "!Account",
    "D1/2'03",
    "T1,0",
    "S",
    "$",
    "^",
    ":20:X",
    ":25:1/2",
    ":60F:C240101EUR1,",
    ":61:2401",
    "D1,5",
    "NTRF",
    ":86:?20a?32b",
    "/NAME/x",
    "<Ntry>",
    "<Amt Ccy='EUR'>1</Amt>",
    "<CdtDbtInd>DBIT",
    "</Ntry>",
    "<Stmt>",
    "&amp;",
    "\x00",
    "\u00e9",
]
CAMT_HEAD = (
    "<?xml version='1.0'?><Document xmlns='urn:iso:std:iso:20022:tech:xsd:camt.053.001.02'>"
    "<BkToCstmrStmt><Stmt>"
)


def _consume(importer: Importer, data: bytes) -> None:
    try:
        statement = importer.open(SourceFile.from_bytes(data, name="fuzz"), ImportOptions())
        for row in statement.rows:
            assert isinstance(row, ParsedTransaction | RowRejection)
    except ImportFailure as failure:
        assert failure.message.render("en")


@FAST
@given(st.sampled_from(IMPORTERS), st.lists(st.sampled_from(PIECES), max_size=40))
def test_tag_salads_never_crash(importer: Importer, pieces: list[str]) -> None:
    _consume(importer, "".join(pieces).encode("utf-8"))


@FAST
@given(st.sampled_from(IMPORTERS), st.lists(st.sampled_from(PIECES), max_size=30))
def test_camt_shaped_salads_never_crash(importer: Importer, pieces: list[str]) -> None:
    _consume(
        importer, (CAMT_HEAD + "".join(pieces) + "</Stmt></BkToCstmrStmt></Document>").encode()
    )


@FAST
@given(st.sampled_from(IMPORTERS), st.binary(max_size=600))
def test_random_bytes_never_crash(importer: Importer, data: bytes) -> None:
    _consume(importer, data)
    assert importer.identify(SourceFile.from_bytes(data, name="fuzz")) >= 0
