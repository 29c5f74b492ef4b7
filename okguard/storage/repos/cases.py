"""Stored recovery cases.

The wizard state JSON in ``cases.wizard_state`` is the single source of truth for a
case's content (it is what the wizard resumes from). The columns of ``cases`` and the
rows of ``case_transactions``, ``case_events`` and ``evidence`` are a mirror rewritten
on every save, in the same database transaction, so lists and the dashboard can query
them without decoding JSON. Nothing reads the mirror back into a case.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from okguard.domain.case import (
    Case,
    CaseEvent,
    CaseStatus,
    CaseType,
    EventKind,
    Jurisdiction,
    LocalText,
)
from okguard.domain.money import Money
from okguard.storage.database import Database
from okguard.storage.repos._common import now_text


@dataclass(frozen=True, slots=True)
class StoredCase:
    id: int
    wizard_state: dict[str, Any]  # WizardState.to_dict(); decoded by the service
    anomaly_key: str | None


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One line of the case list, from the mirrored columns."""

    id: int
    type: CaseType
    jurisdiction: Jurisdiction
    provider: str
    status: CaseStatus
    opened_at: datetime
    closed_at: datetime | None
    recovered: Money | None
    currency: str
    transaction_ids: tuple[int, ...]


def _write_mirror(conn: sqlite3.Connection, case_id: int, case: Case) -> None:
    """Rewrite the listing columns and child rows of one case from ``case``."""
    conn.execute(
        "UPDATE cases SET case_type = ?, jurisdiction = ?, provider = ?, status = ?,"
        " opened_at = ?, closed_at = ?, recovered_minor = ?, currency = ? WHERE id = ?",
        (
            case.type.value,
            case.jurisdiction.value,
            case.provider,
            case.status.value,
            case.opened_at.isoformat(),
            case.closed_at.isoformat() if case.closed_at else None,
            case.recovered.minor if case.recovered else None,
            case.currency or (case.recovered.currency if case.recovered else "CNY"),
            case_id,
        ),
    )
    conn.execute("DELETE FROM case_transactions WHERE case_id = ?", (case_id,))
    conn.executemany(
        "INSERT OR IGNORE INTO case_transactions (case_id, transaction_id)"
        " SELECT ?, id FROM transactions WHERE id = ?",
        [(case_id, t.id) for t in case.transactions if t.id is not None],
    )
    conn.execute("DELETE FROM case_events WHERE case_id = ?", (case_id,))
    conn.executemany(
        "INSERT INTO case_events (case_id, at, kind, channel, reference_no, note)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (case_id, e.when.isoformat(), e.kind.value, e.channel, e.reference_no, e.note)
            for e in case.events
        ],
    )
    added = dict(
        conn.execute("SELECT item_key, added_at FROM evidence WHERE case_id = ?", (case_id,))
    )
    conn.execute("DELETE FROM evidence WHERE case_id = ?", (case_id,))
    conn.executemany(
        "INSERT INTO evidence (case_id, item_key, label, done, file_name, sha256, added_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                case_id,
                e.key,
                e.label.en if isinstance(e.label, LocalText) else e.label,
                e.done,
                e.file_name,
                e.sha256,
                added.get(e.key, now_text()),
            )
            for e in case.evidence
        ],
    )


def _dump(state: dict[str, Any]) -> str:
    return json.dumps(state, ensure_ascii=False, sort_keys=True)


def insert_case(
    db: Database, case: Case, wizard_state: dict[str, Any], anomaly_key: str | None = None
) -> int:
    conn = db.raw_connection()
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            cur = conn.execute(
                "INSERT INTO cases (case_type, jurisdiction, provider, status, opened_at,"
                " currency, anomaly_key, wizard_state) VALUES (?, ?, ?, ?, ?, ?, ?, '{}')",
                (
                    case.type.value,
                    case.jurisdiction.value,
                    case.provider,
                    case.status.value,
                    case.opened_at.isoformat(),
                    case.currency or "CNY",
                    anomaly_key,
                ),
            )
            case_id = int(cur.lastrowid or 0)
            # The stored JSON carries its own id so a resumed wizard knows which case it is.
            state = {**wizard_state, "case": {**wizard_state["case"], "id": case_id}}
            conn.execute("UPDATE cases SET wizard_state = ? WHERE id = ?", (_dump(state), case_id))
            _write_mirror(conn, case_id, case)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return case_id
    finally:
        conn.close()


def save_case(db: Database, case_id: int, case: Case, wizard_state: dict[str, Any]) -> bool:
    """Replace the stored state of ``case_id``; False when there is no such case."""
    conn = db.raw_connection()
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            cur = conn.execute(
                "UPDATE cases SET wizard_state = ? WHERE id = ?", (_dump(wizard_state), case_id)
            )
            if cur.rowcount:
                _write_mirror(conn, case_id, case)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return cur.rowcount > 0
    finally:
        conn.close()


def load_case(db: Database, case_id: int) -> StoredCase | None:
    conn = db.raw_connection()
    try:
        row = conn.execute(
            "SELECT id, wizard_state, anomaly_key FROM cases WHERE id = ?", (case_id,)
        ).fetchone()
    finally:
        conn.close()
    if row is None:
        return None
    return StoredCase(int(row[0]), json.loads(row[1] or "{}"), row[2])


def list_cases(db: Database) -> list[CaseSummary]:
    """Open cases first, then newest first."""
    conn = db.raw_connection()
    try:
        rows = conn.execute(
            "SELECT id, case_type, jurisdiction, provider, status, opened_at, closed_at,"
            " recovered_minor, currency FROM cases"
            " ORDER BY closed_at IS NOT NULL, opened_at DESC, id DESC"
        ).fetchall()
        links: dict[int, list[int]] = {}
        for case_id, tx_id in conn.execute(
            "SELECT case_id, transaction_id FROM case_transactions ORDER BY transaction_id"
        ):
            links.setdefault(int(case_id), []).append(int(tx_id))
    finally:
        conn.close()
    return [
        CaseSummary(
            id=int(r[0]),
            type=CaseType(r[1]),
            jurisdiction=Jurisdiction(r[2]),
            provider=r[3] or "",
            status=CaseStatus(r[4]),
            opened_at=datetime.fromisoformat(r[5]),
            closed_at=datetime.fromisoformat(r[6]) if r[6] else None,
            recovered=Money(int(r[7]), r[8]) if r[7] is not None else None,
            currency=r[8],
            transaction_ids=tuple(links.get(int(r[0]), ())),
        )
        for r in rows
    ]


def incoming_transaction_ids(db: Database, *, currency: str, since: date) -> list[int]:
    """Money in, in ``currency``, on or after ``since`` (by day): refund candidates."""
    conn = db.raw_connection()
    try:
        rows = conn.execute(
            "SELECT id FROM transactions WHERE direction = 'in' AND currency = ?"
            " AND occurred_at >= ? ORDER BY occurred_at, id",
            (currency, since.isoformat()),
        ).fetchall()
    finally:
        conn.close()
    return [int(r[0]) for r in rows]


def list_events(db: Database, case_id: int) -> list[CaseEvent]:
    """A case's timeline from the mirror rows, oldest first (no JSON decoding)."""
    conn = db.raw_connection()
    try:
        rows = conn.execute(
            "SELECT at, kind, channel, reference_no, note FROM case_events"
            " WHERE case_id = ? ORDER BY at, id",
            (case_id,),
        ).fetchall()
    finally:
        conn.close()
    return [
        CaseEvent(datetime.fromisoformat(r[0]), EventKind(r[1]), r[2], r[3], r[4]) for r in rows
    ]
