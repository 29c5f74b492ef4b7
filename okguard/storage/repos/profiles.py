"""Saved column-mapping profiles for tabular statements, keyed by header."""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlalchemy import select

from okguard.storage.database import Database
from okguard.storage.repos._common import now_text
from okguard.storage.schema import MappingProfileRow


def signature(header: list[str]) -> str:
    return "\x1f".join(" ".join(h.split()).casefold() for h in header)


def find_profile(db: Database, header: list[str]) -> tuple[dict[str, int], int | None] | None:
    if not header:
        return None
    with db.session() as s:
        row = s.scalar(
            select(MappingProfileRow).where(MappingProfileRow.header_signature == signature(header))
        )
        if row is None:
            return None
        return {str(k): int(v) for k, v in json.loads(row.mapping).items()}, row.header_row


def save_profile(
    db: Database, header: list[str], fmt: str, mapping: Mapping[str, int], header_row: int | None
) -> None:
    sig = signature(header)
    with db.session() as s:
        row = s.scalar(select(MappingProfileRow).where(MappingProfileRow.header_signature == sig))
        if row is None:
            row = MappingProfileRow(
                header_signature=sig, format=fmt, created_at=now_text(), mapping=""
            )
            s.add(row)
        row.mapping = json.dumps(dict(mapping))
        row.header_row = header_row
