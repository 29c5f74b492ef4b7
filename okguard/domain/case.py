"""Recovery cases: what went wrong, where, with whom, and what has been done since."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from okguard.domain.money import Money
from okguard.domain.transaction import Transaction


class CaseType(StrEnum):
    WRONG_RECIPIENT = "wrong_recipient"
    DUPLICATE = "duplicate"
    WRONG_AMOUNT = "wrong_amount"
    SCAM = "scam"
    UNAUTHORISED = "unauthorised"
    SYSTEM_ERROR = "system_error"


class Jurisdiction(StrEnum):
    CN = "CN"
    US = "US"
    UK = "UK"
    EU = "EU"
    HK = "HK"
    CRYPTO = "CRYPTO"  # crypto-exchange transfers: no statute, exchange terms only


class CaseStatus(StrEnum):
    OPEN = "open"
    WAITING_PROVIDER = "waiting_provider"
    ESCALATED = "escalated"
    RESOLVED = "resolved"  # money back (in full or in part)
    CLOSED_UNRECOVERED = "closed_unrecovered"

    @property
    def is_closed(self) -> bool:
        return self in (CaseStatus.RESOLVED, CaseStatus.CLOSED_UNRECOVERED)


class EventKind(StrEnum):
    CONTACT = "contact"
    STATUS = "status"
    EVIDENCE = "evidence"
    NOTE = "note"
    LETTER = "letter"
    ESCALATION = "escalation"


@dataclass(frozen=True, slots=True)
class LocalText:
    """A user-visible text that comes from rule data, written in both languages."""

    en: str
    zh_CN: str

    def render(self, lang: str = "en") -> str:
        return self.zh_CN if lang == "zh_CN" else self.en


@dataclass(frozen=True, slots=True)
class CaseEvent:
    """One line of the case timeline (a call, a status change, a file added ...)."""

    when: datetime
    kind: EventKind
    channel: str = ""  # phone, app chat, letter, branch ...
    reference_no: str = ""  # ticket / claim / police report number they gave
    note: str = ""  # what they said, in the user's words
    contact: str = ""  # whom: "Alipay customer service", "110" ...


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    key: str
    label: LocalText | str  # str: an item the user added themselves
    done: bool = False
    file_name: str | None = None  # name inside the case folder
    sha256: str | None = None


def mask_account(number: str | None) -> str:
    """``6222021234561234`` -> ``6222 **** **** 1234``; short ids keep only the last 4."""
    if not number:
        return ""
    compact = "".join(number.split())
    if len(compact) <= 4:
        return compact
    if len(compact) < 12:
        return "****" + compact[-4:]
    return f"{compact[:4]} **** **** {compact[-4:]}"


@dataclass(frozen=True, slots=True)
class TransactionRef:
    """The part of a stored transaction a case needs, kept even if the row changes."""

    id: int | None
    occurred_at: datetime
    amount: Money  # signed as stored: outflow negative
    payee: str
    reference: str | None = None  # provider's transaction id
    account_name: str = ""
    payee_account: str | None = None  # raw; letters mask it by default

    @classmethod
    def from_transaction(cls, tx: Transaction) -> TransactionRef:
        return cls(
            id=tx.id,
            occurred_at=tx.occurred_at,
            amount=tx.amount,
            payee=tx.payee,
            reference=tx.reference,
            account_name=tx.account_name,
            payee_account=tx.payee_account,
        )


@dataclass(frozen=True, slots=True)
class ContactDetails:
    """The user as the letter's sender."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    account_number: str = ""  # the user's own account / card / wallet id; masked in letters
    id_last4: str = ""  # 身份证号后四位, asked for by Chinese platforms


@dataclass(frozen=True, slots=True)
class Case:
    id: int | None  # None until stored
    type: CaseType
    jurisdiction: Jurisdiction
    provider: str  # free text ("Alipay", "ICBC", "card"); rule overlays match it by alias
    status: CaseStatus
    opened_at: datetime
    transactions: tuple[TransactionRef, ...] = ()
    events: tuple[CaseEvent, ...] = ()
    evidence: tuple[EvidenceItem, ...] = ()
    recovered: Money | None = None
    contact: ContactDetails = ContactDetails()
    statement_date: date | None = None  # first statement showing the transaction
    report_date: date | None = None  # first time the user told the provider
    closed_at: datetime | None = None
    note: str = ""

    @property
    def currency(self) -> str | None:
        return self.transactions[0].amount.currency if self.transactions else None

    @property
    def lost_amount(self) -> Money | None:
        """What the user wants back (positive). For a double payment the first one was
        meant, so only the later payments count."""
        if not self.transactions:
            return None
        ordered = sorted(self.transactions, key=lambda t: t.occurred_at)
        counted = ordered[1:] if self.type is CaseType.DUPLICATE and len(ordered) > 1 else ordered
        currency = ordered[0].amount.currency
        if any(t.amount.currency != currency for t in counted):
            return None
        return Money(sum(abs(t.amount.minor) for t in counted), currency)

    @property
    def first_transaction_date(self) -> date | None:
        if not self.transactions:
            return None
        return min(t.occurred_at for t in self.transactions).date()
