"""Typed-at-the-edge key/value settings stored as JSON."""

from __future__ import annotations

import json
from typing import Any

from okguard.storage.database import Database
from okguard.storage.schema import SettingRow


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    with db.session() as s:
        row = s.get(SettingRow, key)
        return json.loads(row.value) if row is not None else default


def set_setting(db: Database, key: str, value: Any) -> None:
    with db.session() as s:
        row = s.get(SettingRow, key)
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        if row is None:
            s.add(SettingRow(key=key, value=text))
        else:
            row.value = text
