"""Typed-at-the-edge key/value settings stored as JSON.

Read and written through the DB-API, not the ORM: a command that only reads a
setting (a scan reads the detector thresholds) then starts without importing
SQLAlchemy, about half a second.
"""

from __future__ import annotations

import json
from typing import Any

from okguard.storage.database import Database


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    conn = db.raw_connection()
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    finally:
        conn.close()
    return json.loads(row[0]) if row is not None else default


def set_setting(db: Database, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    conn = db.raw_connection()
    try:
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, text),
        )
    finally:
        conn.close()
