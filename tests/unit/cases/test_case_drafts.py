"""A case drafted by the desktop wizard is stored only when the user moves on; letters
mask account numbers unless the user asks for them in full."""

from __future__ import annotations

from datetime import date

import pytest

from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity, anomaly_key
from okguard.domain.case import CaseType, ContactDetails, Jurisdiction
from okguard.i18n import Msg
from okguard.services import case_letters
from okguard.services import cases as svc
from okguard.storage import Database
from okguard.storage.repos import anomalies as anomaly_repo
from okguard.storage.repos import reminders as reminder_repo
from tests.unit.cases.conftest import OPENED


def test_a_draft_from_a_flag_is_stored_only_when_asked(
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

    draft = svc.draft_case(db, None, [], None, "", OPENED, anomaly_id=flag_id)
    assert draft.state.case.id is None
    assert draft.state.case.type is CaseType.DUPLICATE
    assert draft.state.case.jurisdiction is Jurisdiction.CN  # the money is in yuan
    assert tuple(t.id for t in draft.state.case.transactions) == pair
    assert draft.anomaly_key == flag.key
    assert svc.list_cases(db) == []

    stored = svc.store_case(db, draft.state, draft.anomaly_key, OPENED)
    assert stored.case.id is not None
    view = svc.get_case(db, stored.case.id)
    assert view.anomaly_key == flag.key and view.state == stored
    assert any(r.case_id == stored.case.id for r in reminder_repo.open_reminders(db))
    with pytest.raises(svc.CaseError, match="already stored"):
        svc.store_case(db, stored, draft.anomaly_key, OPENED)
    assert len(svc.list_cases(db)) == 1


def test_home_jurisdiction_follows_the_currency() -> None:
    assert svc.home_jurisdiction("GBP") is Jurisdiction.UK
    assert svc.home_jurisdiction("EUR") is Jurisdiction.EU
    assert svc.home_jurisdiction(None) is Jurisdiction.CN
    assert svc.home_jurisdiction("JPY") is Jurisdiction.CN


def test_letter_masks_account_numbers_unless_asked_not_to(
    db: Database, tx_ids: dict[str, int]
) -> None:
    case_id = svc.open_case(
        db, "wrong_recipient", [tx_ids["2024030222001400001234567890"]], "CN", "", OPENED
    )
    state = svc.get_case(db, case_id).state
    contact = ContactDetails(name="李雷", account_number="6222029876543210")
    svc.save_wizard(db, case_id, state.with_contact_details(contact), OPENED)

    masked = case_letters.render_letter(db, case_id, "en", "txt", None, date(2024, 3, 5), OPENED)
    assert "6222021234561234" not in masked and "6222 **** **** 1234" in masked
    assert "6222029876543210" not in masked and "6222 **** **** 3210" in masked

    full = case_letters.render_letter(
        db, case_id, "en", "txt", None, date(2024, 3, 5), OPENED, mask=False
    )
    assert "6222021234561234" in full and "6222029876543210" in full
