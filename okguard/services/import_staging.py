"""Passing a statement's rows to the batch writer: storage values, identity,
occurrence among identical rows, skipping rows already stored, progress and
cancel. Rejected rows are collected for the report.

ParsedTransaction rows (every format) go one by one. The flat records of plain
CSV (okguard.importers.tabular_flat) come in batches and are handled with
comprehensions, as a million-row file runs through here. Into an empty account
(the bulk path) rows are written under their base identity and the few repeats
renumbered at the end; into an account with many rows the file is read once for
identities, those are checked against the stored ones all at once, and only if
some are new is it read again to write them. Every path numbers identical rows
in file order the same way (tests compare them).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from okguard.domain.importing import RowRejection
from okguard.domain.transaction import ParsedTransaction
from okguard.i18n import Msg
from okguard.importers.tabular_flat import FlatItem, FlatLayout, FlatRecord
from okguard.services.identity import Occurrences, base_identity, renumbering
from okguard.services.import_rows import (
    GENERAL,
    FlatBases,
    flat_row_layout,
    not_in,
    row_values,
    row_when,
)
from okguard.storage.repos.import_writer import BatchWriter, Cancelled

if TYPE_CHECKING:  # numpy (0.2 s to import) is loaded only by imports that use it
    import numpy as np
    import numpy.typing as npt

Progress = Callable[[int], None]
Passes = Callable[[bool], Iterator[FlatItem]]  # full records or identifying ones
CHECK_EVERY = 10_000  # rows between progress reports and cancel checks
CHUNK = 20_000  # ParsedTransaction rows per executemany
# Stored identities of an account are loaded when skipping known rows in Python
# beats SQLite's INSERT OR IGNORE probing its index per row. Up to SMALL_ACCOUNT
# as a set, checked per row; beyond, as a sorted array checked once per file.
# Past PRELOAD_MAX (memory: 8 bytes each, plus the text SQLite hands over) the
# index does the work.
SMALL_ACCOUNT = 50_000
PRELOAD_MAX = 5_000_000


# Identities are appended to records with ``r + (i,)``, not ``(*r, i)`` (RUF005): a
# third faster, and it runs once per stored row.


class Stager:
    """Stages the rows of one statement into ``writer``."""

    def __init__(
        self,
        writer: BatchWriter,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.writer = writer
        self.progress = progress
        self.cancelled = cancelled
        self.rejections: list[RowRejection] = []
        self.staged = 0  # rows passed on: inserted, or skipped as already stored
        self.unknown_types = 0
        self._next_check = CHECK_EVERY
        self._occurrences: dict[int, Occurrences] = {}
        self._known: dict[int, set[int] | None] = {}
        self._rows: list[tuple[object, ...]] = []  # ParsedTransaction rows not written yet
        # Bulk import of a plain file into an empty account: rows are written under
        # their base identity and numbered all at once at the end (_renumber).
        self._deferred: array[int] | None = None

    # ------------------------------------------------------------ shared

    def _count(self, rows: int) -> None:
        self.staged += rows
        if self.staged >= self._next_check:
            self._next_check = (self.staged // CHECK_EVERY + 1) * CHECK_EVERY
            self._check()
            if self.progress is not None:
                self.progress(self.staged)

    def _check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled

    def _occurrences_for(self, account_id: int) -> Occurrences:
        found = self._occurrences.get(account_id)
        if found is None:
            found = self._occurrences[account_id] = Occurrences()
        return found

    def _known_set(self, account_id: int, limit: int) -> set[int] | None:
        if account_id not in self._known:
            count = self.writer.stored_count(account_id)
            use = 0 < count <= limit
            self._known[account_id] = self.writer.identity_set(account_id) if use else None
        return self._known[account_id]

    def _add_row(self, values: tuple[object, ...]) -> None:
        self._rows.append(values)
        if len(self._rows) >= CHUNK:
            self._flush_rows()

    def _flush_rows(self) -> None:
        if self._rows:
            self.writer.insert(GENERAL, self._rows)
            self._rows = []

    def _finish(self) -> None:
        self._flush_rows()
        self._check()

    # ------------------------------------------------------------ ParsedTransaction rows

    def _stage_row(self, row: ParsedTransaction, account_id: int, known: set[int] | None) -> None:
        if row.unknown_type:
            self.unknown_types += 1
        base = base_identity(row, row_when(row)[0])
        if self._deferred is not None:
            self._deferred.append(base)
            identity = base
        else:
            identity = self._occurrences_for(account_id).identity(base)
        self._count(1)
        if known is None or identity not in known:
            self._add_row(row_values(row, account_id, identity))

    def stage_rows(
        self, rows: Iterable[ParsedTransaction | RowRejection], account_ids: dict[str, int]
    ) -> None:
        limit = min(PRELOAD_MAX, 8 * self.writer.size_hint)
        for row in rows:
            if isinstance(row, RowRejection):
                self.rejections.append(row)
                continue
            account_id = account_ids.get(row.account_key)
            if account_id is None:
                self.rejections.append(
                    RowRejection(
                        row.line, Msg("The row names an account the file does not declare")
                    )
                )
                continue
            self._stage_row(row, account_id, self._known_set(account_id, limit))
        self._finish()

    # ------------------------------------------------------------ flat records

    def stage_flat(self, layout: FlatLayout, passes: Passes, account_id: int) -> None:
        """Stage the rows of a plain CSV file, all to ``account_id``; ``passes``
        gives them anew on each call."""
        stored = self.writer.stored_count(account_id)
        if SMALL_ACCOUNT < stored <= PRELOAD_MAX:
            self._two_passes(layout, passes, account_id)
        else:
            self._known_set(account_id, SMALL_ACCOUNT)
            self._one_pass(layout, passes(True), account_id)

    def _one_pass(self, layout: FlatLayout, items: Iterator[FlatItem], account_id: int) -> None:
        """Write every row not in the account's (small) identity set as it comes."""
        writer = self.writer
        row_layout = flat_row_layout(layout, account_id)
        known = self._known[account_id]
        occurrences = self._occurrences_for(account_id)
        bases = FlatBases()
        deferred = self._deferred = array("q") if writer.bulk else None
        for item in items:
            if item.__class__ is not list:
                self._stage_item(item, account_id, known)  # type: ignore[arg-type]
                continue
            self._flush_rows()
            batch: list[FlatRecord] = item
            if deferred is not None:
                identities = bases(batch)
                deferred.extend(identities)
            else:
                identities = occurrences.identities(bases(batch))
            if known is None:
                writer.insert(
                    row_layout,
                    [r + (i,) for r, i in zip(batch, identities, strict=True)],  # noqa: RUF005
                )
            else:
                new = [r + (i,) for r, i in zip(batch, identities, strict=True) if i not in known]  # noqa: RUF005
                if new:
                    writer.insert(row_layout, new)
            self._count(len(batch))
        self._finish()
        if deferred is not None:
            self._renumber(deferred)

    def _renumber(self, written: array[int]) -> None:
        """Give the rows written under their base identity (all of this batch, in
        file order) their numbered identity where it differs."""
        positions, identities = renumbering(written)
        self.writer.renumber(len(written), positions, identities)
        self._deferred = None

    def _stage_item(
        self, item: ParsedTransaction | RowRejection, account_id: int, known: set[int] | None
    ) -> None:
        if isinstance(item, RowRejection):
            self.rejections.append(item)
        else:
            self._stage_row(item, account_id, known)

    def _two_passes(self, layout: FlatLayout, passes: Passes, account_id: int) -> None:
        """First identities only, checked against the stored ones at once; then, if
        any row is new, the file again to write just those."""
        bases = FlatBases()
        found = array("q")
        for item in passes(False):
            if item.__class__ is list:
                batch: list[FlatRecord] = item
                found.extend(bases(batch))
                self._count(len(batch))
            elif isinstance(item, RowRejection):
                self.rejections.append(item)
            else:
                row: ParsedTransaction = item  # type: ignore[assignment]
                self.unknown_types += 1 if row.unknown_type else 0
                found.append(base_identity(row, row_when(row)[0]))
                self._count(1)
        import numpy as np

        identities = np.frombuffer(found, dtype=np.int64).copy()
        positions, repeats = renumbering(found)
        identities[positions] = repeats
        new = not_in(identities, self.writer.identity_array(account_id))
        self._check()
        if new.any():
            self._write_new(layout, passes(True), account_id, identities, new)
        self._finish()

    def _write_new(
        self,
        layout: FlatLayout,
        items: Iterator[FlatItem],
        account_id: int,
        identities: npt.NDArray[np.int64],
        new: npt.NDArray[np.bool_],
    ) -> None:
        writer = self.writer
        row_layout = flat_row_layout(layout, account_id)
        at = 0  # position of the next row among the identities
        for item in items:
            if item.__class__ is list:
                batch: list[FlatRecord] = item
                end = at + len(batch)
                keep = new[at:end]
                if keep.any():
                    ids = identities[at:end].tolist()
                    rows = [
                        r + (i,)  # noqa: RUF005
                        for r, i, k in zip(batch, ids, keep.tolist(), strict=True)
                        if k
                    ]
                    self._flush_rows()
                    writer.insert(row_layout, rows)
                at = end
                if at % CHECK_EVERY < len(batch):
                    self._check()
            elif not isinstance(item, RowRejection):
                row: ParsedTransaction = item  # type: ignore[assignment]
                if new[at]:
                    self._add_row(row_values(row, account_id, int(identities[at])))
                at += 1
        if at != len(identities):
            raise RuntimeError("the second pass over the file gave other rows than the first")
