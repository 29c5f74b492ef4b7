"""Commands registered here as their services land."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    return None
