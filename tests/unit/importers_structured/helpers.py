"""Opening sample statements for the structured-importer tests."""

from __future__ import annotations

from pathlib import Path

from okguard.domain.importing import RowRejection
from okguard.domain.transaction import ParsedTransaction
from okguard.importers.base import Importer, ImportOptions, Row, SourceFile, Statement


def open_file(
    importer: Importer, path: Path, options: ImportOptions | None = None
) -> tuple[Statement, list[Row]]:
    statement = importer.open(SourceFile.from_path(path), options or ImportOptions())
    return statement, list(statement.rows)


def open_bytes(
    importer: Importer, data: bytes, name: str = "t", options: ImportOptions | None = None
) -> tuple[Statement, list[Row]]:
    statement = importer.open(SourceFile.from_bytes(data, name=name), options or ImportOptions())
    return statement, list(statement.rows)


def good(rows: list[Row]) -> list[ParsedTransaction]:
    return [r for r in rows if isinstance(r, ParsedTransaction)]


def rejected(rows: list[Row]) -> list[RowRejection]:
    return [r for r in rows if isinstance(r, RowRejection)]
