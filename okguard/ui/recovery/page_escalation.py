"""Step 8: where to turn when the provider refuses or lets its deadline pass."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from okguard.domain.case import CaseStatus, EventKind
from okguard.domain.formatting import format_when
from okguard.recovery import WizardState, WizardStep
from okguard.recovery.rule_types import Duty
from okguard.services.cases import contact_script
from okguard.ui.recovery import session, texts
from okguard.ui.recovery.base import Host, ScriptBox, StepPage, clear_layout, wrapped
from okguard.ui.recovery.page_deadlines import deadline_statuses


class EscalationPage(StepPage):
    step = WizardStep.ESCALATION

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.situation = wrapped()
        self.bodies = QVBoxLayout()
        self.scripts: list[ScriptBox] = []
        self.record_box = QGroupBox()
        self.to_combo = QComboBox()
        self.reference_edit = QLineEdit()
        self.note_edit = QLineEdit()
        self.escalate_button = QPushButton()
        self.form_labels = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout(self.record_box)
        form.addRow(self.form_labels[0], self.to_combo)
        form.addRow(self.form_labels[1], self.reference_edit)
        form.addRow(self.form_labels[2], self.note_edit)
        form.addRow("", self.escalate_button)
        self.done_list = wrapped()
        self.body.addWidget(self.situation)
        self.body.addLayout(self.bodies)
        self.body.addWidget(self.record_box)
        self.body.addWidget(self.done_list)
        self.body.addStretch(1)
        self.escalate_button.clicked.connect(self.record_escalation)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("If they refuse or are late"))
        self.setSubTitle(
            self.tr(
                "You can skip this step while the provider is still within its time. "
                "Escalate when it refuses or its deadline passes."
            )
        )
        self.record_box.setTitle(self.tr("Record an escalation"))
        self.form_labels[0].setText(self.tr("To"))
        self.form_labels[1].setText(self.tr("Reference number"))
        self.form_labels[2].setText(self.tr("Note"))
        self.escalate_button.setText(self.tr("I have escalated"))

    def refresh(self) -> None:
        case, lang, bundle = self.state.case, self.lang, self.bundle()
        provider_deadlines = [
            s for s in deadline_statuses(self) if s.duty is Duty.PROVIDER and s.due is not None
        ]
        late = [s for s in provider_deadlines if s.overdue]
        if late:
            worst = late[0]
            self.situation.setStyleSheet("color: #b91c1c; font-weight: 600;")
            text = self.tr("The provider's deadline ({0}) passed on {1}. You can escalate now.")
            due = format_when(worst.due or session.today(), lang, with_time=False)
            self.situation.setText(text.format(worst.rule.title.render(lang), due))
        elif provider_deadlines:
            first = provider_deadlines[0]
            self.situation.setStyleSheet("")
            self.situation.setText(
                self.tr("If the provider refuses, or has not answered by {0}, turn to:").format(
                    format_when(first.due or session.today(), lang, with_time=False)
                )
            )
        else:
            self.situation.setStyleSheet("")
            self.situation.setText(self.tr("If the provider refuses or does not answer, turn to:"))

        clear_layout(self.bodies)
        self.scripts = []
        self.to_combo.clear()
        for contact in bundle.escalation:
            who = contact.who.render(lang)
            box = QGroupBox(f"{texts.name(texts.ROLES, contact.role)}: {who}")
            inner = QVBoxLayout(box)
            how = f"{contact.channel.render(lang)}: {contact.value.render(lang)}"
            if not contact.verified:
                how += f" ({texts.unverified_marker()})"
            inner.addWidget(wrapped(how, selectable=True))
            script = ScriptBox()
            script.set_script(contact_script(case, contact.say, lang))
            inner.addWidget(script)
            self.bodies.addWidget(box)
            self.scripts.append(script)
            self.to_combo.addItem(who, contact.channel.render(lang))
        if not bundle.escalation:
            self.bodies.addWidget(
                wrapped(
                    self.tr(
                        "The rules name no ombudsman, regulator or court for this case; a "
                        "consumer advice service or a lawyer can tell you where to turn."
                    )
                )
            )
        self.record_box.setEnabled(bool(bundle.escalation) and not case.status.is_closed)
        done = [e for e in case.events if e.kind is EventKind.ESCALATION]
        lines = [
            f"{format_when(e.when, lang)} · {e.contact}"
            + (f" · #{e.reference_no}" if e.reference_no else "")
            for e in done
        ]
        if case.status is CaseStatus.ESCALATED or lines:
            self.done_list.setText(self.tr("Escalated:") + "\n" + "\n".join(lines))
        else:
            self.done_list.setText("")
        self.show_blockers()

    def record_escalation(self) -> None:
        if self.to_combo.currentIndex() < 0:
            return
        state = self.state.escalate(
            session.now(),
            self.to_combo.currentText(),
            channel=str(self.to_combo.currentData() or ""),
            reference_no=self.reference_edit.text().strip(),
            note=self.note_edit.text().strip(),
        )
        self.host.run(
            "case-escalate",
            session.save_task(self.host.ctx.db, state, self.host.anomaly_key),
            self._recorded,
        )

    def _recorded(self, result: Any) -> None:
        if isinstance(result, WizardState):
            self.reference_edit.clear()
            self.note_edit.clear()
            self.host.update_state(result, rebuild=True)
            self.set_status(self.tr("Escalation recorded."))
