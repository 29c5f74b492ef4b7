"""A small stored history for case tests: a double payment, a wrong recipient, a USD
payment and, later, the double payment coming back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from okguard.domain.money import Money
from okguard.domain.transaction import Direction, ParsedTransaction
from okguard.storage import Database, open_database
from okguard.storage.repos.transactions import iter_all
from tests.unit.services.helpers import import_rows

OPENED = datetime(2024, 3, 5, 9, 0)  # "now" when the service tests open a case

ROWS = [
    ParsedTransaction(
        1,
        datetime(2024, 3, 1, 10, 0),
        True,
        Money.of("-55.00", "CNY"),
        "Lucky Coffee",
        reference="DUP-0001",
    ),
    ParsedTransaction(
        2,
        datetime(2024, 3, 1, 10, 1),
        True,
        Money.of("-55.00", "CNY"),
        "Lucky Coffee",
        reference="DUP-0002",
    ),
    ParsedTransaction(
        3,
        datetime(2024, 3, 2, 21, 14),
        True,
        Money.of("-5500.00", "CNY"),
        "张三",
        payee_account="6222021234561234",
        reference="2024030222001400001234567890",
    ),
    ParsedTransaction(
        4,
        datetime(2024, 3, 3, 8, 0),
        True,
        Money.of("-20.00", "USD"),
        "Web Shop",
        reference="USD-0001",
    ),
    ParsedTransaction(  # the second coffee comes back after the case was opened
        5,
        datetime(2024, 3, 10, 12, 0),
        True,
        Money.of("55.00", "CNY"),
        "Lucky Coffee",
        reference="RF-0001",
        direction=Direction.IN,
    ),
    ParsedTransaction(  # money in from someone else: not a refund
        6,
        datetime(2024, 3, 11, 12, 0),
        True,
        Money.of("55.00", "CNY"),
        "Employer Ltd",
        reference="SAL-0001",
        direction=Direction.IN,
    ),
]


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrated and filled once; each test gets its own copy (migrations take a while)."""
    path = tmp_path_factory.mktemp("template") / "okguard.sqlite3"
    db = open_database(path)
    try:
        report = import_rows(db, ROWS)
        assert report.imported == len(ROWS)
    finally:
        db.close()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "okguard.sqlite3"
    src = sqlite3.connect(template_db)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)  # consistent even with a WAL beside the template
    finally:
        dst.close()
        src.close()
    return target


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def tx_ids(db: Database) -> dict[str, int]:
    """Provider reference -> stored transaction id."""
    return {t.reference or "": t.id for t in iter_all(db)}
