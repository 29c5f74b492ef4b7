"""Writing one import batch: all of it or nothing.

Bulk path on the DB-API: rows go through ``executemany`` into a TEMP staging table
in chunks; identity (the occurrence of each fingerprint among identical rows) is
numbered in SQL with a window function, and one ``INSERT OR IGNORE`` moves the new
rows into ``transactions`` against the unique (account, fingerprint) index. The
whole batch is one SQLite transaction, so a crash or kill leaves nothing behind.
(The ORM's add_all is ~20x slower for this, measured.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from okguard.storage.database import Database
from okguard.storage.repos._common import now_text

CHUNK = 20_000

# (seq, account_id, occurred_at, utc_offset_min, has_time, amount_minor, currency, payee,
#  payee_account, memo, reference, counterpart_ref, status, direction, kind, category,
#  funding, unknown_type, base_fp, source_line, raw)
StagedRow = tuple[
    int,
    int,
    str,
    int | None,
    int,
    int,
    str,
    str,
    str | None,
    str,
    str | None,
    str | None,
    str,
    str,
    str,
    str,
    str,
    int,
    str,
    int,
    str | None,
]


class Cancelled(Exception):
    """The user cancelled; the batch was rolled back."""


@dataclass(frozen=True, slots=True)
class AccountSpec:
    name: str
    source_key: str = ""
    institution: str = ""
    currency: str = "CNY"
    kind: str = ""


@dataclass
class BatchResult:
    batch_id: int
    account_ids: dict[str, int]
    staged: int = 0
    imported: int = 0
    rejected: int = 0
    new_ids: list[int] = field(default_factory=list)


_STAGING = """
CREATE TEMP TABLE IF NOT EXISTS staging (
    seq INTEGER PRIMARY KEY, account_id INTEGER, occurred_at TEXT, utc_offset_min INTEGER,
    has_time INTEGER, amount_minor INTEGER, currency TEXT, payee TEXT, payee_account TEXT,
    memo TEXT, reference TEXT, counterpart_ref TEXT, status TEXT, direction TEXT, kind TEXT,
    category TEXT, funding TEXT, unknown_type INTEGER, base_fp TEXT, source_line INTEGER,
    raw TEXT
)"""

_COLUMNS = (
    "account_id, batch_id, occurred_at, utc_offset_min, has_time, amount_minor, currency, "
    "payee, payee_account, memo, reference, counterpart_ref, status, direction, kind, "
    "category, funding, unknown_type, fingerprint, source_line, raw"
)

_MOVE = f"""
INSERT OR IGNORE INTO transactions ({_COLUMNS})
SELECT account_id, :batch, occurred_at, utc_offset_min, has_time, amount_minor, currency,
       payee, payee_account, memo, reference, counterpart_ref, status, direction, kind,
       category, funding, unknown_type,
       base_fp || ':' || (ROW_NUMBER() OVER (PARTITION BY account_id, base_fp ORDER BY seq) - 1),
       source_line, raw
FROM staging ORDER BY seq
"""


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


def write_batch(
    db: Database,
    *,
    file_name: str,
    file_sha256: str,
    fmt: str,
    accounts: dict[str, AccountSpec],
    rows: Callable[[dict[str, int]], Iterable[StagedRow]],
    rejected: Callable[[], Iterable[tuple[int, str]]],
    cancelled: Callable[[], bool] | None = None,
    check: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """Write a batch atomically.

    ``accounts`` maps the statement's account keys to the account to use; ``rows`` is
    called with the resulting key -> account id map and yields staged rows lazily;
    ``rejected`` is called after the rows are consumed. Raises :class:`Cancelled`
    (after rolling back) when ``cancelled()`` turns true. ``check(staged, rejected)``
    runs before the commit; whatever it raises rolls the batch back.
    """
    conn = db.raw_connection()
    try:
        conn.execute("BEGIN IMMEDIATE")
        account_ids = {key: _ensure_account(conn, spec) for key, spec in accounts.items()}
        cur = conn.execute(
            "INSERT INTO import_batches (file_name, file_sha256, format, imported_at, rows_read,"
            " imported, skipped_duplicates, rejected) VALUES (?, ?, ?, ?, 0, 0, 0, 0)",
            (file_name, file_sha256, fmt, now_text()),
        )
        batch_id = int(cur.lastrowid or 0)
        result = BatchResult(batch_id=batch_id, account_ids=account_ids)
        conn.execute(_STAGING)
        conn.execute("DELETE FROM staging")
        insert = f"INSERT INTO staging VALUES ({', '.join('?' * 21)})"
        iterator: Iterator[StagedRow] = iter(rows(account_ids))
        while chunk := list(islice(iterator, CHUNK)):
            if cancelled is not None and cancelled():
                raise Cancelled
            conn.executemany(insert, chunk)
            result.staged += len(chunk)
        if cancelled is not None and cancelled():
            raise Cancelled
        before = conn.total_changes
        conn.execute(_MOVE, {"batch": batch_id})
        result.imported = conn.total_changes - before
        reasons = list(rejected())
        conn.executemany(
            "INSERT INTO rejected_rows (batch_id, line, reason) VALUES (?, ?, ?)",
            [(batch_id, line, reason) for line, reason in reasons],
        )
        result.rejected = len(reasons)
        if check is not None:
            check(result.staged, result.rejected)
        result.new_ids = [
            int(r[0])
            for r in conn.execute("SELECT id FROM transactions WHERE batch_id = ?", (batch_id,))
        ]
        conn.execute(
            "UPDATE import_batches SET rows_read = ?, imported = ?, skipped_duplicates = ?,"
            " rejected = ? WHERE id = ?",
            (
                result.staged + result.rejected,
                result.imported,
                result.staged - result.imported,
                result.rejected,
                batch_id,
            ),
        )
        conn.execute("DROP TABLE staging")
        conn.execute("COMMIT")
        return result
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
