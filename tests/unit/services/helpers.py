"""Building statements by hand for service tests (no importer involved)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from okguard.domain.importing import ImportReport, RowRejection
from okguard.domain.transaction import ParsedTransaction, StatementAccount
from okguard.importers.base import SourceFile, Statement
from okguard.services.importing import import_statement
from okguard.storage import Database

Row = ParsedTransaction | RowRejection


def statement(rows: Sequence[Row], accounts: Sequence[StatementAccount] = ()) -> Statement:
    def stream() -> Iterator[Row]:
        yield from rows

    return Statement(format="csv", accounts=list(accounts), rows=stream())


def import_rows(
    db: Database,
    rows: Sequence[Row],
    *,
    account: str | None = "Test account",
    accounts: Sequence[StatementAccount] = (),
    name: str = "test.csv",
) -> ImportReport:
    return import_statement(
        db, SourceFile.from_bytes(b"x", name=name), statement(rows, accounts), account=account
    )
