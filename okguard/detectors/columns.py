"""The history as numpy columns, built once per scan.

Two ways in: :meth:`Columns.from_table` takes a history loaded as arrays (a scan of
the stored history: no ``Transaction`` per row), ``Columns(transactions)`` walks
objects already in memory (tests, small histories). Every detector then works on
compact integer arrays and asks :meth:`Columns.tx` only for the rows it reads.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import datetime, timedelta
from operator import attrgetter
from typing import Any

import numpy as np
import numpy.typing as npt

from okguard.detectors.names import normalise_account, normalise_name
from okguard.detectors.table import TableRows, TxTable
from okguard.domain.transaction import Direction, Transaction, TxStatus

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

_EPOCH = datetime(1970, 1, 1)
_SECOND = timedelta(seconds=1)
DAY = 86400
STATUS_CODE = {s: i for i, s in enumerate(TxStatus)}
DIRECTION_CODE = {d: i for i, d in enumerate(Direction)}
OUT = DIRECTION_CODE[Direction.OUT]


def _wall_seconds(moments: list[datetime]) -> IntArray:
    # Histories mix naive and zone-aware datetimes; detectors reason in the wall-clock
    # time the statement printed (a payment "at 2:00 at night" is local time).
    if any(m.tzinfo is not None for m in moments):
        moments = [m.replace(tzinfo=None) for m in moments]
    return np.fromiter(((m - _EPOCH) // _SECOND for m in moments), dtype=np.int64,
                       count=len(moments))


def _key_table(values: Iterable[Any], key: Callable[[Any], Hashable | None]
               ) -> tuple[IntArray, list[Any]]:
    """For distinct raw values: the code of each one's key (-1 where ``key`` gives
    None/""), and the distinct keys by code."""
    key_code: dict[Hashable, int] = {}
    lut: list[int] = []
    for raw in values:
        k = key(raw)
        lut.append(-1 if not k else key_code.setdefault(k, len(key_code)))
    return np.array(lut, dtype=np.int64), list(key_code)


def _codes(
    values: Iterable[Any], count: int, key: Callable[[Any], Hashable | None]
) -> tuple[IntArray, list[Any]]:
    """Integer code per value (-1 where ``key`` gives None/""), plus the list of
    distinct keys by code. ``key`` runs once per distinct raw value."""
    values = list(values)
    distinct = list(set(values))
    lut, keys = _key_table(distinct, key)
    raw_code = dict(zip(distinct, lut.tolist(), strict=True))
    return (np.fromiter(map(raw_code.__getitem__, values), dtype=np.int64, count=count),
            keys)


def _recode(coded: Any, key: Callable[[Any], Hashable | None]) -> tuple[IntArray, list[Any]]:
    """:func:`_codes` for a text column that is already codes into distinct values."""
    lut, keys = _key_table(coded.values, key)
    if not len(lut):
        return np.zeros(len(coded.codes), dtype=np.int64), keys
    return lut[coded.codes], keys


def _account_key(a: str | None) -> str | None:
    return normalise_account(a) if a else None


def _category_key(c: str) -> str:
    return c.strip().casefold()


class Columns:
    """Column arrays indexed by position in the history (not by transaction id)."""

    txs: Sequence[Transaction]

    def __init__(self, txs: Sequence[Transaction]) -> None:
        """Columns of transactions in memory; positions follow the order of ``txs``."""
        n = len(txs)
        self.txs = txs
        self._table: TableRows | None = None
        self._setup(
            ids=np.fromiter(map(attrgetter("id"), txs), dtype=np.int64, count=n),
            ts=_wall_seconds(list(map(attrgetter("occurred_at"), txs))),
            signed=np.fromiter(map(attrgetter("amount.minor"), txs), dtype=np.int64, count=n),
            cur=_codes(map(attrgetter("amount.currency"), txs), n, str),
            payee=_codes(map(attrgetter("payee"), txs), n, normalise_name),
            acct=_codes(map(attrgetter("payee_account"), txs), n, _account_key),
            status=np.fromiter(map(STATUS_CODE.__getitem__, map(attrgetter("status"), txs)),
                               dtype=np.int64, count=n),
            direction=np.fromiter(
                map(DIRECTION_CODE.__getitem__, map(attrgetter("direction"), txs)),
                dtype=np.int64, count=n),
            account_id=np.fromiter(map(attrgetter("account_id"), txs), dtype=np.int64,
                                   count=n),
            has_time=np.fromiter(map(attrgetter("has_time"), txs), dtype=np.bool_, count=n),
            link=np.fromiter((-1 if t.link_id is None else t.link_id for t in txs),
                             dtype=np.int64, count=n),
            funded=lambda pos: bool(txs[pos].funding),
        )

    @classmethod
    def from_table(cls, table: TxTable) -> Columns:
        """Columns of a history loaded as arrays; rows become ``Transaction`` objects
        only when :meth:`tx` asks for them."""
        self = cls.__new__(cls)
        rows = TableRows(table)
        self.txs = rows
        self._table = rows
        texts = table.texts
        status_lut = np.array([STATUS_CODE[TxStatus(s)] for s in table.statuses] or [0],
                              dtype=np.int64)
        direction_lut = np.array(
            [DIRECTION_CODE[Direction(d)] for d in table.directions] or [0], dtype=np.int64)
        funding = texts["funding"]
        funded = np.array([bool(f) for f in funding.values] or [False], dtype=np.bool_)
        self._setup(
            ids=table.ids,
            ts=table.wall,
            signed=table.amount,
            cur=_recode(texts["currency"], str),
            payee=_recode(texts["payee"], normalise_name),
            acct=_recode(texts["payee_account"], _account_key),
            status=status_lut[table.status],
            direction=direction_lut[table.direction],
            account_id=table.account_id,
            has_time=table.has_time,
            link=table.link_id,
            funded=lambda pos: bool(funded[funding.codes[pos]]),
        )
        return self

    def _setup(self, *, ids: IntArray, ts: IntArray, signed: IntArray,
               cur: tuple[IntArray, list[Any]], payee: tuple[IntArray, list[Any]],
               acct: tuple[IntArray, list[Any]], status: IntArray, direction: IntArray,
               account_id: IntArray, has_time: BoolArray, link: IntArray,
               funded: Callable[[int], bool]) -> None:
        n = len(ids)
        self.n = n
        self.ids = ids
        self.ts = ts
        self.minor = np.abs(signed)
        self.cur, self.currencies = cur
        self.payee, self.payee_keys = payee
        self.acct, self.acct_keys = acct
        self.status = status
        self.direction = direction
        self.account_id = account_id
        self.has_time = has_time
        self._funded = funded
        # Ids usually grow with time (one import): then positions need no index.
        self._id_order: IntArray | None = None
        self._sorted_ids = ids
        if n > 1 and not bool((ids[1:] > ids[:-1]).all()):
            self._id_order = np.argsort(ids, kind="stable")
            self._sorted_ids = ids[self._id_order]
        # Positions in (time, id) order (a loaded table always is): rows then sort by
        # a key alone, stable, instead of by key, time and id.
        self._time_ordered = n < 2 or bool(((ts[1:] > ts[:-1]) | (
            (ts[1:] == ts[:-1]) & (ids[1:] > ids[:-1]))).all())
        self.is_out = self.direction == OUT
        money_moving = (self.status == STATUS_CODE[TxStatus.BOOKED]) | (
            self.status == STATUS_CODE[TxStatus.PENDING])
        self.partner = self._partners(link)
        self.is_payment = money_moving & self.is_out & self._counted_once()
        self.first_ts = int(self.ts.min()) if n else 0
        self.last_ts = int(self.ts.max()) if n else 0
        self._payee_groups: tuple[IntArray, IntArray, IntArray] | None = None
        self._first_rows: IntArray | None = None
        self._categories: tuple[IntArray, list[Any]] | None = None
        self._example: dict[int, int] | None = None
        self._texts: dict[str, tuple[npt.NDArray[Any], list[Any]]] = {}
        self.cache: dict[str, Any] = {}  # figures several detectors share, computed once

    @property
    def table(self) -> TableRows | None:
        """The loaded table behind these columns; None for transactions in memory."""
        return self._table

    def position(self, tx_id: int) -> int | None:
        """Position of a transaction id, or None."""
        i = int(np.searchsorted(self._sorted_ids, tx_id))
        if i < self.n and int(self._sorted_ids[i]) == tx_id:
            return i if self._id_order is None else int(self._id_order[i])
        return None

    def positions(self, tx_ids: IntArray) -> IntArray:
        """:meth:`position` of many ids at once; -1 where an id is not in the history."""
        i = np.minimum(np.searchsorted(self._sorted_ids, tx_ids), max(self.n - 1, 0))
        if not self.n:
            return np.full(len(tx_ids), -1, dtype=np.int64)
        found = self._sorted_ids[i] == tx_ids
        at = i if self._id_order is None else self._id_order[i]
        return np.where(found, at, -1).astype(np.int64)

    def texts(self, field: str) -> tuple[npt.NDArray[Any], list[Any]]:
        """A text field of every row (payee, payee_account, memo, kind, category,
        funding, currency) as codes and distinct values, ``values[codes[pos]]`` being
        the text as stored: test each distinct memo once instead of every row."""
        if self._table is not None:
            coded = self._table.table.texts[field]
            return coded.codes, coded.values
        if field not in self._texts:
            getter = attrgetter("amount.currency" if field == "currency" else field)
            seen: dict[Any, int] = {}
            codes = np.fromiter((seen.setdefault(v, len(seen)) for v in map(getter, self.txs)),
                                dtype=np.int64, count=self.n)
            self._texts[field] = (codes, list(seen))
        return self._texts[field]

    def categories(self) -> tuple[IntArray, list[Any]]:
        if self._categories is None:
            if self._table is not None:
                self._categories = _recode(self._table.table.texts["category"], _category_key)
            else:
                self._categories = _codes(map(attrgetter("category"), self.txs), self.n,
                                          _category_key)
        return self._categories

    def _partners(self, link: IntArray) -> dict[int, int]:
        """Position -> position of the same payment on another account."""
        linked = np.flatnonzero(link >= 0)
        other = self.positions(link[linked])
        ok = other >= 0
        return dict(zip(linked[ok].tolist(), other[ok].tolist(), strict=True))

    def _counted_once(self) -> BoolArray:
        """False for the row of a linked pair that must not count: the second
        outflow row of one payment (keep the one naming the merchant), and the
        outflow side of a transfer between the user's own accounts."""
        keep = np.ones(self.n, dtype=np.bool_)
        for pos, other in self.partners_items():
            if not self.is_out[pos]:
                continue
            if not self.is_out[other]:
                keep[pos] = False  # own transfer: not spending
                continue
            mine, theirs = self._funded(pos), self._funded(other)
            primary = mine if mine != theirs else int(self.ids[pos]) < int(self.ids[other])
            keep[pos] = primary
        return keep

    def partners_items(self) -> list[tuple[int, int]]:
        return list(self.partner.items())

    def time_rank(self) -> IntArray:
        """Each row's place in (time, id) order."""
        if "time_rank" not in self.cache:
            if self._time_ordered:
                self.cache["time_rank"] = np.arange(self.n, dtype=np.int64)
            else:
                rank = np.empty(self.n, dtype=np.int64)
                rank[np.lexsort((self.ids, self.ts))] = np.arange(self.n)
                self.cache["time_rank"] = rank
        found: IntArray = self.cache["time_rank"]
        return found

    def sorted_by(self, rows: IntArray, *keys: IntArray) -> IntArray:
        """``rows`` (ascending positions) sorted by ``keys`` (non-negative integers per
        row of ``rows``, the first the most significant), then by time and id."""
        if self._time_ordered and len(rows):
            # Ascending positions are in time order already, so the keys and the index
            # in ``rows`` make one integer to sort: a plain sort, 10x faster than lexsort.
            combined = np.zeros(len(rows), dtype=np.int64)
            span = 1
            index_bits = len(rows).bit_length()
            for key in reversed(keys):
                top = int(key.max()) + 1
                if (span * top) << index_bits >= 1 << 62 or int(key.min()) < 0:
                    break
                combined += key.astype(np.int64) * span
                span *= top
            else:
                combined <<= index_bits
                combined |= np.arange(len(rows), dtype=np.int64)
                combined.sort()
                combined &= (1 << index_bits) - 1
                ordered: IntArray = rows[combined]
                return ordered
        fallback: IntArray = rows[np.lexsort((self.ids[rows], self.ts[rows], *reversed(keys)))]
        return fallback

    def payee_groups(self) -> tuple[IntArray, IntArray, IntArray]:
        """Payments with a payee, sorted by (payee, currency, time, id); plus the
        start of each (payee, currency) group and the group number of each row."""
        if self._payee_groups is None:
            pos = np.flatnonzero(self.is_payment & (self.payee >= 0))
            rows = self.sorted_by(pos, self.payee[pos], self.cur[pos])
            key = self.payee[rows] * (len(self.currencies) + 1) + self.cur[rows]
            change = np.ones(len(rows), dtype=np.bool_)
            change[1:] = key[1:] != key[:-1]
            starts = np.flatnonzero(change)
            group = np.cumsum(change) - 1
            self._payee_groups = (rows, starts, group)
        return self._payee_groups

    def first_payment_rows(self) -> IntArray:
        """For each payee (any currency), the position of its first payment."""
        if self._first_rows is None:
            pos = np.flatnonzero(self.is_payment & (self.payee >= 0))
            rows = self.sorted_by(pos, self.payee[pos])
            first = np.ones(len(rows), dtype=np.bool_)
            first[1:] = self.payee[rows][1:] != self.payee[rows][:-1]
            self._first_rows = rows[first]
        return self._first_rows.copy()  # callers may sort or filter it in place

    def payment_counts(self) -> IntArray:
        """Number of payments per payee code."""
        pay = self.payee[self.is_payment & (self.payee >= 0)]
        return np.bincount(pay, minlength=len(self.payee_keys)).astype(np.int64)

    def example_row(self, payee_code: int) -> int:
        """The first position with this payee code (for its name as written)."""
        if self._example is None:
            _keys, first = np.unique(self.payee, return_index=True)
            self._example = dict(zip(_keys.tolist(), first.tolist(), strict=True))
        return self._example[payee_code]

    def tx(self, pos: int | np.integer[Any]) -> Transaction:
        """Row ``pos`` as a ``Transaction``; for the text or amount of a row, the
        accessors below are cheaper (a loaded table builds the object on demand)."""
        return self.txs[int(pos)]

    def text(self, field: str, pos: int | np.integer[Any]) -> Any:
        """One text field of a row as stored (see :meth:`texts`)."""
        if self._table is None:
            tx = self.txs[int(pos)]
            return tx.amount.currency if field == "currency" else getattr(tx, field)
        coded = self._table.table.texts[field]
        return coded.values[coded.codes.item(int(pos))]

    def payee_name(self, pos: int | np.integer[Any]) -> str:
        """The payee of a row as written."""
        name: str = self.text("payee", pos)
        return name

    def account_name(self, pos: int | np.integer[Any]) -> str:
        if self._table is None:
            return self.txs[int(pos)].account_name
        return self._table.table.account_names.get(int(self.account_id[pos]), "")

    def wall_time(self, pos: int) -> datetime:
        """The wall-clock time of a row, naive (as detectors and flags compare it)."""
        if self._table is not None:
            return self._table.wall_time(pos)
        return self.txs[pos].occurred_at.replace(tzinfo=None)
