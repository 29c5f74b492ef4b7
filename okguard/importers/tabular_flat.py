"""Flat records for the import of plain machine-written CSV: the path a
million-row import runs through.

Where the row path builds a ParsedTransaction per row (a datetime, a Money and a
17-field object, then turned back into text and numbers for storage), this path
gives each row as a plain tuple of the values storage keeps; or, for an import
that only needs to know which rows it already has, of just what identifies a row.
Amounts repeat across a statement, so each distinct amount cell is parsed once.
Anything unusual goes to the fast row function (``compile_fast``) as before, so a
row is either a flat record or exactly the ParsedTransaction / RowRejection the
row path gives.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from okguard.domain.importing import RowRejection
from okguard.domain.money import MoneyError, currency_exponent
from okguard.domain.transaction import Direction, ParsedTransaction
from okguard.importers.base import Row
from okguard.importers.tabular_builder import RowBuilder
from okguard.importers.tabular_fastpath import (
    EMPTY_CELLS,
    RowFunction,
    compile_fast,
    minor_units,
    plain_layout,
)
from okguard.importers.tabular_table import is_separator, is_summary, is_title

# A flat record: the values of FLAT_VALUES, then of the layout's plain fields; or
# only the first seven (up to the line) when asked for identities. "" stands for a
# reference or payee account the row does not have. Every flat row is booked, in
# naive local time, of a known type and without a counterpart ref (tables with
# such a column take the row path); its cells are not kept.
FlatRecord = tuple[Any, ...]
# Records come in lists of up to BATCH, in file order with the other rows.
FlatItem = list[FlatRecord] | ParsedTransaction | RowRejection
BATCH = 256  # small: a batch stays in the CPU caches between reading and writing
FLAT_VALUES = (
    "occurred_at",
    "has_time",
    "amount_minor",
    "currency",
    "payee",
    "reference",
    "line",
    "direction",
    "payee_account",
)
PLAIN_FIELDS = ("memo", "kind", "category", "funding")

_OUT, _IN = Direction.OUT.value, Direction.IN.value  # plain str: SQLite binds those fastest
_CACHE_LIMIT = 100_000
_MISSING: Any = object()


class Judge(Protocol):
    """What the row loop of tabular_stream decides about rows that are not plain data."""

    in_footer: bool
    seen_data: bool

    def __call__(self, line: int, cells: Sequence[object]) -> Row | None: ...


@dataclass(frozen=True)
class FlatLayout:
    plain: tuple[str, ...]  # PLAIN_FIELDS the table has columns for, in that order
    account_key: str


def _exponent(ccy: str) -> int | None:
    if len(ccy) != 3 or not ccy.isupper():
        return None
    try:
        return currency_exponent(ccy)
    except MoneyError:
        return None


def not_data(cells: Sequence[object]) -> bool:
    return is_summary(cells) or is_title(cells) or is_separator(cells)


class FlatReader:
    """Turns the csv.reader rows of one plain table into flat records."""

    def __init__(self, builder: RowBuilder, fast: RowFunction) -> None:
        simple = builder._simple
        self.fast = fast
        assert builder._date is not None and builder._amount is not None
        self.date_col: int = builder._date
        self.time_col = builder._time
        self.amount_col: int = builder._amount
        self.ccy_col = builder._currency
        self.payee_col = builder._payee
        self.ref_col = simple["reference"]
        memo_col = builder.memo_cols[0] if builder.memo_cols else None
        plain = [
            (name, col)
            for name, col in zip(
                PLAIN_FIELDS,
                (memo_col, simple["type"], simple["category"], simple["funding"]),
                strict=True,
            )
            if col is not None
        ]
        self.account_col = simple["payee_account"]
        self.plain_cols = [col for _, col in plain]
        used = [
            c
            for c in (
                self.date_col,
                self.time_col,
                self.amount_col,
                self.ccy_col,
                self.payee_col,
                self.ref_col,
                self.account_col,
                *self.plain_cols,
            )
            if c is not None
        ]
        self.width = max(used) + 1
        self.default_ccy = builder.currency
        self.layout = FlatLayout(tuple(name for name, _ in plain), builder.account_key)

    def records(
        self, reader: Any, last: int, judge: Judge, *, full: bool = True
    ) -> Iterator[FlatItem]:
        """Records of the rows ``reader`` yields, in lists; ``last`` is the line the
        previous row ended on; ``full`` False for just the identifying values. Rows
        that are not plain data go through ``judge`` as in the row path and come as
        themselves, after the records before them."""
        fast, width = self.fast, self.width
        date_col, time_col, amount_col = self.date_col, self.time_col, self.amount_col
        ccy_col, payee_col, ref_col = self.ccy_col, self.payee_col, self.ref_col
        account_col = self.account_col
        n_plain = len(self.plain_cols)
        one_plain = self.plain_cols[0] if n_plain == 1 else -1
        many_plain = self.plain_cols if n_plain > 1 else []
        default_ccy = self.default_ccy
        last_ccy: str | None = None
        cache: dict[str, int | None] = {}
        empty = EMPTY_CELLS
        fromiso = datetime.fromisoformat
        minors: dict[str, dict[str, int | None]] = {}  # currency -> amount cell -> minor
        rejection = RowRejection
        in_footer = judge.in_footer
        seen_data = judge.seen_data
        batch: list[FlatRecord] = []
        append = batch.append
        for cells in reader:
            line = last + 1
            last = reader.line_num
            first = cells[0] if cells else ""
            if in_footer or not first or not first[0].isdigit():
                judge.seen_data = seen_data
                judged = judge(line, cells)
                in_footer = judge.in_footer
                if judged is not None:
                    if batch:
                        yield batch
                        batch = []
                        append = batch.append
                    yield judged
                continue
            # Nested tests rather than early exits: every way out that is not a
            # complete record ends in the row path below.
            if len(cells) >= width:
                raw_date = cells[date_col]
                raw_time = cells[time_col] if time_col is not None else ""
                when = f"{raw_date}T{raw_time}" if raw_time else raw_date
                try:
                    moment = fromiso(when)
                except (ValueError, TypeError):
                    moment = None
                if moment is None or moment.tzinfo is not None:
                    when = ""  # aware times keep their offset: the row path does that
                elif not (
                    len(when) == 19
                    and when[4] == "-"
                    and when[7] == "-"
                    and when[10] == "T"
                    and when[13] == ":"
                    and when[16] == ":"
                ):
                    # Anything but YYYY-MM-DDTHH:MM:SS: storage's text for it.
                    when = moment.replace(microsecond=0).isoformat()
                has_time = 1 if raw_time or len(raw_date) > 10 else 0
                ccy = (
                    (cells[ccy_col].strip() or default_ccy) if ccy_col is not None else default_ccy
                )
                if ccy != last_ccy:
                    last_ccy = ccy
                    cache = minors.setdefault(ccy, {})
                raw_amount = cells[amount_col]
                minor = cache.get(raw_amount, _MISSING)
                if minor is _MISSING:
                    if len(cache) > _CACHE_LIMIT:
                        cache.clear()
                    exponent = _exponent(ccy)
                    minor = cache[raw_amount] = (
                        None if exponent is None else minor_units(raw_amount, exponent)
                    )
                if when and minor is not None:
                    # Inline (not a helper per cell): this runs for every row.
                    payee = cells[payee_col].strip() if payee_col is not None else ""
                    reference = cells[ref_col].strip() if ref_col is not None else ""
                    if payee in empty:
                        payee = ""
                    if reference in empty:
                        reference = ""
                    if not full:
                        append((when, has_time, minor, ccy, payee, reference, line))
                    else:
                        account = cells[account_col].strip() if account_col is not None else ""
                        direction = _OUT if minor < 0 else _IN
                        if account in empty:
                            account = ""
                        if one_plain >= 0:  # the usual memo column: one tuple, no concatenation
                            append(
                                (
                                    when,
                                    has_time,
                                    minor,
                                    ccy,
                                    payee,
                                    reference,
                                    line,
                                    direction,
                                    account,
                                    cells[one_plain].strip(),
                                )
                            )
                        else:
                            plain = [cells[i].strip() for i in many_plain]
                            append(
                                (
                                    when,
                                    has_time,
                                    minor,
                                    ccy,
                                    payee,
                                    reference,
                                    line,
                                    direction,
                                    account,
                                    *plain,
                                )
                            )
                    seen_data = True
                    if len(batch) >= BATCH:
                        yield batch
                        batch = []
                        append = batch.append
                    continue
            row = fast(line, cells)
            if row.__class__ is not rejection or not not_data(cells):
                seen_data = True
                if batch:
                    yield batch
                    batch = []
                    append = batch.append
                yield row
        if batch:
            yield batch
        judge.seen_data = seen_data


def compile_flat(builder: RowBuilder) -> FlatReader | None:
    """The flat reader for this table, or None when its layout needs the row path."""
    fast = compile_fast(builder)
    if fast is None or not plain_layout(builder) or builder._simple["counterpart_ref"] is not None:
        return None
    return FlatReader(builder, fast)
