"""Import benchmark: okguard's full import of a generated CSV against a raw baseline.

    python -m tests.benchmarks.bench_import [--rows 1000000]

Baseline, measured in the same run: Python's csv module reading the same file and
sqlite3 ``executemany`` into an equivalent table (the same columns as okguard's
``transactions``), with the same indexes built after the load. Targets (issue 3):
okguard's import with fingerprints and de-duplication within 2x the baseline and
under 300 MB peak; re-importing the same file within 1x the baseline.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from tests.benchmarks._measure import PEAK, Run, run_python

BASELINE = r"""
import csv, sqlite3, sys
src, db = sys.argv[1], sys.argv[2]
conn = sqlite3.connect(db, isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL"); conn.execute("PRAGMA synchronous=NORMAL")
conn.execute('''CREATE TABLE transactions (id INTEGER PRIMARY KEY, account_id INTEGER,
  batch_id INTEGER, occurred_at TEXT, utc_offset_min INTEGER, has_time INTEGER,
  amount_minor INTEGER, currency TEXT, payee TEXT, payee_account TEXT, memo TEXT,
  reference TEXT, counterpart_ref TEXT, status TEXT, direction TEXT, kind TEXT,
  category TEXT, funding TEXT, unknown_type INTEGER, fingerprint TEXT, source_line INTEGER,
  link_id INTEGER, reviewed_at TEXT, raw TEXT)''')
conn.execute("BEGIN")
with open(src, newline="", encoding="utf-8") as fh:
    reader = csv.reader(fh)
    next(reader)
    conn.executemany(
        "INSERT INTO transactions (account_id, occurred_at, amount_minor, currency, payee,"
        " payee_account, memo, reference) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
        ((d + "T" + t, a, c, p, pa, m, r) for d, t, a, c, p, pa, m, r in reader),
    )
conn.execute("CREATE UNIQUE INDEX ux ON transactions (account_id, id)")
conn.execute("CREATE INDEX ix1 ON transactions (occurred_at, id)")
conn.execute("CREATE INDEX ix2 ON transactions (payee)")
conn.execute("CREATE INDEX ix3 ON transactions (amount_minor)")
conn.execute("COMMIT")
""" + PEAK

OKGUARD = r"""
import sys
from pathlib import Path
from okguard.services.importing import import_file
from okguard.storage import open_database
db = open_database(Path(sys.argv[2]))
(report,) = import_file(db, Path(sys.argv[1]), account="Benchmark")
assert report.balanced, report
print(report.rows_read, report.imported, report.skipped_duplicates, len(report.rejected))
db.close()
""" + PEAK

GENERATE = r"""
import sys
from pathlib import Path
from okguard.demo.csv_writer import write_benchmark_csv
write_benchmark_csv(Path(sys.argv[1]), int(sys.argv[2]))
""" + PEAK


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="okguard-bench-") as tmp:
        folder = Path(tmp)
        csv_path = folder / "statement.csv"
        run_python(GENERATE, str(csv_path), str(args.rows))
        baseline: Run = run_python(BASELINE, str(csv_path), str(folder / "baseline.sqlite3"))
        first: Run = run_python(OKGUARD, str(csv_path), str(folder / "okguard.sqlite3"))
        again: Run = run_python(OKGUARD, str(csv_path), str(folder / "okguard.sqlite3"))
    counts = [int(x) for x in first.stdout.split()[:4]]
    recounts = [int(x) for x in again.stdout.split()[:4]]
    result = {
        "rows": args.rows,
        "baseline_s": round(baseline.seconds, 2),
        "import_s": round(first.seconds, 2),
        "import_ratio": round(first.seconds / baseline.seconds, 2),
        "import_peak_mb": round(first.peak_mb, 1),
        "reimport_s": round(again.seconds, 2),
        "reimport_ratio": round(again.seconds / baseline.seconds, 2),
        "reimport_peak_mb": round(again.peak_mb, 1),
        "first_import": dict(zip(["read", "imported", "skipped", "rejected"], counts, strict=True)),
        "reimport": dict(zip(["read", "imported", "skipped", "rejected"], recounts, strict=True)),
        "targets": {"import_ratio": 2.0, "import_peak_mb": 300, "reimport_ratio": 1.0},
    }
    print(json.dumps(result, indent=2))
    ok = (
        result["import_ratio"] <= 2.0
        and result["import_peak_mb"] < 300
        and result["reimport_ratio"] <= 1.0
        and counts[1] == args.rows
        and recounts[1] == 0
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
