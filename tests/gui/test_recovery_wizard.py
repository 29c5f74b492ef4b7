"""The recovery wizard and the Cases page, driven the way a user clicks through them."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard

from okguard.domain.case import CaseStatus, CaseType, EventKind, Jurisdiction
from okguard.domain.formatting import format_money
from okguard.domain.money import Money
from okguard.domain.transaction import ParsedTransaction, StatementAccount
from okguard.importers.base import SourceFile, Statement
from okguard.recovery import WizardStep, case_deadlines
from okguard.services import cases as svc
from okguard.services.importing import import_statement
from okguard.storage import Database
from okguard.storage.repos import anomalies, transactions
from okguard.ui.nav import Section
from okguard.ui.recovery import session
from okguard.ui.recovery import wizard as wizard_module
from okguard.ui.recovery.wizard import RecoveryWizard

# The fixture history ends on 2025-11-18; the user opens the case two days later.
NOW = datetime(2025, 11, 20, 10, 0)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(session, "now", lambda: NOW)
    yield


class FakeFileDialog:
    """Stands in for QFileDialog's static calls: no modal dialog in a test."""

    open_path = ""
    save_path = ""

    @staticmethod
    def getOpenFileName(*_args: object, **_kw: object) -> tuple[str, str]:
        return FakeFileDialog.open_path, ""

    @staticmethod
    def getSaveFileName(*_args: object, **_kw: object) -> tuple[str, str]:
        return FakeFileDialog.save_path, ""


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> type[FakeFileDialog]:
    monkeypatch.setattr(wizard_module, "QFileDialog", FakeFileDialog)
    return FakeFileDialog


def duplicate_flag(db: Database) -> anomalies.StoredAnomaly:
    return next(s for s in anomalies.list_anomalies(db) if s.anomaly.kind.value == "duplicate")


def open_from_flag(window, qtbot, stored) -> RecoveryWizard:  # type: ignore[no-untyped-def]
    window.show_section(Section.FLAGS)
    assert window.flags.select_flag(stored.id)
    qtbot.mouseClick(window.flags.case_button, Qt.MouseButton.LeftButton)
    wizard = window.cases.wizard
    assert isinstance(wizard, RecoveryWizard) and wizard.isVisible()
    return wizard


def settle(qtbot, wizard: RecoveryWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not wizard.is_busy(), timeout=10_000)


def click_next(qtbot, wizard: RecoveryWizard) -> None:  # type: ignore[no-untyped-def]
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), wizard.current_page().blockers.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, wizard)


def tick_urgent_moves(qtbot, wizard: RecoveryWizard) -> None:  # type: ignore[no-untyped-def]
    page = wizard.pages[WizardStep.URGENT]
    for check in page.checks.values():
        check.setChecked(True)


def pdf_text(path: Path) -> str | None:
    """The PDF's text layer via poppler's pdftotext, when the machine has it."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    done = subprocess.run(
        [tool, "-layout", str(path), "-"], check=True, capture_output=True, timeout=30
    )
    return done.stdout.decode("utf-8")


def test_walk_the_wizard_from_a_flag_to_a_saved_letter(
    window_for, filled_db, qtbot, tmp_path, dialogs
):  # type: ignore[no-untyped-def]
    window = window_for(filled_db)
    stored = duplicate_flag(filled_db)
    flagged = transactions.get_many(filled_db, stored.anomaly.transaction_ids)
    wizard = open_from_flag(window, qtbot, stored)
    assert window.current_section() is Section.CASES

    # 1. Urgent first moves: Next waits until each is ticked; the notice is said once.
    urgent = wizard.current_page()
    assert wizard.state.case.type is CaseType.DUPLICATE
    assert wizard.state.case.jurisdiction is Jurisdiction.EU  # the money is in euros
    assert urgent.notice.isVisible() and "not legal advice" in urgent.notice.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "2 left" in urgent.blockers.text()
    tick_urgent_moves(qtbot, wizard)
    assert svc.list_cases(filled_db) == []  # nothing stored before the first step is done
    click_next(qtbot, wizard)
    case_id = wizard.case_id
    assert case_id is not None and svc.list_cases(filled_db)[0].id == case_id
    assert svc.get_case(filled_db, case_id).anomaly_key == stored.anomaly.key
    assert not wizard.pages[WizardStep.TRANSACTIONS].notice.isVisible()

    # 2. The flag's payments, which the user can remove and add back.
    page = wizard.current_page()
    assert page.step is WizardStep.TRANSACTIONS
    assert page.case_table.rowCount() == 2
    page.case_table.selectRow(0)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert page.case_table.rowCount() == 1
    removed = ({t.id for t in flagged} - {t.id for t in wizard.state.case.transactions}).pop()
    reference = next(t.reference for t in flagged if t.id == removed)
    page.search.setText(reference)
    assert page.recent_table.rowCount() == 1
    page.recent_table.selectRow(0)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert sorted(t.id for t in wizard.state.case.transactions) == sorted(
        stored.anomaly.transaction_ids
    )
    lost = wizard.state.case.lost_amount
    assert lost is not None and format_money(lost, "en") in page.total.text()
    click_next(qtbot, wizard)

    # 3. Case type, provider, jurisdiction.
    page = wizard.current_page()
    assert page.step is WizardStep.CLASSIFY
    page.provider_combo.setEditText("Giro Bank")
    assert wizard.state.case.provider == "Giro Bank"
    click_next(qtbot, wizard)

    # 4. Deadlines as a countdown with their source.
    page = wizard.current_page()
    assert page.step is WizardStep.DEADLINES
    expected = case_deadlines(wizard.state.case, wizard.state.bundle().deadlines, NOW.date())
    assert page.table.rowCount() == len(expected)
    refund_rule = expected[0]
    assert refund_rule.days_left is not None and refund_rule.days_left > 1
    assert page.table.item(0, 3).text() == f"{refund_rule.days_left} days left"
    first_source = wizard.state.bundle().source(refund_rule.sources[0]).title
    assert first_source in page.table.item(0, 4).text()
    waiting = [r for r in range(page.table.rowCount()) if page.table.item(r, 2).text() == "—"]
    assert waiting and all(
        page.table.item(r, 3).text() == "Starts when you first tell the provider" for r in waiting
    )
    click_next(qtbot, wizard)

    # 5. Contacts: the script names the amount; the contact log is stored.
    page = wizard.current_page()
    assert page.step is WizardStep.CONTACTS
    assert page.scripts and format_money(lost, "en") in page.scripts[0].text.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.channel_combo.setEditText("Phone")
    page.reference_edit.setText("T-4711")
    page.said_edit.setText("They will refund within ten days")
    qtbot.mouseClick(page.log_button, Qt.MouseButton.LeftButton)
    settle(qtbot, wizard)
    assert page.log_table.rowCount() == 1
    assert page.log_table.item(0, 3).text() == "T-4711"
    logged = [
        e for e in svc.get_case(filled_db, case_id).case.events if e.kind is EventKind.CONTACT
    ]
    assert [(e.channel, e.reference_no, e.note) for e in logged] == [
        ("Phone", "T-4711", "They will refund within ten days")
    ]
    assert svc.get_case(filled_db, case_id).case.status is CaseStatus.WAITING_PROVIDER
    click_next(qtbot, wizard)

    # 6. Evidence: the attached file is copied into the case folder and hashed.
    page = wizard.current_page()
    assert page.step is WizardStep.EVIDENCE
    screenshot = tmp_path / "receipt.png"
    screenshot.write_bytes(b"\x89PNG receipt of the double payment")
    dialogs.open_path = str(screenshot)
    key = wizard.state.case.evidence[0].key
    qtbot.mouseClick(page.attach_buttons[key], Qt.MouseButton.LeftButton)
    settle(qtbot, wizard)
    digest = hashlib.sha256(screenshot.read_bytes()).hexdigest()
    item = next(e for e in svc.get_case(filled_db, case_id).case.evidence if e.key == key)
    assert item.done and item.sha256 == digest
    copy = svc.case_folder(filled_db, case_id) / str(item.file_name)
    assert copy.read_bytes() == screenshot.read_bytes()
    assert page.checks[key].isChecked() and digest[:12] in page.files[key].text()
    click_next(qtbot, wizard)

    # 7. The letter: PDF and plain text, saved where the user chose.
    page = wizard.current_page()
    assert page.step is WizardStep.LETTER
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.fields["name"].setText("Mia Muster")
    page.fields["name"].editingFinished.emit()
    page.lang_combo.setCurrentIndex(page.lang_combo.findData("en"))
    page.format_combo.setCurrentIndex(page.format_combo.findData("pdf"))
    pdf = tmp_path / "letter.pdf"
    dialogs.save_path = str(pdf)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, wizard)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5_000
    assert str(pdf) in page.saved.text()
    references = [t.reference for t in flagged]
    text = pdf_text(pdf)
    if text is not None:  # poppler installed: check the PDF's own text layer
        assert format_money(lost, "en") in text
        assert all(ref in text for ref in references)
        assert "Mia Muster" in text
    page.format_combo.setCurrentIndex(page.format_combo.findData("txt"))
    letter_txt = tmp_path / "letter.txt"
    dialogs.save_path = str(letter_txt)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, wizard)
    written = letter_txt.read_text(encoding="utf-8")
    assert format_money(lost, "en") in written and all(ref in written for ref in references)
    assert "Request to refund a duplicate payment" in written
    assert page.preview.toPlainText() == written
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == written
    click_next(qtbot, wizard)

    # 8. Escalation bodies from the rule data; recording one marks the case escalated.
    page = wizard.current_page()
    assert page.step is WizardStep.ESCALATION
    assert page.to_combo.count() >= 1 and "ombudsman" in page.to_combo.itemText(0)
    page.reference_edit.setText("FIN-1")
    qtbot.mouseClick(page.escalate_button, Qt.MouseButton.LeftButton)
    settle(qtbot, wizard)
    assert svc.get_case(filled_db, case_id).case.status is CaseStatus.ESCALATED
    click_next(qtbot, wizard)

    # 9. Outcome, then Finish: the case is on the Cases page with its next deadline.
    page = wizard.current_page()
    assert page.step is WizardStep.OUTCOME
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    cases_page = window.cases
    with qtbot.waitSignal(cases_page.loaded, timeout=10_000):
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
    qtbot.waitUntil(lambda: svc.get_case(filled_db, case_id).state.step is WizardStep.OUTCOME)
    view = svc.get_case(filled_db, case_id)
    nxt = session.next_deadline(svc.deadlines(view, NOW.date()))
    assert nxt is not None and nxt.due is not None
    assert cases_page.case_ids() == [case_id]
    assert (
        cases_page.table.item(0, 3).text() == f"{nxt.due.isoformat()} · {nxt.days_left} days left"
    )
    assert cases_page.table.item(0, 2).text() == format_money(lost, "en")

    # Closing and reopening the app keeps the case, its contact log and evidence.
    again = window_for(filled_db)
    with qtbot.waitSignal(again.cases.loaded, timeout=10_000):
        again.cases.refresh()
    assert again.cases.case_ids() == [case_id]
    detail = again.cases.detail
    assert detail.contacts.rowCount() == 1 and detail.contacts.item(0, 3).text() == "T-4711"
    assert any(
        digest in (detail.evidence.item(r, 2).text()) for r in range(detail.evidence.rowCount())
    )
    resumed = again.cases.continue_case(case_id)
    assert resumed.current_page().step is WizardStep.OUTCOME
    assert resumed.button(QWizard.WizardButton.BackButton).isEnabled()
    resumed.reject()


def import_refund(db: Database, stored: anomalies.StoredAnomaly) -> Money:
    """The later of the two payments comes back three days after the case was opened."""
    paid = transactions.get_many(db, stored.anomaly.transaction_ids)
    later = max(paid, key=lambda t: t.occurred_at)
    back = Money(abs(later.amount.minor), "EUR")
    refund = ParsedTransaction(
        line=2,
        occurred_at=NOW + timedelta(days=3),
        has_time=True,
        amount=back,
        payee=later.payee,
        reference="REFUND-1",
        account_key="DE001",
    )
    statement = Statement(
        format="csv",
        accounts=[StatementAccount(key="DE001", name="Giro", currency="EUR")],
        rows=iter([refund]),
    )
    import_statement(db, SourceFile.from_bytes(b"refund", name="refund.csv"), statement)
    return back


def test_outcome_page_offers_the_refund_and_closes_by_hand(window_for, filled_db, qtbot):  # type: ignore[no-untyped-def]
    stored = duplicate_flag(filled_db)
    with_refund = svc.open_case(filled_db, None, [], None, "", NOW, anomaly_id=stored.id)
    other = svc.open_case(
        filled_db, "wrong_amount", [stored.anomaly.transaction_ids[0]], None, "", NOW
    )
    back = import_refund(filled_db, stored)
    for case_id in (with_refund, other):  # as if the user had walked to the last step
        state = svc.get_case(filled_db, case_id).state
        svc.save_wizard(
            filled_db, case_id, dataclasses.replace(state, step=WizardStep.OUTCOME), NOW
        )
    window = window_for(filled_db)

    wizard = window.cases.continue_case(with_refund)
    page = wizard.current_page()
    assert page.step is WizardStep.OUTCOME
    assert wizard.button(
        QWizard.WizardButton.BackButton
    ).isEnabled()  # earlier pages stay reachable
    qtbot.waitUntil(lambda: page.refund_list.count() == 1, timeout=10_000)
    assert "REFUND-1" in page.refund_list.item(0).text()
    qtbot.mouseClick(page.refund_button, Qt.MouseButton.LeftButton)
    settle(qtbot, wizard)
    case = svc.get_case(filled_db, with_refund).case
    assert case.status is CaseStatus.RESOLVED and case.recovered == back
    assert "Resolved" in page.summary.text() and not page.close_button.isEnabled()
    wizard.reject()
    settle(qtbot, wizard)

    wizard = window.cases.continue_case(other)
    page = wizard.current_page()
    page.amount_edit.setText("ten euros")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert "120.50" in page.status.text()
    assert svc.get_case(filled_db, other).case.status is not CaseStatus.RESOLVED
    page.amount_edit.setText("10.00")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, wizard)
    case = svc.get_case(filled_db, other).case
    assert case.status is CaseStatus.RESOLVED and case.recovered == Money(1000, "EUR")
    wizard.reject()


def test_a_matching_refund_closes_the_case_in_one_click(window_for, filled_db, qtbot):  # type: ignore[no-untyped-def]
    stored = duplicate_flag(filled_db)
    case_id = svc.open_case(filled_db, None, [], None, "", NOW, anomaly_id=stored.id)
    lost = svc.get_case(filled_db, case_id).case.lost_amount
    assert import_refund(filled_db, stored) == lost

    window = window_for(filled_db)
    page = window.cases
    window.show_section(Section.CASES)
    qtbot.waitUntil(lambda: page.case_ids() == [case_id], timeout=10_000)
    assert page.detail.refund_frame.isVisible()
    assert "REFUND-1" in page.detail.refund_label.text()
    assert "refund found" in page.table.item(0, 1).text()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.detail.refund_button, Qt.MouseButton.LeftButton)
    case = svc.get_case(filled_db, case_id).case
    assert case.status is CaseStatus.RESOLVED and case.recovered == lost
    assert page.table.item(0, 1).text().startswith("Resolved")
    assert not page.detail.refund_frame.isVisible()


def test_deadlines_count_down_overdue_in_red_and_weak_sources_marked(
    window_for, filled_db, qtbot, monkeypatch
):  # type: ignore[no-untyped-def]
    window = window_for(filled_db)
    wizard = open_from_flag(window, qtbot, duplicate_flag(filled_db))
    tick_urgent_moves(qtbot, wizard)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    classify = wizard.current_page()
    classify.jurisdiction_combo.setCurrentIndex(classify.jurisdiction_combo.findData("UK"))
    assert wizard.state.case.jurisdiction is Jurisdiction.UK
    click_next(qtbot, wizard)
    page = wizard.current_page()
    titles = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    row = titles.index("Notify provider of an incorrectly executed transaction (provider error)")
    assert "unverified" in page.table.item(row, 4).text()
    assert (
        "unverified"
        not in page.table.item(titles.index("Refer to the Financial Ombudsman"), 4).text()
    )
    assert page.table.item(row, 3).text().endswith("days left")

    # Fourteen months later the same deadline has passed: it says so, in red.
    monkeypatch.setattr(session, "now", lambda: NOW + timedelta(days=430))
    page.refresh()
    row = [page.table.item(r, 0).text() for r in range(page.table.rowCount())].index(titles[row])
    countdown = page.table.item(row, 3)
    assert countdown.text().endswith("days overdue")
    assert countdown.foreground().color().name() == "#b91c1c"
    wizard.reject()


def test_wizard_pages_switch_to_chinese(window_for, filled_db, qtbot):  # type: ignore[no-untyped-def]
    window = window_for(filled_db)
    wizard = open_from_flag(window, qtbot, duplicate_flag(filled_db))
    window.ctx.set_lang("zh_CN")
    urgent = wizard.current_page()
    assert urgent.title() == "先做这几件事"
    assert "下一步" in wizard.button(QWizard.WizardButton.NextButton).text()  # from qtbase
    assert urgent.type_label.text() == "发生了什么？"
    assert urgent.type_combo.currentText() == "重复扣款"
    assert "不构成法律意见" in urgent.notice.text()
    moves = [c.text() for c in urgent.checks.values()]
    assert moves and all(any("\u4e00" <= ch <= "\u9fff" for ch in m) for m in moves)
    tick_urgent_moves(qtbot, wizard)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    deadlines = wizard.current_page()
    assert deadlines.title() == "期限"
    assert deadlines.table.horizontalHeaderItem(3).text() == "剩余时间"
    assert deadlines.table.item(0, 3).text().startswith("还剩")
    assert "上一步" in wizard.button(QWizard.WizardButton.BackButton).text()  # from qtbase
    window.ctx.set_lang("en")
    assert deadlines.title() == "Deadlines"
    assert deadlines.table.item(0, 3).text().endswith("days left")
    wizard.reject()


def test_a_new_case_starts_empty_and_needs_a_payment(window_for, filled_db, qtbot):  # type: ignore[no-untyped-def]
    window = window_for(filled_db)
    window.show_section(Section.CASES)
    assert window.cases.empty.isVisible()
    qtbot.mouseClick(window.cases.new_button, Qt.MouseButton.LeftButton)
    wizard = window.cases.wizard
    assert wizard is not None and not wizard.state.case.transactions
    assert wizard.state.case.jurisdiction is Jurisdiction.EU  # where the user's money is
    urgent = wizard.current_page()
    urgent.type_combo.setCurrentIndex(urgent.type_combo.findData("scam"))
    scam_moves = [m.id for m in wizard.state.bundle().urgent]
    assert wizard.state.case.type is CaseType.SCAM and list(urgent.checks) == scam_moves
    tick_urgent_moves(qtbot, wizard)
    click_next(qtbot, wizard)
    page = wizard.current_page()
    assert page.case_table.rowCount() == 0
    assert page.blockers.text() == "Add at least one transaction to the case"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.recent_table.selectRow(0)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.case_table.rowCount() == 1 and not page.blockers.isVisible()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    case_id = wizard.case_id
    gone: list[bool] = []
    wizard.destroyed.connect(lambda: gone.append(True))
    with qtbot.waitSignal(window.cases.loaded, timeout=10_000):
        wizard.reject()  # closing keeps the case stored so far, then frees the wizard
    qtbot.waitUntil(lambda: bool(gone), timeout=10_000)
    assert window.cases.case_ids() == [case_id]
    assert len(svc.get_case(filled_db, case_id).case.transactions) == 1
    window.ctx.set_lang("zh_CN")  # a closed wizard no longer listens
    assert window.cases.title.text() == "案件"
