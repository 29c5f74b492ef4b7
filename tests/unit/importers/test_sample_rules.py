"""The import rules, checked on every public sample statement through the service.

Each file either imports with every row in exactly one bucket, and re-imports adding
nothing, or is refused whole with a message and the database left as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from okguard.domain.importing import ImportFailure
from okguard.services.importing import import_file
from okguard.storage import open_database
from tests.conftest import sample_files

ALL = sample_files("csv", "alipay", "wechat", "ofx", "qif", "camt053", "mt940", "other")

# Files that hold no bank transactions: they must be refused, never half-imported.
MUST_REFUSE = {
    "oca__empty_statement_en.csv",
    "oca__empty_statement_en.xlsx",
    "ofxparse__signon_success.ofx",
    "ofxparse__signon_success_no_message.ofx",
    "ofxtools__profrs.ofx",
    "ofxparse__error_message.ofx",
    "ofxparse__account_listing_aggregation.ofx",
    "mt940__self-provided__invalid_statement.sta",
    "camtparser__052__valid_namespace.xml",
}


def _counts(db_path: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(db_path)
    try:
        return (
            conn.execute("SELECT COUNT(*) FROM transactions").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM accounts").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM import_batches").fetchone()[0],
        )
    finally:
        conn.close()


@pytest.mark.parametrize("path", ALL, ids=[p.name for p in ALL])
def test_sample_imports_by_the_rules_or_is_refused_cleanly(path: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "s.sqlite3"
    db = open_database(db_path)
    try:
        try:
            reports = import_file(db, path)
        except ImportFailure as failure:
            assert failure.message.render("en").strip()
            assert failure.message.render("zh_CN").strip()
            assert _counts(db_path) == (0, 0, 0), "a refused file must leave nothing behind"
            return
        assert path.name not in MUST_REFUSE, f"{path.name} holds no transactions"
        stored = 0
        for report in reports:
            assert report.rows_read == report.imported + report.skipped_duplicates + len(
                report.rejected
            )
            assert report.imported > 0 or report.skipped_duplicates > 0
            assert all(r.line > 0 and r.reason.render("en") for r in report.rejected)
            stored += report.imported
        assert _counts(db_path)[0] == stored
        again = import_file(db, path)
        assert sum(r.imported for r in again) == 0
        assert [r.skipped_duplicates for r in again] == [
            r.imported + r.skipped_duplicates for r in reports
        ]
        assert _counts(db_path)[0] == stored
    finally:
        db.close()
