"""Payees the user marked as trusted."""

from __future__ import annotations

from okguard.storage.database import Database


def trusted_payees(db: Database) -> set[str]:
    conn = db.raw_connection()
    try:
        return {r[0] for r in conn.execute("SELECT name FROM payees WHERE trusted = 1")}
    finally:
        conn.close()


def set_trusted(db: Database, name: str, trusted: bool = True, account: str = "") -> None:
    conn = db.raw_connection()
    try:
        with conn:
            conn.execute(
                "INSERT INTO payees (name, account, trusted, note) VALUES (?, ?, ?, '')"
                " ON CONFLICT(name, account) DO UPDATE SET trusted = excluded.trusted",
                (name, account, 1 if trusted else 0),
            )
    finally:
        conn.close()
