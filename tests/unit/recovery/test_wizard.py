from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from okguard.domain.case import (
    CaseEvent,
    CaseStatus,
    CaseType,
    EventKind,
    Jurisdiction,
    TransactionRef,
)
from okguard.domain.money import Money
from okguard.domain.transaction import Direction, Transaction, TxStatus
from okguard.recovery import (
    WizardError,
    WizardState,
    WizardStep,
    attach_file,
    case_deadlines,
    match_refund,
    prefill_from_anomaly,
    reminders_for,
    start_wizard,
)
from okguard.recovery.followup import ReminderKind

NOW = datetime(2024, 2, 9, 9, 0)


def walk(state: WizardState, tmp_path: Path) -> WizardState:
    """Drive the wizard as a user would, asserting each gate first refuses."""
    assert state.step is WizardStep.URGENT
    with pytest.raises(WizardError):
        state.next()
    for step in state.bundle().urgent:
        state = state.tick_urgent(step.id)
    state = (
        state.next().next().classify(state.case.type, state.case.jurisdiction, state.case.provider)
    )
    state = state.next().next()
    assert state.step is WizardStep.CONTACTS and not state.can_advance()
    contact = state.bundle().contacts[0]
    state = state.log_contact(
        CaseEvent(NOW, EventKind.CONTACT, "phone", "T-1", "will call back", contact.who.en)
    )
    state = state.next()
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(b"png bytes")
    state = state.add_evidence(attach_file(state.case.evidence[0], shot, tmp_path / "case"))
    state = state.next()
    assert [r.template for r in state.blockers()] == [
        "Generate the letter (PDF, DOCX or text) first"
    ]
    state = state.letter_generated(NOW).next()
    esc = state.bundle().escalation
    if esc:
        state = state.escalate(NOW, esc[0].who.en, note="no answer")
        assert state.case.status is CaseStatus.ESCALATED
    state = state.next()
    assert state.step is WizardStep.OUTCOME and not state.can_advance()
    return state


@pytest.mark.parametrize("jurisdiction", list(Jurisdiction))
@pytest.mark.parametrize("case_type", list(CaseType))
def test_wizard_walks_every_case_type_and_jurisdiction(
    case_type: CaseType, jurisdiction: Jurisdiction, cn_tx: TransactionRef, tmp_path: Path
) -> None:
    state = start_wizard(case_type, jurisdiction, opened_at=NOW, transactions=[cn_tx])
    done = walk(state, tmp_path)
    closed = done.close(NOW, Money.of("100.00", "CNY"))
    assert closed.case.status is CaseStatus.RESOLVED and closed.case.recovered == Money.of(
        "100.00", "CNY"
    )
    again = WizardState.from_dict(json.loads(json.dumps(closed.to_dict(), ensure_ascii=False)))
    assert again == closed


def test_transactions_step_refuses_an_empty_case() -> None:
    state = start_wizard(CaseType.SCAM, Jurisdiction.UK, opened_at=NOW)
    for step in state.bundle().urgent:
        state = state.tick_urgent(step.id)
    state = state.next()
    assert [r.template for r in state.blockers()] == ["Add at least one transaction to the case"]
    assert state.back().step is WizardStep.URGENT


def test_attached_file_is_copied_and_hashed(cn_state: WizardState, tmp_path: Path) -> None:
    src = tmp_path / "receipt.pdf"
    src.write_bytes(b"%PDF receipt")
    item = attach_file(cn_state.case.evidence[1], src, tmp_path / "case7")
    assert (tmp_path / "case7" / "receipt.pdf").read_bytes() == b"%PDF receipt"
    assert item.done and item.sha256 and len(item.sha256) == 64
    src.write_bytes(b"%PDF other receipt")
    second = attach_file(cn_state.case.evidence[2], src, tmp_path / "case7")
    assert second.file_name == "receipt-2.pdf"  # never overwrites a different file


@dataclass
class FakeAnomaly:
    kind: str
    transaction_ids: tuple[int, ...]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("duplicate", CaseType.DUPLICATE),
        ("amount_shift", CaseType.WRONG_AMOUNT),
        ("lookalike_payee", CaseType.WRONG_RECIPIENT),
        ("scam_pattern", CaseType.SCAM),
        ("system_error", CaseType.SYSTEM_ERROR),
    ],
)
def test_prefill_from_flag(kind: str, expected: CaseType, cn_tx: TransactionRef) -> None:
    other = TransactionRef(99, NOW, Money.of("-1.00", "CNY"), "coffee")
    state = prefill_from_anomaly(
        FakeAnomaly(kind, (11,)), [cn_tx, other], Jurisdiction.CN, opened_at=NOW
    )
    assert state.case.type is expected and state.case.transactions == (cn_tx,)


def test_duplicate_case_claims_only_the_second_payment(cn_tx: TransactionRef) -> None:
    later = TransactionRef(12, datetime(2024, 2, 8, 21, 16), cn_tx.amount, cn_tx.payee, "T2")
    state = start_wizard(
        CaseType.DUPLICATE, Jurisdiction.CN, opened_at=NOW, transactions=[cn_tx, later]
    )
    assert state.case.lost_amount == Money.of("5500.00", "CNY")


def _incoming(payee: str, amount: str, when: datetime, ref: str | None = None) -> Transaction:
    return Transaction(
        id=500,
        account_id=1,
        account_name="招商银行储蓄卡",
        occurred_at=when,
        has_time=True,
        amount=Money.of(amount, "CNY"),
        payee=payee,
        payee_account=None,
        memo="",
        reference=ref,
        status=TxStatus.BOOKED,
        direction=Direction.IN,
        kind="",
        category="",
    )


def test_match_refund_finds_partial_return_from_same_payee(cn_state: WizardState) -> None:
    case = cn_state.case
    before = _incoming("张三", "5500.00", datetime(2024, 2, 1))
    too_much = _incoming("张三", "6000.00", datetime(2024, 2, 10))
    stranger = _incoming("王五", "5500.00", datetime(2024, 2, 10))
    partial = _incoming("张三", "2000.00", datetime(2024, 2, 11))
    assert match_refund(case, [before, too_much, stranger, partial]) is partial
    assert match_refund(case, [before, stranger]) is None


def test_reminders_cover_deadlines_and_follow_up(cn_state: WizardState) -> None:
    case = cn_state.log_contact(CaseEvent(NOW, EventKind.CONTACT, "phone")).case
    statuses = case_deadlines(case, cn_state.bundle().deadlines, NOW.date())
    specs = reminders_for(case, statuses, NOW)
    kinds = {s.kind for s in specs}
    assert kinds == {ReminderKind.RECOVERY_DEADLINE, ReminderKind.CASE_FOLLOWUP}
    assert all(s.due >= NOW.replace(hour=0) for s in specs)
    followup = [s for s in specs if s.deadline_id is None]
    assert followup[0].due == datetime(2024, 2, 16, 9, 0)  # a week after the last contact
    assert "跟进" in followup[0].title.render("zh_CN")
    closed = cn_state.close(NOW, None).case
    assert (
        closed.status is CaseStatus.CLOSED_UNRECOVERED
        and reminders_for(closed, statuses, NOW) == []
    )
