"""A stored history as plain columns, and its rows as ``Transaction`` on demand.

Storage loads the whole history for a scan as arrays (see
``okguard.storage.repos.scan_columns``); this module says what shape the detectors
expect (:class:`TxTable`, matched structurally so detectors never import storage)
and turns a position back into a ``Transaction`` only when a detector asks for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any, ClassVar, Protocol, overload

import numpy as np
import numpy.typing as npt

from okguard.domain.money import Money
from okguard.domain.transaction import Direction, Transaction, TxStatus

EPOCH = datetime(1970, 1, 1)
_CACHE_ROWS = 4096  # a reported row is read a few times in a row (payee, amount, ...)


class CodedText(Protocol):
    """A text column as integer codes into its distinct values."""

    @property
    def codes(self) -> npt.NDArray[Any]: ...
    @property
    def values(self) -> list[Any]: ...


class TxTable(Protocol):
    """Every transaction in (wall time, id) order; see ``ScanColumns`` in storage."""

    @property
    def ids(self) -> npt.NDArray[np.int64]: ...
    @property
    def wall(self) -> npt.NDArray[np.int64]: ...  # wall-clock seconds since 1970
    @property
    def amount(self) -> npt.NDArray[np.int64]: ...  # signed minor units
    @property
    def account_id(self) -> npt.NDArray[np.int64]: ...
    @property
    def link_id(self) -> npt.NDArray[np.int64]: ...  # -1: not linked
    @property
    def status(self) -> npt.NDArray[Any]: ...  # index into statuses
    @property
    def direction(self) -> npt.NDArray[Any]: ...  # index into directions
    @property
    def has_time(self) -> npt.NDArray[np.bool_]: ...
    @property
    def unknown_type(self) -> npt.NDArray[np.bool_]: ...
    @property
    def reviewed(self) -> npt.NDArray[np.bool_]: ...
    @property
    def has_offset(self) -> npt.NDArray[np.bool_]: ...
    @property
    def utc_offset(self) -> npt.NDArray[Any]: ...  # minutes, where has_offset
    @property
    def texts(self) -> Mapping[str, CodedText]: ...  # payee, payee_account, currency, ...
    @property
    def statuses(self) -> list[str]: ...
    @property
    def directions(self) -> list[str]: ...
    @property
    def account_names(self) -> dict[int, str]: ...

    # Only a built Transaction shows the provider reference and the import batch: a
    # table may read them when a row is built (``preload``: rows about to be).
    def late_fields(self, pos: int) -> tuple[str | None, int | None]: ...
    def preload(self, positions: Sequence[int]) -> None: ...


TEXT_FIELDS = ("payee", "payee_account", "currency", "memo", "kind", "category", "funding")
# TableRows._build passes fields by position (30% faster than by name); it must
# follow any change to Transaction.
_FIELDS = ("id", "account_id", "account_name", "occurred_at", "has_time", "amount", "payee",
           "payee_account", "memo", "reference", "status", "direction", "kind", "category",
           "funding", "unknown_type", "link_id", "reviewed", "batch_id")
if tuple(Transaction.__dataclass_fields__) != _FIELDS:
    raise TypeError("Transaction's fields changed: update TableRows._build to match")


class TableRows(Sequence[Transaction]):
    """The rows of a :class:`TxTable` as a sequence of ``Transaction``.

    Indexing builds the one ``Transaction`` asked for (equal to what
    ``transactions.iter_all`` reads). Iterating yields light row views instead: a
    detector that reads one field of every row (the memo, say) must not build a
    million objects.
    """

    def __init__(self, table: TxTable) -> None:
        self.table = table
        self._status = [TxStatus(s) for s in table.statuses]
        self._direction = [Direction(d) for d in table.directions]
        self._cache: dict[int, Transaction] = {}
        self._texts = [table.texts[name] for name in TEXT_FIELDS]

    def __len__(self) -> int:
        return len(self.table.ids)

    @overload
    def __getitem__(self, pos: int) -> Transaction: ...
    @overload
    def __getitem__(self, pos: slice) -> Sequence[Transaction]: ...

    def __getitem__(self, pos: int | slice) -> Transaction | Sequence[Transaction]:
        if isinstance(pos, slice):
            return [self[i] for i in range(*pos.indices(len(self)))]
        pos = int(pos)
        if pos < 0:
            pos += len(self)
        if not 0 <= pos < len(self):
            raise IndexError(pos)
        tx = self._cache.get(pos)
        if tx is None:
            if len(self._cache) >= _CACHE_ROWS:
                self._cache.clear()
            tx = self._cache[pos] = self._build(pos)
        return tx

    def build_many(self, positions: Sequence[int]) -> list[Transaction]:
        """The rows at ``positions``, reading what the table reads late in one go."""
        self.table.preload(positions)
        return [self[p] for p in positions]

    def __iter__(self) -> Iterator[Any]:
        view = type("RowView", (RowView,), {"rows": self})
        return map(view, range(len(self)))

    def wall_time(self, pos: int) -> datetime:
        return EPOCH + timedelta(seconds=self.table.wall.item(pos))

    def occurred_at(self, pos: int) -> datetime:
        when = self.wall_time(pos)
        if self.table.has_offset.item(pos):
            when = when.replace(tzinfo=timezone(timedelta(minutes=self.table.utc_offset.item(pos))))
        return when

    def _build(self, pos: int) -> Transaction:
        # ~5 us a row, half of it Transaction's own __init__. A detector may ask for
        # 100,000 rows, so: numpy's item(), and fields by position (see _FIELDS).
        t = self.table
        text = self._texts
        account = t.account_id.item(pos)
        link = t.link_id.item(pos)
        reference, batch = t.late_fields(pos)
        return Transaction(
            t.ids.item(pos),
            account,
            t.account_names.get(account, ""),
            self.occurred_at(pos),
            t.has_time.item(pos),
            Money(t.amount.item(pos), text[2].values[text[2].codes.item(pos)]),
            text[0].values[text[0].codes.item(pos)],  # payee
            text[1].values[text[1].codes.item(pos)],  # payee_account
            text[3].values[text[3].codes.item(pos)],  # memo
            reference,
            self._status[t.status.item(pos)],
            self._direction[t.direction.item(pos)],
            text[4].values[text[4].codes.item(pos)],  # kind
            text[5].values[text[5].codes.item(pos)],  # category
            text[6].values[text[6].codes.item(pos)],  # funding
            t.unknown_type.item(pos),
            None if link < 0 else link,
            t.reviewed.item(pos),
            batch,
        )

    def whole_field(self, name: str) -> list[Any]:
        """``name`` (a ``Transaction`` field or property) of every row, in order."""
        t = self.table
        if name in TEXT_FIELDS:
            coded = t.texts[name]
            return list(map(coded.values.__getitem__, coded.codes.tolist()))
        if name in ("id", "account_id", "has_time", "unknown_type", "reviewed"):
            return list(getattr(t, "ids" if name == "id" else name).tolist())
        if name == "link_id":
            return [None if v < 0 else v for v in t.link_id.tolist()]
        if name in ("reference", "batch_id"):
            t.preload(range(len(self)))
            k = name == "batch_id"
            return [t.late_fields(p)[k] for p in range(len(self))]
        if name == "status":
            return list(map(self._status.__getitem__, t.status.tolist()))
        if name == "direction":
            return list(map(self._direction.__getitem__, t.direction.tolist()))
        if name == "account_name":
            return [t.account_names.get(a, "") for a in t.account_id.tolist()]
        if name == "amount":
            return list(map(Money, t.amount.tolist(), self.whole_field("currency")))
        if name == "is_outflow":
            return [d is Direction.OUT for d in self.whole_field("direction")]
        if name == "moves_money":
            return [s.moves_money and d is not Direction.NEUTRAL for s, d in zip(
                self.whole_field("status"), self.whole_field("direction"), strict=True)]
        if name == "occurred_at":
            return [self.occurred_at(p) for p in range(len(self))]
        raise AttributeError(name)


_VIEW_FIELDS = frozenset(Transaction.__dataclass_fields__) | {"is_outflow", "moves_money"}


class RowView(int):
    """Row ``int(self)`` of a :class:`TableRows`, with the attributes of a
    ``Transaction`` read on access.

    The first read of a field builds that field for every row as one list and
    swaps in a C-level getter, so a sweep over a million rows costs about as much
    as reading attributes of ready objects. Views exist only while being iterated.
    """

    __slots__ = ()
    rows: ClassVar[TableRows]

    def __getattr__(self, name: str) -> Any:
        if name not in _VIEW_FIELDS:
            raise AttributeError(name)
        cls = type(self)
        values = cls.rows.whole_field(name)
        setattr(cls, name, property(values.__getitem__))
        return values[self]
