"""Step 1: what happened, and the urgent first moves to tick off."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from okguard.domain.case import CaseType
from okguard.recovery import WizardStep
from okguard.ui.recovery import texts
from okguard.ui.recovery.base import Host, StepPage, clear_layout, wrapped


class UrgentPage(StepPage):
    step = WizardStep.URGENT

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.type_label = QLabel()
        self.type_combo = QComboBox()
        for case_type in CaseType:
            self.type_combo.addItem("", case_type.value)
        form = QFormLayout()
        form.addRow(self.type_label, self.type_combo)
        self.moves_title = QLabel()
        self.moves_title.setStyleSheet("font-weight: 600;")
        self.moves = QVBoxLayout()
        self.checks: dict[str, QCheckBox] = {}
        self.later_title = QLabel()
        self.later_title.setStyleSheet("font-weight: 600;")
        self.later = wrapped(rich=True)
        self.body.addLayout(form)
        self.body.addWidget(self.moves_title)
        self.body.addLayout(self.moves)
        self.body.addWidget(self.later_title)
        self.body.addWidget(self.later)
        self.body.addStretch(1)
        self.type_combo.currentIndexChanged.connect(self._type_chosen)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Do these first"))
        self.setSubTitle(
            self.tr("The first hours count most. Tick each move once you have done it.")
        )
        self.type_label.setText(self.tr("What happened?"))
        for i in range(self.type_combo.count()):
            kind = CaseType(self.type_combo.itemData(i))
            self.type_combo.setItemText(i, texts.name(texts.CASE_TYPES, kind))
        self.moves_title.setText(self.tr("Urgent first moves"))
        self.later_title.setText(self.tr("After that"))

    def refresh(self) -> None:
        state, lang = self.state, self.lang
        bundle = self.bundle()
        self.type_combo.blockSignals(True)
        self.type_combo.setCurrentIndex(self.type_combo.findData(state.case.type.value))
        self.type_combo.blockSignals(False)
        clear_layout(self.moves)
        self.checks = {}
        for move in bundle.urgent:
            check = QCheckBox(move.title.render(lang))
            check.setStyleSheet("font-weight: 600;")
            check.setChecked(move.id in state.urgent_done)
            check.toggled.connect(lambda done, move_id=move.id: self._tick(move_id, done))
            detail = move.text.render(lang)
            if not move.verified:
                detail += f" ({texts.unverified_marker()})"
            text = wrapped(detail)
            text.setContentsMargins(24, 0, 0, 6)
            sources = texts.sources_html(bundle, move.sources)
            if sources:
                text.setToolTip(sources)
            self.moves.addWidget(check)
            self.moves.addWidget(text)
            self.checks[move.id] = check
        esc = texts.escape
        steps = [
            f"<li><b>{esc(s.title.render(lang))}</b>: {esc(s.text.render(lang))}</li>"
            for s in bundle.steps
        ]
        self.later.setText(f"<ul>{''.join(steps)}</ul>" if steps else "")
        self.later_title.setVisible(bool(steps))
        self.show_blockers()

    def _tick(self, move_id: str, done: bool) -> None:
        self.host.update_state(self.state.tick_urgent(move_id, done))

    def _type_chosen(self, index: int) -> None:
        case = self.state.case
        kind = CaseType(self.type_combo.itemData(index))
        if kind is not case.type:
            self.host.update_state(
                self.state.classify(kind, case.jurisdiction, case.provider), rebuild=True
            )
