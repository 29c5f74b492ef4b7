"""Settings page: language (switches live, remembered) and where the data lives."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from okguard.services.home_currency import COMMON, home_currency, set_home_currency
from okguard.ui.context import UiContext

LANGUAGE_NAMES = (("en", "English"), ("zh_CN", "简体中文"))


class SettingsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:  # each language named in itself: no tr()
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(ctx.lang), 0))
        self.db_path = QLabel(str(ctx.db.path))
        self.folder = QLabel(str(ctx.db.path.parent))
        for label in (self.db_path, self.folder):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        self.open_folder = QPushButton()
        # Currency codes are the same in every language: no tr().
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(COMMON)
        self.currency.setCurrentText(home_currency(ctx.db))
        self.currency_note = QLabel()
        self.currency_note.setWordWrap(True)
        self.form_labels = [QLabel(), QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.form_labels[0], self.language)
        form.addRow(self.form_labels[3], self.currency)
        form.addRow("", self.currency_note)
        form.addRow(self.form_labels[1], self.db_path)
        form.addRow(self.form_labels[2], self.folder)
        form.addRow("", self.open_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addStretch(1)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.currency.activated.connect(lambda _index: self._currency_chosen())
        if (edit := self.currency.lineEdit()) is not None:
            edit.editingFinished.connect(self._currency_chosen)
        self.open_folder.clicked.connect(self._open_folder)
        ctx.lang_changed.connect(self._lang_changed)
        self.retranslateUi()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Settings"))
        self.form_labels[0].setText(self.tr("Language"))
        self.form_labels[1].setText(self.tr("Database"))
        self.form_labels[2].setText(self.tr("Data folder"))
        self.open_folder.setText(self.tr("Open data folder"))
        self.form_labels[3].setText(self.tr("Currency of statements that do not name one"))
        self.currency_note.setText(self.tr("Used when a file has no currency column or symbol."))

    def _currency_chosen(self) -> None:
        text = self.currency.currentText()
        try:
            code = set_home_currency(self.ctx.db, text)
        except ValueError:
            self.currency_note.setText(
                self.tr("{0} is not a currency code; use three letters such as CNY, USD or EUR")
                .format(text)
            )
            return
        self.currency.setCurrentText(code)
        self.currency_note.setText(self.tr("Used when a file has no currency column or symbol."))

    def _language_chosen(self, index: int) -> None:
        self.ctx.set_lang(str(self.language.itemData(index)))

    def _lang_changed(self, lang: str) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        self.language.blockSignals(False)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.db.path.parent)))
