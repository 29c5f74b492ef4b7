"""Every structured sample either opens into well-formed rows or is refused with a
message; and detection picks the right importer for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from okguard.domain.importing import ImportFailure, RowRejection
from okguard.domain.money import Money
from okguard.domain.transaction import ParsedTransaction
from okguard.importers.base import Importer, ImportOptions, SourceFile
from okguard.importers.camt import CamtImporter
from okguard.importers.mt940 import Mt940Importer
from okguard.importers.ofx import OfxImporter
from okguard.importers.qif import QifImporter
from okguard.importers.registry import detect
from tests.conftest import sample_files


def _tags(path: Path) -> set[bytes]:
    data = path.read_bytes()
    return {tag for tag in (b":20:", b":25:") if tag in data}


CASES: list[tuple[Path, Importer]] = [
    *((p, OfxImporter()) for p in sample_files("ofx")),
    *((p, QifImporter()) for p in sample_files("qif")),
    *((p, Mt940Importer()) for p in sample_files("mt940")),
    *((p, CamtImporter()) for p in sample_files("camt053") if p.suffix == ".xml"),
    *((p, CamtImporter()) for p in sample_files("other") if p.suffix == ".xml"),
]
# Tag fragments from the mt940 library's unit tests (no :20: and :25:) are not
# whole statements, so detection is only asked about the rest.
WHOLE = [(p, i) for p, i in CASES if p.parent.name != "mt940" or {b":20:", b":25:"} <= _tags(p)]


@pytest.mark.samples
@pytest.mark.parametrize(("path", "importer"), CASES, ids=[p.name for p, _ in CASES])
def test_sample_opens_cleanly_or_is_refused_with_a_reason(path: Path, importer: Importer) -> None:
    source = SourceFile.from_path(path)
    try:
        statement = importer.open(source, ImportOptions())
        rows = list(statement.rows)
    except ImportFailure as failure:
        assert failure.message.render("en").strip()
        assert failure.message.render("zh_CN").strip()
        return
    assert rows, "an opened statement must hold at least one record"
    keys = {account.key for account in statement.accounts}
    for row in rows:
        assert isinstance(row, ParsedTransaction | RowRejection)
        assert row.line >= 1
        if isinstance(row, ParsedTransaction):
            assert isinstance(row.amount, Money)
            assert row.account_key in keys
        else:
            assert row.reason.render("en").strip()


@pytest.mark.samples
@pytest.mark.parametrize(("path", "importer"), WHOLE, ids=[p.name for p, _ in WHOLE])
def test_detection_picks_the_structured_importer(path: Path, importer: Importer) -> None:
    assert detect(SourceFile.from_path(path)).format_id == importer.format_id
