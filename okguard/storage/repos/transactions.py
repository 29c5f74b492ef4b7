"""Reading transactions: keyset pages for the table, streams for the detectors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from okguard.domain.money import Money
from okguard.domain.transaction import Direction, Transaction, TxStatus
from okguard.storage.database import Database
from okguard.storage.repos._common import join_when, now_text

_SELECT = (
    "SELECT t.id, t.account_id, a.name, t.occurred_at, t.utc_offset_min, t.has_time,"
    " t.amount_minor, t.currency, t.payee, t.payee_account, t.memo, t.reference, t.status,"
    " t.direction, t.kind, t.category, t.funding, t.unknown_type, t.link_id,"
    " t.reviewed_at IS NOT NULL, t.batch_id"
    " FROM transactions t JOIN accounts a ON a.id = t.account_id"
)

_STATUS = {s.value: s for s in TxStatus}
_DIRECTION = {d.value: d for d in Direction}


def _row(r: Sequence[Any]) -> Transaction:
    return Transaction(
        id=r[0],
        account_id=r[1],
        account_name=r[2],
        occurred_at=join_when(r[3], r[4]),
        has_time=bool(r[5]),
        amount=Money(r[6], r[7]),
        payee=r[8],
        payee_account=r[9],
        memo=r[10],
        reference=r[11],
        status=_STATUS[r[12]],
        direction=_DIRECTION[r[13]],
        kind=r[14],
        category=r[15],
        funding=r[16],
        unknown_type=bool(r[17]),
        link_id=r[18],
        reviewed=bool(r[19]),
        batch_id=r[20],
    )


class SortKey(StrEnum):
    """Columns the table can sort on; each is indexed or cheap to sort in SQL."""

    TIME = "occurred_at"
    AMOUNT = "amount_minor"
    PAYEE = "payee"
    ACCOUNT = "account_id"


@dataclass(frozen=True, slots=True)
class TxFilter:
    text: str = ""  # substring of payee, memo or reference
    account_id: int | None = None
    flagged_only: bool = False
    unreviewed_only: bool = False

    def where(self) -> tuple[str, list[Any]]:
        parts: list[str] = []
        args: list[Any] = []
        if self.text:
            like = f"%{self.text.replace('%', '').replace('_', '')}%"
            parts.append("(t.payee LIKE ? OR t.memo LIKE ? OR t.reference LIKE ?)")
            args += [like, like, like]
        if self.account_id is not None:
            parts.append("t.account_id = ?")
            args.append(self.account_id)
        if self.flagged_only:
            parts.append("t.id IN (SELECT transaction_id FROM anomaly_transactions)")
        if self.unreviewed_only:
            parts.append("t.reviewed_at IS NULL")
        return (" AND ".join(parts), args)


@dataclass(frozen=True, slots=True)
class PageCursor:
    """Where the previous page ended: the sort value and the id (tie-breaker)."""

    value: Any
    id: int


def page(
    db: Database,
    *,
    sort: SortKey = SortKey.TIME,
    descending: bool = True,
    after: PageCursor | None = None,
    limit: int = 200,
    where: TxFilter | None = None,
) -> list[Transaction]:
    """One page in SQL order using keyset pagination (no OFFSET scans)."""
    clause, args = (where or TxFilter()).where()
    conds = [clause] if clause else []
    op = "<" if descending else ">"
    col = f"t.{sort.value}"
    if after is not None:
        conds.append(f"({col} {op} ? OR ({col} = ? AND t.id {op} ?))")
        args += [after.value, after.value, after.id]
    order = "DESC" if descending else "ASC"
    sql = _SELECT
    if conds:
        sql += " WHERE " + " AND ".join(conds)
    sql += f" ORDER BY {col} {order}, t.id {order} LIMIT ?"
    args.append(limit)
    conn = db.raw_connection()
    try:
        return [_row(r) for r in conn.execute(sql, args)]
    finally:
        conn.close()


def cursor_after(tx: Transaction, sort: SortKey) -> PageCursor:
    value: Any
    if sort is SortKey.TIME:
        value = tx.occurred_at.replace(tzinfo=None).isoformat(timespec="seconds")
    elif sort is SortKey.AMOUNT:
        value = tx.amount.minor
    elif sort is SortKey.PAYEE:
        value = tx.payee
    else:
        value = tx.account_id
    return PageCursor(value, tx.id)


def count(db: Database, where: TxFilter | None = None) -> int:
    clause, args = (where or TxFilter()).where()
    sql = "SELECT COUNT(*) FROM transactions t"
    if clause:
        sql += " WHERE " + clause
    conn = db.raw_connection()
    try:
        return int(conn.execute(sql, args).fetchone()[0])
    finally:
        conn.close()


def latest(db: Database, limit: int = 50) -> list[Transaction]:
    return page(db, limit=limit)


def iter_all(db: Database, *, chunk: int = 20_000) -> Iterator[Transaction]:
    """Every transaction in time order, streamed (for scans of large histories)."""
    conn = db.raw_connection()
    try:
        cur = conn.execute(_SELECT + " ORDER BY t.occurred_at, t.id")
        while rows := cur.fetchmany(chunk):
            yield from (_row(r) for r in rows)
    finally:
        conn.close()


def get_many(db: Database, ids: Iterable[int]) -> list[Transaction]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    conn = db.raw_connection()
    try:
        out: list[Transaction] = []
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ",".join("?" * len(part))
            out += [_row(r) for r in conn.execute(_SELECT + f" WHERE t.id IN ({marks})", part)]
        return sorted(out, key=lambda t: (t.occurred_at.replace(tzinfo=None), t.id))
    finally:
        conn.close()


def mark_reviewed(db: Database, ids: Iterable[int], reviewed: bool = True) -> int:
    wanted = list(ids)
    conn = db.raw_connection()
    try:
        with conn:
            conn.execute("BEGIN")
            cur = conn.executemany(
                "UPDATE transactions SET reviewed_at = ? WHERE id = ?",
                [(now_text() if reviewed else None, i) for i in wanted],
            )
            return cur.rowcount
    finally:
        conn.close()


def mark_reviewed_up_to(db: Database, tx: Transaction) -> int:
    """Mark everything up to and including ``tx`` (in time order) as reviewed."""
    stamp = tx.occurred_at.replace(tzinfo=None).isoformat(timespec="seconds")
    conn = db.raw_connection()
    try:
        with conn:
            conn.execute("BEGIN")
            cur = conn.execute(
                "UPDATE transactions SET reviewed_at = ? WHERE reviewed_at IS NULL AND"
                " (occurred_at < ? OR (occurred_at = ? AND id <= ?))",
                (now_text(), stamp, stamp, tx.id),
            )
            return cur.rowcount
    finally:
        conn.close()


def unreviewed(db: Database) -> tuple[int, str | None]:
    """(count, oldest occurred_at) of transactions nobody has reviewed yet."""
    conn = db.raw_connection()
    try:
        n, oldest = conn.execute(
            "SELECT COUNT(*), MIN(occurred_at) FROM transactions WHERE reviewed_at IS NULL"
        ).fetchone()
        return int(n), oldest
    finally:
        conn.close()


def ids_in_batch(db: Database, batch_id: int) -> list[int]:
    conn = db.raw_connection()
    try:
        return [
            int(r[0])
            for r in conn.execute("SELECT id FROM transactions WHERE batch_id = ?", (batch_id,))
        ]
    finally:
        conn.close()


_SCAN_COLUMNS = (
    "SELECT id, account_id, occurred_at, has_time, amount_minor, currency, payee, payee_account,"
    " memo, reference, status, direction, kind, category, funding, link_id FROM transactions"
)
_SCAN_SELECT = _SCAN_COLUMNS + " ORDER BY occurred_at, id"
# Recent rows, and the other row of any linked pair among them (it decides whether a
# payment is an own transfer or the second row of one payment).
_SCAN_SINCE = (
    _SCAN_COLUMNS + " WHERE occurred_at >= ? OR id IN (SELECT link_id FROM transactions"
    " WHERE occurred_at >= ? AND link_id IS NOT NULL) ORDER BY occurred_at, id"
)


def iter_for_scan(
    db: Database, *, chunk: int = 20_000, since: datetime | None = None
) -> Iterator[Transaction]:
    """Every transaction in time order, built lean for the guard's checks.

    Fewer columns (each column of a million rows costs about 0.15 s to fetch), enum
    and name lookups through dicts, repeated strings shared, and naive wall-clock
    times so rows with and without a zone can be compared. Fields the checks do not
    read (batch, reviewed) keep their defaults; ``funding`` is read, as it decides
    which row of a card-funded pair counts. (The detector scan reads columns
    instead: ``scan_columns.load_scan_columns``.) With ``since``, only what happened
    from then on, plus the linked partners of those rows.
    """
    conn = db.raw_connection()
    try:
        names = dict(conn.execute("SELECT id, name FROM accounts").fetchall())
        shared: dict[str, str] = {}
        intern = shared.setdefault
        fromiso = datetime.fromisoformat
        if since is None:
            cur = conn.execute(_SCAN_SELECT)
        else:
            start = since.replace(tzinfo=None).isoformat()
            cur = conn.execute(_SCAN_SINCE, (start, start))
        while rows := cur.fetchmany(chunk):
            for r in rows:
                yield Transaction(
                    r[0],
                    r[1],
                    names.get(r[1], ""),
                    fromiso(r[2]),
                    bool(r[3]),
                    Money(r[4], intern(r[5], r[5])),
                    intern(r[6], r[6]),
                    r[7],
                    r[8],
                    r[9],
                    _STATUS[r[10]],
                    _DIRECTION[r[11]],
                    intern(r[12], r[12]),
                    intern(r[13], r[13]),
                    intern(r[14], r[14]),
                    link_id=r[15],
                )
    finally:
        conn.close()


def reviewed_ids(db: Database) -> set[int]:
    conn = db.raw_connection()
    try:
        return {
            int(r[0])
            for r in conn.execute("SELECT id FROM transactions WHERE reviewed_at IS NOT NULL")
        }
    finally:
        conn.close()
