"""One case on the Cases page: where it stands, the refund offer, and tabs with its
timeline, deadlines, contact log and evidence."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from okguard.domain.case import CaseEvent, CaseStatus, EventKind
from okguard.domain.formatting import format_money, format_when
from okguard.domain.transaction import Transaction
from okguard.recovery import DeadlineStatus
from okguard.services.cases import CaseView
from okguard.ui.recovery import texts
from okguard.ui.recovery.page_contacts import contact_log_table, fill_contact_log
from okguard.ui.recovery.page_deadlines import OVERDUE, SOURCE_WIDTH
from okguard.ui.recovery.page_outcome import refund_text

_STATUS_BY_VALUE = {s.value: s for s in CaseStatus}


def _table(columns: int, stretch: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _set_row(table: QTableWidget, row: int, cells: Sequence[str]) -> list[QTableWidgetItem]:
    items = [QTableWidgetItem(text) for text in cells]
    for col, item in enumerate(items):
        table.setItem(row, col, item)
    return items


class CaseDetail(QWidget):
    continue_requested = Signal(int)  # case id
    refund_accepted = Signal(int, int)  # case id, transaction id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: CaseView | None = None
        self.refund: Transaction | None = None
        self.lang = "en"
        self._statuses: tuple[DeadlineStatus, ...] = ()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600; font-size: 15px;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.continue_button = QPushButton()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.continue_button)

        self.refund_frame = QFrame()
        self.refund_frame.setObjectName("refundOffer")
        self.refund_frame.setStyleSheet("QFrame#refundOffer { background: #e7f6ec; }")
        self.refund_label = QLabel()
        self.refund_label.setWordWrap(True)
        self.refund_button = QPushButton()
        offer = QHBoxLayout(self.refund_frame)
        offer.addWidget(self.refund_label, 1)
        offer.addWidget(self.refund_button)
        self.refund_frame.hide()

        self.tabs = QTabWidget()
        self.timeline = _table(3, 2)
        self.deadlines = _table(4, 0)
        self.deadlines.setWordWrap(False)
        self.deadlines.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.deadlines.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Interactive
        )
        self.deadlines.setColumnWidth(3, SOURCE_WIDTH)
        self.contacts = contact_log_table()
        self.evidence = _table(3, 0)
        for table in (self.timeline, self.deadlines, self.contacts, self.evidence):
            self.tabs.addTab(table, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.refund_frame)
        layout.addWidget(self.tabs, 1)
        self.continue_button.clicked.connect(self._continue)
        self.refund_button.clicked.connect(self._accept_refund)
        self.retranslateUi()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.continue_button.setText(self.tr("Continue the wizard"))
        self.refund_button.setText(self.tr("Yes, close the case with it"))
        for i, name in enumerate(
            (self.tr("Timeline"), self.tr("Deadlines"), self.tr("Contact log"), self.tr("Evidence"))
        ):
            self.tabs.setTabText(i, name)
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Details")]
        )
        self.deadlines.setHorizontalHeaderLabels(
            [self.tr("Deadline"), self.tr("Due"), self.tr("Time left"), self.tr("Source")]
        )
        self.contacts.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Channel"),
                self.tr("Whom"),
                self.tr("Reference number"),
                self.tr("What they said"),
            ]
        )
        self.evidence.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Have it"), self.tr("File")]
        )
        if self.view is not None:
            self._draw()

    def show_case(
        self,
        view: CaseView | None,
        statuses: tuple[DeadlineStatus, ...],
        refund: Transaction | None,
        lang: str,
    ) -> None:
        self.view, self.refund, self.lang = view, refund, lang
        self._statuses = statuses
        self._draw()

    def _draw(self) -> None:
        view, lang = self.view, self.lang
        self.setEnabled(view is not None)
        if view is None:
            self.heading.setText("")
            self.summary.setText("")
            self.refund_frame.hide()
            for table in (self.timeline, self.deadlines, self.contacts, self.evidence):
                table.setRowCount(0)
            return
        case = view.case
        self.heading.setText(
            f"#{view.id} · {texts.name(texts.CASE_TYPES, case.type)}"
            + (f" · {case.provider}" if case.provider else "")
        )
        parts = [
            self.tr("Status: {0}").format(texts.name(texts.STATUSES, case.status)),
            texts.name(texts.JURISDICTIONS, case.jurisdiction),
            self.tr("Opened {0}").format(format_when(case.opened_at, lang, with_time=False)),
        ]
        if case.lost_amount is not None:
            parts.append(self.tr("In question: {0}").format(format_money(case.lost_amount, lang)))
        if case.recovered is not None:
            parts.append(self.tr("Recovered: {0}").format(format_money(case.recovered, lang)))
        self.summary.setText(" · ".join(parts))
        self.continue_button.setText(
            self.tr("Open the wizard") if case.status.is_closed else self.tr("Continue the wizard")
        )
        if self.refund is not None and not case.status.is_closed:
            self.refund_label.setText(
                self.tr("Money came back? {0} looks like the refund for this case.").format(
                    refund_text(self.refund, lang)
                )
            )
            self.refund_frame.show()
        else:
            self.refund_frame.hide()
        self._draw_timeline(case.events)
        self._draw_deadlines()
        fill_contact_log(
            self.contacts, [e for e in case.events if e.kind is EventKind.CONTACT], lang
        )
        self.evidence.setRowCount(len(case.evidence))
        for row, item in enumerate(case.evidence):
            stored = f"{item.file_name} · SHA-256 {item.sha256}" if item.file_name else ""
            _set_row(
                self.evidence,
                row,
                (texts.local(item.label, lang), "✓" if item.done else "", stored),
            )

    def _draw_timeline(self, events: tuple[CaseEvent, ...]) -> None:
        lang = self.lang
        ordered = sorted(events, key=lambda e: e.when, reverse=True)
        self.timeline.setRowCount(len(ordered))
        for row, e in enumerate(ordered):
            note = e.note
            if e.kind is EventKind.STATUS and note in _STATUS_BY_VALUE:
                note = texts.name(texts.STATUSES, _STATUS_BY_VALUE[note])
            details = "  ".join(
                p
                for p in (
                    e.contact,
                    e.channel,
                    f"#{e.reference_no}" if e.reference_no else "",
                    note,
                )
                if p
            )
            _set_row(
                self.timeline,
                row,
                (format_when(e.when, lang), texts.name(texts.EVENT_KINDS, e.kind), details),
            )

    def _draw_deadlines(self) -> None:
        lang = self.lang
        bundle = self.view.state.bundle() if self.view is not None else None
        self.deadlines.setRowCount(len(self._statuses))
        for row, status in enumerate(self._statuses):
            sources = (
                "; ".join(t for t, _u, _ok in texts.source_lines(bundle, status.sources))
                if bundle
                else ""
            )
            if not status.verified:
                sources = f"⚠ {texts.unverified_marker()} · {sources}"
            items = _set_row(
                self.deadlines,
                row,
                (
                    status.rule.title.render(lang),
                    format_when(status.due, lang, with_time=False) if status.due else "—",
                    texts.countdown(status),
                    sources,
                ),
            )
            if status.overdue:
                items[2].setForeground(QBrush(OVERDUE))

    def _continue(self) -> None:
        if self.view is not None:
            self.continue_requested.emit(self.view.id)

    def _accept_refund(self) -> None:
        if self.view is not None and self.refund is not None:
            self.refund_button.setEnabled(False)
            self.refund_accepted.emit(self.view.id, self.refund.id)

    def refund_done(self) -> None:
        self.refund_button.setEnabled(True)
