"""Generic CSV/TSV bank statements: any delimiter, any encoding, header found by
content, rows streamed (a million-row file is never held as a list of rows)."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from okguard.importers.base import Importer, ImportOptions, SourceFile, Statement
from okguard.importers.encoding import detect_encoding
from okguard.importers.tabular_dialect import Dialect
from okguard.importers.tabular_headers import header_signature
from okguard.importers.tabular_open import Table, plan_table, require_data
from okguard.importers.tabular_stream import CsvRows, csv_failure
from okguard.importers.tabular_table import find_header, guess_by_shape, is_separator

__all__ = ["CsvImporter", "header_signature", "open_csv_table", "sniff_delimiter"]

PLAN_ROWS = 240
_DELIMITERS = (",", ";", "\t", "|")
csv.field_size_limit(1 << 24)
_BOMS = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)
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


def _utf8_file(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


class _Text:
    """The statement as text, opened anew for each pass over its rows. Files on disk
    are streamed (a million-row statement is never held whole); in-memory ones (zip
    members, uploads) are wrapped."""

    def __init__(self, source: SourceFile, encoding: str) -> None:
        self._data = source._data  # the bytes of in-memory sources, None for files
        self._path = source.path
        self._encoding = encoding

    def open(self) -> TextIO:
        raw = io.BytesIO(self._data) if self._data is not None else self._path.open("rb")
        return io.TextIOWrapper(raw, encoding=self._encoding, errors="replace", newline="")

    def version(self) -> object:
        if self._data is not None:
            return None
        stat = self._path.stat()
        return stat.st_size, stat.st_mtime_ns


def _encoding(source: SourceFile, options: ImportOptions) -> str:
    """What detect_encoding says of the whole file, without reading a big UTF-8
    file into memory: after a BOM or UTF-16-like NULs it looks at everything as
    before; otherwise a streamed strict UTF-8 check decides (detect_encoding's
    next step)."""
    head = source.head
    if options.encoding:
        encoding = options.encoding
    elif source._data is None and not head.startswith(_BOMS) and b"\x00" not in head[:4096]:
        encoding = "utf-8" if _utf8_file(source.path) else detect_encoding(source.read_bytes())
    else:
        encoding = detect_encoding(source.read_bytes())
    if encoding == "utf-8" and head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    return encoding


def open_csv_table(
    source: SourceFile,
    options: ImportOptions,
    fmt: str,
    dialect: Dialect | None = None,
    institution: str | None = None,
) -> tuple[Statement, Table]:
    encoding = _encoding(source, options)
    text = _Text(source, encoding)
    planned: list[tuple[int, list[str]]] = []
    with text.open() as stream:
        first_lines: list[str] = []
        for line in stream:
            first_lines.append(line)
            if len(first_lines) >= 60:
                break
        delimiter = sniff_delimiter(first_lines)
        stream.seek(0)
        reader = csv.reader(stream, delimiter=delimiter)
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
    rows = CsvRows(text, delimiter, len(planned), body, table.builder)
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
