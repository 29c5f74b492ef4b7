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
        self.form_labels = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.form_labels[0], self.language)
        form.addRow(self.form_labels[1], self.db_path)
        form.addRow(self.form_labels[2], self.folder)
        form.addRow("", self.open_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addStretch(1)
        self.language.currentIndexChanged.connect(self._language_chosen)
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

    def _language_chosen(self, index: int) -> None:
        self.ctx.set_lang(str(self.language.itemData(index)))

    def _lang_changed(self, lang: str) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        self.language.blockSignals(False)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.db.path.parent)))
