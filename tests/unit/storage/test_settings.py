"""Settings are JSON values by key, read and written without the ORM."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from okguard.storage import Database, open_database
from okguard.storage.repos import settings
from tests.conftest import REPO


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "okguard.sqlite3")
    yield database
    database.close()


def test_a_setting_reads_back_as_written_and_a_missing_one_gives_the_default(
        db: Database) -> None:
    assert settings.get_setting(db, "ui.lang") is None
    assert settings.get_setting(db, "ui.lang", "en") == "en"
    value = {"small_amount": {"CNY": "30"}, "duplicate_days": 3, "备注": "安全账户", "on": True}
    settings.set_setting(db, "detectors", value)
    settings.set_setting(db, "ui.lang", "zh_CN")
    assert settings.get_setting(db, "detectors") == value
    assert settings.get_setting(db, "ui.lang", "en") == "zh_CN"


def test_writing_a_setting_again_replaces_it_and_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "okguard.sqlite3"
    db = open_database(path)
    settings.set_setting(db, "review", "weekly")
    settings.set_setting(db, "review", "daily")
    settings.set_setting(db, "window", 0)
    db.close()
    again = open_database(path)
    try:
        assert settings.get_setting(again, "review") == "daily"
        assert settings.get_setting(again, "window", 30) == 0  # a stored 0 is not "missing"
        conn = again.raw_connection()
        assert conn.execute("SELECT count(*) FROM settings WHERE key = 'review'").fetchone() == (1,)
        conn.close()
    finally:
        again.close()


def test_a_value_json_cannot_hold_is_refused_and_nothing_is_written(db: Database) -> None:
    with pytest.raises(TypeError):
        settings.set_setting(db, "odd", {1, 2})
    assert settings.get_setting(db, "odd", "unset") == "unset"


def test_a_scan_reads_its_settings_without_loading_sqlalchemy(db: Database) -> None:
    """SQLAlchemy takes about half a second to import; a scan has no use for it."""
    settings.set_setting(db, "detectors", {"duplicate_days": 5})
    db.close()
    code = (
        "import sys\n"
        "from okguard.services.scanning import detector_settings, run_scan\n"
        "from okguard.storage import open_database\n"
        f"db = open_database({str(db.path)!r})\n"
        "assert detector_settings(db).duplicate_days == 5\n"
        "run_scan(db)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('sqlalchemy', 'alembic', 'pypinyin', 'rapidfuzz')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"
