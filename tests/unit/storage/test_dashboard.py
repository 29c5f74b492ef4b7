"""Dashboard totals count each payment once, whatever the linking between accounts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from okguard.guard.counting import LinkIndex, is_spending
from okguard.services.demo import load_demo
from okguard.storage import Database, open_database
from okguard.storage.repos import dashboard, transactions


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = open_database(Path(tmp_path_factory.mktemp("dash")) / "demo.db")
    load_demo(db, months=6)
    return db


def _expected(db: Database, since: str) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    history = list(transactions.iter_all(db))
    links = LinkIndex(history)
    months: Counter[tuple[str, str]] = Counter()
    payees: Counter[str] = Counter()
    for tx in history:
        day = tx.occurred_at.date().isoformat()
        if day < since or not is_spending(tx, links) or not links.is_primary(tx):
            continue
        months[(day[:7], tx.amount.currency)] += -tx.amount.minor
        if tx.amount.currency == "CNY":
            payees[tx.payee] += -tx.amount.minor
    return months, payees


def test_monthly_spending_counts_linked_payments_once_and_skips_own_transfers(
    demo_db: Database,
) -> None:
    window = dashboard.spending_window(demo_db)
    assert window is not None
    months, _ = _expected(demo_db, window[0])
    got = {(m.month, m.currency): m.minor for m in dashboard.monthly_spending(demo_db, window[0])}
    assert got == dict(months)
    assert any(tx.link_id is not None for tx in transactions.iter_all(demo_db))


def test_wallet_top_ups_are_not_top_payees(demo_db: Database) -> None:
    window = dashboard.spending_window(demo_db)
    assert window is not None
    _, payees = _expected(demo_db, window[0])
    got = dashboard.top_payees(demo_db, window[0], "CNY", limit=5)
    assert [(p.payee, p.minor) for p in got] == payees.most_common(5)
    assert not any("充值" in p.payee for p in got)
