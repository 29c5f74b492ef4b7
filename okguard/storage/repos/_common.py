"""Conversions shared by the repositories."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

ISO_SECONDS = "%Y-%m-%dT%H:%M:%S"


def now_text() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def split_when(when: datetime) -> tuple[str, int | None]:
    """(local wall-clock text, UTC offset in minutes or None) for storage and sorting."""
    offset = when.utcoffset()
    text = when.replace(tzinfo=None, microsecond=0).strftime(ISO_SECONDS)
    return text, (int(offset.total_seconds() // 60) if offset is not None else None)


def join_when(text: str, offset_min: int | None) -> datetime:
    value = datetime.fromisoformat(text)
    if offset_min is not None:
        value = value.replace(tzinfo=timezone(timedelta(minutes=offset_min)))
    return value
