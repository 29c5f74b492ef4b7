"""Aggregates for the desktop dashboard and the transaction detail pane (plain data out)."""

from __future__ import annotations

from dataclasses import dataclass

from okguard.storage.database import Database

# Money that left the user, counted once: the rule of okguard.guard.counting.is_spending
# and LinkIndex.is_primary. A linked row whose partner is not an outflow is a transfer
# between the user's own accounts (a wallet top-up); of a pair that is an outflow on
# both sides (a card-funded wallet payment) only the row naming the merchant counts.
_FROM = "transactions t LEFT JOIN transactions p ON p.id = t.link_id"
_SPENDING = (
    "t.direction = 'out' AND t.status IN ('booked', 'pending', 'reversed')"
    " AND (p.id IS NULL OR (p.direction = 'out' AND ("
    "(COALESCE(t.funding, '') != '') > (COALESCE(p.funding, '') != '')"
    " OR ((COALESCE(t.funding, '') != '') = (COALESCE(p.funding, '') != '') AND t.id < p.id))))"
)


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
            f"SELECT MAX(t.occurred_at) FROM {_FROM} WHERE {_SPENDING}"
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
            "SELECT substr(t.occurred_at, 1, 7) AS m, t.currency, SUM(-t.amount_minor)"
            f" FROM {_FROM} WHERE {_SPENDING} AND t.occurred_at >= ?"
            " GROUP BY m, t.currency ORDER BY m, t.currency",
            (since,),
        ).fetchall()
    finally:
        conn.close()
    return [MonthTotal(str(m), str(c), abs(int(s))) for m, c, s in rows]


def top_payees(db: Database, since: str, currency: str, limit: int = 8) -> list[PayeeTotal]:
    conn = db.raw_connection()
    try:
        rows = conn.execute(
            f"SELECT t.payee, SUM(-t.amount_minor) AS s, COUNT(*) FROM {_FROM}"
            f" WHERE {_SPENDING} AND t.occurred_at >= ? AND t.currency = ?"
            " GROUP BY t.payee ORDER BY s DESC LIMIT ?",
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
