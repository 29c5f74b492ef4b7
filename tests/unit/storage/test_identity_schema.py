"""Migration 0002 (identities as 64-bit integers) and the schema snapshot that new
databases are created from."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from hashlib import blake2b
from pathlib import Path

import pytest
from alembic import command

from okguard.domain.money import Money
from okguard.domain.transaction import ParsedTransaction
from okguard.storage import DatabaseError, open_database
from okguard.storage.database import SCHEMA_HEAD, _alembic_config, _create_engine, schema_revision
from okguard.storage.schema_head import REVISION, migrated_schema
from tests.unit.services.helpers import import_rows

ACCOUNT = "Test account"  # the name import_rows imports into


def tx(line: int, when: str, amount: str, payee: str, ref: str | None = None) -> ParsedTransaction:
    return ParsedTransaction(
        line=line,
        occurred_at=datetime.fromisoformat(when),
        has_time=True,
        amount=Money.of(amount, "CNY"),
        payee=payee,
        reference=ref,
    )


ROWS = [
    tx(2, "2024-03-01T09:00:00", "-18.00", "瑞幸咖啡"),
    tx(3, "2024-03-01T09:00:00", "-18.00", "瑞幸咖啡"),  # a genuinely identical second coffee
    tx(4, "2024-03-02T12:00:00", "-5500.00", "王芳", ref="2024030222001"),
    tx(5, "2024-03-03T08:00:00", "-7.00", "Long id", ref="L" * 80),
]


def old_fingerprint(row: ParsedTransaction, occurrence: int) -> str:
    """What okguard wrote before migration 0002 (services/identity.py at 0001)."""
    text = row.occurred_at.isoformat()
    ref = row.reference
    if ref and len(ref) <= 60:
        return f"ref:{ref}:{row.amount.minor}:{occurrence}"
    if ref:
        digest = blake2b(ref.encode("utf-8"), digest_size=12).hexdigest()
        return f"refh:{digest}:{row.amount.minor}:{occurrence}"
    payee = " ".join(row.payee.split()).casefold()
    key = "\x1f".join((text, str(row.amount.minor), row.amount.currency, payee))
    return "fp:" + blake2b(key.encode("utf-8"), digest_size=12).hexdigest() + f":{occurrence}"


def database_at_0001(path: Path) -> None:
    engine = _create_engine(path)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
    engine.dispose()


def fill_as_0001(path: Path) -> list[str]:
    """Transactions as okguard 0001 stored them, with an anomaly, a case and a
    reminder pointing at them; returns the fingerprints written."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=ON")
    now = "2024-04-01T00:00:00+00:00"
    conn.execute(
        "INSERT INTO accounts (id, name, source_key, institution, currency, kind, created_at)"
        " VALUES (1, ?, '', '', 'CNY', '', ?)",
        (ACCOUNT, now),
    )
    conn.execute(
        "INSERT INTO import_batches (id, file_name, file_sha256, format, imported_at, rows_read,"
        " imported, skipped_duplicates, rejected) VALUES (1, 'old.csv', '', 'csv', ?, 4, 4, 0, 0)",
        (now,),
    )
    fingerprints = [old_fingerprint(r, 1 if i == 1 else 0) for i, r in enumerate(ROWS)]
    for row, fp in zip(ROWS, fingerprints, strict=True):
        conn.execute(
            "INSERT INTO transactions (account_id, batch_id, occurred_at, has_time, amount_minor,"
            " currency, payee, memo, reference, status, direction, kind, category, funding,"
            " unknown_type, fingerprint, source_line) VALUES (1, 1, ?, 1, ?, 'CNY', ?, '', ?,"
            " 'booked', 'out', '', '', '', 0, ?, ?)",
            (row.occurred_at.isoformat(), row.amount.minor, row.payee, row.reference, fp, row.line),
        )
    conn.execute(
        "INSERT INTO anomalies (id, key, kind, severity, message_template, message_params,"
        " payee, created_at, first_tx_at) VALUES (1, 'dup:1', 'duplicate', 'high', 'x', '{}',"
        " '瑞幸咖啡', ?, '')",
        (now,),
    )
    conn.execute("INSERT INTO anomaly_transactions VALUES (1, 1), (1, 2)")
    conn.execute(
        "INSERT INTO cases (id, case_type, jurisdiction, provider, status, opened_at, currency,"
        " wizard_state) VALUES (1, 'duplicate', 'CN', '', 'open', ?, 'CNY', '{}')",
        (now,),
    )
    conn.execute("INSERT INTO case_transactions VALUES (1, 2)")
    conn.execute(
        "INSERT INTO reminders (kind, title_template, title_params, due_at, transaction_id)"
        " VALUES ('follow_up', 'x', '{}', ?, 3)",
        (now,),
    )
    conn.commit()
    conn.close()
    return fingerprints


def children(path: Path) -> list[object]:
    conn = sqlite3.connect(path)
    try:
        return [
            conn.execute("SELECT * FROM anomaly_transactions ORDER BY 2").fetchall(),
            conn.execute("SELECT * FROM case_transactions").fetchall(),
            conn.execute("SELECT transaction_id FROM reminders").fetchall(),
            conn.execute("PRAGMA foreign_key_check").fetchall(),
        ]
    finally:
        conn.close()


def fingerprints(path: Path) -> list[object]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT fingerprint FROM transactions ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture()
def old_db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "old.sqlite3"
    database_at_0001(path)
    yield path


def test_an_old_database_is_migrated_and_its_rows_still_deduplicate(old_db: Path) -> None:
    fill_as_0001(old_db)
    before = children(old_db)
    db = open_database(old_db)
    try:
        assert schema_revision(db) == SCHEMA_HEAD == "0002"
        assert db.backup_path is not None and db.backup_path.exists()
        assert children(old_db) == before  # nothing cascaded away with the old table
        conn = sqlite3.connect(old_db)
        kinds = conn.execute("SELECT DISTINCT typeof(fingerprint) FROM transactions").fetchall()
        assert kinds == [("integer",)]
        conn.close()
        # Importing the same rows again finds every one, both coffees included ...
        again = import_rows(db, ROWS)
        assert (again.imported, again.skipped_duplicates) == (0, 4)
        # ... and an overlapping statement adds just its new rows: a third coffee.
        more = import_rows(db, [*ROWS, tx(6, "2024-03-01T09:00:00", "-18.00", "瑞幸咖啡")])
        assert (more.imported, more.skipped_duplicates) == (1, 4)
    finally:
        db.close()
    assert migrated_schema(old_db) == migrated_schema(fresh(old_db.parent))


def fresh(folder: Path) -> Path:
    path = folder / "fresh.sqlite3"
    open_database(path, from_migrations=True).close()
    return path


def test_downgrade_gives_back_the_old_fingerprints(old_db: Path) -> None:
    written = fill_as_0001(old_db)
    open_database(old_db).close()
    engine = _create_engine(old_db)
    with engine.connect() as conn:
        driver = conn.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        driver.isolation_level = None
        driver.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            driver.execute("BEGIN")
            command.downgrade(_alembic_config(conn), "0001")
    engine.dispose()
    assert fingerprints(old_db) == written


def test_the_migration_refuses_to_rebuild_the_table_with_foreign_keys_on(old_db: Path) -> None:
    written = fill_as_0001(old_db)
    engine = _create_engine(old_db)  # its connections turn foreign keys on
    with pytest.raises(RuntimeError, match="foreign keys"), engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")
    engine.dispose()
    assert fingerprints(old_db) == written
    assert children(old_db)[0] == [(1, 1), (1, 2)]


def test_a_migration_that_fails_halfway_leaves_the_database_as_it_was(old_db: Path) -> None:
    written = fill_as_0001(old_db)
    conn = sqlite3.connect(old_db)
    conn.execute("CREATE TABLE _transactions_0002 (x)")  # in the way of the rebuild
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="cannot open"):
        open_database(old_db)
    conn = sqlite3.connect(old_db)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    conn.close()
    assert fingerprints(old_db) == written
    assert children(old_db)[-1] == []


def test_a_new_database_gets_exactly_the_schema_the_migrations_build(tmp_path: Path) -> None:
    # After adding a migration: python -m okguard.storage.schema_head
    assert REVISION == SCHEMA_HEAD
    snapshot = tmp_path / "snapshot.sqlite3"
    open_database(snapshot).close()
    assert migrated_schema(snapshot) == migrated_schema(fresh(tmp_path))
    again = open_database(snapshot)
    assert again.backup_path is None  # at head: nothing to migrate
    again.close()
