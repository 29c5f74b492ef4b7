"""Stored flags, their transactions, and dismissals that must stick."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity
from okguard.domain.money import Money
from okguard.i18n import Msg
from okguard.storage.database import Database
from okguard.storage.repos._common import now_text


def _encode(value: Any) -> Any:
    if isinstance(value, Money):
        return {"$money": [value.minor, value.currency]}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, Msg):
        return {"$msg": [value.template, {k: _encode(v) for k, v in value.params.items()}]}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((tag, payload),) = value.items()
        if tag == "$money":
            return Money(int(payload[0]), str(payload[1]))
        if tag == "$datetime":
            return datetime.fromisoformat(payload)
        if tag == "$date":
            return date.fromisoformat(payload)
        if tag == "$decimal":
            return Decimal(payload)
        if tag == "$msg":
            return Msg(payload[0], **{k: _decode(v) for k, v in payload[1].items()})
    return value


def encode_params(params: dict[str, Any]) -> str:
    return json.dumps({k: _encode(v) for k, v in params.items()}, ensure_ascii=False)


def decode_params(text: str) -> dict[str, Any]:
    return {k: _decode(v) for k, v in json.loads(text or "{}").items()}


@dataclass(frozen=True, slots=True)
class StoredAnomaly:
    id: int
    anomaly: Anomaly
    created_at: str
    first_tx_at: str
    dismissed: bool = False


def dismissed_keys(db: Database) -> set[str]:
    conn = db.raw_connection()
    try:
        return {r[0] for r in conn.execute("SELECT key FROM dismissals")}
    finally:
        conn.close()


def store(db: Database, anomalies: Sequence[Anomaly], *, first_tx_at: dict[str, str]) -> list[int]:
    """Insert anomalies not stored or dismissed before; returns the new ids."""
    conn = db.raw_connection()
    new_ids: list[int] = []
    try:
        conn.execute("BEGIN IMMEDIATE")
        # A rescan finds mostly what is stored already: skip those before encoding them.
        seen = {r[0] for r in conn.execute("SELECT key FROM dismissals")}
        seen.update(r[0] for r in conn.execute("SELECT key FROM anomalies"))
        for a in anomalies:
            if a.key in seen:
                continue
            seen.add(a.key)
            cur = conn.execute(
                "INSERT OR IGNORE INTO anomalies (key, kind, severity, message_template,"
                " message_params, payee, created_at, first_tx_at) VALUES (?,?,?,?,?,?,?,?)",
                (
                    a.key,
                    a.kind.value,
                    a.severity.value,
                    a.message.template,
                    encode_params(dict(a.message.params)),
                    a.payee,
                    now_text(),
                    first_tx_at.get(a.key, ""),
                ),
            )
            if cur.rowcount:
                aid = int(cur.lastrowid or 0)
                new_ids.append(aid)
                conn.executemany(
                    "INSERT OR IGNORE INTO anomaly_transactions (anomaly_id, transaction_id)"
                    " VALUES (?, ?)",
                    [(aid, t) for t in a.transaction_ids],
                )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    return new_ids


_ORDER = "CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, first_tx_at DESC, id"


def list_anomalies(
    db: Database, *, include_dismissed: bool = False, ids: Sequence[int] | None = None
) -> list[StoredAnomaly]:
    conn = db.raw_connection()
    try:
        sql = (
            "SELECT a.id, a.key, a.kind, a.severity, a.message_template, a.message_params,"
            " a.payee, a.created_at, a.first_tx_at, d.id IS NOT NULL"
            " FROM anomalies a LEFT JOIN dismissals d ON d.key = a.key"
        )
        args: list[Any] = []
        conds: list[str] = []
        if not include_dismissed:
            conds.append("d.id IS NULL")
        if ids is not None:
            conds.append(f"a.id IN ({','.join('?' * len(ids))})" if ids else "0")
            args += list(ids)
        if conds:
            sql += " WHERE " + " AND ".join(conds)
        sql += " ORDER BY " + _ORDER.replace("severity", "a.severity").replace(
            "first_tx_at", "a.first_tx_at"
        ).replace(", id", ", a.id")
        rows = conn.execute(sql, args).fetchall()
        links: dict[int, list[int]] = {}
        for aid, tid in conn.execute(
            "SELECT anomaly_id, transaction_id FROM anomaly_transactions ORDER BY transaction_id"
        ):
            links.setdefault(aid, []).append(tid)
        out = []
        for r in rows:
            anomaly = Anomaly(
                kind=AnomalyKind(r[2]),
                severity=Severity(r[3]),
                transaction_ids=tuple(links.get(r[0], [])),
                message=Msg(r[4], **decode_params(r[5])),
                key=r[1],
                payee=r[6],
            )
            out.append(StoredAnomaly(r[0], anomaly, r[7], r[8], bool(r[9])))
        return out
    finally:
        conn.close()


def dismiss(db: Database, anomaly_id: int, note: str = "") -> bool:
    conn = db.raw_connection()
    try:
        row = conn.execute("SELECT key FROM anomalies WHERE id = ?", (anomaly_id,)).fetchone()
        if row is None:
            return False
        with conn:
            conn.execute(
                "INSERT OR IGNORE INTO dismissals (key, dismissed_at, note) VALUES (?, ?, ?)",
                (row[0], now_text(), note),
            )
        return True
    finally:
        conn.close()


def open_count(db: Database) -> dict[str, int]:
    """Undismissed flags per severity, for the navigation badge and the dashboard."""
    conn = db.raw_connection()
    try:
        rows = conn.execute(
            "SELECT a.severity, COUNT(*) FROM anomalies a LEFT JOIN dismissals d ON d.key = a.key"
            " WHERE d.id IS NULL GROUP BY a.severity"
        ).fetchall()
        return {str(s): int(n) for s, n in rows}
    finally:
        conn.close()


def flagged_transaction_severity(db: Database, ids: Sequence[int]) -> dict[int, str]:
    """Highest open severity per transaction id, for colouring table rows."""
    if not ids:
        return {}
    conn = db.raw_connection()
    try:
        marks = ",".join("?" * len(ids))
        rows = conn.execute(
            "SELECT at.transaction_id, MIN(CASE a.severity WHEN 'high' THEN 0 WHEN 'medium'"
            " THEN 1 ELSE 2 END) FROM anomaly_transactions at JOIN anomalies a ON a.id ="
            " at.anomaly_id LEFT JOIN dismissals d ON d.key = a.key WHERE d.id IS NULL AND"
            f" at.transaction_id IN ({marks}) GROUP BY at.transaction_id",
            list(ids),
        ).fetchall()
        names = {0: "high", 1: "medium", 2: "low"}
        return {int(t): names[int(s)] for t, s in rows}
    finally:
        conn.close()
