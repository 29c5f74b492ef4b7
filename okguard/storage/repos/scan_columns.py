"""The whole history as columns for a detector scan, without a million objects.

A scan reads every stored transaction. A ``Transaction`` costs about half a
kilobyte, and every fetched cell costs ~0.1 s per million rows, so the small
integers of a row are packed into one cell in SQL, each text is interned as an
integer code as it arrives, and provider references (nearly all distinct) are kept
as one string per chunk with offsets. What comes back is numpy arrays plus the
distinct values they code: about 110 bytes a row.
"""

from __future__ import annotations

import gc
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from operator import itemgetter
from typing import Any

import numpy as np
import numpy.typing as npt

from okguard.domain.transaction import Direction, TxStatus
from okguard.storage.database import Database

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

_EPOCH = datetime(1970, 1, 1)
_SECOND = timedelta(seconds=1)
_STATUSES = [s.value for s in TxStatus]
_DIRECTIONS = [d.value for d in Direction]
_BAD_STATUS, _BAD_DIRECTION = 7, 3
_OFFSET_BIAS = 4096  # UTC offsets (minutes, |x| < 1440) are stored biased, 13 bits
_ACCOUNT_SHIFT = 23
_MAX_ACCOUNT_ID = 1 << (63 - _ACCOUNT_SHIFT)
if len(_STATUSES) > _BAD_STATUS or len(_DIRECTIONS) > _BAD_DIRECTION:
    raise TypeError("more statuses or directions than their packed bits hold")


def _case(column: str, values: list[str], other: int) -> str:
    whens = " ".join(f"WHEN '{v}' THEN {i}" for i, v in enumerate(values))
    return f"(CASE {column} {whens} ELSE {other} END)"


# Bits: status 0-2, direction 3-4, has_time 5, unknown_type 6, reviewed 7, offset known 8,
# offset 9-21 (0 where unknown or impossible), reference NULL 22, account id from 23.
_PACKED = (
    f"{_case('status', _STATUSES, _BAD_STATUS)}"
    f" + 8 * {_case('direction', _DIRECTIONS, _BAD_DIRECTION)}"
    " + 32 * has_time + 64 * unknown_type + 128 * (reviewed_at IS NOT NULL)"
    " + 256 * (utc_offset_min IS NOT NULL) + 512 * (CASE WHEN utc_offset_min BETWEEN -1439"
    f" AND 1439 THEN utc_offset_min + {_OFFSET_BIAS} ELSE 0 END)"
    f" + 4194304 * (reference IS NULL) + (account_id << {_ACCOUNT_SHIFT})"
)
TEXTS = ("payee", "payee_account", "currency", "memo", "kind", "category", "funding")
# Texts go one per cell: joining them in SQL costs more than the cells it saves.
_SELECT = (
    "SELECT id, occurred_at, amount_minor, ifnull(link_id, -1), ifnull(batch_id, -1),"
    f" ifnull(reference, ''), {_PACKED}, {', '.join(TEXTS)} FROM transactions"
)


class ScanCancelled(Exception):
    """The caller's ``cancelled()`` turned true while the columns were loading."""


@dataclass(frozen=True, slots=True)
class Coded:
    """A text column as integer codes into its distinct values."""

    codes: npt.NDArray[Any]  # int8, int16 or int32: as narrow as the values allow
    values: list[Any]


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
    batch_id: IntArray  # -1: none
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
    # Provider references are nearly all distinct and rarely read: per chunk of
    # ``ref_chunk`` rows (in load order) one string, plus where each row's text ends.
    ref_chunk: int
    ref_texts: list[str]
    ref_ends: npt.NDArray[np.int32]
    ref_null: BoolArray
    ref_row: IntArray | None  # position -> load order; None when they are the same

    def reference(self, pos: int) -> str | None:
        row = pos if self.ref_row is None else self.ref_row.item(pos)
        if self.ref_null.item(row):
            return None
        end = self.ref_ends.item(row)
        start = self.ref_ends.item(row - 1) if row % self.ref_chunk else 0
        return self.ref_texts[row // self.ref_chunk][start:end]


class _Codes(dict[Any, int]):
    """Value -> code, numbering values in order of first sight."""

    def __missing__(self, key: Any) -> int:
        code = self[key] = len(self)
        return code


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


class _Builder:
    """Fills arrays sized for the whole table chunk by chunk: no per-chunk arrays
    kept and no concatenation, so memory freed while loading is reused."""

    def __init__(self, n: int, chunk: int) -> None:
        self.n, self.chunk, self.filled = n, chunk, 0
        self.ints = {name: np.empty(n, dtype=np.int64) for name in (
            "ids", "wall", "amount", "link_id", "batch_id", "account_id")}
        self.small = {name: np.empty(n, dtype=np.int8) for name in ("status", "direction")}
        self.flags = {name: np.empty(n, dtype=np.bool_) for name in (
            "has_time", "unknown_type", "reviewed", "has_offset", "ref_null")}
        self.utc_offset = np.empty(n, dtype=np.int16)
        self.codes = [np.empty(n, dtype=np.int32) for _ in TEXTS]
        self.tables = [_Codes() for _ in TEXTS]
        self.ref_texts: list[str] = []
        self.ref_ends = np.empty(n, dtype=np.int32)

    def add(self, rows: list[tuple[Any, ...]]) -> None:
        k = len(rows)
        a, b = self.filled, self.filled + k
        if b > self.n:
            raise RuntimeError("more rows than counted in the same read transaction")

        def cells(i: int) -> Iterator[Any]:
            return map(itemgetter(i), rows)  # twice as fast as transposing with zip

        ints = self.ints
        for name, i in (("ids", 0), ("amount", 2), ("link_id", 3), ("batch_id", 4)):
            ints[name][a:b] = np.fromiter(cells(i), dtype=np.int64, count=k)
        ints["wall"][a:b] = _wall_seconds(list(cells(1)))
        packed = np.fromiter(cells(6), dtype=np.int64, count=k)
        ints["account_id"][a:b] = packed >> _ACCOUNT_SHIFT
        self.small["status"][a:b] = packed & 7
        self.small["direction"][a:b] = (packed >> 3) & 3
        for name, bit in (("has_time", 5), ("unknown_type", 6), ("reviewed", 7),
                          ("has_offset", 8), ("ref_null", 22)):
            self.flags[name][a:b] = (packed >> bit) & 1
        self.utc_offset[a:b] = ((packed >> 9) & 8191) - _OFFSET_BIAS
        refs = list(cells(5))
        self.ref_texts.append("".join(refs))
        self.ref_ends[a:b] = np.cumsum(np.fromiter(map(len, refs), dtype=np.int64, count=k))
        for i, table in enumerate(self.tables):
            self.codes[i][a:b] = np.fromiter(map(table.__getitem__, cells(7 + i)),
                                             dtype=np.int32, count=k)
        self.filled = b

    def finish(self, names: dict[int, str]) -> ScanColumns:
        if self.filled != self.n:
            raise RuntimeError("fewer rows than counted in the same read transaction")
        if bool((self.small["status"] == _BAD_STATUS).any()
                or (self.small["direction"] == _BAD_DIRECTION).any()):
            raise ValueError("a stored transaction has an unknown status or direction")
        if bool((self.flags["has_offset"] & (self.utc_offset == -_OFFSET_BIAS)).any()):
            raise ValueError("a stored transaction has a UTC offset of a day or more")
        ids, wall = self.ints["ids"], self.ints["wall"]
        order: IntArray | None = np.lexsort((ids, wall))
        if order is not None and bool((order[1:] > order[:-1]).all()):
            order = None  # stored in time order already (one import): skip the copies

        def pick(a: Any) -> Any:
            return a if order is None else a[order]

        arrays = {name: pick(a) for group in (self.ints, self.small, self.flags)
                  for name, a in group.items() if name != "ref_null"}
        return ScanColumns(
            **arrays, utc_offset=pick(self.utc_offset),
            texts={name: Coded(_narrow(pick(self.codes[i]), len(self.tables[i])),
                               list(self.tables[i])) for i, name in enumerate(TEXTS)},
            statuses=list(_STATUSES), directions=list(_DIRECTIONS), account_names=names,
            ref_chunk=self.chunk, ref_texts=self.ref_texts, ref_ends=self.ref_ends,
            ref_null=self.flags["ref_null"], ref_row=order,
        )


def _narrow(codes: npt.NDArray[np.int32], distinct: int) -> npt.NDArray[Any]:
    # Currency, memo, kind ... have a handful of values: a byte a row is enough.
    for dtype in (np.int8, np.int16):
        if distinct <= np.iinfo(dtype).max:
            return codes.astype(dtype)
    return codes


def load_scan_columns(
    db: Database, *, chunk: int = 5_000, cancelled: Callable[[], bool] | None = None
) -> ScanColumns:
    """Every stored transaction as :class:`ScanColumns`, read in one snapshot.

    Rows arrive in storage order and are sorted by (wall time, id) at the end, the
    order of ``iter_all``. Raises :class:`ScanCancelled` between chunks once
    ``cancelled()`` is true, and ValueError for a row no ``Transaction`` could hold
    (an unknown status, an impossible UTC offset), as reading it as one would.
    """
    conn = db.raw_connection()
    collecting = gc.isenabled()
    gc.disable()  # the rows of a chunk are freed at once; no cycles to look for
    try:
        conn.execute("BEGIN")  # one snapshot for the count, the names and the rows
        names = {int(i): str(name) for i, name in conn.execute("SELECT id, name FROM accounts")}
        if any(not 0 <= i < _MAX_ACCOUNT_ID for i in names):
            raise ValueError("account ids must be below 2**40 to be packed for a scan")
        (n,) = conn.execute("SELECT count(*) FROM transactions").fetchone()
        builder = _Builder(int(n), chunk)
        cur = conn.execute(_SELECT)
        while rows := cur.fetchmany(chunk):
            if cancelled is not None and cancelled():
                raise ScanCancelled
            builder.add(rows)
        conn.execute("COMMIT")
    finally:
        if collecting:
            gc.enable()
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
    return builder.finish(names)
