"""Cases page: every recovery case with its status, amount and next deadline; one case
in detail; the wizard to start or continue one; a matching refund closes a case."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okguard.domain.formatting import format_money, format_when
from okguard.services import cases as svc
from okguard.storage.repos.anomalies import StoredAnomaly
from okguard.ui.context import UiContext
from okguard.ui.recovery import session, texts
from okguard.ui.recovery.case_detail import CaseDetail
from okguard.ui.recovery.page_deadlines import OVERDUE
from okguard.ui.recovery.session import CaseRow, Refused
from okguard.ui.recovery.wizard import RecoveryWizard

_ID = Qt.ItemDataRole.UserRole


class CasesPage(QWidget):
    loaded = Signal()  # the list was (re)drawn
    wizard_opened = Signal(object)  # RecoveryWizard

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[CaseRow] = []
        self.wizard: RecoveryWizard | None = None
        self._selected: int | None = None
        self._loading = False
        self._reload = False

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.new_button = QPushButton()
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.detail = CaseDetail()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

        self.new_button.clicked.connect(self.new_case)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._continue_selected())
        self.detail.continue_requested.connect(self.continue_case)
        self.detail.refund_accepted.connect(self.accept_refund)
        ctx.data_changed.connect(self.refresh)
        ctx.lang_changed.connect(self._lang_changed)
        self.retranslateUi()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Cases"))
        self.intro.setText(
            self.tr(
                "Getting money back, step by step: what to do now, the deadlines, whom to "
                "contact, your evidence and the letter. Each case is kept until you close it."
            )
        )
        self.new_button.setText(self.tr("New case…"))
        self.empty.setText(
            self.tr(
                "No cases yet. On the Flags page, pick a flag and choose \u201cOpen a recovery "
                "case\u201d, or start one here with \u201cNew case\u201d."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Case"),
                self.tr("Status"),
                self.tr("Amount"),
                self.tr("Next deadline"),
                self.tr("Opened"),
            ]
        )

    def _lang_changed(self, _lang: str) -> None:
        self._draw()

    # -- the list ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the cases on the worker (deadlines and refund checks read the history)."""
        if self._loading:
            self._reload = True
            return
        self._loading = True
        task = self.ctx.worker.submit(
            "cases-load", session.load_rows_task(self.ctx.db, session.today())
        )
        task.finished.connect(self._loaded)
        task.failed.connect(self._load_failed)

    def _loaded(self, result: Any) -> None:
        self._loading = False
        if self._reload:
            self._reload = False
            self.refresh()
            return
        if isinstance(result, Refused):
            self.status.setText(result.text)
            return
        self.rows = list(result)
        self._draw()
        self.loaded.emit()

    def _load_failed(self, message: str) -> None:
        self._loading = False
        self.status.setText(message)

    def case_ids(self) -> list[int]:
        return [r.summary.id for r in self.rows]

    def row_for(self, case_id: int) -> CaseRow | None:
        return next((r for r in self.rows if r.summary.id == case_id), None)

    def _draw(self) -> None:
        lang = self.ctx.lang
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for row, case in enumerate(self.rows):
            s = case.summary
            name = f"#{s.id} · {texts.name(texts.CASE_TYPES, s.type)}"
            if s.provider:
                name += f" · {s.provider}"
            status = texts.name(texts.STATUSES, s.status)
            if s.recovered is not None:
                status += f" ({format_money(s.recovered, lang)})"
            if case.refund is not None:
                status += " · " + self.tr("refund found")
            deadline = ""
            if case.next_deadline is not None and case.next_deadline.due is not None:
                due = format_when(case.next_deadline.due, lang, with_time=False)
                deadline = f"{due} · {texts.countdown(case.next_deadline)}"
            cells = (
                name,
                status,
                format_money(case.lost, lang) if case.lost is not None else "",
                deadline,
                format_when(s.opened_at, lang, with_time=False),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_ID, s.id)
                if col == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if col == 3 and case.next_deadline is not None and case.next_deadline.overdue:
                    item.setForeground(QBrush(OVERDUE))
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        self.empty.setVisible(not self.rows)
        self.splitter.setVisible(bool(self.rows))
        wanted = self._selected if self._selected in self.case_ids() else None
        if wanted is None and self.rows:
            wanted = self.rows[0].summary.id
        self.select_case(wanted)

    def select_case(self, case_id: int | None) -> None:
        for row, case in enumerate(self.rows):
            if case.summary.id == case_id:
                self.table.selectRow(row)
                self._show_detail(case_id)
                return
        self._show_detail(None)

    def _selection_changed(self) -> None:
        items = self.table.selectedItems()
        self._show_detail(int(items[0].data(_ID)) if items else None)

    def _show_detail(self, case_id: int | None) -> None:
        self._selected = case_id
        row = self.row_for(case_id) if case_id is not None else None
        if row is None:
            self.detail.show_case(None, (), None, self.ctx.lang)
            return
        # One stored case, decoded on the GUI thread: a single indexed read.
        view = svc.get_case(self.ctx.db, row.summary.id)
        statuses = () if view.case.status.is_closed else svc.deadlines(view, session.today())
        self.detail.show_case(view, statuses, row.refund, self.ctx.lang)

    def _continue_selected(self) -> None:
        if self._selected is not None:
            self.continue_case(self._selected)

    # -- the wizard -----------------------------------------------------------------------
    def start_from_flag(self, stored: StoredAnomaly) -> RecoveryWizard | None:
        """Continue the open case already made from this flag, or start a new one."""
        for row in self.rows:
            if row.summary.status.is_closed:
                continue
            if svc.get_case(self.ctx.db, row.summary.id).anomaly_key == stored.anomaly.key:
                return self.continue_case(row.summary.id)
        try:
            wizard = RecoveryWizard.from_flag(self.ctx, stored, self)
        except svc.CaseError as exc:  # e.g. the flag's payments are in two currencies
            self.status.setText(str(exc))
            return None
        return self._open(wizard)

    def new_case(self) -> RecoveryWizard:
        return self._open(RecoveryWizard.new_case(self.ctx, self))

    def continue_case(self, case_id: int) -> RecoveryWizard:
        return self._open(RecoveryWizard.resume(self.ctx, case_id, self))

    def _open(self, wizard: RecoveryWizard) -> RecoveryWizard:
        old, self.wizard = self.wizard, wizard
        if old is not None:
            old.close()
        wizard.setWindowModality(Qt.WindowModality.WindowModal)
        wizard.saved.connect(self._remember)
        wizard.finished.connect(lambda _result: self._dispose(wizard))
        wizard.show()
        self.wizard_opened.emit(wizard)
        return wizard

    def _remember(self, case_id: int) -> None:
        self._selected = case_id

    def _dispose(self, wizard: RecoveryWizard) -> None:
        # The last save may still be running; its reply needs the wizard alive.
        if wizard.is_busy():
            wizard.idle.connect(wizard.deleteLater)
        else:
            wizard.deleteLater()
        if self.wizard is wizard:
            self.wizard = None

    # -- refunds ----------------------------------------------------------------------
    def accept_refund(self, case_id: int, tx_id: int) -> None:
        task = self.ctx.worker.submit(
            "case-refund", session.refund_task(self.ctx.db, case_id, tx_id)
        )
        task.finished.connect(self._refund_done)
        task.failed.connect(self._refund_failed)

    def _refund_done(self, result: Any) -> None:
        self.detail.refund_done()
        if isinstance(result, Refused):
            self.status.setText(result.text)
            return
        self.ctx.notify(self.tr("Refund recorded; the case is closed."))
        self.ctx.data_changed.emit()

    def _refund_failed(self, message: str) -> None:
        self.detail.refund_done()
        self.status.setText(message)
