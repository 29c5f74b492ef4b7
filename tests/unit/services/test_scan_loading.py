"""Loading the stored history as columns: whatever is stored, every row reads back as
the ``Transaction`` that reading it one by one gives, however the loader took it in
(coded in SQL, read by id afterwards, or cell by cell)."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from okguard.detectors.columns import Columns
from okguard.detectors.engine import scan, scan_columns
from okguard.detectors.settings import DetectorSettings
from okguard.storage import Database, open_database
from okguard.storage.repos import scan_codes
from okguard.storage.repos.scan_columns import load_scan_columns
from okguard.storage.repos.transactions import iter_all

_COLUMNS = ("id", "account_id", "batch_id", "occurred_at", "utc_offset_min", "has_time",
            "amount_minor", "currency", "payee", "payee_account", "memo", "reference", "status",
            "direction", "kind", "category", "funding", "unknown_type", "fingerprint", "link_id",
            "reviewed_at")
_ODD_ACCOUNTS = ["0123456", "+1234567", " 1234567", "6222****1234", "12345678901234567890123",
                 "-42", "", "12a4567", "１２３４５６７", None]


def _odd_rows(n: int, *, huge_id: bool = False) -> list[dict[str, Any]]:
    """Rows with most of what a database can hold: ids with gaps and a negative one (and
    a huge one); times with a space, with a date only; accounts that only look like
    numbers; quotes, NUL characters, rare statuses, links, reviews and UTC offsets."""
    rng = random.Random(5)
    ids = [-5, *sorted(rng.sample(range(1, 40 * n), n - 1))]
    if huge_id:
        ids[-1] = 2**45
    accounts = [str(6_222_000_000_000_000 + 7919 * k) for k in range(60)] + _ODD_ACCOUNTS
    rows = []
    for k, i in enumerate(ids):
        day, second = 19_700 + k // 40, rng.randrange(86_400)
        when = f"2024-{1 + day % 12:02d}-{1 + day % 28:02d}T{second // 3600:02d}:" \
               f"{second // 60 % 60:02d}:{second % 60:02d}"
        has_time = 1
        if k % 97 == 0:
            when = when.replace("T", " ")
        if k % 89 == 0:
            when, has_time = when[:10], 0
        out = rng.random() < 0.7
        rows.append({
            "id": i, "account_id": 1 + k % 3, "batch_id": None if k % 5 else 1 + k % 4,
            "occurred_at": when, "utc_offset_min": None if k % 13 else rng.choice([480, -300]),
            "has_time": has_time, "amount_minor": rng.randrange(1, 10**7) * (-1 if out else 1),
            "currency": "USD" if k % 31 == 0 else "JPY" if k == 500 else "CNY",
            "payee": rng.choice(["王芳", "O'Brien & Co", "Netflix", "上海地铁", "", "a\0b"]
                                + [f"Shop {j}" for j in range(40)]),
            "payee_account": rng.choice(accounts) if k % 4 else None,
            "memo": rng.choice(["", "扫码支付", "退款", "it's", "转入安全账户"]) if k % 50
            else f"order {k}\0x",
            "reference": None if k % 3 == 0 else f"R{i}",
            "status": rng.choice(["booked"] * 20 + ["pending", "failed", "closed", "refunded",
                                                   "reversed"]),
            "direction": "out" if out else rng.choice(["in", "in", "neutral"]),
            "kind": "转账" if k % 7 == 0 else "", "category": rng.choice(["", "餐饮", "交通"]),
            "funding": "招商银行储蓄卡(1234)" if k % 11 == 0 else "",
            "unknown_type": int(k % 101 == 0), "fingerprint": i,
            "link_id": ids[k + 1] if k % 17 == 0 and k + 1 < len(ids) else None,
            "reviewed_at": "2024-06-01T00:00:00" if k % 19 == 0 else None,
        })
    return rows


def _store(path: Path, rows: list[dict[str, Any]]) -> None:
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.executemany(
                "INSERT INTO accounts (id, name, source_key, institution, currency, kind,"
                " created_at) VALUES (?, ?, '', '', 'CNY', '', '2024-01-01T00:00:00')",
                [(1, "招商银行"), (2, "支付宝"), (3, "Wise USD")])
            conn.executemany(
                f"INSERT INTO transactions ({', '.join(_COLUMNS)})"
                f" VALUES ({', '.join('?' * len(_COLUMNS))})",
                [tuple(r[c] for c in _COLUMNS) for r in rows])
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "okguard.sqlite3")
    yield database
    database.close()


def _assert_reads_back(db: Database, **load: Any) -> Columns:
    # Compared by id: storage sorts odd time texts ("2024-01-05 06:00") as text.
    stored = sorted(iter_all(db), key=lambda t: t.id)
    cols = Columns.from_table(load_scan_columns(db, **load))
    by_id = [int(p) for p in cols.positions(cols.ids[cols.ids.argsort()])]
    assert [cols.tx(p) for p in by_id] == stored
    for field in ("payee", "payee_account", "memo", "kind", "category", "funding", "currency"):
        codes, values = cols.texts(field)
        expected = [t.amount.currency if field == "currency" else getattr(t, field)
                    for t in stored]
        assert [values[codes[p]] for p in by_id] == expected, field
    return cols


def test_odd_rows_read_back_exactly_and_scan_as_the_objects_do(db: Database) -> None:
    _store(db.path, _odd_rows(3000))
    _assert_reads_back(db, chunk=256)  # many chunks, some read cell by cell
    in_time_order = sorted(iter_all(db), key=lambda t: (t.occurred_at.replace(tzinfo=None), t.id))
    settings = DetectorSettings()
    assert scan_columns(lambda: Columns.from_table(load_scan_columns(db)),
                        settings=settings) == scan(in_time_order, settings=settings)


def test_values_the_sample_did_not_see_are_read_all_the_same(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    # A sample of three rows: most columns look like one value, or a few; the rows
    # that differ are read by id (a few) or the whole column is read (many).
    monkeypatch.setattr(scan_codes, "_SAMPLE_WINDOWS", 1)
    monkeypatch.setattr(scan_codes, "_SAMPLE_ROWS", 3)
    _store(db.path, _odd_rows(3000, huge_id=True))
    _assert_reads_back(db)


def test_account_numbers_sent_as_numbers_keep_their_exact_text(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    # The sample (the first 40 rows) shows many accounts, all plain numbers: they are
    # sent as numbers, and the texts that only look like numbers are read as texts.
    monkeypatch.setattr(scan_codes, "_SAMPLE_WINDOWS", 1)
    monkeypatch.setattr(scan_codes, "_SAMPLE_ROWS", 40)
    rows = [r for r in _odd_rows(2001) if r["id"] > 0]
    for k, row in enumerate(rows):
        row["payee_account"] = (str(10**15 + 7 * (k % 300)) if k % 50 != 45
                                else _ODD_ACCOUNTS[k // 50 % 10])
    _store(db.path, rows)
    cols = _assert_reads_back(db)
    _codes, values = cols.texts("payee_account")
    assert {"0123456", "+1234567", "-42", "", None} <= set(values)


def test_an_empty_history_loads_as_no_rows(db: Database) -> None:
    table = load_scan_columns(db)
    assert len(table.ids) == 0 and all(len(c.codes) == 0 for c in table.texts.values())
    assert scan_columns(lambda: Columns.from_table(table), settings=DetectorSettings()) == []


def test_a_status_no_transaction_has_is_refused(db: Database) -> None:
    rows = _odd_rows(300)
    rows[123]["status"] = "settled"
    _store(db.path, rows)
    with pytest.raises(ValueError, match="status"):
        load_scan_columns(db)
