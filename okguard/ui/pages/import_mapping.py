"""Dialog to say which column holds what, for tabular statements okguard was unsure about."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

ROLES: tuple[tuple[str, object], ...] = (
    ("date", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Date")),
    ("time", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Time")),
    ("datetime", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Date and time")),
    ("amount", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Amount (signed)")),
    ("debit", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Money out (debit)")),
    ("credit", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Money in (credit)")),
    ("direction", QT_TRANSLATE_NOOP("ColumnMappingDialog", "In/out marker")),
    ("currency", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Currency")),
    ("payee", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Payee")),
    ("payee_account", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Payee account")),
    ("memo", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Memo")),
    ("reference", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Reference")),
    ("status", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Status")),
    ("type", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Type")),
    ("category", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Category")),
)
# Roles okguard finds by itself but does not offer in the dialog; named in the summary.
OTHER_ROLES: tuple[tuple[str, object], ...] = (
    ("date_fallback", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Date (if the first is empty)")),
    ("timezone", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Time zone")),
    ("payee_fallback", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Payee (if the first is empty)")),
    ("counterpart_ref", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Merchant order number")),
    ("funding", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Paid with")),
    ("balance", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Balance")),
    ("account", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Account")),
    ("ignore", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Ignored")),
)
_LABELS = dict(ROLES + OTHER_ROLES)


def role_label(role: str) -> str:
    """A column role as the user reads it ("Payee", "收款方"); the code name if unknown."""
    label = _LABELS.get(role)
    return QCoreApplication.translate("ColumnMappingDialog", str(label)) if label else role


class ColumnMappingDialog(QDialog):
    def __init__(
        self, header: list[str], mapping: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.header = header
        self.setWindowTitle(self.tr("Column mapping"))
        intro = QLabel(
            self.tr(
                "okguard could not be sure which column holds what. Pick the column for each "
                "field; leave the rest on \u201c(none)\u201d."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for role, label in ROLES:
            combo = QComboBox()
            combo.addItem(self.tr("(none)"), -1)
            for i, name in enumerate(header):
                combo.addItem(name or self.tr("column {0}").format(i + 1), i)
            chosen = mapping.get(role)
            if chosen is not None and chosen in header:
                combo.setCurrentIndex(header.index(chosen) + 1)
            form.addRow(QCoreApplication.translate("ColumnMappingDialog", str(label)), combo)
            self.combos[role] = combo
        self.save_profile = QCheckBox(self.tr("Remember this for files with the same columns"))
        self.save_profile.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.save_profile)
        layout.addWidget(buttons)

    def mapping(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for role, combo in self.combos.items():
            index = int(combo.currentData())
            if index >= 0:
                out[role] = index
        return out
