"""The stored-history scan reads columns straight from SQL; it must find exactly what
the object scan finds over the same stored rows, and store it the same way."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from okguard.detectors.columns import Columns
from okguard.detectors.engine import scan, scan_columns
from okguard.detectors.limit_rows import limit_positions
from okguard.domain.anomaly import Anomaly
from okguard.domain.limits import Limit, LimitPeriod, LimitScope
from okguard.domain.money import Money
from okguard.domain.transaction import Direction, Transaction, TxStatus
from okguard.guard.limits import detect_limit_breaches
from okguard.services.scanning import detector_settings, run_scan
from okguard.storage import Database, open_database
from okguard.storage.repos import anomalies, payees
from okguard.storage.repos import limits as limit_repo
from okguard.storage.repos._common import split_when
from okguard.storage.repos.scan_columns import _wall_seconds, load_scan_columns
from okguard.storage.repos.transactions import iter_all, iter_for_scan
from tests.ledger import generate_ledger
from tests.ledger.generator import ACCOUNT_NAMES, ALIPAY, BANK

_INSERT = (
    "INSERT INTO transactions (id, account_id, occurred_at, utc_offset_min, has_time,"
    " amount_minor, currency, payee, payee_account, memo, reference, status, direction, kind,"
    " category, funding, unknown_type, fingerprint, link_id, reviewed_at)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _store(path: Path, txs: Sequence[Transaction], reviewed: frozenset[int] = frozenset()
           ) -> None:
    """Write transactions with their ids and links as they are (no import rules)."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.executemany(
                "INSERT OR IGNORE INTO accounts (id, name, source_key, institution, currency,"
                " kind, created_at) VALUES (?, ?, '', '', 'CNY', '', '2024-01-01T00:00:00')",
                sorted({(t.account_id, t.account_name) for t in txs}))
            rows = []
            for t in txs:
                text, offset = split_when(t.occurred_at)
                rows.append((
                    t.id, t.account_id, text, offset, t.has_time, t.amount.minor,
                    t.amount.currency, t.payee, t.payee_account, t.memo, t.reference,
                    t.status.value, t.direction.value, t.kind, t.category, t.funding,
                    t.unknown_type, t.id, t.link_id,
                    "2024-06-01T00:00:00" if t.id in reviewed else None))
            conn.executemany(_INSERT, rows)
    finally:
        conn.close()


def _pair(when: datetime, first_id: int, amount: str, *, wallet_payee: str,
          bank_payee: str, own_transfer: bool = False) -> list[Transaction]:
    """A payment seen on Alipay and on the bank card that funded it (or, for an own
    transfer, money leaving the bank and arriving in the wallet), linked both ways."""
    money = Money.of(amount, "CNY")
    wallet = Transaction(
        id=first_id, account_id=ALIPAY, account_name=ACCOUNT_NAMES[ALIPAY],
        occurred_at=when, has_time=True, amount=-money if own_transfer else money,
        payee=wallet_payee, payee_account=None, memo="", reference=f"W{first_id}",
        status=TxStatus.BOOKED, direction=Direction.IN if own_transfer else Direction.OUT,
        kind="转账" if own_transfer else "商户消费", category="",
        funding="" if own_transfer else "招商银行储蓄卡(1234)", link_id=first_id + 1)
    bank = Transaction(
        id=first_id + 1, account_id=BANK, account_name=ACCOUNT_NAMES[BANK],
        occurred_at=when + timedelta(minutes=2), has_time=True, amount=money,
        payee=bank_payee, payee_account=None, memo=wallet_payee, reference=None,
        status=TxStatus.BOOKED, direction=Direction.OUT, kind="快捷支付", category="",
        link_id=first_id)
    return [wallet, bank]


def _history() -> tuple[list[Transaction], set[int]]:
    """The labelled ledger with its ids shuffled (so id order is not time order), a
    few zone-aware and oddly flagged rows, and linked pairs across midnight."""
    ledger = generate_ledger(7, months=14, activity=1.5)
    rng = random.Random(7)
    old_ids = [t.id for t in ledger.transactions]
    new_ids = rng.sample(range(10, 10 * len(old_ids)), len(old_ids))
    renumber = dict(zip(old_ids, new_ids, strict=True))
    zones = [timezone(timedelta(hours=8)), timezone(timedelta(hours=-5))]
    txs: list[Transaction] = []
    for n, t in enumerate(ledger.transactions):
        t = replace(t, id=renumber[t.id],
                    link_id=None if t.link_id is None else renumber[t.link_id])
        if n % 13 == 0:
            t = replace(t, occurred_at=t.occurred_at.replace(tzinfo=zones[n % 2]))
        if n % 17 == 0:
            t = replace(t, reference=None, unknown_type=True)
        if n % 29 == 0:
            t = replace(t, has_time=False)
        txs.append(t)
    last = max(t.occurred_at.replace(tzinfo=None) for t in txs)
    night = datetime(last.year, last.month, 1, 23, 59) - timedelta(days=40)
    txs += _pair(night, 1, "-880.00", wallet_payee="Late Night Shop", bank_payee="支付宝")
    txs += _pair(night + timedelta(days=3), 3, "-2000.00", wallet_payee="余额充值",
                 bank_payee="转账到支付宝", own_transfer=True)
    # Linked one way only, and the two amounts differ: still one payment.
    wallet, bank = _pair(night + timedelta(days=5), 5, "-50.00", wallet_payee="Odd Shop",
                         bank_payee="支付宝")
    txs += [replace(wallet, link_id=None), replace(bank, amount=Money.of("-1200.00", "CNY"))]
    # Paid through Alipay again, to a shop paid before: the wallet row is not a first.
    txs += _pair(night + timedelta(days=7), 7, "-900.00", wallet_payee="Late Night Shop",
                 bank_payee="支付宝")
    # The first payment to "支付宝" that counts: the bank rows before it are the card
    # side of wallet payments.
    txs.append(replace(txs[-1], id=9, occurred_at=night + timedelta(days=1), link_id=None,
                       amount=Money.of("-400.00", "CNY")))
    reviewed = {t.id for t in txs[::11]}
    return txs, reviewed


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scan") / "okguard.sqlite3"
    db = open_database(path)
    db.close()
    txs, reviewed = _history()
    _store(path, txs, frozenset(reviewed))
    return path


@pytest.fixture
def db(template: Path, tmp_path: Path) -> Iterator[Database]:
    target = tmp_path / "okguard.sqlite3"
    src, dst = sqlite3.connect(template), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    database = open_database(target)
    yield database
    database.close()


def _both(db: Database, focus: set[int] | None = None) -> tuple[list[Anomaly], list[Anomaly]]:
    """(object scan of every stored row, column scan of the same table)."""
    kw = {"settings": detector_settings(db), "limits": limit_repo.list_limits(db),
          "trusted_payees": payees.trusted_payees(db), "focus": focus}
    old = scan(list(iter_all(db)), **kw)  # type: ignore[arg-type]
    new = scan_columns(lambda: Columns.from_table(load_scan_columns(db, chunk=700)),
                       **kw)  # type: ignore[arg-type]
    return old, new


def test_rows_read_back_from_columns_equal_the_stored_transactions(db: Database) -> None:
    stored = list(iter_all(db))
    cols = Columns.from_table(load_scan_columns(db, chunk=500))
    assert cols.n == len(stored)
    assert [cols.tx(p) for p in range(cols.n)] == stored
    assert any(t.occurred_at.tzinfo is not None for t in stored)
    assert any(t.reference is None for t in stored) and any(t.reviewed for t in stored)
    # A sweep over every row (as a detector reads every memo) gives the same values.
    for name in (*Transaction.__dataclass_fields__, "is_outflow", "moves_money"):
        assert [getattr(r, name) for r in cols.txs] == [getattr(t, name) for t in stored]
    in_memory = Columns(stored)
    for field in ("payee", "payee_account", "memo", "currency", "funding"):
        codes, values = cols.texts(field)
        again, values_again = in_memory.texts(field)
        assert [values[c] for c in codes] == [values_again[c] for c in again]


def test_column_scan_finds_exactly_what_the_object_scan_finds(db: Database) -> None:
    old, new = _both(db)
    assert {a.kind.value for a in old} == {
        "duplicate", "amount_shift", "amount_outlier", "lookalike_payee", "new_payee",
        "scam_pattern", "system_error", "recurring_change"}
    assert new == old


def _cny(amount: str) -> Money:
    return Money.of(amount, "CNY")


LIMITS = {
    "totals": [
        Limit(0, LimitScope.PER_PAYMENT, _cny("3000")),
        Limit(0, LimitScope.PER_PAYMENT, _cny("1000")),
        Limit(0, LimitScope.DAILY, _cny("600")),
        Limit(0, LimitScope.MONTHLY, _cny("9000"), account_id=BANK),
        Limit(0, LimitScope.PAYEE, _cny("50"), period=LimitPeriod.DAY, payee="上海地铁"),
        Limit(0, LimitScope.PAYEE, _cny("700"), period=LimitPeriod.MONTH,
              payee="LATE night shop"),
        Limit(0, LimitScope.CATEGORY, _cny("100"), period=LimitPeriod.PAYMENT, category="餐饮"),
        Limit(0, LimitScope.DAILY, Money.of("100", "USD")),
    ],
    "new payees": [
        Limit(0, LimitScope.NEW_PAYEE, _cny("300")),
        Limit(0, LimitScope.NEW_PAYEE, _cny("500"), account_id=BANK),
        Limit(0, LimitScope.PER_PAYMENT, _cny("800"), account_id=BANK),
    ],
}


@pytest.mark.parametrize("kind", list(LIMITS))
def test_same_findings_with_limits_and_trusted_payees(db: Database, kind: str) -> None:
    """Limit checks see only the rows that decide them; the findings are the same."""
    ids = [limit_repo.add_limit(db, limit) for limit in LIMITS[kind]]
    payees.set_trusted(db, "海底捞")
    old, new = _both(db)

    def breaches(index: int) -> list[tuple[int, ...]]:
        key = f":limit:{ids[index]}"
        return [a.transaction_ids for a in old if a.key.endswith(key)]

    assert len([a for a in old if a.kind == "limit_breach"]) > 10
    if kind == "totals":
        # The card-funded payment counts once, on the wallet row that names the shop.
        assert any(1 in t for t in breaches(2))  # the daily limit in CNY
        assert not any(2 in t for t in breaches(2))
    else:
        # The bank row of a card-funded payment is never the first payment to anyone.
        assert (8,) in breaches(2)  # over the per-payment limit of the bank account
        assert breaches(0)
        assert not any({2, 8} & set(t) for t in breaches(0) + breaches(1))
    assert new == old


@pytest.mark.parametrize("limit", [lim for group in LIMITS.values() for lim in group],
                         ids=lambda lim: f"{lim.scope.value}-{lim.amount}-{lim.account_id}")
def test_each_limit_is_judged_on_its_few_rows_as_on_every_row(db: Database,
                                                              limit: Limit) -> None:
    limit = replace(limit, id=limit_repo.add_limit(db, limit))
    stored = list(iter_all(db))
    cols = Columns.from_table(load_scan_columns(db))
    needed = limit_positions(cols, [limit])
    assert len(needed) < len(stored) // 2
    expected = detect_limit_breaches(stored, [limit])
    assert detect_limit_breaches([cols.tx(p) for p in needed.tolist()], [limit]) == expected


def test_lean_rows_for_the_guard_keep_the_funding_that_picks_the_counted_row(
        db: Database) -> None:
    for limit in LIMITS["new payees"]:
        limit_repo.add_limit(db, limit)
    kw = {"settings": detector_settings(db), "limits": limit_repo.list_limits(db)}
    lean = list(iter_for_scan(db))
    assert [t.funding for t in lean] == [t.funding for t in iter_all(db)]
    assert scan(lean, **kw) == scan(list(iter_all(db)), **kw)  # type: ignore[arg-type]


def test_run_scan_stores_what_the_object_scan_finds(db: Database) -> None:
    old, _new = _both(db)
    result = run_scan(db)
    stored = anomalies.list_anomalies(db)
    assert result.found == len(old) and len(result.new_ids) == len(old)
    assert sorted(s.anomaly.key for s in stored) == sorted(a.key for a in old)
    when = {t.id: t.occurred_at.replace(tzinfo=None) for t in iter_all(db)}
    first = {a.key: min(when[i] for i in a.transaction_ids).isoformat() for a in old}
    assert {s.anomaly.key: s.first_tx_at for s in stored} == first
    assert run_scan(db).new_ids == []  # nothing new the second time


def test_scan_after_new_rows_flags_only_what_involves_them(db: Database) -> None:
    run_scan(db)
    before = {s.anomaly.key for s in anomalies.list_anomalies(db)}
    last = max(t.occurred_at.replace(tzinfo=None) for t in iter_all(db))
    paid_twice = [
        Transaction(id=900_000 + i, account_id=BANK, account_name=ACCOUNT_NAMES[BANK],
                    occurred_at=last + timedelta(minutes=1 + i), has_time=True,
                    amount=Money.of("-4999.00", "CNY"), payee="Unknown Trading Co",
                    payee_account="6222 0000 1111 2222", memo="", reference=f"N{i}",
                    status=TxStatus.BOOKED, direction=Direction.OUT, kind="", category="")
        for i in range(2)]
    _store(db.path, paid_twice)
    focus = {t.id for t in paid_twice}
    old, new = _both(db, focus)
    assert new == old and old
    result = run_scan(db, focus=focus)
    assert result.found == len(old)
    stored = anomalies.list_anomalies(db, ids=result.new_ids)
    assert {s.anomaly.key for s in stored} == {a.key for a in old} - before
    assert all(focus & set(s.anomaly.transaction_ids) for s in stored)
    assert {s.anomaly.kind.value for s in stored} >= {"duplicate", "new_payee"}


@pytest.mark.parametrize("checks_before_cancel", [0, 1, 4])
def test_a_cancelled_scan_stores_nothing(db: Database, checks_before_cancel: int) -> None:
    """Cancelled before loading, while loading, or amid the detectors."""
    checks: list[int] = []

    def cancelled() -> bool:
        checks.append(1)
        return len(checks) > checks_before_cancel

    result = run_scan(db, cancelled=cancelled)
    assert result.found == 0 and result.new_ids == []
    assert anomalies.list_anomalies(db, include_dismissed=True) == []
    assert run_scan(db).found > 0  # the same history, not cancelled, does find things


def test_times_numpy_cannot_parse_exactly_are_read_as_wall_clock_time() -> None:
    texts = ["2024-03-01T10:00:00", "2024-03-01T10:00:00+08:00", "2024-03-01"]
    expected = [datetime(2024, 3, 1, 10), datetime(2024, 3, 1, 10), datetime(2024, 3, 1)]
    seconds = [(d - datetime(1970, 1, 1)) // timedelta(seconds=1) for d in expected]
    assert _wall_seconds(texts).tolist() == seconds
    assert _wall_seconds(texts[::2]).tolist() == seconds[::2]  # numpy's own path


def test_a_row_no_transaction_could_hold_is_refused_like_reading_it_would_be(
        db: Database) -> None:
    conn = sqlite3.connect(db.path)
    with conn:
        conn.execute("UPDATE transactions SET utc_offset_min = 2000 WHERE id = 1")
    conn.close()
    with pytest.raises(ValueError):
        list(iter_all(db))
    with pytest.raises(ValueError):
        load_scan_columns(db)
