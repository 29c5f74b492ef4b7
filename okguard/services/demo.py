"""Build a demo database from the generated bilingual history."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from okguard.demo.generator import generate_history
from okguard.domain.importing import RowRejection
from okguard.domain.transaction import ParsedTransaction
from okguard.importers.base import SourceFile, Statement
from okguard.services.importing import import_statement
from okguard.storage.database import Database, open_database


@dataclass(frozen=True, slots=True)
class DemoSummary:
    transactions: int
    accounts: int
    flags: int


def load_demo(db: Database, *, months: int = 14, seed: int = 7) -> DemoSummary:
    """Import the generated history into ``db`` the way a user's statements would be."""
    history = generate_history(seed=seed, months=months)
    imported = 0
    for account in history.accounts:
        rows = history.rows.get(account.key, [])

        def stream(
            rows: list[ParsedTransaction] = rows,
        ) -> Iterator[ParsedTransaction | RowRejection]:
            yield from rows

        statement = Statement(format="demo", accounts=[account], rows=stream())
        source = SourceFile.from_bytes(b"", name=f"demo:{account.name or account.key}")
        report = import_statement(db, source, statement, account=account.name)
        imported += report.imported
    from okguard.services.scanning import run_scan

    result = run_scan(db)
    return DemoSummary(
        transactions=imported, accounts=len(history.accounts), flags=len(result.new_ids)
    )


def build_demo(path: Path, *, months: int = 14, seed: int = 7) -> DemoSummary:
    db = open_database(path)
    try:
        return load_demo(db, months=months, seed=seed)
    finally:
        db.close()
