"""Personal limits."""

from __future__ import annotations

from okguard.domain.limits import Limit, LimitPeriod, LimitScope
from okguard.domain.money import Money
from okguard.storage.database import Database
from okguard.storage.repos._common import now_text


def list_limits(db: Database) -> list[Limit]:
    conn = db.raw_connection()
    try:
        rows = conn.execute(
            "SELECT id, scope, period, amount_minor, currency, account_id, payee, category, label"
            " FROM limits ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    return [
        Limit(
            id=r[0],
            scope=LimitScope(r[1]),
            period=LimitPeriod(r[2]),
            amount=Money(r[3], r[4]),
            account_id=r[5],
            payee=r[6],
            category=r[7],
            label=r[8],
        )
        for r in rows
    ]


def _values(limit: Limit) -> tuple[object, ...]:
    """The stored columns, in the order the statements below name them."""
    return (limit.scope.value, limit.period.value, limit.amount.minor, limit.amount.currency,
            limit.account_id, limit.payee, limit.category, limit.label)


def add_limit(db: Database, limit: Limit) -> int:
    conn = db.raw_connection()
    try:
        with conn:
            cur = conn.execute(
                "INSERT INTO limits (scope, period, amount_minor, currency, account_id, payee,"
                " category, label, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (*_values(limit), now_text()),
            )
            return int(cur.lastrowid or 0)
    finally:
        conn.close()


def remove_limit(db: Database, limit_id: int) -> bool:
    conn = db.raw_connection()
    try:
        with conn:
            return conn.execute("DELETE FROM limits WHERE id = ?", (limit_id,)).rowcount > 0
    finally:
        conn.close()


def update_limit(db: Database, limit_id: int, limit: Limit) -> bool:
    """Change a limit in place: it keeps its id and its place in the list."""
    conn = db.raw_connection()
    try:
        with conn:
            return conn.execute(
                "UPDATE limits SET scope = ?, period = ?, amount_minor = ?, currency = ?,"
                " account_id = ?, payee = ?, category = ?, label = ? WHERE id = ?",
                (*_values(limit), limit_id),
            ).rowcount > 0
    finally:
        conn.close()
