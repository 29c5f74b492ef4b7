"""The row loop of tabular files: one item per data row, in file order; blank,
rule, title and total rows skipped; a footer after a rule line ignored."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from okguard.domain.importing import ImportFailure, RowRejection
from okguard.i18n import Msg
from okguard.importers.base import Row
from okguard.importers.tabular_builder import RowBuilder
from okguard.importers.tabular_fastpath import compile_fast
from okguard.importers.tabular_table import is_separator, is_summary, is_title, non_empty
from okguard.importers.tabular_values import clean


def _not_data(cells: Sequence[object]) -> bool:
    return is_summary(cells) or is_title(cells) or is_separator(cells)


class _Judge:
    """Rows that do not start with a digit: titles, totals, rules, footers ..."""

    def __init__(self, builder: RowBuilder) -> None:
        self.builder = builder
        self.in_footer = False
        self.seen_data = False
        self.header = [h.lower() for h in builder.header]

    def __call__(self, line: int, cells: Sequence[object]) -> Row | None:
        if not cells:
            return None
        if is_separator(cells):
            # A lone rule line after the data starts the footer block.
            self.in_footer = self.in_footer or (self.seen_data and len(non_empty(cells)) == 1)
            return None
        if _not_data(cells) or self._repeated_header(cells):
            return None
        row = self.builder.build(line, cells)
        if self.in_footer and isinstance(row, RowRejection):
            return None
        self.seen_data = True
        return row

    def _repeated_header(self, cells: Sequence[object]) -> bool:
        """Exports split into pages repeat the header line on every page."""
        texts = [clean(c).lower() for c in cells[: len(self.header)]]
        return bool(self.header) and texts == self.header


def stream_rows(
    records: Iterable[tuple[int, Sequence[object]]],
    builder: RowBuilder,
    judge: _Judge | None = None,
) -> Iterator[Row]:
    """Rows of (line, cells) records."""
    build = compile_fast(builder) or builder.build
    judge = judge or _Judge(builder)
    for line, cells in records:
        # Fast path: a row starting with a digit is looked at closely only if it fails.
        if cells and not judge.in_footer:
            first = cells[0]
            if type(first) is str and first and first[0].isdigit():
                row = build(line, cells)
                if row.__class__ is RowRejection and _not_data(cells):
                    continue
                judge.seen_data = True
                yield row
                continue
        judged = judge(line, cells)
        if judged is not None:
            yield judged


def stream_csv(
    body: list[tuple[int, list[str]]], reader: Any, builder: RowBuilder
) -> Iterator[Row]:
    """Rows of the records already read (``body``), then straight from the
    csv.reader: no per-row generator in between, as this loop runs a million
    times for big files."""
    judge = _Judge(builder)
    yield from stream_rows(body, builder, judge)
    build = compile_fast(builder) or builder.build
    last = reader.line_num
    try:
        yield from _reader_rows(reader, last, build, judge)
    except csv.Error as exc:
        raise csv_failure(reader.line_num, exc) from exc


def csv_failure(line: int, exc: csv.Error) -> ImportFailure:
    return ImportFailure(
        Msg("Line {line} cannot be read as CSV ({error})", line=line, error=str(exc)), line=line
    )


def _reader_rows(reader: Any, last: int, build: Any, judge: _Judge) -> Iterator[Row]:
    rejection = RowRejection
    in_footer = judge.in_footer
    for cells in reader:
        line = last + 1
        last = reader.line_num
        if cells and not in_footer:
            first = cells[0]
            if first and first[0].isdigit():
                row = build(line, cells)
                if row.__class__ is rejection and _not_data(cells):
                    continue
                judge.seen_data = True
                yield row
                continue
        judged = judge(line, cells)
        in_footer = judge.in_footer
        if judged is not None:
            yield judged
