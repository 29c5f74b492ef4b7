"""The recovery wizard: a QWizard drawing :class:`okguard.recovery.WizardState`.

The state machine owns the order of the steps and says when a step is done; the pages
only render it and turn input into state edits. Moving forward stores the case through
:mod:`okguard.services.cases` on the worker thread (the first move creates it), and so
does closing the wizard once the case exists, so a case survives closing the app.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget, QWizard

from okguard.domain.case import CaseType
from okguard.recovery import WizardState, WizardStep, start_wizard
from okguard.recovery.wizard import STEPS
from okguard.services import cases as svc
from okguard.storage.repos import transactions as tx_repo
from okguard.storage.repos.anomalies import StoredAnomaly
from okguard.ui.context import UiContext
from okguard.ui.recovery import session
from okguard.ui.recovery.base import StepPage
from okguard.ui.recovery.page_classify import ClassifyPage
from okguard.ui.recovery.page_contacts import ContactsPage
from okguard.ui.recovery.page_deadlines import DeadlinesPage
from okguard.ui.recovery.page_escalation import EscalationPage
from okguard.ui.recovery.page_evidence import EvidencePage
from okguard.ui.recovery.page_letter import LetterPage
from okguard.ui.recovery.page_outcome import OutcomePage
from okguard.ui.recovery.page_transactions import TransactionsPage
from okguard.ui.recovery.page_urgent import UrgentPage
from okguard.ui.recovery.session import Refused
from okguard.ui.workers import TaskFn

PAGE_TYPES: tuple[type[StepPage], ...] = (
    UrgentPage,
    TransactionsPage,
    ClassifyPage,
    DeadlinesPage,
    ContactsPage,
    EvidencePage,
    LetterPage,
    EscalationPage,
    OutcomePage,
)


def page_id(step: WizardStep) -> int:
    return STEPS.index(step)


class RecoveryWizard(QWizard):
    saved = Signal(int)  # case id, after the case was stored
    idle = Signal()  # the last pending background job has finished

    def __init__(
        self,
        ctx: UiContext,
        state: WizardState,
        anomaly_key: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.anomaly_key = anomaly_key
        self._state = state
        self._pending = 0  # blocking jobs: the page is disabled meanwhile
        self._running = 0  # every job, look-ups included
        self._replaying = False
        self._notice_page: int | None = None
        self.setWindowTitle("okguard")
        self.setMinimumSize(860, 640)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, True)
        self.pages: dict[WizardStep, StepPage] = {}
        for page_type in PAGE_TYPES:
            page = page_type(self)
            self.pages[page.step] = page
            self.setPage(page_id(page.step), page)
        assert tuple(self.pages) == STEPS, "one page per wizard step, in the state's order"
        self.currentIdChanged.connect(self._entered)
        # A bound method, so the connection ends with the wizard (a lambda would not).
        ctx.lang_changed.connect(self._lang_changed)
        self._go_to(state.step)

    # -- constructors ---------------------------------------------------------------------
    @classmethod
    def from_flag(
        cls, ctx: UiContext, stored: StoredAnomaly, parent: QWidget | None = None
    ) -> RecoveryWizard:
        """A new case pre-filled from a flag: its payments and a case type from its kind."""
        draft = svc.draft_case(ctx.db, None, [], None, "", session.now(), anomaly_id=stored.id)
        return cls(ctx, draft.state, draft.anomaly_key, parent)

    @classmethod
    def new_case(cls, ctx: UiContext, parent: QWidget | None = None) -> RecoveryWizard:
        latest = tx_repo.latest(ctx.db, limit=1)
        where = svc.home_jurisdiction(latest[0].amount.currency if latest else None)
        state = start_wizard(CaseType.WRONG_RECIPIENT, where, opened_at=session.now())
        return cls(ctx, state, None, parent)

    @classmethod
    def resume(cls, ctx: UiContext, case_id: int, parent: QWidget | None = None) -> RecoveryWizard:
        view = svc.get_case(ctx.db, case_id)
        return cls(ctx, view.state, view.anomaly_key, parent)

    # -- the state ------------------------------------------------------------------------
    @property
    def state(self) -> WizardState:
        return self._state

    @property
    def case_id(self) -> int | None:
        return self._state.case.id

    def update_state(self, state: WizardState, *, rebuild: bool = False) -> None:
        self._state = state
        page = self.current_page()
        if page is not None:
            if rebuild:
                page.refresh()
            else:
                page.show_blockers()
            page.completeChanged.emit()

    def current_page(self) -> StepPage | None:
        page = self.currentPage()
        return page if isinstance(page, StepPage) else None

    def may_leave(self, page: StepPage) -> bool:
        """Whether Next / Finish may be pressed on ``page``: the state machine decides."""
        if self._replaying:
            return True
        if self._pending:
            return False
        if page.step is STEPS[-1]:
            return True
        return self._state.step is page.step and self._state.can_advance()

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0 or current >= len(STEPS) - 1:
            return -1
        if self._replaying or not self._state.can_advance():
            return current + 1  # only decides the button label; Next stays disabled
        return page_id(self._state.next().step)

    def _go_to(self, step: WizardStep) -> None:
        """Open on ``step``, walking the pages before it so Back still works."""
        self._replaying = True
        try:
            self.restart()
            while self.currentId() < page_id(step):
                self.next()
        finally:
            self._replaying = False
        self._show_page()

    def _entered(self, current: int) -> None:
        if current < 0 or self._replaying:
            return
        moved_on = False
        while page_id(self._state.step) > current:
            self._state = self._state.back()
        while page_id(self._state.step) < current:
            self._state = self._state.next()
            moved_on = True
        self._show_page()
        if moved_on:
            self.store()

    def _show_page(self) -> None:
        page = self.current_page()
        if page is None:
            return
        # "Not legal advice" is said once, plainly, on the page the wizard opens on.
        if self._notice_page is None:
            self._notice_page = self.currentId()
        for other in self.pages.values():
            other.notice.setVisible(other is page and self.currentId() == self._notice_page)
        self._fill_notice()
        page.refresh()
        page.completeChanged.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # QWizard relabels its buttons (from qtbase's catalog) only when the style
            # changes or the page does; a style round trip does it now.
            style = self.wizardStyle()
            other = (
                QWizard.WizardStyle.ModernStyle
                if style is not QWizard.WizardStyle.ModernStyle
                else QWizard.WizardStyle.ClassicStyle
            )
            self.setWizardStyle(other)
            self.setWizardStyle(style)
        super().changeEvent(event)

    def _fill_notice(self) -> None:
        text = self._state.bundle().disclaimer.render(self.ctx.lang)
        for page in self.pages.values():
            page.notice.setText(text)

    def _lang_changed(self, _lang: str = "") -> None:
        self._fill_notice()
        page = self.current_page()
        if page is not None:
            page.refresh()

    # -- background work ------------------------------------------------------------------
    def run(
        self,
        name: str,
        fn: TaskFn,
        on_done: Callable[[Any], None],
        *,
        blocking: bool = True,
        notify: bool | None = None,
    ) -> None:
        """Run ``fn`` on the worker; while a blocking job runs the page cannot be edited,
        so its result can replace the state without losing input. Blocking jobs write,
        so other pages hear of it (``notify``) unless told otherwise."""
        notify = blocking if notify is None else notify
        page = self.current_page()
        self._running += 1
        if blocking:
            self._pending += 1
            self._set_busy(True)
        task = self.ctx.worker.submit(name, fn)

        def finished(result: Any) -> None:
            self._job_over(blocking)
            if isinstance(result, Refused):
                if page is not None:
                    page.set_status(result.text, error=True)
                return
            on_done(result)
            if notify:
                self.ctx.data_changed.emit()

        def failed(message: str) -> None:
            self._job_over(blocking)
            if page is not None:
                page.set_status(message, error=True)

        task.finished.connect(finished)
        task.failed.connect(failed)

    def _job_over(self, blocking: bool) -> None:
        self._running -= 1
        if blocking:
            self._pending -= 1
            if not self._pending:
                self._set_busy(False)
        if not self._running:
            self.idle.emit()

    def _set_busy(self, busy: bool) -> None:
        page = self.current_page()
        if page is not None:
            page.setEnabled(not busy)
            page.completeChanged.emit()
        self.button(QWizard.WizardButton.BackButton).setEnabled(not busy)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def is_busy(self) -> bool:
        """A job of this wizard is still queued or running (writes and look-ups)."""
        return self._running > 0

    def store(self, *, closing: bool = False) -> None:
        """Save the case as it is now (creating it the first time). Turning a page only
        stores the step, which the pages behind the wizard need not redraw for."""
        self.run(
            "case-save",
            session.save_task(self.ctx.db, self._state, self.anomaly_key),
            self._stored,
            notify=closing or self.case_id is None,
        )

    def _stored(self, result: Any) -> None:
        if isinstance(result, WizardState) and result.case.id is not None:
            # Saves block the page, so nothing was edited meanwhile: only the id is new.
            self._state = result
            self.saved.emit(result.case.id)

    def reject(self) -> None:
        # Escape or the window's close button while a write runs: its result would land
        # after the closing save and be overwritten by the older state.
        if self._pending:
            return
        super().reject()

    def done(self, result: int) -> None:
        # Closing keeps what is on the page once the case exists; a draft that never got
        # past its first page is dropped.
        if self.case_id is not None or result == QWizard.DialogCode.Accepted:
            self.store(closing=True)
        super().done(result)

    # -- file dialogs (tests replace the QFileDialog statics) ---------------------------
    def open_file(self, caption: str) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(self, caption, str(Path.home()))
        return Path(path) if path else None

    def save_file(self, caption: str, suggested: str, filter_: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, caption, str(Path.home() / suggested), filter_
        )
        return Path(path) if path else None
