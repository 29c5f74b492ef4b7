"""The recovery wizard as an immutable state machine (no Qt: the dialog only draws it).

Steps: urgent -> transactions -> classify (case type / provider / jurisdiction) ->
deadlines -> contacts -> evidence -> letter -> escalation -> outcome. Every edit returns
a new :class:`WizardState`; :meth:`WizardState.blockers` says why ``next()`` is refused.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Protocol

from okguard.domain.case import (
    Case,
    CaseEvent,
    CaseStatus,
    CaseType,
    ContactDetails,
    EventKind,
    EvidenceItem,
    Jurisdiction,
    TransactionRef,
)
from okguard.domain.money import Money
from okguard.i18n import Msg
from okguard.recovery.bundle import rules_for
from okguard.recovery.case_codec import case_from_dict, case_to_dict
from okguard.recovery.rule_types import RuleBundle


class WizardStep(StrEnum):
    URGENT = "urgent"
    TRANSACTIONS = "transactions"
    CLASSIFY = "classify"
    DEADLINES = "deadlines"
    CONTACTS = "contacts"
    EVIDENCE = "evidence"
    LETTER = "letter"
    ESCALATION = "escalation"
    OUTCOME = "outcome"


STEPS: tuple[WizardStep, ...] = tuple(WizardStep)

# Detector vocabulary -> case type. Kinds without an obvious mistake behind them map to
# the closest case the user can still change in the classify step.
ANOMALY_CASE_TYPE: dict[str, CaseType] = {
    "duplicate": CaseType.DUPLICATE,
    "amount_shift": CaseType.WRONG_AMOUNT,
    "amount_outlier": CaseType.WRONG_AMOUNT,
    "recurring_change": CaseType.WRONG_AMOUNT,
    "limit_breach": CaseType.WRONG_AMOUNT,
    "lookalike_payee": CaseType.WRONG_RECIPIENT,
    "new_payee": CaseType.WRONG_RECIPIENT,
    "scam_pattern": CaseType.SCAM,
    "system_error": CaseType.SYSTEM_ERROR,
}


class AnomalyLike(Protocol):
    @property
    def kind(self) -> str: ...

    @property
    def transaction_ids(self) -> tuple[int, ...]: ...


class WizardError(ValueError):
    """``next()`` on a step that is not finished; ``reasons`` says what is missing."""

    def __init__(self, reasons: tuple[Msg, ...]):
        super().__init__("; ".join(r.template for r in reasons))
        self.reasons = reasons


def evidence_checklist(
    bundle: RuleBundle, keep: Iterable[EvidenceItem] = ()
) -> tuple[EvidenceItem, ...]:
    """The rule's checklist; items already ticked or attached (and the user's own) stay."""
    kept = {e.key: e for e in keep}
    rule_items = [kept.pop(r.key, EvidenceItem(key=r.key, label=r.label)) for r in bundle.evidence]
    own = [e for e in kept.values() if e.done or isinstance(e.label, str)]
    return (*rule_items, *own)


@dataclasses.dataclass(frozen=True, slots=True)
class WizardState:
    case: Case
    step: WizardStep = WizardStep.URGENT
    urgent_done: frozenset[str] = frozenset()
    letter_made: bool = False

    # -- navigation -------------------------------------------------------------------
    def bundle(self) -> RuleBundle:
        return rules_for(self.case.type, self.case.jurisdiction, self.case.provider or None)

    def blockers(self) -> tuple[Msg, ...]:
        case = self.case
        reasons: list[Msg] = []
        if self.step is WizardStep.URGENT:
            missing = [s for s in self.bundle().urgent if s.id not in self.urgent_done]
            if missing:
                reasons.append(
                    Msg("Tick each urgent move once it is done ({count} left)", count=len(missing))
                )
        elif self.step is WizardStep.TRANSACTIONS:
            if not case.transactions:
                reasons.append(Msg("Add at least one transaction to the case"))
            elif case.lost_amount is None:
                reasons.append(Msg("All transactions of a case must be in the same currency"))
        elif self.step is WizardStep.CONTACTS:
            if not any(e.kind is EventKind.CONTACT for e in case.events):
                reasons.append(Msg("Log at least one contact (date, channel, what they said)"))
        elif self.step is WizardStep.EVIDENCE:
            if not any(e.done for e in case.evidence):
                reasons.append(Msg("Tick or attach at least one piece of evidence"))
        elif self.step is WizardStep.LETTER:
            if not self.letter_made:
                reasons.append(Msg("Generate the letter (PDF, DOCX or text) first"))
        elif self.step is WizardStep.OUTCOME:
            reasons.append(Msg("This is the last step"))
        return tuple(reasons)

    def can_advance(self) -> bool:
        return not self.blockers()

    def next(self) -> WizardState:
        reasons = self.blockers()
        if reasons:
            raise WizardError(reasons)
        return dataclasses.replace(self, step=STEPS[STEPS.index(self.step) + 1])

    def back(self) -> WizardState:
        index = STEPS.index(self.step)
        return self if index == 0 else dataclasses.replace(self, step=STEPS[index - 1])

    # -- edits ------------------------------------------------------------------------
    def _with(self, **changes: Any) -> WizardState:
        return dataclasses.replace(self, case=dataclasses.replace(self.case, **changes))

    def tick_urgent(self, step_id: str, done: bool = True) -> WizardState:
        ids = set(self.urgent_done)
        if done:
            ids.add(step_id)
        else:
            ids.discard(step_id)
        return dataclasses.replace(self, urgent_done=frozenset(ids))

    def with_transactions(self, refs: Iterable[TransactionRef]) -> WizardState:
        return self._with(transactions=tuple(refs))

    def classify(
        self, case_type: CaseType, jurisdiction: Jurisdiction, provider: str = ""
    ) -> WizardState:
        draft = self._with(
            type=CaseType(case_type), jurisdiction=Jurisdiction(jurisdiction), provider=provider
        )
        return draft._with(evidence=evidence_checklist(draft.bundle(), self.case.evidence))

    def with_dates(
        self, *, statement_date: date | None = None, report_date: date | None = None
    ) -> WizardState:
        return self._with(
            statement_date=statement_date or self.case.statement_date,
            report_date=report_date or self.case.report_date,
        )

    def with_contact_details(self, contact: ContactDetails) -> WizardState:
        return self._with(contact=contact)

    def add_event(self, event: CaseEvent) -> WizardState:
        return self._with(events=(*self.case.events, event))

    def log_contact(self, event: CaseEvent) -> WizardState:
        """A call / chat / letter to someone. The first one starts the provider's clock."""
        event = dataclasses.replace(event, kind=EventKind.CONTACT)
        state = self.add_event(event)
        status = (
            CaseStatus.WAITING_PROVIDER if self.case.status is CaseStatus.OPEN else self.case.status
        )
        return state._with(report_date=self.case.report_date or event.when.date(), status=status)

    def tick_evidence(self, key: str, done: bool = True) -> WizardState:
        items = tuple(
            dataclasses.replace(e, done=done) if e.key == key else e for e in self.case.evidence
        )
        if not any(e.key == key for e in items):
            raise KeyError(key)
        return self._with(evidence=items)

    def add_evidence(self, item: EvidenceItem) -> WizardState:
        """Add or replace (same key) a checklist item, e.g. one returned by ``attach_file``."""
        current = self.case.evidence
        if any(e.key == item.key for e in current):
            return self._with(evidence=tuple(item if e.key == item.key else e for e in current))
        return self._with(evidence=(*current, item))

    def letter_generated(self, when: datetime, note: str = "") -> WizardState:
        state = self.add_event(CaseEvent(when=when, kind=EventKind.LETTER, note=note))
        return dataclasses.replace(state, letter_made=True)

    def escalate(
        self,
        when: datetime,
        contact: str,
        channel: str = "",
        reference_no: str = "",
        note: str = "",
    ) -> WizardState:
        event = CaseEvent(when, EventKind.ESCALATION, channel, reference_no, note, contact)
        return self.add_event(event)._with(status=CaseStatus.ESCALATED)

    def close(self, when: datetime, recovered: Money | None) -> WizardState:
        """Record the outcome; any money back (even part of it) makes the case resolved."""
        lost = self.case.lost_amount
        if recovered is not None and lost is not None and recovered.currency != lost.currency:
            raise ValueError("recovered amount must be in the case currency")
        got = recovered is not None and recovered.minor > 0
        status = CaseStatus.RESOLVED if got else CaseStatus.CLOSED_UNRECOVERED
        state = self.add_event(CaseEvent(when, EventKind.STATUS, note=status.value))
        return state._with(status=status, recovered=recovered if got else None, closed_at=when)

    # -- storage ----------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "step": self.step.value,
            "urgent_done": sorted(self.urgent_done),
            "letter_made": self.letter_made,
            "case": case_to_dict(self.case),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WizardState:
        return cls(
            case=case_from_dict(data["case"]),
            step=WizardStep(data["step"]),
            urgent_done=frozenset(data.get("urgent_done", ())),
            letter_made=bool(data.get("letter_made", False)),
        )


def start_wizard(
    case_type: CaseType,
    jurisdiction: Jurisdiction,
    *,
    opened_at: datetime,
    provider: str = "",
    transactions: Iterable[TransactionRef] = (),
    contact: ContactDetails | None = None,
) -> WizardState:
    case = Case(
        id=None,
        type=CaseType(case_type),
        jurisdiction=Jurisdiction(jurisdiction),
        provider=provider,
        status=CaseStatus.OPEN,
        opened_at=opened_at,
        transactions=tuple(transactions),
        contact=contact or ContactDetails(),
    )
    state = WizardState(case=case)
    return state._with(evidence=evidence_checklist(state.bundle()))


def prefill_from_anomaly(
    anomaly: AnomalyLike,
    transactions: Iterable[TransactionRef],
    jurisdiction: Jurisdiction,
    *,
    opened_at: datetime,
    provider: str = "",
) -> WizardState:
    """A wizard opened from a flag: case type from the flag's kind, its transactions."""
    wanted = set(anomaly.transaction_ids)
    refs = [t for t in transactions if t.id in wanted]
    return start_wizard(
        ANOMALY_CASE_TYPE[str(anomaly.kind)],
        jurisdiction,
        opened_at=opened_at,
        provider=provider,
        transactions=refs,
    )
