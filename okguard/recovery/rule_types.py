"""Typed recovery rules, as the rest of the app sees them (loaded by :mod:`rules`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from okguard.domain.case import CaseType, Jurisdiction, LocalText


class PeriodUnit(StrEnum):
    CALENDAR_DAYS = "calendar_days"
    BUSINESS_DAYS = "business_days"
    MONTHS = "months"


class CountedFrom(StrEnum):
    TRANSACTION = "transaction"  # the debit / payment date
    STATEMENT = "statement"  # the first statement showing it
    REPORT = "report"  # the day the user told the provider (or learnt of the loss)


class Duty(StrEnum):
    CONSUMER = "consumer"  # what the user must do by then
    PROVIDER = "provider"  # what the bank / platform must do by then


class ContactRole(StrEnum):
    PROVIDER = "provider"
    COUNTERPARTY = "counterparty"
    HELPLINE = "helpline"
    REGULATOR = "regulator"
    OMBUDSMAN = "ombudsman"
    POLICE = "police"
    COURT = "court"

    @property
    def is_escalation(self) -> bool:
        return self in (
            ContactRole.REGULATOR,
            ContactRole.OMBUDSMAN,
            ContactRole.POLICE,
            ContactRole.COURT,
        )


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str  # citation as published; not translated
    url: str | None
    verified: bool


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    title: LocalText
    text: LocalText
    sources: tuple[str, ...]
    verified: bool


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    id: str
    title: LocalText
    period: int  # 0 = immediately
    unit: PeriodUnit
    counted_from: CountedFrom
    duty: Duty
    sources: tuple[str, ...]
    verified: bool


@dataclass(frozen=True, slots=True)
class Contact:
    who: LocalText
    role: ContactRole
    channel: LocalText
    value: LocalText  # number, address, where in the app
    say: LocalText  # a script with {amount} {date} {payee} {provider} {transaction_ids}
    sources: tuple[str, ...]
    verified: bool


@dataclass(frozen=True, slots=True)
class EvidenceRule:
    key: str
    label: LocalText


@dataclass(frozen=True, slots=True)
class LegalBasis:
    text: LocalText
    sources: tuple[str, ...]
    verified: bool


@dataclass(frozen=True, slots=True)
class RuleBundle:
    """Everything the wizard and the letter need for one case type in one place."""

    case_type: CaseType
    jurisdiction: Jurisdiction
    provider: str | None  # the overlay applied ("alipay", "wechat_pay", "card") or None
    urgent: tuple[Step, ...]
    steps: tuple[Step, ...]
    deadlines: tuple[DeadlineRule, ...]
    contacts: tuple[Contact, ...]
    evidence: tuple[EvidenceRule, ...]
    statements: tuple[LocalText, ...]  # what the letter must state
    legal_basis: tuple[LegalBasis, ...]
    sources: tuple[Source, ...]  # every source cited above, once
    disclaimer: LocalText
    provider_name: LocalText | None = None  # "Alipay" / "支付宝" when an overlay applied

    @property
    def escalation(self) -> tuple[Contact, ...]:
        return tuple(c for c in self.contacts if c.role.is_escalation)

    @property
    def unverified(self) -> bool:
        return any(not s.verified for s in self.sources)

    def source(self, source_id: str) -> Source:
        for src in self.sources:
            if src.id == source_id:
                return src
        raise KeyError(source_id)
