"""Step 7: the letter, in English or Chinese, as PDF, DOCX or text to paste."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from okguard.domain.case import ContactDetails
from okguard.recovery import WizardStep
from okguard.ui.recovery import session
from okguard.ui.recovery.base import Host, StepPage, wrapped
from okguard.ui.recovery.session import LetterResult

# Each language named in itself, like the Settings page.
LETTER_LANGUAGES = (("en", "English"), ("zh_CN", "简体中文"))
FORMATS = ("pdf", "docx", "txt")
_CONTACT_FIELDS = ("name", "address", "phone", "email", "account_number", "id_last4")


class LetterPage(StepPage):
    step = WizardStep.LETTER

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.lang_combo = QComboBox()
        for code, language in LETTER_LANGUAGES:
            self.lang_combo.addItem(language, code)
        self.format_combo = QComboBox()
        for fmt in FORMATS:
            self.format_combo.addItem("", fmt)
        self.unmask = QCheckBox()
        self.option_labels = [QLabel(), QLabel()]
        options = QFormLayout()
        options.addRow(self.option_labels[0], self.lang_combo)
        options.addRow(self.option_labels[1], self.format_combo)
        options.addRow("", self.unmask)

        self.sender_box = QGroupBox()
        sender = QFormLayout(self.sender_box)
        self.fields: dict[str, QLineEdit] = {}
        self.field_labels: dict[str, QLabel] = {}
        for key in _CONTACT_FIELDS:
            self.fields[key] = QLineEdit()
            self.field_labels[key] = QLabel()
            sender.addRow(self.field_labels[key], self.fields[key])
            self.fields[key].editingFinished.connect(self._contact_changed)

        self.save_button = QPushButton()
        self.text_button = QPushButton()
        self.copy_button = QPushButton()
        self.copy_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.text_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        self.saved = wrapped(selectable=True)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setMinimumHeight(160)

        self.body.addLayout(options)
        self.body.addWidget(self.sender_box)
        self.body.addLayout(buttons)
        self.body.addWidget(self.saved)
        self.body.addWidget(self.preview, 1)
        self.save_button.clicked.connect(self.save_letter)
        self.text_button.clicked.connect(self.show_text)
        self.copy_button.clicked.connect(self.copy_text)
        host.ctx.lang_changed.connect(self._ui_lang_changed)
        self._ui_lang_changed(host.ctx.lang)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("The letter"))
        self.setSubTitle(
            self.tr(
                "A letter to your provider with the payments, what went wrong, what you ask "
                "for, the legal basis, the deadlines and your evidence."
            )
        )
        self.option_labels[0].setText(self.tr("Language"))
        self.option_labels[1].setText(self.tr("Format"))
        names = {
            "pdf": self.tr("PDF"),
            "docx": self.tr("Word (DOCX)"),
            "txt": self.tr("Plain text (to paste into a form or chat)"),
        }
        for i, fmt in enumerate(FORMATS):
            self.format_combo.setItemText(i, names[fmt])
        self.unmask.setText(self.tr("Show account numbers in full (masked by default)"))
        self.sender_box.setTitle(self.tr("Your details, as the sender"))
        labels = {
            "name": self.tr("Name"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "account_number": self.tr("Your account or card number"),
            "id_last4": self.tr("ID number, last 4 digits"),
        }
        for key, text in labels.items():
            self.field_labels[key].setText(text)
        self.save_button.setText(self.tr("Save the letter…"))
        self.text_button.setText(self.tr("Show as text"))
        self.copy_button.setText(self.tr("Copy"))

    def _ui_lang_changed(self, lang: str) -> None:
        # The letter follows the app's language until the user picks one.
        if not self.preview.toPlainText():
            self.lang_combo.setCurrentIndex(max(self.lang_combo.findData(lang), 0))

    def refresh(self) -> None:
        contact = self.state.case.contact
        for key, edit in self.fields.items():
            edit.setText(str(getattr(contact, key)))
        self.show_blockers()

    def _contact_changed(self) -> None:
        values = {key: edit.text().strip() for key, edit in self.fields.items()}
        contact = ContactDetails(**values)
        if contact != self.state.case.contact:
            self.host.update_state(self.state.with_contact_details(contact))

    def selected_format(self) -> str:
        return str(self.format_combo.currentData())

    def save_letter(self) -> None:
        fmt = self.selected_format()
        filters = {
            "pdf": self.tr("PDF files (*.pdf)"),
            "docx": self.tr("Word documents (*.docx)"),
            "txt": self.tr("Text files (*.txt)"),
        }
        case_id = self.state.case.id
        suggested = f"okguard-case-{case_id or 'new'}-letter.{fmt}"
        path = self.host.save_file(self.tr("Save the letter"), suggested, filters[fmt])
        if path is None:
            return
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        self._render(fmt, path)

    def show_text(self) -> None:
        self._render("txt", None)

    def _render(self, fmt: str, path: Path | None) -> None:
        self._contact_changed()
        self.saved.setText(self.tr("Writing the letter…"))
        self.host.run(
            "case-letter",
            session.letter_task(
                self.host.ctx.db,
                self.state,
                self.host.anomaly_key,
                lang=str(self.lang_combo.currentData()),
                fmt=fmt,
                path=path,
                mask=not self.unmask.isChecked(),
            ),
            self._rendered,
        )

    def _rendered(self, result: Any) -> None:
        if not isinstance(result, LetterResult):
            self.saved.setText("")
            return
        self.preview.setPlainText(result.text)
        self.copy_button.setEnabled(True)
        if result.path is not None:
            self.saved.setText(self.tr("Saved to {0}").format(str(result.path)))
        else:
            self.saved.setText(self.tr("Copy the text below into the provider's form or chat."))
        self.host.update_state(result.state)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.preview.toPlainText())
        self.set_status(self.tr("The letter text is on the clipboard."))
