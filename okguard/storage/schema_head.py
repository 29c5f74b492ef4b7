"""The schema at the newest migration, as SQL, for creating a new database.

Running the migrations on an empty file gives the same result, but costs a second
of start-up (importing SQLAlchemy and Alembic, then replaying every migration);
a first import or first start should not. The statements are exactly the
``sqlite_master`` entries the migrations leave, and a test compares the two; after
adding a migration, regenerate them with ``python -m okguard.storage.schema_head``.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import tempfile
from pathlib import Path

REVISION = "0002"

STATEMENTS: tuple[str, ...] = (
    # -- generated: begin
    (
        "CREATE TABLE alembic_version (\n"
        "\tversion_num VARCHAR(32) NOT NULL, \n"
        "\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
        ")"
    ),
    (
        "CREATE TABLE accounts (\n"
        "\tid INTEGER NOT NULL, \n"
        "\tname VARCHAR(200) NOT NULL, \n"
        "\tsource_key VARCHAR(200) NOT NULL, \n"
        "\tinstitution VARCHAR(200) NOT NULL, \n"
        "\tcurrency VARCHAR(3) NOT NULL, \n"
        "\tkind VARCHAR(40) NOT NULL, \n"
        "\tcreated_at VARCHAR(32) NOT NULL, \n"
        "\tPRIMARY KEY (id), \n"
        "\tUNIQUE (name)\n"
        ")"
    ),
    (
        "CREATE TABLE anomalies (\n"
        "\tid INTEGER NOT NULL, \n"
        '\t"key" TEXT NOT NULL, \n'
        "\tkind VARCHAR(24) NOT NULL, \n"
        "\tseverity VARCHAR(8) NOT NULL, \n"
        "\tmessage_template TEXT NOT NULL, \n"
        "\tmessage_params TEXT NOT NULL, \n"
        "\tpayee TEXT NOT NULL, \n"
        "\tcreated_at VARCHAR(32) NOT NULL, \n"
        "\tfirst_tx_at VARCHAR(19) NOT NULL, \n"
        "\tPRIMARY KEY (id), \n"
        '\tUNIQUE ("key")\n'
        ")"
    ),
    (
        "CREATE TABLE cases (\n"
        "\tid INTEGER NOT NULL, \n"
        "\tcase_type VARCHAR(24) NOT NULL, \n"
        "\tjurisdiction VARCHAR(8) NOT NULL, \n"
        "\tprovider TEXT NOT NULL, \n"
        "\tstatus VARCHAR(24) NOT NULL, \n"
        "\topened_at VARCHAR(32) NOT NULL, \n"
        "\tclosed_at VARCHAR(32), \n"
        "\trecovered_minor INTEGER, \n"
        "\tcurrency VARCHAR(3) NOT NULL, \n"
        "\tanomaly_key TEXT, \n"
        "\twizard_state TEXT NOT NULL, \n"
        "\tPRIMARY KEY (id)\n"
        ")"
    ),
    (
        "CREATE TABLE dismissals (\n"
        "\tid INTEGER NOT NULL, \n"
        '\t"key" TEXT NOT NULL, \n'
        "\tdismissed_at VARCHAR(32) NOT NULL, \n"
        "\tnote TEXT NOT NULL, \n"
        "\tPRIMARY KEY (id), \n"
        '\tUNIQUE ("key")\n'
        ")"
    ),
    (
        "CREATE TABLE import_batches (\n"
        "\tid INTEGER NOT NULL, \n"
        "\tfile_name TEXT NOT NULL, \n"
        "\tfile_sha256 VARCHAR(64) NOT NULL, \n"
        "\tformat VARCHAR(20) NOT NULL, \n"
        "\timported_at VARCHAR(32) NOT NULL, \n"
        "\trows_read INTEGER NOT NULL, \n"
        "\timported INTEGER NOT NULL, \n"
        "\tskipped_duplicates INTEGER NOT NULL, \n"
        "\trejected INTEGER NOT NULL, \n"
        "\tPRIMARY KEY (id)\n"
        ")"
    ),
    (
        "CREATE TABLE mapping_profiles (\n"
        "\tid INTEGER NOT NULL, \n"
        "\theader_signature TEXT NOT NULL, \n"
        "\tformat VARCHAR(20) NOT NULL, \n"
        "\tmapping TEXT NOT NULL, \n"
        "\theader_row INTEGER, \n"
        "\tcreated_at VARCHAR(32) NOT NULL, \n"
        "\tPRIMARY KEY (id), \n"
        "\tUNIQUE (header_signature)\n"
        ")"
    ),
    (
        "CREATE TABLE payees (\n"
        "\tid INTEGER NOT NULL, \n"
        "\tname TEXT NOT NULL, \n"
        "\taccount TEXT NOT NULL, \n"
        "\ttrusted BOOLEAN NOT NULL, \n"
        "\tnote TEXT NOT NULL, \n"
        "\tPRIMARY KEY (id), \n"
        "\tCONSTRAINT uq_payee UNIQUE (name, account)\n"
        ")"
    ),
    (
        "CREATE TABLE settings (\n"
        '\t"key" VARCHAR(100) NOT NULL, \n'
        "\tvalue TEXT NOT NULL, \n"
        '\tPRIMARY KEY ("key")\n'
        ")"
    ),
    (
        "CREATE TABLE case_events (\n"
        "\tid INTEGER NOT NULL, \n"
        "\tcase_id INTEGER NOT NULL, \n"
        "\tat VARCHAR(32) NOT NULL, \n"
        "\tkind VARCHAR(24) NOT NULL, \n"
        "\tchannel TEXT NOT NULL, \n"
        "\treference_no TEXT NOT NULL, \n"
        "\tnote TEXT NOT NULL, \n"
        "\tPRIMARY KEY (id), \n"
        "\tFOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE\n"
        ")"
    ),
    (
        "CREATE TABLE evidence (\n"
        "\tid INTEGER NOT NULL, \n"
        "\tcase_id INTEGER NOT NULL, \n"
        "\titem_key TEXT NOT NULL, \n"
        "\tlabel TEXT NOT NULL, \n"
        "\tdone BOOLEAN NOT NULL, \n"
        "\tfile_name TEXT, \n"
        "\tsha256 VARCHAR(64), \n"
        "\tadded_at VARCHAR(32) NOT NULL, \n"
        "\tPRIMARY KEY (id), \n"
        "\tFOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE\n"
        ")"
    ),
    (
        "CREATE TABLE limits (\n"
        "\tid INTEGER NOT NULL, \n"
        "\tscope VARCHAR(20) NOT NULL, \n"
        "\tperiod VARCHAR(10) NOT NULL, \n"
        "\tamount_minor INTEGER NOT NULL, \n"
        "\tcurrency VARCHAR(3) NOT NULL, \n"
        "\taccount_id INTEGER, \n"
        "\tpayee TEXT, \n"
        "\tcategory TEXT, \n"
        "\tlabel TEXT NOT NULL, \n"
        "\tcreated_at VARCHAR(32) NOT NULL, \n"
        "\tPRIMARY KEY (id), \n"
        "\tFOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE\n"
        ")"
    ),
    (
        "CREATE TABLE rejected_rows (\n"
        "\tid INTEGER NOT NULL, \n"
        "\tbatch_id INTEGER NOT NULL, \n"
        "\tline INTEGER NOT NULL, \n"
        "\treason TEXT NOT NULL, \n"
        "\tPRIMARY KEY (id), \n"
        "\tFOREIGN KEY(batch_id) REFERENCES import_batches (id) ON DELETE CASCADE\n"
        ")"
    ),
    (
        "CREATE TABLE anomaly_transactions (\n"
        "\tanomaly_id INTEGER NOT NULL, \n"
        "\ttransaction_id INTEGER NOT NULL, \n"
        "\tPRIMARY KEY (anomaly_id, transaction_id), \n"
        "\tFOREIGN KEY(anomaly_id) REFERENCES anomalies (id) ON DELETE CASCADE, \n"
        "\tFOREIGN KEY(transaction_id) REFERENCES transactions (id) ON DELETE CASCADE\n"
        ")"
    ),
    "CREATE INDEX ix_anomaly_tx ON anomaly_transactions (transaction_id)",
    (
        "CREATE TABLE case_transactions (\n"
        "\tcase_id INTEGER NOT NULL, \n"
        "\ttransaction_id INTEGER NOT NULL, \n"
        "\tPRIMARY KEY (case_id, transaction_id), \n"
        "\tFOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE, \n"
        "\tFOREIGN KEY(transaction_id) REFERENCES transactions (id) ON DELETE CASCADE\n"
        ")"
    ),
    (
        "CREATE TABLE reminders (\n"
        "\tid INTEGER NOT NULL, \n"
        "\tkind VARCHAR(24) NOT NULL, \n"
        "\ttitle_template TEXT NOT NULL, \n"
        "\ttitle_params TEXT NOT NULL, \n"
        "\tdue_at VARCHAR(32) NOT NULL, \n"
        "\ttransaction_id INTEGER, \n"
        "\tcase_id INTEGER, \n"
        "\tdone_at VARCHAR(32), \n"
        "\tsnoozed_until VARCHAR(32), \n"
        "\tPRIMARY KEY (id), \n"
        "\tFOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE, \n"
        "\tFOREIGN KEY(transaction_id) REFERENCES transactions (id) ON DELETE CASCADE\n"
        ")"
    ),
    (
        'CREATE TABLE "transactions" (\n'
        "\tid INTEGER NOT NULL, \n"
        "\taccount_id INTEGER NOT NULL, \n"
        "\tbatch_id INTEGER, \n"
        "\toccurred_at VARCHAR(19) NOT NULL, \n"
        "\tutc_offset_min INTEGER, \n"
        "\thas_time BOOLEAN NOT NULL, \n"
        "\tamount_minor INTEGER NOT NULL, \n"
        "\tcurrency VARCHAR(3) NOT NULL, \n"
        "\tpayee TEXT NOT NULL, \n"
        "\tpayee_account TEXT, \n"
        "\tmemo TEXT NOT NULL, \n"
        "\treference TEXT, \n"
        "\tcounterpart_ref TEXT, \n"
        "\tstatus VARCHAR(12) NOT NULL, \n"
        "\tdirection VARCHAR(8) NOT NULL, \n"
        "\tkind TEXT NOT NULL, \n"
        "\tcategory TEXT NOT NULL, \n"
        "\tfunding TEXT NOT NULL, \n"
        "\tunknown_type BOOLEAN NOT NULL, \n"
        "\tfingerprint BIGINT NOT NULL, \n"
        "\tsource_line INTEGER, \n"
        "\tlink_id INTEGER, \n"
        "\treviewed_at VARCHAR(32), \n"
        "\traw TEXT, \n"
        "\tPRIMARY KEY (id), \n"
        "\tFOREIGN KEY(account_id) REFERENCES accounts (id) ON DELETE CASCADE, \n"
        "\tFOREIGN KEY(batch_id) REFERENCES import_batches (id) ON DELETE SET NULL\n"
        ")"
    ),
    "CREATE INDEX ix_tx_amount ON transactions (amount_minor)",
    "CREATE INDEX ix_tx_payee ON transactions (payee)",
    "CREATE INDEX ix_tx_time ON transactions (occurred_at, id)",
    "CREATE UNIQUE INDEX ux_tx_identity ON transactions (account_id, fingerprint)",
    # -- generated: end
)


def create(conn: sqlite3.Connection) -> bool:
    """Create the newest schema in ``conn`` (autocommit mode) as one transaction, if
    the database is still empty; False when another process got there first."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]:
            conn.execute("ROLLBACK")
            return False
        for statement in STATEMENTS:
            conn.execute(statement)
        conn.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (REVISION,))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return True


def migrated_schema(path: Path) -> list[tuple[str, str, str]]:
    """(type, name, sql) of what the migrations create, in creation order."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
        ).fetchall()
    finally:
        conn.close()
    return [(str(t), str(n), str(s)) for t, n, s in rows]


def _literal(sql: str) -> str:
    """``sql`` as Python source: one string per line of SQL, to keep lines short."""
    parts = sql.splitlines(keepends=True)
    if len(parts) == 1:
        return f"    {sql!r},\n"
    inner = "".join(f"        {part!r}\n" for part in parts)
    return f"    (\n{inner}    ),\n"


def _regenerate() -> None:  # pragma: no cover - a developer tool
    from okguard.storage.database import SCHEMA_HEAD, open_database

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "head.sqlite3"
        open_database(path, from_migrations=True).close()
        rows = migrated_schema(path)
    source = Path(__file__).read_text(encoding="utf-8")
    head, _, rest = source.partition("    # -- generated: begin\n")
    _, _, tail = rest.partition("    # -- generated: end\n")
    head = re.sub(r'^REVISION = ".*"$', f'REVISION = "{SCHEMA_HEAD}"', head, flags=re.M)
    body = "".join(_literal(sql) for _, _, sql in rows)
    Path(__file__).write_text(
        f"{head}    # -- generated: begin\n{body}    # -- generated: end\n{tail}", encoding="utf-8"
    )
    print(f"{len(rows)} statements written to {__file__}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    _regenerate()
