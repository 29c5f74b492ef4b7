"""Aggregates for the desktop dashboard and the transaction detail pane (plain data out)."""

from __future__ import annotations

from dataclasses import dataclass

from okguard.storage.database import Database

# Outflows that really moved money: the same rule as Transaction.moves_money + is_outflow.
_SPENDING = "direction = 'out' AND status IN ('booked', 'pending', 'reversed')"


@dataclass(frozen=True, slots=True)
class MonthTotal:
    month: str  # "2025-03"
    currency: str
    minor: int  # positive: money that left


@dataclass(frozen=True, slots=True)
class PayeeTotal:
    payee: str
    currency: str
    minor: int
    count: int


def _window_start(conn_month: str | None, months: int) -> str | None:
    if conn_month is None:
        return None
    year, month = int(conn_month[:4]), int(conn_month[5:7])
    index = year * 12 + (month - 1) - (months - 1)
    return f"{index // 12:04d}-{index % 12 + 1:02d}-01"


def spending_window(db: Database, months: int = 12) -> tuple[str, str] | None:
    """(first day, last month) of the ``months`` ending with the latest spending month."""
    conn = db.raw_connection()
    try:
        row = conn.execute(
            f"SELECT MAX(occurred_at) FROM transactions WHERE {_SPENDING}"
        ).fetchone()
    finally:
        conn.close()
    latest = row[0] if row else None
    start = _window_start(latest, months)
    if latest is None or start is None:
        return None
    return start, latest[:7]


def monthly_spending(db: Database, since: str) -> list[MonthTotal]:
    conn = db.raw_connection()
    try:
        rows = conn.execute(
            "SELECT substr(occurred_at, 1, 7) AS m, currency, SUM(-amount_minor) FROM transactions"
            f" WHERE {_SPENDING} AND occurred_at >= ? GROUP BY m, currency ORDER BY m, currency",
            (since,),
        ).fetchall()
    finally:
        conn.close()
    return [MonthTotal(str(m), str(c), abs(int(s))) for m, c, s in rows]


def top_payees(db: Database, since: str, currency: str, limit: int = 8) -> list[PayeeTotal]:
    conn = db.raw_connection()
    try:
        rows = conn.execute(
            "SELECT payee, SUM(-amount_minor) AS s, COUNT(*) FROM transactions"
            f" WHERE {_SPENDING} AND occurred_at >= ? AND currency = ?"
            " GROUP BY payee ORDER BY s DESC LIMIT ?",
            (since, currency, limit),
        ).fetchall()
    finally:
        conn.close()
    return [PayeeTotal(str(p), currency, abs(int(s)), int(n)) for p, s, n in rows]


def anomaly_ids_for_transaction(db: Database, transaction_id: int) -> list[int]:
    conn = db.raw_connection()
    try:
        rows = conn.execute(
            "SELECT anomaly_id FROM anomaly_transactions WHERE transaction_id = ?",
            (transaction_id,),
        ).fetchall()
    finally:
        conn.close()
    return [int(r[0]) for r in rows]
