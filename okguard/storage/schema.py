"""SQLAlchemy 2 typed models for every entity okguard stores.

Money columns are integer minor units plus an ISO 4217 code. Timestamps of
transactions are ISO 8601 text ("YYYY-MM-DDTHH:MM:SS") so that SQL can sort and
page on them; aware times keep their offset in ``utc_offset_min``.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class AccountRow(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    source_key: Mapped[str] = mapped_column(String(200), default="")  # IBAN / ACCTID / login
    institution: Mapped[str] = mapped_column(String(200), default="")
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    kind: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[str] = mapped_column(String(32))


class ImportBatchRow(Base):
    __tablename__ = "import_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(Text)
    file_sha256: Mapped[str] = mapped_column(String(64))
    format: Mapped[str] = mapped_column(String(20))
    imported_at: Mapped[str] = mapped_column(String(32))
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    imported: Mapped[int] = mapped_column(Integer, default=0)
    skipped_duplicates: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)


class TransactionRow(Base):
    __tablename__ = "transactions"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), nullable=True
    )
    occurred_at: Mapped[str] = mapped_column(String(19))
    utc_offset_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    has_time: Mapped[bool] = mapped_column(Boolean, default=True)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    payee: Mapped[str] = mapped_column(Text, default="")
    payee_account: Mapped[str | None] = mapped_column(Text, nullable=True)
    memo: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[str | None] = mapped_column(Text, nullable=True)
    counterpart_ref: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(12), default="booked")
    direction: Mapped[str] = mapped_column(String(8), default="out")
    kind: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(Text, default="")
    funding: Mapped[str] = mapped_column(Text, default="")
    unknown_type: Mapped[bool] = mapped_column(Boolean, default=False)
    # Identity for de-duplication (okguard.services.identity): a signed 64-bit hash of
    # the provider id and amount, or of time, amount, currency and payee, with the
    # row's occurrence among identical rows of its file mixed in.
    fingerprint: Mapped[int] = mapped_column(BigInteger)
    source_line: Mapped[int | None] = mapped_column(Integer, nullable=True)
    link_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reviewed_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    raw: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (
        # A named index, not an inline UNIQUE constraint, so a bulk first import can
        # drop and rebuild it (sorted build) instead of paying random B-tree inserts.
        Index("ux_tx_identity", "account_id", "fingerprint", unique=True),
        Index("ix_tx_time", "occurred_at", "id"),
        Index("ix_tx_payee", "payee"),
        Index("ix_tx_amount", "amount_minor"),
    )


class RejectedRow(Base):
    __tablename__ = "rejected_rows"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batches.id", ondelete="CASCADE"))
    line: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)


class PayeeRow(Base):
    __tablename__ = "payees"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    account: Mapped[str] = mapped_column(Text, default="")
    trusted: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (UniqueConstraint("name", "account", name="uq_payee"),)


class LimitRow(Base):
    __tablename__ = "limits"
    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(20))
    period: Mapped[str] = mapped_column(String(10), default="payment")
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), nullable=True
    )
    payee: Mapped[str | None] = mapped_column(Text, nullable=True)
    category: Mapped[str | None] = mapped_column(Text, nullable=True)
    label: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[str] = mapped_column(String(32))


class ReminderRow(Base):
    __tablename__ = "reminders"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    title_template: Mapped[str] = mapped_column(Text)
    title_params: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    due_at: Mapped[str] = mapped_column(String(32))
    transaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("transactions.id", ondelete="CASCADE"), nullable=True
    )
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), nullable=True
    )
    done_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    snoozed_until: Mapped[str | None] = mapped_column(String(32), nullable=True)


class AnomalyRow(Base):
    __tablename__ = "anomalies"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(Text, unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    severity: Mapped[str] = mapped_column(String(8))
    message_template: Mapped[str] = mapped_column(Text)
    message_params: Mapped[str] = mapped_column(Text, default="{}")  # JSON, typed values
    payee: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[str] = mapped_column(String(32))
    first_tx_at: Mapped[str] = mapped_column(String(19), default="")


class AnomalyTransactionRow(Base):
    __tablename__ = "anomaly_transactions"
    anomaly_id: Mapped[int] = mapped_column(
        ForeignKey("anomalies.id", ondelete="CASCADE"), primary_key=True
    )
    transaction_id: Mapped[int] = mapped_column(
        ForeignKey("transactions.id", ondelete="CASCADE"), primary_key=True
    )
    __table_args__ = (Index("ix_anomaly_tx", "transaction_id"),)


class DismissalRow(Base):
    __tablename__ = "dismissals"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(Text, unique=True)
    dismissed_at: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")


class CaseRow(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_type: Mapped[str] = mapped_column(String(24))
    jurisdiction: Mapped[str] = mapped_column(String(8))
    provider: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(24), default="open")
    opened_at: Mapped[str] = mapped_column(String(32))
    closed_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    recovered_minor: Mapped[int | None] = mapped_column(Integer, nullable=True)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    anomaly_key: Mapped[str | None] = mapped_column(Text, nullable=True)
    wizard_state: Mapped[str] = mapped_column(Text, default="{}")  # JSON


class CaseTransactionRow(Base):
    __tablename__ = "case_transactions"
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    transaction_id: Mapped[int] = mapped_column(
        ForeignKey("transactions.id", ondelete="CASCADE"), primary_key=True
    )


class CaseEventRow(Base):
    __tablename__ = "case_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    at: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(24))
    channel: Mapped[str] = mapped_column(Text, default="")
    reference_no: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class EvidenceRow(Base):
    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    item_key: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(Text, default="")
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    file_name: Mapped[str | None] = mapped_column(Text, nullable=True)
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    added_at: Mapped[str] = mapped_column(String(32))


class SettingRow(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class MappingProfileRow(Base):
    __tablename__ = "mapping_profiles"
    id: Mapped[int] = mapped_column(primary_key=True)
    header_signature: Mapped[str] = mapped_column(Text, unique=True)
    format: Mapped[str] = mapped_column(String(20))
    mapping: Mapped[str] = mapped_column(Text)  # JSON: role -> column index
    header_row: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[str] = mapped_column(String(32))
