"""Step 6: the evidence checklist; attached files are copied into the case and hashed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from okguard.domain.case import EvidenceItem
from okguard.recovery import WizardState, WizardStep
from okguard.recovery.evidence import custom_item
from okguard.ui.recovery import session, texts
from okguard.ui.recovery.base import Host, StepPage, clear_layout


class EvidencePage(StepPage):
    step = WizardStep.EVIDENCE

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.checks: dict[str, QCheckBox] = {}
        self.files: dict[str, QLabel] = {}
        self.attach_buttons: dict[str, QPushButton] = {}
        self.own_label = QLineEdit()
        self.own_button = QPushButton()
        own = QHBoxLayout()
        own.addWidget(self.own_label, 1)
        own.addWidget(self.own_button)
        self.body.addLayout(self.grid)
        self.body.addLayout(own)
        self.body.addStretch(1)
        self.own_button.clicked.connect(self.add_own_item)
        self.own_label.returnPressed.connect(self.add_own_item)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Evidence"))
        self.setSubTitle(
            self.tr(
                "Tick what you have. Attached files are copied into the case folder with a "
                "fingerprint (SHA-256) that shows later they were not changed."
            )
        )
        self.own_label.setPlaceholderText(self.tr("Something else you have, e.g. a chat export"))
        self.own_button.setText(self.tr("Add to the list"))
        for button in self.attach_buttons.values():
            button.setText(self.tr("Attach file…"))

    def refresh(self) -> None:
        clear_layout(self.grid)
        self.checks, self.files, self.attach_buttons = {}, {}, {}
        for row, item in enumerate(self.state.case.evidence):
            check = QCheckBox(texts.local(item.label, self.lang))
            check.setChecked(item.done)
            check.toggled.connect(lambda done, key=item.key: self._tick(key, done))
            file_label = QLabel(self._file_text(item))
            if item.sha256:
                file_label.setToolTip(f"SHA-256 {item.sha256}")
            button = QPushButton(self.tr("Attach file…"))
            button.clicked.connect(lambda _checked=False, key=item.key: self.attach(key))
            self.grid.addWidget(check, row, 0)
            self.grid.addWidget(file_label, row, 1)
            self.grid.addWidget(button, row, 2)
            self.checks[item.key] = check
            self.files[item.key] = file_label
            self.attach_buttons[item.key] = button
        self.show_blockers()

    @staticmethod
    def _file_text(item: EvidenceItem) -> str:
        if not item.file_name:
            return ""
        return f"{item.file_name} · SHA-256 {(item.sha256 or '')[:12]}…"

    def _tick(self, key: str, done: bool) -> None:
        self.host.update_state(self.state.tick_evidence(key, done))

    def add_own_item(self) -> None:
        label = self.own_label.text().strip()
        if not label:
            return
        keys = {e.key for e in self.state.case.evidence}
        n = 1
        while f"own_{n}" in keys:
            n += 1
        item = custom_item(f"own_{n}", label)
        self.own_label.clear()
        self.host.update_state(self.state.add_evidence(item).tick_evidence(item.key), rebuild=True)

    def attach(self, key: str) -> None:
        item = next(e for e in self.state.case.evidence if e.key == key)
        path = self.host.open_file(
            self.tr("Choose the file for: {0}").format(texts.local(item.label, self.lang))
        )
        if path is None:
            return
        label = item.label if isinstance(item.label, str) else ""
        self.set_status(self.tr("Copying {0}…").format(path.name))
        self.host.run(
            "case-attach",
            session.attach_task(
                self.host.ctx.db, self.state, self.host.anomaly_key, key, path, label
            ),
            self._attached,
        )

    def _attached(self, result: Any) -> None:
        if isinstance(result, WizardState):
            self.host.update_state(result, rebuild=True)
            self.set_status(self.tr("File attached and fingerprinted."))
