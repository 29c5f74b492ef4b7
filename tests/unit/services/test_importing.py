"""The import rules: every row in one bucket, idempotent, atomic, linked pairs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from okguard.domain.importing import ImportFailure, RowRejection
from okguard.domain.money import Money
from okguard.domain.transaction import Direction, ParsedTransaction, StatementAccount
from okguard.i18n import Msg
from okguard.storage import Database, open_database
from okguard.storage.repos import transactions
from okguard.storage.repos.import_writer import Cancelled
from tests.unit.services.helpers import import_rows, statement


@pytest.fixture()
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "t.sqlite3")
    yield database  # type: ignore[misc]
    database.close()


def tx(line: int, when: str, amount: str, payee: str, ref: str | None = None,
       ccy: str = "CNY", **kw: object) -> ParsedTransaction:
    return ParsedTransaction(line=line, occurred_at=datetime.fromisoformat(when), has_time=True,
                             amount=Money.of(amount, ccy), payee=payee, reference=ref, **kw)  # type: ignore[arg-type]


COFFEES = [
    tx(2, "2024-03-01T09:00:00", "-18.00", "瑞幸咖啡"),
    tx(3, "2024-03-01T09:00:00", "-18.00", "瑞幸咖啡"),  # a second, genuinely identical coffee
    tx(4, "2024-03-02T12:00:00", "-5500.00", "王芳", ref="2024030222001"),
]


def test_every_row_lands_in_exactly_one_bucket(db: Database) -> None:
    rows = [*COFFEES, RowRejection(5, Msg("Amount {value!r} is not a number", value="abc"))]
    report = import_rows(db, rows)
    assert report.rows_read == 4
    assert (report.imported, report.skipped_duplicates, len(report.rejected)) == (3, 0, 1)
    assert report.balanced
    assert report.rejected[0].line == 5


def test_reimport_adds_nothing_and_identical_rows_stay_two(db: Database) -> None:
    first = import_rows(db, COFFEES)
    again = import_rows(db, COFFEES)
    assert first.imported == 3
    assert (again.imported, again.skipped_duplicates) == (0, 3)
    stored = list(transactions.iter_all(db))
    assert sum(1 for t in stored if t.payee == "瑞幸咖啡") == 2


def test_overlapping_statement_only_adds_the_new_rows(db: Database) -> None:
    import_rows(db, COFFEES[:2])
    later = [*COFFEES, tx(9, "2024-03-05T08:00:00", "-4.00", "深圳地铁")]
    report = import_rows(db, later)
    assert (report.imported, report.skipped_duplicates) == (2, 2)
    assert transactions.count(db) == 4


def test_same_provider_id_exported_twice_is_deduplicated_not_flagged(db: Database) -> None:
    a = tx(2, "2024-03-02T12:00:00", "-5500.00", "王芳", ref="X1")
    renamed = tx(7, "2024-03-02T12:00:00", "-5500.00", "王芳 (landlord)", ref="X1")
    import_rows(db, [a])
    report = import_rows(db, [renamed])
    assert report.skipped_duplicates == 1 and report.imported == 0


def test_two_payments_with_different_ids_are_both_kept(db: Database) -> None:
    rows = [tx(2, "2024-03-02T12:00:00", "-5500.00", "王芳", ref="A1"),
            tx(3, "2024-03-02T12:01:00", "-5500.00", "王芳", ref="A2")]
    assert import_rows(db, rows).imported == 2


def test_cancel_mid_import_leaves_the_database_unchanged(db: Database) -> None:
    import_rows(db, COFFEES[:1])
    big = [
        tx(i, f"2024-04-01T10:{i % 60:02d}:00", f"-{i}.00", f"shop {i}") for i in range(1, 60_000)
    ]
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 1

    from okguard.importers.base import SourceFile
    from okguard.services.importing import import_statement

    with pytest.raises(Cancelled):
        import_statement(db, SourceFile.from_bytes(b"x", name="big.csv"), statement(big),
                         account="Test account", cancelled=cancelled)
    assert transactions.count(db) == 1
    conn = db.raw_connection()
    assert conn.execute("SELECT COUNT(*) FROM import_batches").fetchone()[0] == 1
    conn.close()


def test_a_file_where_every_row_is_bad_is_refused_whole(db: Database) -> None:
    rows = [RowRejection(3, Msg("Date {value!r} is not a date", value="32.13.2024")),
            RowRejection(4, Msg("Date {value!r} is not a date", value="x"))]
    with pytest.raises(ImportFailure) as err:
        import_rows(db, rows)
    assert err.value.line == 3
    assert "line 3" in err.value.message.render("en")
    conn = db.raw_connection()
    assert conn.execute("SELECT COUNT(*) FROM accounts").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM import_batches").fetchone()[0] == 0
    conn.close()


def test_an_empty_statement_is_refused(db: Database) -> None:
    with pytest.raises(ImportFailure, match="no transactions"):
        import_rows(db, [])


def test_card_funded_wallet_payment_is_linked_to_the_bank_debit(db: Database) -> None:
    wallet = tx(2, "2024-05-01T12:00:00", "-88.50", "盒马鲜生", ref="2024050122001",
                funding="招商银行储蓄卡(1234)")
    bank = tx(5, "2024-05-01T12:00:05", "-88.50", "支付宝-盒马鲜生")
    unrelated = tx(6, "2024-05-01T18:00:00", "-88.50", "永辉超市")
    import_rows(db, [wallet], account="Alipay 支付宝",
                accounts=[StatementAccount(key="", institution="Alipay")])
    report = import_rows(db, [bank, unrelated], account="招商银行储蓄卡")
    assert report.linked == 1
    stored = {t.payee: t for t in transactions.iter_all(db)}
    assert stored["盒马鲜生"].link_id == stored["支付宝-盒马鲜生"].id
    assert stored["支付宝-盒马鲜生"].link_id == stored["盒马鲜生"].id
    assert stored["永辉超市"].link_id is None


def test_top_up_from_own_bank_account_is_linked(db: Database) -> None:
    out = tx(3, "2024-05-02T08:00:00", "-1000.00", "支付宝充值")
    topup = tx(4, "2024-05-02T08:00:30", "1000.00", "余额充值", direction=Direction.NEUTRAL,
               kind="充值")
    import_rows(db, [out], account="招商银行储蓄卡")
    report = import_rows(db, [topup], account="Alipay 支付宝")
    assert report.linked == 1


def test_multi_account_statement_keeps_rows_apart(db: Database) -> None:
    accts = [StatementAccount(key="111", name="Checking", currency="USD"),
             StatementAccount(key="222", name="Savings", currency="USD")]
    rows = [tx(2, "2024-01-01T00:00:00", "-10.00", "A", ccy="USD", account_key="111"),
            tx(3, "2024-01-01T00:00:00", "-10.00", "A", ccy="USD", account_key="222")]
    report = import_rows(db, rows, account=None, accounts=accts)
    assert report.imported == 2
    names = {t.account_name for t in transactions.iter_all(db)}
    assert names == {"Checking 111", "Savings 222"}
