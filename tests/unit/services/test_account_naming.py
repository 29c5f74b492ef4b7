"""Statements that name no account: next month's file joins this month's account, a
second bank's file gets an account of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from okguard.services.importing import import_file
from okguard.storage import Database, open_database
from okguard.storage.repos import transactions


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "n.sqlite3")
    yield database
    database.close()


def write(folder: Path, name: str, header: str, *rows: str) -> Path:
    path = folder / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


CHASE = "Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #"
JAN = ("DEBIT,01/15/2025,SAFEWAY,-45.67,DEBIT_CARD,954.33,,",
       "DEBIT,01/31/2025,NETFLIX,-15.49,DEBIT_CARD,938.84,,")
FEB = ("DEBIT,01/31/2025,NETFLIX,-15.49,DEBIT_CARD,938.84,,",  # the overlap
       "DEBIT,02/03/2025,SHELL,-38.02,DEBIT_CARD,900.82,,")


def test_next_months_file_joins_the_same_account_and_overlaps_are_skipped(
    db: Database, tmp_path: Path
) -> None:
    (jan,) = import_file(db, write(tmp_path, "chase_jan.csv", CHASE, *JAN))
    (feb,) = import_file(db, write(tmp_path, "chase_feb.csv", CHASE, *FEB))
    assert jan.account == feb.account == "Default account"
    assert (feb.imported, feb.skipped_duplicates) == (1, 1)


def test_a_second_banks_file_gets_its_own_account(db: Database, tmp_path: Path) -> None:
    import_file(db, write(tmp_path, "chase_jan.csv", CHASE, *JAN))
    (other,) = import_file(
        db, write(tmp_path, "wells.csv", "Date,Amount,Payee", "01/15/2025,-45.67,SAFEWAY")
    )
    assert other.account == "wells"
    assert {t.account_name for t in transactions.iter_all(db)} == {"Default account", "wells"}


def test_the_account_a_user_chose_is_remembered_for_that_layout(
    db: Database, tmp_path: Path
) -> None:
    import_file(db, write(tmp_path, "jan.csv", CHASE, *JAN), account="Chase checking")
    (feb,) = import_file(db, write(tmp_path, "feb.csv", CHASE, *FEB))
    assert feb.account == "Chase checking" and feb.skipped_duplicates == 1
