"""transaction identity as a 64-bit integer

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 02:30:00

The ``fingerprint`` column held text ("ref:<id>:<amount>:<n>", "refh:<hash>:<amount>:<n>"
or "fp:<hash>:<n>"); it now holds a signed 64-bit integer: the first 8 bytes of the
BLAKE2b digest of the same key, changed by the occurrence number <n>. Integers are what SQLite binds, stores and
compares cheapest, and the unique (account_id, fingerprint) index gets smaller.

Every stored row gets the identity the importer now computes for it, so files
imported before still de-duplicate afterwards. SQLite cannot change a column's type
in place: the table is rebuilt (new table, copy, drop, rename). Dropping a table
with foreign keys on would first delete its rows and cascade to reminders, case and
anomaly links, so okguard runs migrations with foreign keys off and checks them
after; this migration refuses to run otherwise.

The identity formulas below are frozen copies (okguard.services.identity may move
on; this migration must keep converting old databases the same way).
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from hashlib import blake2b

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SEP = "\x1f"
_FIRST_INT64 = struct.Struct("<q").unpack_from
_CHUNK = 20_000
# (occurred_at, amount_minor, currency, payee, reference, old fingerprint, account_id)
_Row = tuple[str, int, str, str, "str | None", "str | int", int]


def _v2_base(text: str, minor: int, currency: str, payee: str, reference: str | None) -> int:
    ref = reference.strip() if reference else ""
    if ref:
        key = f"ref{_SEP}{ref}{_SEP}{minor}"
    else:
        normal = " ".join(payee.split()).casefold()
        key = f"{text}{_SEP}{minor}{_SEP}{currency}{_SEP}{normal}"
    return int(_FIRST_INT64(blake2b(key.encode()).digest())[0])


def _v2_nth(base: int, occurrence: int) -> int:
    if not occurrence:
        return base
    data = base.to_bytes(8, "little", signed=True) + f"{_SEP}{occurrence}".encode()
    return int(_FIRST_INT64(blake2b(data).digest())[0])


def _v1_base(text: str, minor: int, currency: str, payee: str, reference: str | None) -> str:
    ref = reference
    if ref:
        ref = ref.strip()
        if ref and len(ref) <= 60:
            return f"ref:{ref}:{minor}"
        if ref:
            return f"refh:{blake2b(ref.encode('utf-8'), digest_size=12).hexdigest()}:{minor}"
    key = "\x1f".join((text, str(minor), currency, " ".join(payee.split()).casefold()))
    return "fp:" + blake2b(key.encode("utf-8"), digest_size=12).hexdigest()


def _to_v2() -> Callable[[_Row], int]:
    counts: dict[tuple[int, int], int] = {}

    def convert(row: _Row) -> int:
        text, minor, currency, payee, reference, old, account_id = row
        base = _v2_base(text, minor, currency, payee, reference)
        _, _, tail = str(old).rpartition(":")
        if tail.isdecimal():
            occurrence = int(tail)
        else:  # not written by okguard 0001: number identical rows in id order
            occurrence = counts.get((account_id, base), 0)
        counts[(account_id, base)] = occurrence + 1
        return _v2_nth(base, occurrence)

    return convert


def _to_v1() -> Callable[[_Row], str]:
    counts: dict[tuple[int, str], int] = {}

    def convert(row: _Row) -> str:
        text, minor, currency, payee, reference, _, account_id = row
        # The occurrence number cannot be read back from the hash; rows of one
        # (account, key) were stored in occurrence order, so their id order gives it.
        base = _v1_base(text, minor, currency, payee, reference)
        occurrence = counts.get((account_id, base), 0)
        counts[(account_id, base)] = occurrence + 1
        return f"{base}:{occurrence}"

    return convert


def _columns(fingerprint: sa.types.TypeEngine[object]) -> Iterator[sa.Column[object]]:
    yield sa.Column("id", sa.Integer(), nullable=False)
    yield sa.Column("account_id", sa.Integer(), nullable=False)
    yield sa.Column("batch_id", sa.Integer(), nullable=True)
    yield sa.Column("occurred_at", sa.String(length=19), nullable=False)
    yield sa.Column("utc_offset_min", sa.Integer(), nullable=True)
    yield sa.Column("has_time", sa.Boolean(), nullable=False)
    yield sa.Column("amount_minor", sa.Integer(), nullable=False)
    yield sa.Column("currency", sa.String(length=3), nullable=False)
    yield sa.Column("payee", sa.Text(), nullable=False)
    yield sa.Column("payee_account", sa.Text(), nullable=True)
    yield sa.Column("memo", sa.Text(), nullable=False)
    yield sa.Column("reference", sa.Text(), nullable=True)
    yield sa.Column("counterpart_ref", sa.Text(), nullable=True)
    yield sa.Column("status", sa.String(length=12), nullable=False)
    yield sa.Column("direction", sa.String(length=8), nullable=False)
    yield sa.Column("kind", sa.Text(), nullable=False)
    yield sa.Column("category", sa.Text(), nullable=False)
    yield sa.Column("funding", sa.Text(), nullable=False)
    yield sa.Column("unknown_type", sa.Boolean(), nullable=False)
    yield sa.Column("fingerprint", fingerprint, nullable=False)
    yield sa.Column("source_line", sa.Integer(), nullable=True)
    yield sa.Column("link_id", sa.Integer(), nullable=True)
    yield sa.Column("reviewed_at", sa.String(length=32), nullable=True)
    yield sa.Column("raw", sa.Text(), nullable=True)


_COPIED = (
    "id, account_id, batch_id, occurred_at, utc_offset_min, has_time, amount_minor, currency,"
    " payee, payee_account, memo, reference, counterpart_ref, status, direction, kind,"
    " category, funding, unknown_type, source_line, link_id, reviewed_at, raw"
)


def _rebuild(fingerprint: sa.types.TypeEngine[object], convert: Callable[[_Row], object]) -> None:
    bind = op.get_bind()
    if bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError(
            "migration 0002 rebuilds the transactions table and must run with foreign keys"
            " off (okguard.storage.open_database does so)"
        )
    bind.exec_driver_sql("CREATE TEMP TABLE _identity_0002 (id INTEGER PRIMARY KEY, fp)")
    rows = bind.exec_driver_sql(
        "SELECT id, occurred_at, amount_minor, currency, payee, reference, fingerprint,"
        " account_id FROM transactions ORDER BY id"
    )
    while chunk := rows.fetchmany(_CHUNK):
        bind.exec_driver_sql(
            "INSERT INTO _identity_0002 (id, fp) VALUES (?, ?)",
            [(r[0], convert(tuple(r[1:]))) for r in chunk],  # type: ignore[arg-type]
        )
    op.create_table(
        "_transactions_0002",
        *_columns(fingerprint),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    bind.exec_driver_sql(
        f"INSERT INTO _transactions_0002 ({_COPIED}, fingerprint)"
        f" SELECT {', '.join('t.' + c.strip() for c in _COPIED.split(','))}, n.fp"
        " FROM transactions t JOIN _identity_0002 n ON n.id = t.id"
    )
    bind.exec_driver_sql("DROP TABLE _identity_0002")
    op.drop_table("transactions")
    op.rename_table("_transactions_0002", "transactions")
    op.create_index("ix_tx_amount", "transactions", ["amount_minor"], unique=False)
    op.create_index("ix_tx_payee", "transactions", ["payee"], unique=False)
    op.create_index("ix_tx_time", "transactions", ["occurred_at", "id"], unique=False)
    op.create_index("ux_tx_identity", "transactions", ["account_id", "fingerprint"], unique=True)


def upgrade() -> None:
    _rebuild(sa.BigInteger(), _to_v2())


def downgrade() -> None:
    _rebuild(sa.String(length=80), _to_v1())
