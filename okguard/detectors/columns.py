"""The history as numpy columns, built once per scan.

A million ``Transaction`` objects are walked a handful of times with C-level
``map``/``attrgetter`` loops; every detector then works on compact integer arrays
and touches the objects only for the rows it reports.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import datetime, timedelta
from operator import attrgetter
from typing import Any

import numpy as np
import numpy.typing as npt

from okguard.detectors.names import normalise_account, normalise_name
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


def _codes(
    values: Iterable[Any], count: int, key: Callable[[Any], Hashable | None]
) -> tuple[IntArray, list[Any]]:
    """Integer code per value (-1 where ``key`` gives None/""), plus the list of
    distinct keys by code. ``key`` runs once per distinct raw value."""
    values = list(values)
    key_code: dict[Hashable, int] = {}
    raw_code: dict[Any, int] = {}
    for raw in set(values):
        k = key(raw)
        raw_code[raw] = -1 if not k else key_code.setdefault(k, len(key_code))
    return (np.fromiter(map(raw_code.__getitem__, values), dtype=np.int64, count=count),
            list(key_code))


class Columns:
    """Column arrays indexed by position in ``txs`` (not by transaction id)."""

    def __init__(self, txs: Sequence[Transaction]) -> None:
        n = len(txs)
        self.txs = txs
        self.n = n
        self.ids = np.fromiter(map(attrgetter("id"), txs), dtype=np.int64, count=n)
        self.ts = _wall_seconds(list(map(attrgetter("occurred_at"), txs)))
        signed = np.fromiter(map(attrgetter("amount.minor"), txs), dtype=np.int64, count=n)
        self.minor = np.abs(signed)
        self.cur, self.currencies = _codes(map(attrgetter("amount.currency"), txs), n, str)
        self.payee, self.payee_keys = _codes(map(attrgetter("payee"), txs), n, normalise_name)
        self.acct, self.acct_keys = _codes(
            map(attrgetter("payee_account"), txs), n,
            lambda a: normalise_account(a) if a else None)
        self.status = np.fromiter(map(STATUS_CODE.__getitem__, map(attrgetter("status"), txs)),
                                  dtype=np.int64, count=n)
        self.direction = np.fromiter(
            map(DIRECTION_CODE.__getitem__, map(attrgetter("direction"), txs)),
            dtype=np.int64, count=n)
        self.account_id = np.fromiter(map(attrgetter("account_id"), txs), dtype=np.int64,
                                      count=n)
        self.has_time = np.fromiter(map(attrgetter("has_time"), txs), dtype=np.bool_, count=n)
        self._id_order = np.argsort(self.ids, kind="stable")
        self._sorted_ids = self.ids[self._id_order]
        self.is_out = self.direction == OUT
        money_moving = (self.status == STATUS_CODE[TxStatus.BOOKED]) | (
            self.status == STATUS_CODE[TxStatus.PENDING])
        self.partner = self._partners()
        self.is_payment = money_moving & self.is_out & self._counted_once()
        self.first_ts = int(self.ts.min()) if n else 0
        self.last_ts = int(self.ts.max()) if n else 0
        self._payee_groups: tuple[IntArray, IntArray, IntArray] | None = None
        self._categories: tuple[IntArray, list[Any]] | None = None
        self._example: dict[int, int] | None = None
        self.cache: dict[str, Any] = {}  # figures several detectors share, computed once

    def position(self, tx_id: int) -> int | None:
        """Position in ``txs`` of a transaction id, or None."""
        i = int(np.searchsorted(self._sorted_ids, tx_id))
        if i < self.n and int(self._sorted_ids[i]) == tx_id:
            return int(self._id_order[i])
        return None

    def categories(self) -> tuple[IntArray, list[Any]]:
        if self._categories is None:
            self._categories = _codes(map(attrgetter("category"), self.txs), self.n,
                                      lambda c: c.strip().casefold())
        return self._categories

    def _partners(self) -> dict[int, int]:
        """Position -> position of the same payment on another account."""
        pairs: dict[int, int] = {}
        for pos, tx in enumerate(self.txs):
            if tx.link_id is not None:
                other = self.position(tx.link_id)
                if other is not None:
                    pairs[pos] = other
        return pairs

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
            mine, theirs = bool(self.txs[pos].funding), bool(self.txs[other].funding)
            primary = mine if mine != theirs else int(self.ids[pos]) < int(self.ids[other])
            keep[pos] = primary
        return keep

    def partners_items(self) -> list[tuple[int, int]]:
        return list(self.partner.items())

    def payee_groups(self) -> tuple[IntArray, IntArray, IntArray]:
        """Payments with a payee, sorted by (payee, currency, time, id); plus the
        start of each (payee, currency) group and the group number of each row."""
        if self._payee_groups is None:
            pos = np.flatnonzero(self.is_payment & (self.payee >= 0))
            order = np.lexsort((self.ids[pos], self.ts[pos], self.cur[pos], self.payee[pos]))
            rows = pos[order]
            key = self.payee[rows] * (len(self.currencies) + 1) + self.cur[rows]
            change = np.ones(len(rows), dtype=np.bool_)
            change[1:] = key[1:] != key[:-1]
            starts = np.flatnonzero(change)
            group = np.cumsum(change) - 1
            self._payee_groups = (rows, starts, group)
        return self._payee_groups

    def first_payment_rows(self) -> IntArray:
        """For each payee (any currency), the position of its first payment."""
        pos = np.flatnonzero(self.is_payment & (self.payee >= 0))
        order = np.lexsort((self.ids[pos], self.ts[pos], self.payee[pos]))
        rows = pos[order]
        first = np.ones(len(rows), dtype=np.bool_)
        first[1:] = self.payee[rows][1:] != self.payee[rows][:-1]
        return rows[first]

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
        return self.txs[int(pos)]
