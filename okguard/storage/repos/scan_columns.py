"""The whole history as columns for a detector scan, without a million objects.

A scan reads every stored transaction. Python's sqlite3 pays for every row and
cell it hands over (about 0.3 s per million rows for one text column), while
SQLite itself walks a million rows in a few hundredths of a second. So SQLite
does the work and hands over little, chunk by chunk:

* per chunk one string per column (``group_concat``) that numpy parses: no
  Python object per row;
* columns with few distinct values (status, memo, kind, currency, account ...)
  become small integer codes in SQL, a ``CASE`` over the values a sample of rows
  found, all packed with the row id into one integer per row; account numbers
  written as plain digits travel as numbers (``scan_codes`` says how);
* the payee is read once per distinct name with the ids that carry it, through
  its index;
* a row's provider reference and import batch, which only a built
  ``Transaction`` shows, are read when a row is built (:class:`_ReadLater`).

Whatever the fast path cannot vouch for (a value the sample missed, a time not in
the stored form) is read again cell by cell, so the result is what reading every
row as a ``Transaction`` gives. At a million rows: about a second, 110 MB.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt

from okguard.domain.transaction import Direction, TxStatus
from okguard.storage.database import Database
from okguard.storage.repos.scan_codes import (
    Coded,
    Plan,
    complete,
    grouped_codes,
    narrow,
    parse_ints,
    plan,
    read_cells,
)

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

__all__ = ["TEXTS", "Coded", "ScanCancelled", "ScanColumns", "load_scan_columns"]

_EPOCH = datetime(1970, 1, 1)
_SECOND = timedelta(seconds=1)
_STATUSES = [s.value for s in TxStatus]
_DIRECTIONS = [d.value for d in Direction]
_TIME_WIDTH = 19  # "YYYY-MM-DDTHH:MM:SS", as storage writes every time
TEXTS = ("payee", "payee_account", "currency", "memo", "kind", "category", "funding")
_REVIEWED = "reviewed_at IS NOT NULL"
# Every column but the payee, the time and the amount: the plan decides how each travels.
_SAMPLED = ("status", "direction", "has_time", "account_id", "unknown_type", _REVIEWED,
            "utc_offset_min", "link_id", "currency", "memo", "kind", "category", "funding",
            "payee_account")


class ScanCancelled(Exception):
    """The caller's ``cancelled()`` turned true while the columns were loading."""


class _ReadLater:
    """The reference and import batch of rows, read from the database when a row is
    first built (detectors never read them). Read after the scan's snapshot: ids do
    not change, and a row deleted meanwhile reads as (None, None)."""

    WINDOW = 512  # rows read at once: a sweep over rows costs one query per window

    def __init__(self, db: Database, ids: IntArray) -> None:
        self.db, self.ids = db, ids
        self.cache: dict[int, tuple[str | None, int | None]] = {}

    def row(self, pos: int) -> tuple[str | None, int | None]:
        got = self.cache.get(pos)
        if got is None:
            self.preload(range(pos, min(pos + self.WINDOW, len(self.ids))))
            got = self.cache[pos]
        return got

    def preload(self, positions: Sequence[int]) -> None:
        todo = [int(p) for p in positions if int(p) not in self.cache]
        if not todo:
            return
        conn = self.db.raw_connection()
        try:
            for start in range(0, len(todo), 500):
                part = todo[start:start + 500]
                ids = self.ids[part].tolist()
                found = {r[0]: (r[1], r[2]) for r in conn.execute(
                    f"SELECT id, reference, batch_id FROM transactions WHERE id IN"
                    f" ({','.join('?' * len(ids))})", ids)}
                for p, i in zip(part, ids, strict=True):
                    self.cache[p] = found.get(i, (None, None))
        finally:
            conn.close()


@dataclass(frozen=True, slots=True)
class ScanColumns:
    """Every stored transaction in (occurred_at, id) order, one array entry per row.

    ``status`` and ``direction`` index ``statuses`` / ``directions`` (the stored
    values). ``wall`` is the wall-clock time the statement printed, in seconds since
    1970-01-01 as if it were UTC; ``utc_offset`` (minutes) counts where ``has_offset``.
    ``texts`` holds the columns named in :data:`TEXTS`.
    """

    ids: IntArray
    wall: IntArray
    amount: IntArray  # signed minor units
    account_id: IntArray
    link_id: IntArray  # -1: not linked
    status: npt.NDArray[np.int8]
    direction: npt.NDArray[np.int8]
    has_time: BoolArray
    unknown_type: BoolArray
    reviewed: BoolArray
    has_offset: BoolArray
    utc_offset: npt.NDArray[np.int16]
    texts: dict[str, Coded]
    statuses: list[str]
    directions: list[str]
    account_names: dict[int, str]
    later: _ReadLater

    def late_fields(self, pos: int) -> tuple[str | None, int | None]:
        """(reference, batch_id) of a row, read from the database the first time."""
        return self.later.row(pos)

    def preload(self, positions: Sequence[int]) -> None:
        """Read the reference and batch of these rows in one go (rows about to be built)."""
        self.later.preload(positions)


def _wall_seconds(texts: Sequence[str]) -> IntArray:
    # numpy parses ISO text in C (~40 ns a row); what it cannot take exactly (a zone
    # suffix, an odd format) goes through ``datetime.fromisoformat`` like the rest of
    # the app does.
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = np.array(texts, dtype="datetime64[s]")
        if not np.isnat(parsed).any():
            return parsed.astype(np.int64)
    except (ValueError, TypeError, Warning):
        pass
    return np.fromiter(
        ((datetime.fromisoformat(t).replace(tzinfo=None) - _EPOCH) // _SECOND for t in texts),
        dtype=np.int64, count=len(texts))


_TIME = np.dtype([("time", f"S{_TIME_WIDTH}"), ("comma", "S1")])


def _times(text: str | None, count: int) -> IntArray | None:
    """A chunk's ``group_concat`` of times; None unless each is a 19-character time
    numpy reads exactly. (With a comma after every 19 characters and none inside a
    time, no time can be longer or shorter than 19.)"""
    if count == 0:
        return np.zeros(0, dtype=np.int64)
    data = (text or "").encode("utf-8") + b","
    if len(data) != count * _TIME.itemsize:
        return None
    cells = np.frombuffer(data, dtype=_TIME)
    if not bool((cells["comma"] == b",").all()):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = cells["time"].astype("datetime64[s]")
    except (ValueError, TypeError, Warning):
        return None
    return None if np.isnat(parsed).any() else parsed.astype(np.int64)


@dataclass(frozen=True, slots=True)
class _Rows:
    """Rows of the history in id order, as read: ``packed`` holds the coded fields
    (and, when they fit, the id in the bits above them)."""

    ids: IntArray
    wall: IntArray
    amount: IntArray
    packed: IntArray
    digits: list[IntArray]
    ints: list[IntArray]

    @staticmethod
    def join(parts: list[_Rows], digits: int, ints: int) -> _Rows:
        def cat(arrays: list[IntArray]) -> IntArray:
            return np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)

        rows = _Rows(cat([p.ids for p in parts]), cat([p.wall for p in parts]),
                     cat([p.amount for p in parts]), cat([p.packed for p in parts]),
                     [cat([p.digits[k] for p in parts]) for k in range(digits)],
                     [cat([p.ints[k] for p in parts]) for k in range(ints)])
        if bool((rows.ids[1:] > rows.ids[:-1]).all()):
            return rows
        # SQLite walks a rowid range in order; should it not, the rows are sorted here.
        order = np.argsort(rows.ids, kind="stable")
        if bool((rows.ids[order][1:] == rows.ids[order][:-1]).any()):
            raise RuntimeError("a row read twice in one snapshot")
        return _Rows(rows.ids[order], rows.wall[order], rows.amount[order],
                     rows.packed[order], [a[order] for a in rows.digits],
                     [a[order] for a in rows.ints])


class _Reader:
    """Reads the rows of a rowid range, each column but the payee and the ones read
    as cells: a few strings per chunk, or cell by cell when those do not add up."""

    def __init__(self, conn: Any, how: Plan, id_shift: int | None) -> None:
        self.conn, self.id_shift = conn, id_shift
        shift = 0
        parts = []
        for p in how.packed:
            parts.append(f"({p.sql()} << {shift})" if shift else p.sql())
            p.shift, shift = shift, shift + p.bits
        if id_shift is not None:
            parts.append(f"(rowid << {id_shift})")
        # -1 where a column is NULL where it must not be (no code is negative).
        cols = [f"ifnull({' + '.join(parts) or '0'}, -1)"]
        if id_shift is None:
            cols.append("rowid")
        cols += [d.sql() for d in how.digits]
        cols += [f"ifnull({c}, -1)" for c in how.ints]
        where = "FROM transactions WHERE rowid >= ? AND rowid < ?"
        self.fast = (f"SELECT count(*), group_concat(occurred_at), group_concat(amount_minor),"
                     f" {', '.join(f'group_concat({c})' for c in cols)} {where}")
        self.slow = f"SELECT occurred_at, amount_minor, {', '.join(cols)} {where} ORDER BY rowid"
        self.ndigits, self.nints, self.ncols = len(how.digits), len(how.ints), len(cols)

    def read(self, lo: int, hi: int) -> _Rows:
        count, times, *texts = self.conn.execute(self.fast, (lo, hi)).fetchone()
        ints = [parse_ints(t, count) for t in texts]
        wall = _times(times, count)
        if wall is None or any(a is None for a in ints):
            return self._read_slowly(lo, hi)
        return self._rows(wall, [a for a in ints if a is not None])

    def _rows(self, wall: IntArray, ints: list[IntArray]) -> _Rows:
        amount, packed, *rest = ints
        if self.id_shift is None:
            ids, *rest = rest
        else:
            ids = packed >> self.id_shift
        return _Rows(ids, wall, amount, packed, rest[:self.ndigits], rest[self.ndigits:])

    def _read_slowly(self, lo: int, hi: int) -> _Rows:
        """Cell by cell: an odd value fails here as reading the row as a
        ``Transaction`` would, or is read the way that reads it."""
        rows = self.conn.execute(self.slow, (lo, hi)).fetchall()
        cols: list[Sequence[Any]] = list(zip(*rows, strict=True)) or [()] * (2 + self.ncols)
        try:
            ints = [np.array(c, dtype=np.int64) for c in cols[1:]]
        except (TypeError, ValueError, OverflowError) as exc:
            raise ValueError(f"a stored transaction has an unreadable value ({exc})") from exc
        return self._rows(_wall_seconds(list(cols[0])), ints)


def _read_chunks(conn: Any, reader: _Reader, first: int, last: int, chunk: int,
                 check: Callable[[], None]) -> _Rows:
    parts: list[_Rows] = []
    start: int | None = first
    width = chunk
    while start is not None and start <= last:
        check()
        end = min(start + width, last + 1)
        part = reader.read(start, end)
        parts.append(part)
        # Ids far apart (rows deleted, ids chosen elsewhere): wider ranges, so that a
        # chunk still holds about ``chunk`` rows.
        width = max(chunk, min(width * 4, width * chunk // max(len(part.ids), 1)))
        (start,) = conn.execute("SELECT min(rowid) FROM transactions WHERE rowid >= ?",
                                (end,)).fetchone()
    return _Rows.join(parts, reader.ndigits, reader.nints)


def load_scan_columns(
    db: Database, *, chunk: int = 65_536, cancelled: Callable[[], bool] | None = None
) -> ScanColumns:
    """Every stored transaction as :class:`ScanColumns`, read in one snapshot.

    Rows are read in id order and sorted by (wall time, id) at the end, the order of
    ``iter_all``. Raises :class:`ScanCancelled` between chunks once ``cancelled()``
    is true, and ValueError for a row no ``Transaction`` could hold (an unknown
    status, an impossible UTC offset), as reading it as one would.
    """

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ScanCancelled

    conn = db.raw_connection()
    try:
        conn.execute("BEGIN")  # one snapshot for everything read here
        names = {int(i): str(name) for i, name in conn.execute("SELECT id, name FROM accounts")}
        (n,) = conn.execute("SELECT count(*) FROM transactions").fetchone()
        first = conn.execute("SELECT min(rowid) FROM transactions").fetchone()[0] or 0
        last = conn.execute("SELECT max(rowid) FROM transactions").fetchone()[0] if n else -1
        how = plan(conn, _SAMPLED, first, last, ints=("link_id",))
        bits = sum(p.bits for p in how.packed)
        id_shift = bits if first >= 0 and int(last).bit_length() + bits <= 62 else None
        rows = _read_chunks(conn, _Reader(conn, how, id_shift), first, last, chunk, check)
        if len(rows.ids) != n:
            raise RuntimeError("a different number of rows than counted in one snapshot")
        if bool((rows.packed < 0).any()):
            raise ValueError("a stored transaction lacks a value every transaction has")
        decoded = {}
        for part in how.packed:
            decoded.update(part.decode(rows.packed))
        for digits, raw in zip(how.digits, rows.digits, strict=True):
            decoded.update(digits.decode(raw))
        coded = complete(conn, decoded, rows.ids, check)
        for name in how.cells:
            coded[name] = read_cells(conn, name, n, check)
        coded["payee"] = grouped_codes(conn, "payee", rows.ids)
        conn.execute("COMMIT")
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
    links = dict(zip(how.ints, rows.ints, strict=True))
    return _assemble(db, rows, coded, links.get("link_id"), names)


def _lut(coded: Coded, convert: Callable[[Any], Any], dtype: Any) -> Any:
    if not coded.values:
        return np.zeros(len(coded.codes), dtype=dtype)
    return np.array([convert(v) for v in coded.values], dtype=dtype)[coded.codes]


def _index_in(known: list[str], what: str) -> Callable[[Any], int]:
    def index(value: Any) -> int:
        if value not in known:
            raise ValueError(f"a stored transaction has an unknown {what}: {value!r}")
        return known.index(value)
    return index


def _offset(value: Any) -> int:
    if value is None:
        return 0
    if type(value) is not int or not -1440 < value < 1440:
        raise ValueError("a stored transaction has a UTC offset of a day or more")
    return value


def _assemble(db: Database, rows: _Rows, coded: dict[str, Coded], link: IntArray | None,
              names: dict[int, str]) -> ScanColumns:
    """The columns in (wall time, id) order, from what was read in id order."""
    order: IntArray | None = np.lexsort((rows.ids, rows.wall))
    if order is not None and bool((order[1:] > order[:-1]).all()):
        order = None  # stored in time order already (one import): skip the copies

    def pick(a: Any) -> Any:
        return a if order is None else a[order]

    def lut(name: str, convert: Callable[[Any], Any], dtype: Any) -> Any:
        return pick(_lut(coded[name], convert, dtype))

    offsets = coded["utc_offset_min"]
    ids = pick(rows.ids)
    return ScanColumns(
        ids=ids, wall=pick(rows.wall), amount=pick(rows.amount),
        account_id=lut("account_id", int, np.int64),
        link_id=pick(link) if link is not None else lut(
            "link_id", lambda v: -1 if v is None else int(v), np.int64),
        status=lut("status", _index_in(_STATUSES, "status"), np.int8),
        direction=lut("direction", _index_in(_DIRECTIONS, "direction"), np.int8),
        has_time=lut("has_time", bool, np.bool_),
        unknown_type=lut("unknown_type", bool, np.bool_),
        reviewed=lut(_REVIEWED, bool, np.bool_),
        has_offset=pick(_lut(offsets, lambda v: v is not None, np.bool_)),
        utc_offset=pick(_lut(offsets, _offset, np.int16)),
        texts={name: Coded(narrow(pick(coded[name].codes), len(coded[name].values)),
                           coded[name].values) for name in TEXTS},
        statuses=list(_STATUSES), directions=list(_DIRECTIONS), account_names=names,
        later=_ReadLater(db, ids),
    )
