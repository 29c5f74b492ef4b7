"""Killing okguard in the middle of a big import leaves the database as it was."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from okguard.demo.csv_writer import write_benchmark_csv
from okguard.services.importing import import_file
from okguard.storage import open_database

REPO = Path(__file__).resolve().parents[3]
IMPORT = """
import sys
from pathlib import Path
from okguard.services.importing import import_file
from okguard.storage import open_database
import_file(open_database(Path(sys.argv[1])), Path(sys.argv[2]), account="Big")
"""


def snapshot(path: Path) -> tuple[object, ...]:
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("SELECT COUNT(*), SUM(amount_minor) FROM transactions").fetchone(),
            conn.execute("SELECT COUNT(*) FROM import_batches").fetchone(),
            conn.execute("SELECT name FROM accounts ORDER BY name").fetchall(),
            conn.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall(),
            conn.execute("PRAGMA integrity_check").fetchone(),
        )
    finally:
        conn.close()


def test_a_killed_import_leaves_the_database_unchanged(tmp_path: Path) -> None:
    db_path = tmp_path / "t.sqlite3"
    small, big = tmp_path / "small.csv", tmp_path / "big.csv"
    write_benchmark_csv(small, 50)
    write_benchmark_csv(big, 100_000, seed=2)
    db = open_database(db_path)
    import_file(db, small, account="Small")
    db.close()
    before = snapshot(db_path)

    proc = subprocess.Popen(
        [sys.executable, "-c", IMPORT, str(db_path), str(big)],
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        stderr=subprocess.DEVNULL,
    )
    wal = db_path.with_name(db_path.name + "-wal")
    deadline = time.monotonic() + 60
    # Kill once rows are being written: the write-ahead log has grown past a few MB.
    while proc.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 2 << 20:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the import ended before it could be killed"

    assert snapshot(db_path) == before
    db = open_database(db_path)
    (report,) = import_file(db, small, account="Big")  # and the database takes new rows
    assert report.imported == 50
    db.close()
