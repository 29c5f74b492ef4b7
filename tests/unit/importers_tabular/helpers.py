"""Small helpers shared by the tabular importer tests."""

from __future__ import annotations

from pathlib import Path

from okguard.domain.importing import RowRejection
from okguard.domain.transaction import ParsedTransaction
from okguard.importers.alipay import AlipayImporter
from okguard.importers.base import Importer, ImportOptions, Row, SourceFile, Statement
from okguard.importers.csv_generic import CsvImporter
from okguard.importers.excel import ExcelImporter
from okguard.importers.wechat import WechatImporter

TABULAR: tuple[Importer, ...] = (CsvImporter(), ExcelImporter(), AlipayImporter(), WechatImporter())


def best_tabular(source: SourceFile) -> tuple[str, int]:
    """(format_id, score) of the tabular importer that claims ``source`` most."""
    score, fmt = max((imp.identify(source), imp.format_id) for imp in TABULAR)
    return fmt, score


def importer(fmt: str) -> Importer:
    return next(imp for imp in TABULAR if imp.format_id == fmt)


def open_file(path: Path, fmt: str, **options: object) -> tuple[Statement, list[Row]]:
    statement = importer(fmt).open(SourceFile.from_path(path), ImportOptions(**options))  # type: ignore[arg-type]
    return statement, list(statement.rows)


def open_text(
    text: str, fmt: str = "csv", encoding: str = "utf-8", **options: object
) -> tuple[Statement, list[Row]]:
    source = SourceFile.from_bytes(text.encode(encoding), "test.csv")
    statement = importer(fmt).open(source, ImportOptions(**options))  # type: ignore[arg-type]
    return statement, list(statement.rows)


def transactions(rows: list[Row]) -> list[ParsedTransaction]:
    return [r for r in rows if isinstance(r, ParsedTransaction)]


def rejections(rows: list[Row]) -> list[RowRejection]:
    return [r for r in rows if isinstance(r, RowRejection)]
