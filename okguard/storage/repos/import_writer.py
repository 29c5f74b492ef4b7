"""Writing one import batch: all of it or nothing.

Bulk path on the DB-API (the ORM's add_all is ~20x slower here, measured): rows are
inserted with ``executemany`` in chunks. Identity (the ``fingerprint`` column, a
64-bit integer from okguard.services.identity) is unique per account:
``INSERT OR IGNORE`` skips what is already stored, and an import can load an
account's identities first to skip known rows without asking SQLite row by row. A large
first import into empty accounts drops the indexes and builds them again at the
end (a sorted build beats a million random B-tree inserts). The whole batch, DDL
included, is one SQLite transaction, so a crash or kill leaves the database as it
was.

Binding costs differ a lot in the sqlite3 module: exact ``int`` and ``str`` go
straight through, while ``None``, ``bool``, ``bytes`` and ``str`` subclasses (the
StrEnums) take the adapter lookup, several times slower. Row layouts therefore
bind ints and strs, write "" for absent text that SQL turns into NULL, and put
values shared by every row of a file into the statement as literals.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING

from okguard.storage.database import Database
from okguard.storage.repos._common import now_text

if TYPE_CHECKING:  # numpy (0.2 s to import) is loaded only when identities are
    import numpy as np
    import numpy.typing as npt

BULK_MIN_ROWS = 20_000

_INDEXES = ("ux_tx_identity", "ix_tx_time", "ix_tx_payee", "ix_tx_amount")
# Text columns where the layouts write "" for "none": stored as NULL.
_NULL_WHEN_EMPTY = frozenset({"payee_account", "reference", "counterpart_ref"})
# Every column an import writes, in the order the general row layout uses.
TX_COLUMNS: tuple[str, ...] = (
    "account_id",
    "occurred_at",
    "utc_offset_min",
    "has_time",
    "amount_minor",
    "currency",
    "payee",
    "payee_account",
    "memo",
    "reference",
    "counterpart_ref",
    "status",
    "direction",
    "kind",
    "category",
    "funding",
    "unknown_type",
    "fingerprint",
    "source_line",
    "raw",
)
_COLUMNS = frozenset(TX_COLUMNS)


class Cancelled(Exception):
    """The user cancelled; the batch was rolled back."""


@dataclass(frozen=True, slots=True)
class AccountSpec:
    name: str
    source_key: str = ""
    institution: str = ""
    currency: str = "CNY"
    kind: str = ""


@dataclass(frozen=True)
class RowLayout:
    """The columns a row tuple fills, in order, and (column, value) pairs every row
    of the layout shares. Columns of ``_NULL_WHEN_EMPTY`` given as ""
    are stored as NULL unless ``keep_empty``."""

    columns: tuple[str, ...]
    constants: tuple[tuple[str, object], ...] = ()
    keep_empty: bool = False


@dataclass
class BatchResult:
    batch_id: int
    account_ids: dict[str, int]
    staged: int = 0
    imported: int = 0
    rejected: int = 0
    first_new_id: int = 0  # new rows have ids >= this


def _literal(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool | int):
        return str(int(value))
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL literal for {value!r}")


def _ensure_account(conn: sqlite3.Connection, spec: AccountSpec) -> int:
    row = conn.execute("SELECT id FROM accounts WHERE name = ?", (spec.name,)).fetchone()
    if row:
        return int(row[0])
    cur = conn.execute(
        "INSERT INTO accounts (name, source_key, institution, currency, kind, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (spec.name, spec.source_key, spec.institution, spec.currency, spec.kind, now_text()),
    )
    return int(cur.lastrowid or 0)


class BatchWriter:
    """One import batch in one SQLite transaction. Use as a context manager: leaving
    it by an exception rolls everything back; :meth:`commit` makes it permanent.
    """

    def __init__(
        self,
        db: Database,
        *,
        file_name: str,
        file_sha256: str,
        fmt: str,
        accounts: dict[str, AccountSpec],
        size_hint: int = 0,
    ) -> None:
        """``accounts`` maps the statement's account keys to the account to use;
        ``size_hint`` is the expected number of rows (0 when unknown), used only
        to choose the bulk path and whether to preload identities."""
        self._conn = db.raw_connection()
        self._open = True
        self.size_hint = size_hint
        self._sql: dict[RowLayout, str] = {}
        self._index_sql: list[str] = []
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            self.account_ids = {key: _ensure_account(conn, spec) for key, spec in accounts.items()}
            cur = conn.execute(
                "INSERT INTO import_batches (file_name, file_sha256, format, imported_at,"
                " rows_read, imported, skipped_duplicates, rejected)"
                " VALUES (?, ?, ?, ?, 0, 0, 0, 0)",
                (file_name, file_sha256, fmt, now_text()),
            )
            self.batch_id = int(cur.lastrowid or 0)
            before = conn.execute("SELECT COALESCE(MAX(id), 0) FROM transactions").fetchone()[0]
            self.result = BatchResult(self.batch_id, self.account_ids, first_new_id=before + 1)
            self.bulk = self._go_bulk()
            if self.bulk:
                self._drop_indexes()
            self._inserted = 0
        except BaseException:
            self._close(rollback=True)
            raise

    # ------------------------------------------------------------------ setup

    def _go_bulk(self) -> bool:
        ids = list(self.account_ids.values())
        marks = ",".join("?" * len(ids))
        existing = self._conn.execute(
            f"SELECT EXISTS(SELECT 1 FROM transactions WHERE account_id IN ({marks}))", ids
        ).fetchone()[0]
        if existing or self.size_hint < BULK_MIN_ROWS:
            return False
        total = self._conn.execute("SELECT MAX(id) FROM transactions").fetchone()[0] or 0
        return bool(self.size_hint >= total // 2)

    def _drop_indexes(self) -> None:
        for name in _INDEXES:
            found = self._conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
            ).fetchone()
            if found:
                self._index_sql.append(found[0])
                self._conn.execute(f"DROP INDEX {name}")

    def stored_count(self, account_id: int) -> int:
        """How many transactions ``account_id`` has (0 for a bulk import's accounts)."""
        if self.bulk:
            return 0
        count: int = self._conn.execute(
            "SELECT COUNT(*) FROM transactions WHERE account_id = ?", (account_id,)
        ).fetchone()[0]
        return count

    def identity_set(self, account_id: int) -> set[int]:
        """The identities stored for ``account_id``, as a set (for few rows)."""
        cur = self._conn.execute(
            "SELECT fingerprint FROM transactions WHERE account_id = ?", (account_id,)
        )
        return {fp for (fp,) in cur}

    def identity_array(self, account_id: int) -> npt.NDArray[np.int64]:
        """The identities stored for ``account_id``, sorted (for many rows)."""
        # One string from SQLite parsed by numpy: a third of the time of fetching
        # a million one-column rows through the DB-API.
        import numpy as np

        text = self._conn.execute(
            "SELECT group_concat(fingerprint) FROM transactions WHERE account_id = ?",
            (account_id,),
        ).fetchone()[0]
        found = np.array(text.split(",") if text else [], dtype=np.int64)
        found.sort()
        return found

    # ------------------------------------------------------------------ rows

    def _insert_sql(self, layout: RowLayout) -> str:
        names = ["batch_id"]
        values = [str(self.batch_id)]
        for name in layout.columns:
            if name not in _COLUMNS:
                raise ValueError(f"unknown column {name!r}")
            names.append(name)
            empty_null = name in _NULL_WHEN_EMPTY and not layout.keep_empty
            values.append("NULLIF(?, '')" if empty_null else "?")
        for name, value in layout.constants:
            if name not in _COLUMNS:
                raise ValueError(f"unknown column {name!r}")
            names.append(name)
            values.append(_literal(value))
        verb = "INSERT" if self.bulk else "INSERT OR IGNORE"
        return f"{verb} INTO transactions ({', '.join(names)}) VALUES ({', '.join(values)})"

    def insert(self, layout: RowLayout, rows: Iterable[Sequence[object]]) -> None:
        """Insert rows of ``layout`` (those whose identity is stored are skipped)."""
        sql = self._sql.get(layout)
        if sql is None:
            sql = self._sql[layout] = self._insert_sql(layout)
        self._inserted += self._conn.executemany(sql, rows).rowcount

    def renumber(self, written: int, positions: list[int], identities: list[int]) -> None:
        """Set the identity of the rows at ``positions`` among the ``written`` rows of
        this batch (every row it wrote, in order). Only for a bulk import: its rows
        are all new and got consecutive ids."""
        first = self.result.first_new_id
        last = self._conn.execute("SELECT COALESCE(MAX(id), 0) FROM transactions").fetchone()[0]
        if not self.bulk or last - first + 1 != written:
            raise RuntimeError("renumbering needs every row of a bulk import, in order")
        self._conn.executemany(
            "UPDATE transactions SET fingerprint = ? WHERE id = ?",
            [(identity, first + at) for at, identity in zip(positions, identities, strict=True)],
        )

    # ------------------------------------------------------------------ end

    def commit(self, staged: int, rejected: Iterable[tuple[int, str]]) -> BatchResult:
        """Finish the batch: ``staged`` rows were passed on (inserted or skipped as
        known), ``rejected`` are (line, reason) of the rows that were not."""
        conn, result = self._conn, self.result
        result.staged = staged
        result.imported = self._inserted
        if self._index_sql:
            result.imported -= self._rebuild_indexes()
        reasons = list(rejected)
        conn.executemany(
            "INSERT INTO rejected_rows (batch_id, line, reason) VALUES (?, ?, ?)",
            [(self.batch_id, line, reason) for line, reason in reasons],
        )
        result.rejected = len(reasons)
        conn.execute(
            "UPDATE import_batches SET rows_read = ?, imported = ?, skipped_duplicates = ?,"
            " rejected = ? WHERE id = ?",
            (
                result.staged + result.rejected,
                result.imported,
                result.staged - result.imported,
                result.rejected,
                self.batch_id,
            ),
        )
        conn.execute("COMMIT")
        self._close(rollback=False)
        return result

    def _rebuild_indexes(self) -> int:
        """Build the dropped indexes again; returns the rows removed as duplicates.

        Identities are unique within a file by construction, so the unique index
        can only fail on a 64-bit hash collision; the later row then counts as a
        duplicate, exactly as INSERT OR IGNORE would have treated it."""
        removed = 0
        for sql in self._index_sql:
            try:
                self._conn.execute(sql)
            except sqlite3.IntegrityError:
                cur = self._conn.execute(
                    "DELETE FROM transactions WHERE batch_id = ? AND id NOT IN"
                    " (SELECT MIN(id) FROM transactions WHERE batch_id = ?"
                    " GROUP BY account_id, fingerprint)",
                    (self.batch_id, self.batch_id),
                )
                removed += cur.rowcount
                self._conn.execute(sql)
        return removed

    def _close(self, *, rollback: bool) -> None:
        if not self._open:
            return
        self._open = False
        try:
            if rollback and self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
        finally:
            self._conn.close()

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._close(rollback=True)  # a no-op after commit()
