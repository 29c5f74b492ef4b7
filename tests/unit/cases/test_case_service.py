"""Recovery cases stored and followed up through the service layer."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity, anomaly_key
from okguard.domain.case import CaseEvent, CaseStatus, CaseType, EventKind, Jurisdiction
from okguard.domain.money import Money
from okguard.i18n import Msg
from okguard.recovery import WizardStep
from okguard.services import cases as svc
from okguard.storage import Database, open_database
from okguard.storage.repos import anomalies as anomaly_repo
from okguard.storage.repos import reminders as reminder_repo
from okguard.storage.repos.cases import list_events
from tests.unit.cases.conftest import OPENED

NUDGE = "Follow up on your recovery case with {provider}"


def _case_reminders(db: Database, case_id: int) -> list[reminder_repo.StoredReminder]:
    return [r for r in reminder_repo.open_reminders(db) if r.case_id == case_id]


@pytest.mark.parametrize("case_type", list(CaseType))
def test_open_case_of_each_type_is_listed_and_shown(
    db: Database, tx_ids: dict[str, int], case_type: CaseType
) -> None:
    wanted = [tx_ids["DUP-0001"], tx_ids["DUP-0002"]]
    case_id = svc.open_case(db, case_type, wanted, "CN", "Alipay", OPENED)

    view = svc.get_case(db, case_id)
    assert view.case.id == case_id
    assert view.case.type is case_type
    assert view.case.jurisdiction is Jurisdiction.CN
    assert view.case.provider == "Alipay"
    assert view.case.status is CaseStatus.OPEN
    assert [t.id for t in view.case.transactions] == wanted
    assert view.case.evidence, "the rule's evidence checklist comes with the case"
    assert view.state.step is WizardStep.URGENT
    listed = {c.id: c for c in svc.list_cases(db)}
    assert listed[case_id].type is case_type
    assert listed[case_id].transaction_ids == tuple(wanted)
    assert listed[case_id].currency == "CNY"


def test_open_refuses_unknown_ids_mixed_currencies_and_bad_names(
    db: Database, tx_ids: dict[str, int]
) -> None:
    cny, usd = tx_ids["DUP-0001"], tx_ids["USD-0001"]
    with pytest.raises(svc.CaseError) as unknown:
        svc.open_case(db, "duplicate", [cny, 9999], "CN", "", OPENED)
    assert "9999" in str(unknown.value)
    with pytest.raises(svc.CaseError) as mixed:
        svc.open_case(db, "duplicate", [cny, usd], "CN", "", OPENED)
    assert "CNY, USD" in str(mixed.value)
    with pytest.raises(svc.CaseError) as bad_type:
        svc.open_case(db, "oops", [cny], "CN", "", OPENED)
    assert "wrong_recipient" in str(bad_type.value)
    with pytest.raises(svc.CaseError) as bad_place:
        svc.open_case(db, "scam", [cny], "Mars", "", OPENED)
    assert "'Mars'" in str(bad_place.value)
    assert svc.list_cases(db) == []


def test_jurisdiction_defaults_to_the_currency_home_and_accepts_hk(
    db: Database, tx_ids: dict[str, int]
) -> None:
    us = svc.open_case(db, "scam", [tx_ids["USD-0001"]], None, "", OPENED)
    hk = svc.open_case(db, "scam", [tx_ids["DUP-0001"]], "hk", "", OPENED)
    assert svc.get_case(db, us).case.jurisdiction is Jurisdiction.US
    assert svc.get_case(db, hk).case.jurisdiction is Jurisdiction.HK


def test_open_from_a_flag_takes_its_transactions_and_type(
    db: Database, tx_ids: dict[str, int]
) -> None:
    pair = (tx_ids["DUP-0001"], tx_ids["DUP-0002"])
    flag = Anomaly(
        AnomalyKind.DUPLICATE,
        Severity.HIGH,
        pair,
        Msg("Possible double payment"),
        anomaly_key(AnomalyKind.DUPLICATE, pair),
    )
    (flag_id,) = anomaly_repo.store(db, [flag], first_tx_at={})
    case_id = svc.open_case(db, None, [], "CN", "", OPENED, anomaly_id=flag_id)
    view = svc.get_case(db, case_id)
    assert view.case.type is CaseType.DUPLICATE
    assert tuple(t.id for t in view.case.transactions) == pair
    assert view.anomaly_key == flag.key
    with pytest.raises(svc.CaseError):
        svc.open_case(db, None, [], "CN", "", OPENED, anomaly_id=flag_id + 100)


def test_wizard_state_is_persisted_and_resumed(
    db: Database, db_path: Path, tx_ids: dict[str, int]
) -> None:
    case_id = svc.open_case(db, "scam", [tx_ids["2024030222001400001234567890"]], "CN", "", OPENED)
    state = svc.get_case(db, case_id).state
    for step in state.bundle().urgent:
        state = state.tick_urgent(step.id)
    state = state.next()
    svc.save_wizard(db, case_id, state, OPENED)

    reopened = open_database(db_path)
    try:
        resumed = svc.get_case(reopened, case_id).state
    finally:
        reopened.close()
    assert resumed.step is WizardStep.TRANSACTIONS
    assert resumed.urgent_done == state.urgent_done
    assert resumed.case == state.case


def test_logging_a_contact_adds_an_event_and_one_follow_up(
    db: Database, tx_ids: dict[str, int]
) -> None:
    case_id = svc.open_case(db, "duplicate", [tx_ids["DUP-0002"]], "CN", "Alipay", OPENED)
    opened = _case_reminders(db, case_id)
    assert [r.due_at for r in opened if r.title_template == NUDGE] == [datetime(2024, 3, 12, 9, 0)]
    # Saving again without any change must not add anything.
    svc.save_wizard(db, case_id, svc.get_case(db, case_id).state, OPENED)
    assert len(_case_reminders(db, case_id)) == len(opened)

    call = CaseEvent(OPENED + timedelta(days=1), EventKind.CONTACT, "phone", "ABC123", "wait")
    for _ in range(2):  # logged twice by mistake: two events, still one nudge
        svc.log_contact(db, case_id, call, OPENED + timedelta(days=1))

    case = svc.get_case(db, case_id).case
    assert case.status is CaseStatus.WAITING_PROVIDER
    assert [e.reference_no for e in case.events if e.kind is EventKind.CONTACT] == ["ABC123"] * 2
    nudges = [r for r in _case_reminders(db, case_id) if r.title_template == NUDGE]
    assert [r.due_at for r in nudges] == [datetime(2024, 3, 13, 9, 0)]
    kinds = {r.kind for r in _case_reminders(db, case_id)}
    assert kinds <= {"case_followup", "recovery_deadline"}
    mirrored = list_events(db, case_id)
    assert [(e.channel, e.reference_no) for e in mirrored] == [("phone", "ABC123")] * 2


def test_attached_evidence_is_copied_and_hashed(
    db: Database, db_path: Path, tx_ids: dict[str, int], tmp_path: Path
) -> None:
    case_id = svc.open_case(db, "wrong_recipient", [tx_ids["DUP-0001"]], "CN", "", OPENED)
    key = svc.get_case(db, case_id).case.evidence[0].key
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(b"\x89PNG fake screenshot")

    item = svc.attach_evidence(db, case_id, key, shot, OPENED)

    folder = svc.case_folder(db, case_id)
    assert folder == db_path.with_name(db_path.name + ".cases") / str(case_id)
    copy = folder / "screenshot.png"
    assert copy.read_bytes() == shot.read_bytes()
    assert item.sha256 == hashlib.sha256(shot.read_bytes()).hexdigest()
    stored = next(e for e in svc.get_case(db, case_id).case.evidence if e.key == key)
    assert stored.done and stored.file_name == "screenshot.png" and stored.sha256 == item.sha256

    with pytest.raises(svc.CaseError) as unknown:
        svc.attach_evidence(db, case_id, "nonsense", shot, OPENED)
    assert key in str(unknown.value)
    own = svc.attach_evidence(db, case_id, "chat", shot, OPENED, label="Chat with the payee")
    assert own.done
    with pytest.raises(svc.CaseError):
        svc.attach_evidence(db, case_id, key, tmp_path / "missing.png", OPENED)


def test_refund_after_opening_is_offered_and_resolves_the_case(
    db: Database, tx_ids: dict[str, int]
) -> None:
    pair = [tx_ids["DUP-0001"], tx_ids["DUP-0002"]]
    case_id = svc.open_case(db, "duplicate", pair, "CN", "Lucky Coffee", OPENED)
    assert _case_reminders(db, case_id)

    offered = svc.refund_candidates(db, case_id)
    assert [t.reference for t in offered] == ["RF-0001"]

    with pytest.raises(svc.CaseError):  # a payment out is not money back
        svc.resolve_with_refund(db, case_id, tx_ids["USD-0001"], OPENED)
    svc.resolve_with_refund(db, case_id, offered[0].id, datetime(2024, 3, 10, 18, 0))

    case = svc.get_case(db, case_id).case
    assert case.status is CaseStatus.RESOLVED
    assert case.recovered == Money.of("55.00", "CNY")
    assert case.closed_at == datetime(2024, 3, 10, 18, 0)
    summary = next(c for c in svc.list_cases(db) if c.id == case_id)
    assert summary.recovered == Money.of("55.00", "CNY")
    assert summary.status is CaseStatus.RESOLVED
    assert _case_reminders(db, case_id) == [], "a closed case stops reminding"
    with pytest.raises(svc.CaseError):
        svc.set_outcome(db, case_id, None, OPENED)


def test_refund_received_before_the_case_opened_is_not_offered(
    db: Database, tx_ids: dict[str, int]
) -> None:
    later = datetime(2024, 3, 20, 9, 0)
    case_id = svc.open_case(
        db, "duplicate", [tx_ids["DUP-0001"], tx_ids["DUP-0002"]], "CN", "", later
    )
    assert svc.refund_candidates(db, case_id) == []


def test_closing_records_the_outcome(db: Database, tx_ids: dict[str, int]) -> None:
    big = tx_ids["2024030222001400001234567890"]
    won = svc.open_case(db, "wrong_recipient", [big], "CN", "", OPENED)
    with pytest.raises(svc.CaseError) as wrong_ccy:
        svc.set_outcome(db, won, Money.of("10", "USD"), OPENED)
    assert "CNY" in str(wrong_ccy.value)
    svc.set_outcome(db, won, Money.of("5500", "CNY"), OPENED)
    lost = svc.open_case(db, "scam", [big], "CN", "", OPENED)
    svc.set_outcome(db, lost, None, OPENED)

    status = {c.id: (c.status, c.recovered) for c in svc.list_cases(db)}
    assert status[won] == (CaseStatus.RESOLVED, Money.of("5500", "CNY"))
    assert status[lost] == (CaseStatus.CLOSED_UNRECOVERED, None)
