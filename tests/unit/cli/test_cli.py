"""The command-line contract: exit codes, messages, JSON shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from okguard.cli.main import main

CSV = """date,time,amount,currency,payee,memo,reference
2024-03-01,09:00:00,-18.00,CNY,瑞幸咖啡,拿铁,
2024-03-01,09:00:00,-18.00,CNY,瑞幸咖啡,拿铁,
2024-03-02,12:00:00,-5500.00,CNY,王芳,房租 3月,2024030222001
2024-03-05,08:00:00,12000.00,CNY,ACME Corp,salary,SAL-03
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.sqlite3"


@pytest.fixture()
def statement(tmp_path: Path) -> Path:
    path = tmp_path / "march.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_help_and_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    assert "import" in capsys.readouterr().out
    code, _, err = run(capsys, "no-such-command")
    assert code == 2
    assert "usage error" in err and "Traceback" not in err


def test_import_then_transactions_json(capsys: pytest.CaptureFixture[str], db: Path,
                                       statement: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db), "import", str(statement), "--json", "--no-scan")
    assert code == 0
    report = json.loads(out)
    assert report["file"] == "march.csv"
    assert report["format"] == "csv"
    assert (report["rows_read"], report["imported"], report["skipped_duplicates"]) == (4, 4, 0)
    assert report["rejected"] == []

    code, out, _ = run(capsys, "--db", str(db), "transactions", "--json", "--limit", "3")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 3
    newest = rows[0]
    assert set(newest) >= {"id", "account", "date", "amount", "currency", "payee", "reference",
                           "memo", "status"}
    assert newest["amount"] == "12000.00" and newest["payee"] == "ACME Corp"
    assert newest["date"].startswith("2024-03-05T08:00")
    rent = rows[1]
    assert rent["amount"] == "-5500.00" and rent["reference"] == "2024030222001"


def test_reimport_reports_skips(capsys: pytest.CaptureFixture[str], db: Path,
                                statement: Path) -> None:
    run(capsys, "--db", str(db), "import", str(statement), "--no-scan")
    code, out, _ = run(capsys, "--db", str(db), "import", str(statement), "--json", "--no-scan")
    report = json.loads(out)
    assert code == 0
    assert (report["imported"], report["skipped_duplicates"]) == (0, 4)


def test_bad_rows_are_reported_with_their_line(capsys: pytest.CaptureFixture[str], db: Path,
                                               tmp_path: Path) -> None:
    path = tmp_path / "partly.csv"
    path.write_text(CSV + "2024-03-06,10:00:00,lots,CNY,Someone,,\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db), "import", str(path), "--json", "--no-scan")
    report = json.loads(out)
    assert code == 0
    assert report["rows_read"] == 5 and report["imported"] == 4
    assert [r["line"] for r in report["rejected"]] == [6]
    assert "lots" in report["rejected"][0]["reason"]


def test_a_broken_file_exits_3_names_the_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], db: Path, statement: Path, tmp_path: Path
) -> None:
    run(capsys, "--db", str(db), "import", str(statement), "--no-scan")
    bad = tmp_path / "broken.csv"
    bad.write_text("date,amount,payee\nyesterday,12.00,Shop\nlast week,oops,Shop\n",
                   encoding="utf-8")
    code, out, err = run(capsys, "--db", str(db), "import", str(bad))
    assert code == 3
    assert "broken.csv" in err and "line 2" in err
    assert "Traceback" not in err
    _, out, _ = run(capsys, "--db", str(db), "transactions", "--json")
    assert len(json.loads(out)) == 4


def test_one_bad_file_among_several_still_imports_the_good_ones_and_exits_3(
    capsys: pytest.CaptureFixture[str], db: Path, statement: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.csv"
    bad.write_text("date,amount,payee\nyesterday,12.00,Shop\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", str(db), "import", str(bad), str(statement), "--json",
                         "--no-scan")
    assert code == 3
    assert "broken.csv" in err and "line 2" in err and "Traceback" not in err
    (report,) = json.loads(out)  # what did land is reported, as a list: several files named
    assert report["file"] == "march.csv" and report["imported"] == 4
    _, out, _ = run(capsys, "--db", str(db), "transactions", "--json")
    assert len(json.loads(out)) == 4


def test_not_a_statement_and_missing_files_exit_3(capsys: pytest.CaptureFixture[str],
                                                  db: Path, tmp_path: Path) -> None:
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    code, _, err = run(capsys, "--db", str(db), "import", str(junk))
    assert code == 3 and "photo.jpg" in err and "not a statement" in err
    code, _, err = run(capsys, "--db", str(db), "import", str(tmp_path / "missing.csv"))
    assert code == 3 and "missing.csv" in err
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, _, err = run(capsys, "--db", str(db), "import", str(empty))
    assert code == 3 and "empty" in err


def test_a_database_path_that_is_not_a_database_exits_3(capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(notes), "transactions")
    assert code == 3 and "not an okguard database" in err
    assert notes.read_text(encoding="utf-8") == "hello"


def test_messages_follow_the_language(capsys: pytest.CaptureFixture[str], db: Path,
                                      tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, _, err = run(capsys, "--lang", "zh_CN", "--db", str(db), "import", str(empty))
    assert code == 3
    assert "文件" in err


def test_currency_for_files_that_name_none(capsys: pytest.CaptureFixture[str], db: Path,
                                           tmp_path: Path) -> None:
    path = tmp_path / "us.csv"
    path.write_text("date,amount,payee\n2025-01-14,-45.67,SAFEWAY\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db), "import", str(path), "--currency", "dollars")
    assert code == 3 and "'dollars' is not a currency code" in err
    code, _, _ = run(capsys, "--db", str(db), "import", str(path), "--currency", "usd",
                     "--no-scan")
    assert code == 0
    _, out, _ = run(capsys, "--db", str(db), "transactions", "--json")
    assert [t["currency"] for t in json.loads(out)] == ["USD"]


def test_the_window_without_a_screen_is_refused_plainly(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    for args in (("gui",), ("demo",), ()):
        code, _, err = run(capsys, "--db", str(db), *args)
        assert code == 2 and "no screen to open the window on" in err
    assert not db.exists()  # nothing was built for a window that cannot open
