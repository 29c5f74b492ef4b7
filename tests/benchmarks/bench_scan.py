"""Scan benchmark: a full detector scan of a large stored history.

    python -m tests.benchmarks.bench_scan [--rows 1000000] [--limits]

Baseline, measured in the same run: the raw import of the same rows (Python's csv
module + sqlite3 executemany, indexes built after; see bench_import). Target (issue 4):
the full scan of 1,000,000 transactions (several thousand payees) no slower than that
baseline, peak memory under 500 MB. ``--limits`` sets daily, monthly, per-payment,
new-payee and payee limits before the scan, to measure the limit checks too.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from tests.benchmarks._measure import PEAK, run_python
from tests.benchmarks.bench_import import BASELINE, GENERATE

LOAD = r"""
import sys
from pathlib import Path
from okguard.services.importing import import_file
from okguard.storage import open_database
db = open_database(Path(sys.argv[2]))
import_file(db, Path(sys.argv[1]), account="Benchmark")
db.close()
""" + PEAK

LIMITS = r"""
import sys
from pathlib import Path
from okguard.domain.limits import Limit, LimitPeriod, LimitScope
from okguard.domain.money import Money
from okguard.storage import open_database
from okguard.storage.repos.limits import add_limit
db = open_database(Path(sys.argv[1]))
cny = lambda amount: Money.of(amount, "CNY")
for limit in (
    Limit(0, LimitScope.DAILY, cny("5000")),
    Limit(0, LimitScope.MONTHLY, cny("100000")),
    Limit(0, LimitScope.PER_PAYMENT, cny("500")),
    Limit(0, LimitScope.NEW_PAYEE, cny("200")),
    Limit(0, LimitScope.PAYEE, cny("100"), period=LimitPeriod.MONTH, payee="上海星光餐厅"),
):
    add_limit(db, limit)
db.close()
""" + PEAK

SCAN = r"""
import sys, time
from pathlib import Path
from okguard.services.scanning import run_scan
from okguard.storage import open_database
db = open_database(Path(sys.argv[1]))
start = time.perf_counter()
result = run_scan(db)
print(f"{time.perf_counter() - start:.3f} {result.found}")
db.close()
""" + PEAK


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--limits", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="okguard-bench-") as tmp:
        folder = Path(tmp)
        csv_path = folder / "statement.csv"
        db_path = folder / "okguard.sqlite3"
        run_python(GENERATE, str(csv_path), str(args.rows))
        baseline = run_python(BASELINE, str(csv_path), str(folder / "baseline.sqlite3"))
        run_python(LOAD, str(csv_path), str(db_path))
        if args.limits:
            run_python(LIMITS, str(db_path))
        scan = run_python(SCAN, str(db_path))
    inner_s, found = scan.stdout.split()[:2]
    result = {
        "rows": args.rows,
        "limits": args.limits,
        "baseline_import_s": round(baseline.seconds, 2),
        "scan_process_s": round(scan.seconds, 2),
        "scan_s": float(inner_s),
        "ratio": round(scan.seconds / baseline.seconds, 2),
        "scan_peak_mb": round(scan.peak_mb, 1),
        "flags_found": int(found),
        "targets": {"ratio": 1.0, "scan_peak_mb": 500},
    }
    print(json.dumps(result, indent=2))
    return 0 if result["ratio"] <= 1.0 and result["scan_peak_mb"] < 500 else 1


if __name__ == "__main__":
    raise SystemExit(main())
