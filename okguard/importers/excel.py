"""Excel statements (.xlsx with openpyxl, legacy .xls with xlrd), recognised by
content; every sheet with a transaction table is read, with the CSV mapping."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from itertools import chain

from okguard.domain.importing import ImportFailure
from okguard.domain.transaction import StatementAccount
from okguard.i18n import Msg
from okguard.importers.base import Importer, ImportOptions, Row, SourceFile, Statement
from okguard.importers.tabular_dialect import Dialect
from okguard.importers.tabular_open import Table, plan_table, require_data
from okguard.importers.tabular_stream import stream_rows
from okguard.importers.tabular_table import find_header

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
Sheet = tuple[str, list[list[object]]]


def excel_kind(source: SourceFile) -> str | None:
    """ "xlsx", "xls" or None, from the bytes (never from the file name)."""
    head = source.head
    if head.startswith(_OLE2):
        return "xls"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(source.read_bytes())) as archive:
                return "xlsx" if "xl/workbook.xml" in archive.namelist() else None
        except Exception:  # zipfile raises several types for damaged archives
            return None
    return None


def read_sheets(source: SourceFile, max_rows: int | None = None) -> list[Sheet]:
    """(sheet title, rows of cell values) for every sheet; raises ImportFailure when
    the workbook cannot be read."""
    kind = excel_kind(source)
    try:
        if kind == "xlsx":
            return _read_xlsx(source, max_rows)
        if kind == "xls":
            return _read_xls(source, max_rows)
    except ImportFailure:
        raise
    except Exception as exc:  # openpyxl/xlrd raise many types for broken files
        raise ImportFailure(
            Msg(
                "The spreadsheet could not be read ({error}); expected an .xlsx or .xls workbook",
                error=str(exc)[:200],
            )
        ) from exc
    raise ImportFailure(Msg("The file is not an Excel workbook; expected .xlsx or .xls content"))


def _read_xlsx(source: SourceFile, max_rows: int | None) -> list[Sheet]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(source.read_bytes()), read_only=True, data_only=True)
    try:
        sheets: list[Sheet] = []
        for ws in book.worksheets:
            rows: list[list[object]] = []
            for values in ws.iter_rows(min_row=1, max_row=max_rows, values_only=True):
                rows.append(list(values))
            sheets.append((str(ws.title), rows))
        return sheets
    finally:
        book.close()


def _read_xls(source: SourceFile, max_rows: int | None) -> list[Sheet]:
    import xlrd

    # xlrd prints its warnings to stdout unless given somewhere else to write them.
    book = xlrd.open_workbook(
        file_contents=source.read_bytes(), on_demand=True, logfile=io.StringIO()
    )
    sheets: list[Sheet] = []
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        rows: list[list[object]] = []
        for r in range(sheet.nrows if max_rows is None else min(sheet.nrows, max_rows)):
            row: list[object] = []
            for cell in sheet.row(r):
                if cell.ctype == xlrd.XL_CELL_DATE:
                    row.append(xlrd.xldate_as_datetime(cell.value, book.datemode))
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    row.append(None)
                else:
                    row.append(cell.value)
            rows.append(row)
        sheets.append((sheet.name, rows))
    return sheets


def _numbered(rows: list[list[object]], start: int) -> Iterator[tuple[int, list[object]]]:
    for offset, cells in enumerate(rows[start:]):
        yield start + offset + 1, cells


def open_sheets(
    sheets: list[Sheet],
    options: ImportOptions,
    fmt: str,
    dialect: Dialect | None = None,
    institution: str | None = None,
) -> Statement:
    """A statement over every sheet that holds a transaction table."""
    tables: list[tuple[str, list[list[object]], Table]] = []
    first_error: ImportFailure | None = None
    for title, rows in sheets:
        if not any(any(c not in (None, "") for c in r) for r in rows):
            continue
        try:
            table = plan_table(rows, options, dialect, institution)
            require_data(rows[table.header_index + 1 :])
        except ImportFailure as failure:
            first_error = first_error or failure
            continue
        tables.append((title, rows, table))
    if not tables:
        raise first_error or ImportFailure(Msg("The workbook has no sheet with transactions"))
    several = len(tables) > 1
    accounts: list[StatementAccount] = []
    streams: list[Iterator[Row]] = []
    for title, rows, table in tables:
        if several and not table.account.key:
            table.account = StatementAccount(key=title, institution=table.account.institution)
            table.builder.account_key = title
        accounts.append(table.account)
        streams.append(stream_rows(_numbered(rows, table.header_index + 1), table.builder))
    first = tables[0][2]
    return Statement(
        format=fmt,
        accounts=accounts,
        rows=chain.from_iterable(streams),
        mapping=first.role_names(),
        header=first.header,
        mapping_uncertain=any(t.uncertain for _, _, t in tables),
    )


class ExcelImporter(Importer):
    format_id = "excel"
    label = "Excel (.xlsx, .xls)"

    def identify(self, source: SourceFile) -> int:
        if excel_kind(source) is None:
            return 0
        try:
            sheets = read_sheets(source, max_rows=60)
        except ImportFailure:
            return 10
        if any(find_header(rows) is not None for _, rows in sheets):
            return 60
        return 20

    def open(self, source: SourceFile, options: ImportOptions) -> Statement:
        return open_sheets(read_sheets(source), options, self.format_id)
