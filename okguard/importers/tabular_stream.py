"""The row loop of tabular files: one item per data row, in file order; blank,
rule, title and total rows skipped; a footer after a rule line ignored."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol, TextIO

from okguard.domain.importing import ImportFailure, RowRejection
from okguard.i18n import Msg
from okguard.importers.base import Row
from okguard.importers.tabular_builder import RowBuilder
from okguard.importers.tabular_fastpath import compile_fast
from okguard.importers.tabular_flat import FlatItem, FlatLayout, FlatReader, compile_flat
from okguard.importers.tabular_flat import not_data as _not_data
from okguard.importers.tabular_table import is_separator, non_empty
from okguard.importers.tabular_values import clean


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


class TextSource(Protocol):
    """A text file that can be opened again, and says when its content changed."""

    def open(self) -> AbstractContextManager[TextIO]: ...

    def version(self) -> object: ...


class CsvRows(Iterator[Row]):
    """The rows of a CSV table, read lazily from the file.

    Iterating gives Row objects. An importer of the whole file may instead take
    :meth:`flat` records (tabular_flat): the same rows, without a ParsedTransaction
    per row where the row is plain. Either way the rows can be read once; the file
    is opened on the first read and closed when the rows run out or are dropped.
    """

    def __init__(
        self,
        text: TextSource,
        delimiter: str,
        skip: int,
        body: list[tuple[int, list[str]]],
        builder: RowBuilder,
    ) -> None:
        self._text = text
        self._version = text.version()
        self._delimiter = delimiter
        self._skip = skip  # records already read (and given in ``body``) when planning
        self._body = body
        self._builder = builder
        self._rows: Iterator[Row] | None = None
        self._taken = False

    def __iter__(self) -> Iterator[Row]:
        return self._row_iter()

    def __next__(self) -> Row:
        return next(self._row_iter())

    def _row_iter(self) -> Iterator[Row]:
        if self._rows is None:
            self._claim()
            self._rows = self._stream(None)  # type: ignore[assignment]
        return self._rows  # type: ignore[return-value]

    def _claim(self) -> None:
        if self._taken:
            raise RuntimeError("the rows of a statement can be read once")
        self._taken = True

    def flat(self) -> tuple[FlatLayout, Callable[[bool], Iterator[FlatItem]]] | None:
        """(layout, passes) for a plain table not read yet, else None. Each call of
        ``passes(full)`` gives all rows again, as flat records where they are plain:
        all values when ``full``, else just the identifying ones (an import that
        finds new rows among known ones reads the file twice)."""
        if self._taken:
            return None
        reader = compile_flat(self._builder)
        if reader is None:
            return None
        self._claim()
        return reader.layout, lambda full: self._stream(reader, full=full)

    def _stream(self, flat: FlatReader | None, *, full: bool = True) -> Iterator[FlatItem]:
        judge = _Judge(self._builder)
        yield from stream_rows(self._body, self._builder, judge)
        if self._text.version() != self._version:
            raise ImportFailure(
                Msg("The file changed while it was being imported; import it again")
            )
        with self._text.open() as text:
            reader = csv.reader(text, delimiter=self._delimiter)
            try:
                for _ in range(self._skip):
                    next(reader)
                last = reader.line_num
                if flat is not None:
                    yield from flat.records(reader, last, judge, full=full)
                else:
                    build = compile_fast(self._builder) or self._builder.build
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
