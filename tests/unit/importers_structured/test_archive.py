"""Zip archives of statements: members expanded, bombs refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from okguard.domain.importing import ImportFailure
from okguard.importers import archive
from okguard.importers.archive import expand_zip
from okguard.importers.base import ImportOptions, SourceFile
from okguard.importers.camt import CamtImporter


def _zip(members: dict[str, bytes]) -> SourceFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return SourceFile.from_bytes(buffer.getvalue(), name="bundle.zip")


@pytest.mark.samples
def test_camt_zip_expands_into_two_statements(samples: Path) -> None:
    source = SourceFile.from_path(samples / "camt053/oca__test-camt053.zip")
    assert CamtImporter().identify(source) == 0
    members = expand_zip(source)
    assert [m.name for m in members] == [
        "oca__test-camt053.zip!test-camt053_02.xml",
        "oca__test-camt053.zip!test-camt053_03.xml",
    ]
    for member in members:
        assert CamtImporter().identify(member) == 95
        statement = CamtImporter().open(member, ImportOptions())
        assert list(statement.rows)


def test_too_many_members_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_MEMBERS", 3)
    with pytest.raises(ImportFailure) as caught:
        expand_zip(_zip({f"{n}.xml": b"x" for n in range(4)}))
    assert "4 files" in caught.value.message.render("en")


def test_too_much_unpacked_data_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(ImportFailure) as caught:
        expand_zip(_zip({"big.xml": b"0" * 5000}))
    assert "200 MB" in caught.value.message.render("en")


def test_damaged_zip_is_refused() -> None:
    with pytest.raises(ImportFailure):
        expand_zip(SourceFile.from_bytes(b"PK\x03\x04broken", name="bad.zip"))


def test_folders_are_left_out() -> None:
    members = expand_zip(_zip({"dir/": b"", "dir/a.xml": b"<a/>"}))
    assert [m.name for m in members] == ["bundle.zip!dir/a.xml"]
    assert members[0].read_bytes() == b"<a/>"
