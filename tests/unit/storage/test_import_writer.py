"""The batch writer: all of a batch or nothing, one row per identity and account."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from okguard.storage import Database, open_database
from okguard.storage.repos import import_writer
from okguard.storage.repos.import_writer import AccountSpec, BatchWriter, RowLayout

LAYOUT = RowLayout(
    columns=("occurred_at", "amount_minor", "payee", "reference", "fingerprint", "source_line"),
    constants=(
        ("account_id", 1),
        ("has_time", 1),
        ("currency", "CNY"),
        ("payee_account", None),
        ("memo", "it's"),
        ("status", "booked"),
        ("direction", "out"),
        ("kind", ""),
        ("category", ""),
        ("funding", ""),
        ("unknown_type", 0),
    ),
)


def rows(db: Database) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(
            "SELECT payee, reference, memo, fingerprint FROM transactions ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def write(db: Database, values: list[tuple[object, ...]], size_hint: int = 0) -> int:
    with BatchWriter(
        db,
        file_name="x.csv",
        file_sha256="",
        fmt="csv",
        accounts={"": AccountSpec("Card")},
        size_hint=size_hint,
    ) as writer:
        assert writer.account_ids == {"": 1}
        writer.insert(LAYOUT, values)
        return writer.commit(len(values), []).imported


@pytest.mark.parametrize("bulk", [False, True])
def test_one_row_per_identity_even_when_64_bit_identities_collide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bulk: bool
) -> None:
    # Two different rows hashing to one identity (astronomically rare): the later
    # one counts as a duplicate, whether the unique index is live or rebuilt.
    monkeypatch.setattr(import_writer, "BULK_MIN_ROWS", 0 if bulk else 10**9)
    db = open_database(tmp_path / "t.sqlite3")
    imported = write(
        db,
        [
            ("2024-01-01T10:00:00", -100, "A", "", 42, 2),
            ("2024-01-02T10:00:00", -200, "B", "R-2", 42, 3),
            ("2024-01-03T10:00:00", -300, "C", "R-3", 43, 4),
        ],
        size_hint=3,
    )
    assert imported == 2
    assert rows(db) == [("A", None, "it's", 42), ("C", "R-3", "it's", 43)]
    conn = sqlite3.connect(db.path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "ux_tx_identity" in names
    assert conn.execute(
        "SELECT rows_read, imported, skipped_duplicates FROM import_batches"
    ).fetchone() == (3, 2, 1)
    conn.close()
    db.close()


def test_a_layout_naming_an_unknown_column_is_refused(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite3")
    with pytest.raises(ValueError, match="unknown column"):
        write_layout = RowLayout(columns=("payee; DROP TABLE accounts",))
        with BatchWriter(
            db, file_name="x", file_sha256="", fmt="csv", accounts={"": AccountSpec("Card")}
        ) as writer:
            writer.insert(write_layout, [("x",)])
    conn = sqlite3.connect(db.path)
    assert conn.execute("SELECT COUNT(*) FROM accounts").fetchone()[0] == 0  # rolled back
    conn.close()
    db.close()
