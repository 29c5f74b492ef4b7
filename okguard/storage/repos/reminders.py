"""Stored reminders: acknowledged confirmations and case follow-ups/deadlines."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from okguard.storage.database import Database
from okguard.storage.repos._common import now_text
from okguard.storage.repos.anomalies import decode_params, encode_params


@dataclass(frozen=True, slots=True)
class StoredReminder:
    id: int
    kind: str
    title_template: str
    title_params: dict[str, Any]
    due_at: datetime
    transaction_id: int | None
    case_id: int | None
    done: bool
    snoozed_until: datetime | None


def acknowledged_ids(db: Database) -> set[int]:
    """Payments the user confirmed ("yes, that was me")."""
    conn = db.raw_connection()
    try:
        rows = conn.execute(
            "SELECT transaction_id FROM reminders WHERE kind = 'confirmation'"
            " AND done_at IS NOT NULL AND transaction_id IS NOT NULL"
        )
        return {int(r[0]) for r in rows}
    finally:
        conn.close()


def acknowledge(db: Database, transaction_ids: Iterable[int]) -> int:
    ids = sorted(set(transaction_ids) - acknowledged_ids(db))
    conn = db.raw_connection()
    try:
        with conn:
            conn.executemany(
                "INSERT INTO reminders (kind, title_template, title_params, due_at,"
                " transaction_id, done_at) SELECT 'confirmation', 'Confirmed payment', '{}',"
                " ?, id, ? FROM transactions WHERE id = ?",
                [(now_text(), now_text(), i) for i in ids],
            )
        return len(ids)
    finally:
        conn.close()


def add_reminder(
    db: Database,
    *,
    kind: str,
    title_template: str,
    title_params: dict[str, Any],
    due_at: datetime,
    transaction_id: int | None = None,
    case_id: int | None = None,
) -> int:
    conn = db.raw_connection()
    try:
        with conn:
            cur = conn.execute(
                "INSERT INTO reminders (kind, title_template, title_params, due_at,"
                " transaction_id, case_id) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    kind,
                    title_template,
                    encode_params(title_params),
                    due_at.isoformat(),
                    transaction_id,
                    case_id,
                ),
            )
            return int(cur.lastrowid or 0)
    finally:
        conn.close()


def open_reminders(db: Database) -> list[StoredReminder]:
    """Stored reminders not done yet (confirmations are derived, not listed here)."""
    conn = db.raw_connection()
    try:
        rows = conn.execute(
            "SELECT id, kind, title_template, title_params, due_at, transaction_id, case_id,"
            " done_at IS NOT NULL, snoozed_until FROM reminders"
            " WHERE kind != 'confirmation' AND done_at IS NULL ORDER BY due_at"
        ).fetchall()
    finally:
        conn.close()
    return [
        StoredReminder(
            r[0],
            r[1],
            r[2],
            decode_params(r[3]),
            datetime.fromisoformat(r[4]),
            r[5],
            r[6],
            bool(r[7]),
            datetime.fromisoformat(r[8]) if r[8] else None,
        )
        for r in rows
    ]


def complete(db: Database, reminder_id: int) -> bool:
    conn = db.raw_connection()
    try:
        with conn:
            cur = conn.execute(
                "UPDATE reminders SET done_at = ? WHERE id = ? AND done_at IS NULL",
                (now_text(), reminder_id),
            )
            return cur.rowcount > 0
    finally:
        conn.close()


def snooze(db: Database, reminder_id: int, until: datetime) -> bool:
    conn = db.raw_connection()
    try:
        with conn:
            cur = conn.execute(
                "UPDATE reminders SET snoozed_until = ? WHERE id = ?",
                (until.isoformat(), reminder_id),
            )
            return cur.rowcount > 0
    finally:
        conn.close()


def last_review(db: Database) -> datetime | None:
    conn = db.raw_connection()
    try:
        value = conn.execute("SELECT MAX(reviewed_at) FROM transactions").fetchone()[0]
    finally:
        conn.close()
    if not value:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=None)
