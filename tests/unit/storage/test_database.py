"""Opening, migrating and round-tripping the database."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from okguard.domain.money import Money
from okguard.storage import DatabaseError, open_database
from okguard.storage.database import schema_revision, table_names
from okguard.storage.repos import accounts, settings


def test_new_database_is_created_and_migrated(tmp_path: Path) -> None:
    db = open_database(tmp_path / "sub" / "okguard.sqlite3")
    try:
        names = table_names(db)
        for table in ("accounts", "transactions", "import_batches", "rejected_rows", "payees",
                      "limits", "reminders", "anomalies", "dismissals", "cases", "case_events",
                      "evidence"):
            assert table in names
        assert schema_revision(db) is not None
        assert db.backup_path is None  # nothing existed to back up
    finally:
        db.close()


def test_wal_and_foreign_keys_are_on(tmp_path: Path) -> None:
    db = open_database(tmp_path / "x.sqlite3")
    try:
        conn = db.raw_connection()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        conn.close()
    finally:
        db.close()


def test_an_empty_sqlite_file_is_migrated_with_a_backup_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE leftover (x INTEGER)")
    conn.execute("INSERT INTO leftover VALUES (42)")
    conn.commit()
    conn.close()
    db = open_database(path)
    try:
        assert db.backup_path is not None and db.backup_path.exists()
        copy = sqlite3.connect(db.backup_path)
        assert copy.execute("SELECT x FROM leftover").fetchone() == (42,)
        copy.close()
        assert "transactions" in table_names(db)
    finally:
        db.close()
    # Opening again at the current schema makes no new copy.
    again = open_database(path)
    assert again.backup_path is None
    again.close()


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my shopping list", encoding="utf-8")
    with pytest.raises(DatabaseError, match="not an okguard database"):
        open_database(path)
    assert path.read_text(encoding="utf-8") == "my shopping list"


def test_accounts_and_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "rt.sqlite3"
    db = open_database(path)
    acc = accounts.get_or_create_account(db, "招商银行储蓄卡", currency="CNY", institution="CMB")
    settings.set_setting(db, "ui.lang", "zh_CN")
    settings.set_setting(db, "detectors", {"duplicate_minutes": 10})
    db.close()

    db = open_database(path)
    try:
        found = accounts.find_account(db, "招商银行储蓄卡")
        assert found == acc
        assert settings.get_setting(db, "ui.lang") == "zh_CN"
        assert settings.get_setting(db, "detectors") == {"duplicate_minutes": 10}
        assert settings.get_setting(db, "missing", "dflt") == "dflt"
    finally:
        db.close()


def test_money_survives_storage_exactly(tmp_path: Path) -> None:
    from okguard.domain.transaction import ParsedTransaction
    from tests.unit.services.helpers import import_rows

    db = open_database(tmp_path / "m.sqlite3")
    try:
        rows = [
            ParsedTransaction(line=2, occurred_at=datetime(2024, 1, 2, 9, 30), has_time=True,
                              amount=Money.of("-5500.00", "CNY"), payee="王芳"),
            ParsedTransaction(line=3, occurred_at=datetime(2024, 1, 3), has_time=False,
                              amount=Money.of("-1234", "JPY"), payee="ローソン"),
            ParsedTransaction(line=4, occurred_at=datetime(2024, 1, 4), has_time=False,
                              amount=Money.of("0.125", "KWD"), payee="x"),
        ]
        import_rows(db, rows)
        from okguard.storage.repos.transactions import iter_all

        stored = list(iter_all(db))
        assert [t.amount for t in stored] == [r.amount for r in rows]
        assert [t.amount.plain() for t in stored] == ["-5500.00", "-1234", "0.125"]
        assert stored[0].has_time and not stored[1].has_time
    finally:
        db.close()


def test_schema_head_constant_matches_the_migrations() -> None:
    from okguard.storage.database import SCHEMA_HEAD, _head_revision

    assert _head_revision() == SCHEMA_HEAD
