"""Demo rows as plain CSV, and large benchmark CSVs."""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import pytest

from okguard.demo import generate_history, write_benchmark_csv, write_csv
from okguard.domain.money import Money
from okguard.domain.transaction import ParsedTransaction

HEADER = ["date", "time", "amount", "currency", "payee", "payee_account", "memo", "reference"]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_write_csv_round_trips_every_row(tmp_path: Path) -> None:
    history = generate_history(months=2, end=date(2025, 3, 15))
    rows = [tx for account in history.accounts for tx in history.rows[account.key]]
    path = tmp_path / "demo.csv"

    assert write_csv(rows, path) == len(rows)

    table = _read(path)
    assert table[0] == HEADER
    body = [dict(zip(HEADER, cells, strict=True)) for cells in table[1:]]
    assert len(body) == len(rows)
    for tx, cell in zip(rows, body, strict=True):
        assert Money.of(Decimal(cell["amount"]), cell["currency"]) == tx.amount
        assert (
            datetime.combine(date.fromisoformat(cell["date"]), time.fromisoformat(cell["time"]))
            == tx.occurred_at
        )
        assert cell["payee"] == tx.payee
        assert cell["reference"] == (tx.reference or "")
        assert cell["payee_account"] == (tx.payee_account or "")


def _tx(amount: Money, *, has_time: bool = True, payee: str = "Shop, Inc.") -> ParsedTransaction:
    return ParsedTransaction(
        line=1,
        occurred_at=datetime(2025, 1, 2, 3, 4, 5),
        has_time=has_time,
        amount=amount,
        payee=payee,
    )


def test_write_csv_uses_each_currencys_decimals_and_leaves_unknowns_empty(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    write_csv(
        [
            _tx(Money.of("-500", "JPY")),
            _tx(Money.of("1.250", "KWD")),
            _tx(Money.of("-7", "CNY"), has_time=False, payee='引号"和,逗号'),
        ],
        path,
    )
    table = _read(path)[1:]
    assert [r[2] for r in table] == ["-500", "1.250", "-7.00"]
    assert table[0][1] == "03:04:05" and table[2][1] == ""
    assert table[0][5] == "" and table[0][7] == ""  # None becomes an empty cell
    assert table[0][4] == "Shop, Inc." and table[2][4] == '引号"和,逗号'


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "bench.csv"
    write_benchmark_csv(path, 20_000)
    return path


def test_benchmark_csv_has_header_and_exact_row_count(bench: Path) -> None:
    table = _read(bench)
    assert table[0] == HEADER
    assert len(table) == 20_001
    assert all(len(r) == len(HEADER) for r in table)


def test_benchmark_rows_are_in_time_order_over_several_years(bench: Path) -> None:
    body = _read(bench)[1:]
    stamps = [datetime.fromisoformat(f"{r[0]}T{r[1]}") for r in body]
    assert stamps == sorted(stamps)
    assert (stamps[-1] - stamps[0]).days > 3 * 365


def test_benchmark_amounts_are_exact_two_decimal_money(bench: Path) -> None:
    body = _read(bench)[1:]
    assert all(re.fullmatch(r"-?\d+\.\d{2}", r[2]) and r[3] == "CNY" for r in body)
    signs = Counter(r[2].startswith("-") for r in body)
    assert signs[True] > signs[False] > 0  # mostly spending, some income


def test_benchmark_has_many_bilingual_payees(bench: Path) -> None:
    payees = {r[4] for r in _read(bench)[1:]}
    assert len(payees) >= 1_000
    assert sum(bool(CJK.search(p)) for p in payees) >= 300
    assert sum(not CJK.search(p) for p in payees) >= 300


def test_benchmark_has_references_on_most_rows_and_real_identical_rows(bench: Path) -> None:
    body = _read(bench)[1:]
    with_ref = [r[7] for r in body if r[7]]
    assert 0.6 < len(with_ref) / len(body) < 0.8
    assert len(with_ref) == len(set(with_ref))
    identical = [n for line, n in Counter(tuple(r) for r in body).items() if n > 1]
    assert len(identical) >= 20  # same date, time, amount, payee, no reference
    assert all(not line[7] for line, n in Counter(tuple(r) for r in body).items() if n > 1)


def test_benchmark_is_deterministic_per_seed(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    write_benchmark_csv(a, 3_000, seed=5, n_payees=500)
    write_benchmark_csv(b, 3_000, seed=5, n_payees=500)
    write_benchmark_csv(c, 3_000, seed=6, n_payees=500)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()


@pytest.mark.parametrize("n", [0, 1, 2, 3, 97])
def test_benchmark_row_count_is_exact_even_for_tiny_files(tmp_path: Path, n: int) -> None:
    path = tmp_path / "tiny.csv"
    write_benchmark_csv(path, n, n_payees=10)
    assert len(_read(path)) == n + 1
