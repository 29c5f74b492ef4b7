"""Money moved between the user's own accounts is linked, so it is not counted as spent."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from okguard.domain.money import Money
from okguard.domain.transaction import Direction, ParsedTransaction
from okguard.storage import Database, open_database
from okguard.storage.repos import transactions
from tests.unit.services.helpers import import_rows


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "links.sqlite3")
    yield database
    database.close()


def row(line: int, when: str, amount: str, payee: str, *, ccy: str = "CNY",
        direction: Direction | None = None, kind: str = "") -> ParsedTransaction:
    money = Money.of(amount, ccy)
    return ParsedTransaction(
        line=line, occurred_at=datetime.fromisoformat(when), has_time=True, amount=money,
        payee=payee, kind=kind,
        direction=direction or (Direction.OUT if money.minor < 0 else Direction.IN),
    )


def links(db: Database) -> dict[str, str | None]:
    by_id = {t.id: t for t in transactions.iter_all(db)}
    return {
        t.payee: (by_id[t.link_id].payee if t.link_id is not None else None)
        for t in by_id.values()
    }


def test_huabei_repayment_from_the_bank_card_is_linked(db: Database) -> None:
    import_rows(db, [row(2, "2024-06-09T10:00:00", "-1520.00", "支付宝-花呗还款")],
                account="招商银行储蓄卡")
    report = import_rows(
        db, [row(3, "2024-06-09T10:00:02", "1520.00", "花呗", direction=Direction.NEUTRAL,
                 kind="还款")],
        account="Alipay 支付宝",
    )
    assert report.linked == 1
    assert links(db)["花呗"] == "支付宝-花呗还款"


def test_credit_card_autopay_seen_on_checking_and_card_is_linked(db: Database) -> None:
    import_rows(db, [row(2, "2024-06-15T00:00:00", "-1234.56", "CARDMEMBER SVCS AUTOPAY",
                         ccy="USD")], account="Checking")
    report = import_rows(db, [row(2, "2024-06-16T00:00:00", "1234.56", "PAYMENT THANK YOU",
                                  ccy="USD")], account="Visa Signature")
    assert report.linked == 1


def test_equal_amounts_without_any_hint_stay_apart(db: Database) -> None:
    # A refund and a purchase of the same amount on two accounts are not one movement.
    import_rows(db, [row(2, "2024-06-15T12:00:00", "-59.00", "Bookshop", ccy="USD")],
                account="Checking")
    report = import_rows(db, [row(2, "2024-06-15T18:00:00", "59.00", "Shoe Store refund",
                                  ccy="USD")], account="Visa Signature")
    assert report.linked == 0
    assert set(links(db).values()) == {None}
