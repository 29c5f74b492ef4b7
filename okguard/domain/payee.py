"""What the app knows about someone the user has paid."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Payee:
    name: str
    account: str | None = None
    trusted: bool = False
    id: int | None = None
