"""Columns of the scan turned into integer codes in SQL, so a row costs no Python.

How a column travels is chosen from a sample of rows (see :func:`plan`):

* :class:`Same`: every column whose sample shows one value, together one bit per
  row, set where the row has those values: ``(a, b) IS ('x', 0)``;
* :class:`Field`: a column with a few values, ``CASE c WHEN 'x' THEN 0 ...``;
  the bits of both are packed, with the row id, into one integer per row;
* :class:`Digits`: many values, all plain decimal numbers (account and card
  numbers), sent as ``number * 32 + length`` so a leading zero or a letter shows;
* ``link_id`` with many values: the integer itself;
* anything else: one cell per row (:func:`read_cells`).

Codes are -1 where SQL could not tell the value (one the sample did not see);
those rows are read afterwards, cell by cell (:func:`complete`).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
Decoded = tuple[IntArray, list[Any]]  # codes (-1: not known yet), distinct values

NARROW = 32  # a column whose sample shows at most this many values is a Field
_BY_ID = 500  # ids per "rowid IN (...)" query
_MAX_DIGITS = 17  # 10**17 * 32 still fits in 63 bits
_NULL_DIGITS, _NOT_DIGITS = 31, 30  # lengths a number of at most 17 digits never has
_POW10 = 10 ** np.arange(1, 19, dtype=np.int64)
_SAMPLE_WINDOWS, _SAMPLE_ROWS = 128, 64  # rows read for the sample: spread over the ids


@dataclass(frozen=True, slots=True)
class Coded:
    """A column as integer codes into its distinct values."""

    codes: npt.NDArray[Any]  # int8, int16 or int32: as narrow as the values allow
    values: list[Any]


def literal(value: Any) -> str | None:
    """``value`` written as SQL, or None when it cannot be written exactly."""
    if value is None:
        return "NULL"
    if type(value) is int:
        return str(value)
    if type(value) is str and "\0" not in value:
        return "'" + value.replace("'", "''") + "'"
    return None


@dataclass
class Same:
    """Columns that each showed one value in the sample: one bit, set where a row
    has all of those values."""

    columns: list[str]
    values: list[Any]
    shift: int = 0
    bits = 1

    def sql(self) -> str:
        lits = ", ".join(str(literal(v)) for v in self.values)
        return f"(({', '.join(self.columns)}) IS ({lits}))"

    def decode(self, packed: IntArray) -> dict[str, Decoded]:
        differ = ((packed >> self.shift) & 1) == 0
        if not differ.any():  # the usual case: no copy per column
            return {c: (np.zeros(len(packed), dtype=np.int8), [v])
                    for c, v in zip(self.columns, self.values, strict=True)}
        return {c: (np.where(differ, -1, 0), [v])
                for c, v in zip(self.columns, self.values, strict=True)}


@dataclass
class Field:
    """A column with a few values in the sample, coded ``0 .. len(values) - 1``."""

    column: str
    values: list[Any]
    shift: int = 0

    @property
    def bits(self) -> int:
        return len(self.values).bit_length()  # len(values): a value not in the list

    def sql(self) -> str:
        col, other = self.column, len(self.values)
        whens = [f"WHEN {literal(v)} THEN {i}" for i, v in enumerate(self.values)
                 if v is not None]
        if None in self.values:
            other_sql = f"(CASE WHEN {col} IS NULL THEN {self.values.index(None)} ELSE {other} END)"
        else:
            other_sql = str(other)
        return f"(CASE {col} {' '.join(whens)} ELSE {other_sql} END)" if whens else other_sql

    def decode(self, packed: IntArray) -> dict[str, Decoded]:
        codes = (packed >> self.shift) & ((1 << self.bits) - 1)
        return {self.column: (np.where(codes == len(self.values), -1, codes), list(self.values))}


@dataclass
class Digits:
    """A text column of plain decimal numbers."""

    column: str

    def sql(self) -> str:
        col = self.column
        return (f"CASE WHEN {col} IS NULL THEN {_NULL_DIGITS} WHEN length({col}) <= {_MAX_DIGITS}"
                f" THEN CAST({col} AS INTEGER) * 32 + length({col}) ELSE {_NOT_DIGITS} END")

    def decode(self, raw: IntArray) -> dict[str, Decoded]:
        # The text is the number exactly when it is as long as the number written out:
        # a "+", a leading zero, a space or a letter all make it longer.
        number, length = raw >> 5, raw & 31
        size = np.searchsorted(_POW10, np.abs(number), side="right") + 1 + (number < 0)
        exact = (length <= _MAX_DIGITS) & (size == length)
        uniq, inverse = np.unique(number[exact], return_inverse=True)
        codes = np.full(len(raw), -1, dtype=np.int64)
        codes[exact] = inverse
        values: list[Any] = [str(v) for v in uniq.tolist()]
        null = raw == _NULL_DIGITS
        if null.any():
            codes[null] = len(values)
            values.append(None)
        return {self.column: (codes, values)}


def is_digits(values: list[Any]) -> bool:
    texts = [v for v in values if v is not None]
    return bool(texts) and all(
        type(v) is str and 0 < len(v) <= _MAX_DIGITS and v.isascii()
        and v.lstrip("-").isdigit() and str(int(v)) == v for v in texts)


@dataclass
class Plan:
    packed: list[Same | Field]
    digits: list[Digits]
    ints: list[str]  # read as the integer itself, NULL as -1
    cells: list[str]


def plan(conn: Any, columns: Sequence[str], first: int, last: int,
         ints: Sequence[str] = ()) -> Plan:
    """How each column travels, from the values a sample of rows shows.
    ``ints``: integer columns that may be sent as they are when they vary a lot."""
    seen = sample(conn, columns, first, last)
    same = Same([], [])
    out = Plan([same], [], [], [])
    for name, values in seen.items():
        if any(literal(v) is None for v in values):
            out.cells.append(name)
        elif len(values) == 1:
            same.columns.append(name)
            same.values.append(values[0])
        elif len(values) <= NARROW:
            out.packed.append(Field(name, values))
        elif name in ints and all(type(v) is int or v is None for v in values):
            out.ints.append(name)
        elif is_digits(values):
            out.digits.append(Digits(name))
        else:
            out.cells.append(name)
    if not same.columns:
        out.packed.remove(same)
    while sum(p.bits for p in out.packed) > 62:  # never with the columns a scan reads
        widest = max((p for p in out.packed if isinstance(p, Field)), key=lambda p: p.bits)
        out.packed.remove(widest)
        out.cells.append(widest.column)
    return out


def sample(conn: Any, columns: Sequence[str], first: int, last: int) -> dict[str, list[Any]]:
    """Distinct values of each column, in order of first sight, in runs of rows spread
    over the ids (every row of a small table)."""
    seen: list[dict[Any, None]] = [{} for _ in columns]
    sql = (f"SELECT {', '.join(columns)} FROM transactions WHERE rowid >= ?"
           f" ORDER BY rowid LIMIT {_SAMPLE_ROWS}")
    step = max(_SAMPLE_ROWS, (last - first + 1) // _SAMPLE_WINDOWS)
    for start in range(first, last + 1, step):
        for row in conn.execute(sql, (start,)):
            for s, v in zip(seen, row, strict=True):
                s[v] = None
    return {name: list(s) for name, s in zip(columns, seen, strict=True)}


def parse_ints(text: str | None, count: int | None) -> IntArray | None:
    """A ``group_concat`` of integers, or None unless it is exactly ``count`` of them
    (any number when ``count`` is None)."""
    if count == 0 or (count is None and not text):
        return np.zeros(0, dtype=np.int64)
    if not text:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # numpy warns, and stops, at anything else
            values = np.fromstring(text, sep=",", dtype=np.int64)
    except (ValueError, Warning):
        return None
    return values if count is None or len(values) == count else None


def narrow(codes: npt.NDArray[Any], distinct: int) -> npt.NDArray[Any]:
    # Currency, memo, kind ... have a handful of values: a byte a row is enough.
    for dtype in (np.int8, np.int16):
        if distinct <= np.iinfo(dtype).max:
            return codes.astype(dtype)
    return codes.astype(np.int32)


def read_cells(conn: Any, column: str, n: int, check: Callable[[], None]) -> Coded:
    """Every row's value (in rowid order), one cell at a time, coded in order of first
    sight. ``check`` runs between chunks (and may raise to stop)."""
    table: dict[Any, int] = {}
    codes = np.empty(n, dtype=np.int32)
    filled = 0
    cur = conn.execute(f"SELECT {column} FROM transactions ORDER BY rowid")
    while rows := cur.fetchmany(20_000):
        check()
        k = len(rows)
        if filled + k > n:
            raise RuntimeError("more rows than counted in the same read transaction")
        codes[filled:filled + k] = np.fromiter(
            (table.setdefault(v, len(table)) for (v,) in rows), dtype=np.int32, count=k)
        filled += k
    if filled != n:
        raise RuntimeError("fewer rows than counted in the same read transaction")
    return Coded(codes, list(table))


def grouped_codes(conn: Any, column: str, ids: IntArray) -> Coded:
    """Codes of a column read once per distinct value with the ids of its rows
    (``ids``: every row's id, ascending). SQLite walks the column's index for this
    instead of the table."""
    values: list[Any] = []
    counts: list[int] = []
    members: list[str] = []
    for value, count, rows in conn.execute(f"SELECT {column}, count(*), group_concat(rowid)"
                                           f" FROM transactions GROUP BY {column}"):
        values.append(value)
        counts.append(count)
        members.append(rows)
    rowids = parse_ints(",".join(members), len(ids))
    if rowids is None:
        raise RuntimeError("rows not counted in the same read transaction")
    dense = len(ids) and int(ids[-1]) - int(ids[0]) == len(ids) - 1
    at = rowids - int(ids[0]) if dense else np.searchsorted(ids, rowids)
    at = np.clip(at, 0, max(len(ids) - 1, 0))
    codes = np.full(len(ids), -1, dtype=np.int32)
    codes[at] = np.repeat(np.arange(len(values), dtype=np.int32), counts)
    if bool((codes < 0).any()) or not np.array_equal(ids[at], rowids):
        raise RuntimeError("rows not counted in the same read transaction")
    return Coded(codes, values)


def complete(conn: Any, decoded: dict[str, Decoded], ids: IntArray,
             check: Callable[[], None]) -> dict[str, Coded]:
    """Every column's codes, reading the values SQL could not code: by id when they
    are few, else the whole column."""
    out: dict[str, Coded] = {}
    by_todo: dict[bytes, list[str]] = {}
    todos: dict[str, IntArray] = {}
    for name, (codes, values) in decoded.items():
        todo = np.flatnonzero(codes < 0)
        if not len(todo):
            out[name] = Coded(codes, values)
        elif len(todo) * 16 > len(ids):
            out[name] = read_cells(conn, name, len(ids), check)
        else:
            todos[name] = todo
            by_todo.setdefault(todo.tobytes(), []).append(name)
    for names in by_todo.values():  # the columns of one Same share their rows
        todo = todos[names[0]]
        rows = _by_id(conn, names, ids[todo].tolist())
        for k, name in enumerate(names):
            codes, values = decoded[name]
            table = {v: i for i, v in enumerate(values)}
            codes[todo] = [table.setdefault(row[k], len(table)) for row in rows]
            out[name] = Coded(codes, list(table))
    return out


def _by_id(conn: Any, columns: list[str], wanted: list[int]) -> list[tuple[Any, ...]]:
    found: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(wanted), _BY_ID):
        part = wanted[start:start + _BY_ID]
        for rowid, *values in conn.execute(
                f"SELECT rowid, {', '.join(columns)} FROM transactions WHERE rowid IN"
                f" ({','.join('?' * len(part))})", part):
            found[rowid] = tuple(values)
    if len(found) != len(set(wanted)):
        raise RuntimeError("rows not found in the same read transaction")
    return [found[i] for i in wanted]
