"""Step 5: whom to contact in which order, what to say, and the log of every contact."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okguard.domain.case import CaseEvent, EventKind
from okguard.domain.formatting import format_when
from okguard.recovery import WizardState, WizardStep
from okguard.services.cases import contact_script
from okguard.ui.recovery import session, texts
from okguard.ui.recovery.base import Host, ScriptBox, StepPage, clear_layout, wrapped


def contact_log_table() -> QTableWidget:
    table = QTableWidget(0, 5)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
    return table


def fill_contact_log(table: QTableWidget, events: list[CaseEvent], lang: str) -> None:
    table.setRowCount(len(events))
    for row, e in enumerate(events):
        cells = (format_when(e.when, lang), e.channel, e.contact, e.reference_no, e.note)
        for col, text in enumerate(cells):
            table.setItem(row, col, QTableWidgetItem(text))


class ContactsPage(StepPage):
    step = WizardStep.CONTACTS

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.order_title = QLabel()
        self.order_title.setStyleSheet("font-weight: 600;")
        self.contacts = QVBoxLayout()
        self.scripts: list[ScriptBox] = []
        self.log_title = QLabel()
        self.log_title.setStyleSheet("font-weight: 600;")
        self.log_table = contact_log_table()
        self.log_table.setMinimumHeight(110)
        self.when_edit = QDateTimeEdit()
        self.when_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when_edit.setCalendarPopup(True)
        self.whom_combo = QComboBox()
        self.whom_combo.setEditable(True)
        self.channel_combo = QComboBox()
        self.channel_combo.setEditable(True)
        self.reference_edit = QLineEdit()
        self.said_edit = QLineEdit()
        self.log_button = QPushButton()
        self.form_labels = [QLabel() for _ in range(5)]
        form = QFormLayout()
        for label, field in zip(
            self.form_labels,
            (
                self.when_edit,
                self.whom_combo,
                self.channel_combo,
                self.reference_edit,
                self.said_edit,
            ),
            strict=True,
        ):
            form.addRow(label, field)
        form.addRow("", self.log_button)
        self.body.addWidget(self.order_title)
        self.body.addLayout(self.contacts)
        self.body.addWidget(self.log_title)
        self.body.addWidget(self.log_table)
        self.body.addLayout(form)
        self.log_button.clicked.connect(self.log_contact)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Whom to contact"))
        self.setSubTitle(
            self.tr(
                "Contact them in this order. Write down every call or chat: the date, the "
                "reference number and what they said."
            )
        )
        self.order_title.setText(self.tr("In this order"))
        self.log_title.setText(self.tr("Contact log"))
        self.log_table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Channel"),
                self.tr("Whom"),
                self.tr("Reference number"),
                self.tr("What they said"),
            ]
        )
        for label, text in zip(
            self.form_labels,
            (
                self.tr("When"),
                self.tr("Whom"),
                self.tr("Channel"),
                self.tr("Reference number"),
                self.tr("What they said"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.reference_edit.setPlaceholderText(self.tr("ticket, claim or report number"))
        self.log_button.setText(self.tr("Log this contact"))
        current = self.channel_combo.currentText()
        self.channel_combo.clear()
        self.channel_combo.addItems([texts.translated(str(c)) for c in texts.CHANNELS])
        if current:
            self.channel_combo.setEditText(current)

    def refresh(self) -> None:
        case, lang = self.state.case, self.lang
        bundle = self.bundle()
        clear_layout(self.contacts)
        self.scripts = []
        first_line = [c for c in bundle.contacts if not c.role.is_escalation]
        for n, contact in enumerate(first_line, start=1):
            box = QGroupBox(f"{n}. {contact.who.render(lang)}")
            inner = QVBoxLayout(box)
            how = f"{texts.name(texts.ROLES, contact.role)} · {contact.channel.render(lang)}: "
            how += contact.value.render(lang)
            if not contact.verified:
                how += f" ({texts.unverified_marker()})"
            inner.addWidget(wrapped(how, selectable=True))
            script = ScriptBox()
            script.set_script(contact_script(case, contact.say, lang))
            inner.addWidget(script)
            self.contacts.addWidget(box)
            self.scripts.append(script)
        whom = self.whom_combo.currentText()
        self.whom_combo.clear()
        self.whom_combo.addItems([c.who.render(lang) for c in first_line])
        if whom:
            self.whom_combo.setEditText(whom)
        at = session.now()
        self.when_edit.setDateTime(
            QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))
        )
        fill_contact_log(
            self.log_table, [e for e in case.events if e.kind is EventKind.CONTACT], lang
        )
        self.show_blockers()

    def log_contact(self) -> None:
        channel = self.channel_combo.currentText().strip()
        said = self.said_edit.text().strip()
        if not channel or not said:
            self.set_status(self.tr("Say how you contacted them and what they said."), error=True)
            return
        when = self.when_edit.dateTime().toPython()
        assert isinstance(when, datetime)
        event = CaseEvent(
            when,
            EventKind.CONTACT,
            channel=channel,
            reference_no=self.reference_edit.text().strip(),
            note=said,
            contact=self.whom_combo.currentText().strip(),
        )
        self.host.run(
            "case-log-contact",
            session.log_contact_task(self.host.ctx.db, self.state, self.host.anomaly_key, event),
            self._logged,
        )

    def _logged(self, result: Any) -> None:
        if isinstance(result, WizardState):
            self.reference_edit.clear()
            self.said_edit.clear()
            self.host.update_state(result, rebuild=True)
            self.set_status(self.tr("Contact logged. A follow-up reminder is set."))
