"""Generic CSV/TSV bank statements: any delimiter, any encoding, header found by
content, rows streamed (a million-row file is never held as a list of rows)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from typing import Any

from okguard.importers.base import Importer, ImportOptions, SourceFile, Statement
from okguard.importers.encoding import detect_encoding
from okguard.importers.tabular_dialect import Dialect
from okguard.importers.tabular_headers import header_signature
from okguard.importers.tabular_open import Table, plan_table, require_data
from okguard.importers.tabular_stream import csv_failure, stream_csv
from okguard.importers.tabular_table import find_header, guess_by_shape, is_separator

__all__ = ["CsvImporter", "header_signature", "open_csv_table", "sniff_delimiter"]

PLAN_ROWS = 240
_DELIMITERS = (",", ";", "\t", "|")
csv.field_size_limit(1 << 24)
# Starts of files that belong to another importer.
_FOREIGN_STARTS = (
    "<",
    "OFXHEADER",
    "!TYPE",
    "!OPTION",
    "!ACCOUNT",
    ":20:",
    "{1:",
    ":940:",
    "PK\x03\x04",
)


def sniff_delimiter(lines: Sequence[str]) -> str:
    """The delimiter that splits the most lines into the same number (>1) of fields."""
    best, best_score = ",", (-1, 0)
    for delimiter in _DELIMITERS:
        widths: dict[int, int] = {}
        for cells in csv.reader(lines, delimiter=delimiter):
            if len(cells) > 1:
                widths[len(cells)] = widths.get(len(cells), 0) + 1
        if not widths:
            continue
        width, count = max(widths.items(), key=lambda kv: (kv[1], kv[0]))
        score = (count, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _head_text(source: SourceFile, encoding: str | None) -> str:
    head = source.head
    name = encoding or detect_encoding(head[:-4] if len(head) >= 65536 else head)
    return head.decode(name, errors="replace").lstrip("\ufeff")


def head_rows(source: SourceFile, encoding: str | None = None, limit: int = 60) -> list[list[str]]:
    """The first rows of a text table, for identify()."""
    text = _head_text(source, encoding)
    lines = text.splitlines()[:limit]
    return list(csv.reader(lines, delimiter=sniff_delimiter(lines)))


def looks_foreign(source: SourceFile) -> bool:
    head = source.head
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return True
    text = _head_text(source, None)
    if "\x00" in text[:4096]:
        return True
    start = text.lstrip().upper()
    return start.startswith(_FOREIGN_STARTS)


def _iter_records(reader: Any) -> Iterator[tuple[int, list[str]]]:
    last = 0
    for cells in reader:
        yield last + 1, cells
        last = reader.line_num


def open_csv_table(
    source: SourceFile,
    options: ImportOptions,
    fmt: str,
    dialect: Dialect | None = None,
    institution: str | None = None,
) -> tuple[Statement, Table]:
    data = source.read_bytes()
    encoding = options.encoding or detect_encoding(data)
    if encoding == "utf-8" and data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, errors="replace", newline="")
    first_lines: list[str] = []
    for line in stream:
        first_lines.append(line)
        if len(first_lines) >= 60:
            break
    delimiter = sniff_delimiter(first_lines)
    stream.seek(0)
    reader = csv.reader(stream, delimiter=delimiter)
    planned: list[tuple[int, list[str]]] = []
    try:
        for record in _iter_records(reader):
            planned.append(record)
            if len(planned) >= PLAN_ROWS:
                break
    except csv.Error as exc:
        raise csv_failure(reader.line_num, exc) from exc
    table = plan_table([cells for _, cells in planned], options, dialect, institution)
    body = planned[table.header_index + 1 :]
    require_data([cells for _, cells in body])
    rows = stream_csv(body, reader, table.builder)
    statement = Statement(
        format=fmt,
        accounts=[table.account],
        rows=rows,
        mapping=table.role_names(),
        header=table.header,
        mapping_uncertain=table.uncertain,
        encoding=encoding,
    )
    return statement, table


class CsvImporter(Importer):
    format_id = "csv"
    label = "CSV / TSV"

    def identify(self, source: SourceFile) -> int:
        if looks_foreign(source):
            return 0
        try:
            rows = head_rows(source)
        except csv.Error:
            return 0
        if not rows:
            return 0
        if find_header(rows) is not None:
            # A header alone still is ours: open() then says it holds no transactions.
            return 55 if len(rows) > 1 else 40
        data = [r for r in rows if not is_separator(r)]
        guessed = guess_by_shape(data)
        return 25 if guessed is not None and guessed.complete else 0

    def open(self, source: SourceFile, options: ImportOptions) -> Statement:
        return open_csv_table(source, options, self.format_id)[0]


def decoded_head(source: SourceFile) -> str:
    """The start of the file as text (for e-wallet markers)."""
    return _head_text(source, None)
