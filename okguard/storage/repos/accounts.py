"""Accounts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from okguard.storage.database import Database
from okguard.storage.repos._common import now_text
from okguard.storage.schema import AccountRow


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    name: str
    source_key: str
    institution: str
    currency: str
    kind: str


def _to_domain(row: AccountRow) -> Account:
    return Account(row.id, row.name, row.source_key, row.institution, row.currency, row.kind)


def list_accounts(db: Database) -> list[Account]:
    with db.session() as s:
        return [_to_domain(r) for r in s.scalars(select(AccountRow).order_by(AccountRow.name))]


def get_or_create_account(
    db: Database,
    name: str,
    *,
    source_key: str = "",
    institution: str = "",
    currency: str = "CNY",
    kind: str = "",
) -> Account:
    with db.session() as s:
        row = s.scalar(select(AccountRow).where(AccountRow.name == name))
        if row is None:
            row = AccountRow(
                name=name,
                source_key=source_key,
                institution=institution,
                currency=currency,
                kind=kind,
                created_at=now_text(),
            )
            s.add(row)
            s.flush()
        return _to_domain(row)


def find_account(db: Database, name: str) -> Account | None:
    with db.session() as s:
        row = s.scalar(select(AccountRow).where(AccountRow.name == name))
        return _to_domain(row) if row else None
