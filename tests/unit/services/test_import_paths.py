"""Plain CSV files take a fast path (flat records, batched identities, bulk or
two-pass writing). Whatever path a file takes, the database must end up exactly
as the ParsedTransaction path leaves it, and re-imports must skip exactly the
rows already stored."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from okguard.domain.importing import ImportReport
from okguard.importers.base import ImportOptions, SourceFile
from okguard.importers.csv_generic import CsvImporter
from okguard.services import import_staging
from okguard.services.importing import import_file, import_statement
from okguard.storage import Database, open_database
from okguard.storage.repos import import_writer
from okguard.storage.repos.import_writer import Cancelled

HEADER = "date,time,amount,currency,payee,payee_account,memo,reference\n"
ROWS = [
    "2024-03-01,09:00:00,-18.00,CNY,瑞幸咖啡,,拿铁,\n",
    "2024-03-01,09:00:00,-18.00,CNY,瑞幸咖啡,,拿铁,\n",  # a second, identical coffee
    "2024-03-01,09:00:00,-18.00,CNY,瑞幸咖啡,,拿铁,\n",  # and a third
    "2024-03-02,12:00:00,-5500.00,CNY,王芳,6222020200001234,房租,2024030222001\n",
    "2024-03-02,12:00:00,-5500.00,CNY,王芳,6222020200001234,房租,2024030222001\n",  # same id twice
    "2024-03-02,09:30,-3.00,CNY,地铁,,,\n",  # minutes only
    "2024-03-02,09:31:00.250,-3.00,CNY,地铁,,,\n",  # fractions of a second
    "2024-03-02,10:00:00+08:00,-4.00,CNY,Bus,,,\n",  # a UTC offset: the row path
    "2024-03-04,,-6.00,CNY,Date only,,,\n",
    "2024-03-04,,-6.00,CNY,  Date   only ,,,\n",  # same payee after normalising
    "2024-03-05,08:00:00,-7.00,CNY,-,N/A,--,  R-1  \n",  # empty marks, padded id
    "2024-03-05,08:00:00,-7.50,CNY,Long id,," + "x," + "L" * 80 + "\n",
    "2024-03-06,08:00:00,-9.99,USD,Amazon US,,,\n",
    "2024-03-06,08:00:00,-1234,JPY,ローソン,,,\n",
    "2024-03-06,08:00:00,-2.00,,No currency,,,\n",
    "2024-03-06,08:00:00,-2.00,usd,Lower case,,,\n",  # the row path decides: USD
    "2024-03-07,08:00:00,abc,CNY,Bad amount,,,\n",
    "2024-03-07,08:00:00,-1.234,CNY,Too precise,,,\n",
    '2024-03-07,08:00:00,-8.00,CNY,Quoted,,"two\nlines",Q-1\n',
    "2024-03-07,08:00:00,-8.00\n",  # too short: the row path takes what is there
    "2024-03-08,23:59:59,0.00,CNY,Zero,,,\n",
    "2024-03-08,23:59:59,120000.00,CNY,ACME Corp,,salary,SAL-03\n",
]
# Past the rows sampled to plan the table (a total in the date column there would
# make the dates look non-ISO): the total and the rule before it reach the judge.
FILLER = [
    f"2024-02-{1 + i % 28:02d},07:00:00,-1.00,CNY,Filler {i % 7},,,F{i}\n" for i in range(250)
]
FOOTER = "------,,,,,,,\n合计,,-6000.00,,,,,\n"


def write(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(FILLER) + "".join(rows) + FOOTER, encoding="utf-8")
    return path


def row_path_import(db: Database, path: Path, account: str = "Card") -> ImportReport:
    """The import with every row as a ParsedTransaction (the reference behaviour)."""
    source = SourceFile.from_path(path)
    statement = CsvImporter().open(source, ImportOptions())
    rows = list(statement.rows)

    def replay() -> Iterator[object]:
        yield from rows

    statement.rows = replay()  # type: ignore[assignment]
    return import_statement(db, source, statement, account=account)


def fast_import(db: Database, path: Path, account: str = "Card") -> ImportReport:
    opened = CsvImporter().open(SourceFile.from_path(path), ImportOptions())
    assert opened.rows.flat() is not None  # type: ignore[attr-defined]  # the fast path applies
    (report,) = import_file(db, path, account=account)
    return report


def stored(db: Database) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db.path)
    try:
        rows = conn.execute(
            "SELECT a.name, t.occurred_at, t.utc_offset_min, t.has_time, t.amount_minor,"
            " t.currency, t.payee, t.payee_account, t.memo, t.reference, t.counterpart_ref,"
            " t.status, t.direction, t.kind, t.category, t.funding, t.unknown_type,"
            " t.fingerprint, t.source_line, t.raw, typeof(t.payee_account),"
            " typeof(t.reference) FROM transactions t JOIN accounts a ON a.id = t.account_id"
            " ORDER BY t.id"
        ).fetchall()
    finally:
        conn.close()
    return [tuple(r) for r in rows]


def buckets(report: ImportReport) -> tuple[int, int, int, list[int]]:
    assert report.balanced
    return (
        report.rows_read,
        report.imported,
        report.skipped_duplicates,
        [r.line for r in report.rejected],
    )


@pytest.fixture(params=["rows", "bulk"])
def first_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "bulk":  # drop the indexes, number identical rows at the end
        monkeypatch.setattr(import_writer, "BULK_MIN_ROWS", 0)
    return str(request.param)


@pytest.fixture(params=["set", "two passes"])
def again_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "two passes":  # identities first, stored ones checked at once
        monkeypatch.setattr(import_staging, "SMALL_ACCOUNT", 0)
    return str(request.param)


def test_a_plain_csv_is_stored_exactly_as_by_the_row_path(tmp_path: Path, first_path: str) -> None:
    path = write(tmp_path / "march.csv", ROWS)
    reference = open_database(tmp_path / "ref.sqlite3")
    fast = open_database(tmp_path / "fast.sqlite3")
    expected = row_path_import(reference, path)
    got = fast_import(fast, path)
    assert buckets(got) == buckets(expected)
    # Rejected: the bad amount and the too precise one; the total is no row at all.
    assert got.imported == len(FILLER) + len(ROWS) - 2
    assert stored(fast) == stored(reference)
    rows = stored(fast)
    assert sum(1 for r in rows if r[6] == "瑞幸咖啡") == 3  # identical rows all kept
    assert len({r[17] for r in rows}) == len(rows)  # identities unique
    assert {r[20] for r in rows if r[6] == "-" or r[6] == ""} == {"null"}  # N/A is no account
    reference.close()
    fast.close()


def test_reimport_skips_every_row_and_an_extended_export_adds_only_its_new_rows(
    tmp_path: Path, again_path: str
) -> None:
    first = write(tmp_path / "march.csv", ROWS)
    new_rows = [
        "2024-03-01,09:00:00,-18.00,CNY,瑞幸咖啡,,拿铁,\n",  # a fourth coffee
        "2024-03-09,10:00:00,-42.00,CNY,New shop,,,N-1\n",
        "2024-03-02,10:00:00+08:00,-4.00,CNY,Bus,,,\n",  # a second bus ride (row path)
    ]
    extended = write(
        tmp_path / "march-again.csv", [*ROWS[:5], new_rows[0], *ROWS[5:], *new_rows[1:]]
    )

    reference = open_database(tmp_path / "ref.sqlite3")
    fast = open_database(tmp_path / "fast.sqlite3")
    row_path_import(reference, first)
    row_path_import(fast, first)

    again = fast_import(fast, first)
    assert again.imported == 0
    assert again.skipped_duplicates == again.rows_read - len(again.rejected)
    assert again.skipped_duplicates == len(FILLER) + len(ROWS) - 2

    expected = row_path_import(reference, extended)
    got = fast_import(fast, extended)
    assert buckets(got) == buckets(expected)
    assert got.imported == 3
    assert stored(fast) == stored(reference)
    reference.close()
    fast.close()


def test_overlapping_statement_into_a_big_account_reads_the_file_twice_only_when_needed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_staging, "SMALL_ACCOUNT", 0)
    path = write(tmp_path / "march.csv", ROWS)
    db = open_database(tmp_path / "t.sqlite3")
    fast_import(db, path)
    opened: list[bool] = []
    original = import_staging.Stager._two_passes

    def counting(self: import_staging.Stager, layout, passes, account_id):  # type: ignore[no-untyped-def]
        def counted(full: bool):  # type: ignore[no-untyped-def]
            opened.append(full)
            return passes(full)

        return original(self, layout, counted, account_id)

    monkeypatch.setattr(import_staging.Stager, "_two_passes", counting)
    assert fast_import(db, path).imported == 0
    assert opened == [False]  # nothing new: the file was read once, for identities
    write(path, [*ROWS, "2024-03-10,10:00:00,-1.00,CNY,Later,,,\n"])
    assert fast_import(db, path).imported == 1
    assert opened == [False, False, True]
    db.close()


def test_a_file_changed_between_the_two_passes_is_refused_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from okguard.domain.importing import ImportFailure

    monkeypatch.setattr(import_staging, "SMALL_ACCOUNT", 0)
    path = write(tmp_path / "march.csv", ROWS[:5])
    db = open_database(tmp_path / "t.sqlite3")
    fast_import(db, path)
    write(path, [*ROWS[:5], "2024-03-10,10:00:00,-1.00,CNY,Later,,,\n"])
    assert CsvImporter().open(SourceFile.from_path(path), ImportOptions()).rows.flat()  # type: ignore[attr-defined]
    before = stored(db)

    def edit_then_go_on() -> bool:  # called between the passes
        write(path, [*ROWS[:5], "2024-03-11,10:00:00,-2.00,CNY,Edited,,,\n"])
        return False

    with pytest.raises(ImportFailure, match="changed while it was being imported"):
        import_file(db, path, account="Card", cancelled=edit_then_go_on)
    assert stored(db) == before
    db.close()


def test_cancelling_a_bulk_import_of_a_plain_file_leaves_the_database_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_writer, "BULK_MIN_ROWS", 0)
    monkeypatch.setattr(import_staging, "CHECK_EVERY", 2)
    db = open_database(tmp_path / "t.sqlite3")
    path = write(tmp_path / "march.csv", ROWS)
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 1

    with pytest.raises(Cancelled):
        import_file(db, path, account="Card", cancelled=cancelled)
    conn = sqlite3.connect(db.path)
    assert conn.execute("SELECT COUNT(*) FROM transactions").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM import_batches").fetchone()[0] == 0
    # The indexes dropped for the bulk load are back.
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"ux_tx_identity", "ix_tx_time", "ix_tx_payee", "ix_tx_amount"} <= names
    conn.close()
    db.close()


def test_a_big_utf8_looking_file_with_gb18030_further_down_is_decoded_as_gb18030(
    tmp_path: Path,
) -> None:
    # The encoding is decided on the whole file, streamed: 70 KB of ASCII rows pass
    # as UTF-8, the GB18030 payee at the end does not.
    ascii_rows = [f"2024-01-01,10:00:00,-1.00,CNY,Shop {i},,,R{i}\n" for i in range(1500)]
    body = (HEADER + "".join(ascii_rows)).encode("ascii")
    body += "2024-01-02,10:00:00,-2.00,CNY,招商银行,,,\n".encode("gb18030")
    path = tmp_path / "gbk.csv"
    path.write_bytes(body)
    assert len(body) > 65536
    db = open_database(tmp_path / "t.sqlite3")
    assert fast_import(db, path).imported == 1501
    assert any(r[6] == "招商银行" for r in stored(db))
    db.close()


def test_numbering_a_whole_file_at_once_matches_numbering_row_by_row() -> None:
    import random

    from okguard.services.identity import Occurrences, renumbering

    rng = random.Random(5)
    for _ in range(200):
        bases = [
            rng.choice([1, 2, -5, 2**62, -(2**63)]) if rng.random() < 0.5 else rng.getrandbits(63)
            for _ in range(rng.randint(0, 40))
        ]
        numbered = list(bases)
        for at, identity in zip(*renumbering(bases), strict=True):
            numbered[at] = identity
        assert numbered == Occurrences().identities(list(bases))
