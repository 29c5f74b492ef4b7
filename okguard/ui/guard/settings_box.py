"""When to ask "was that you?" and how often to ask for a review."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from okguard.domain.money import Money, MoneyError, currency_exponent
from okguard.services import guarding
from okguard.ui.context import UiContext
from okguard.ui.guard.limit_dialog import COMMON_CURRENCIES, parse_amount
from okguard.ui.guard.texts import OVER_COLOUR


class GuardSettingsBox(QGroupBox):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.amount = QLineEdit()
        self.amount.setMaximumWidth(140)
        self.currency = QComboBox()
        self.save_button = QPushButton()
        self.hint = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {OVER_COLOUR};")
        self.error.hide()
        self.cadence = QComboBox()
        for cadence in ("weekly", "monthly"):
            self.cadence.addItem("", cadence)

        threshold = QWidget()
        row = QHBoxLayout(threshold)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.amount)
        row.addWidget(self.currency)
        row.addWidget(self.save_button)
        row.addWidget(self.hint, 1)
        self.captions = [QLabel(), QLabel()]
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.captions[0], threshold)
        form.addRow("", self.error)
        form.addRow(self.captions[1], self.cadence)

        self.currency.currentIndexChanged.connect(self._show_threshold)
        self.save_button.clicked.connect(self.save_threshold)
        self.amount.returnPressed.connect(self.save_threshold)
        self.cadence.currentIndexChanged.connect(self._cadence_chosen)
        self.retranslateUi()
        self.load()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Confirmations and reviews"))
        self.captions[0].setText(self.tr("Ask me to confirm payments of at least"))
        self.captions[1].setText(self.tr("Remind me to review my transactions"))
        self.save_button.setText(self.tr("Save"))
        self.hint.setText(self.tr("0 stops asking for this currency."))
        self.cadence.setItemText(0, self.tr("every week"))
        self.cadence.setItemText(1, self.tr("every month"))

    def load(self, account_currencies: Sequence[str] = ()) -> None:
        """Show the stored settings; ``account_currencies`` come first in the list."""
        self._thresholds = guarding.confirm_thresholds(self.ctx.db)
        current = self.currency.currentData()
        codes = dict.fromkeys([*account_currencies, *self._thresholds, *COMMON_CURRENCIES])
        self.currency.blockSignals(True)
        self.currency.clear()
        for code in codes:
            self.currency.addItem(code, code)
        self.currency.setCurrentIndex(max(self.currency.findData(current), 0))
        self.currency.blockSignals(False)
        self._show_threshold()
        self.cadence.blockSignals(True)
        self.cadence.setCurrentIndex(max(self.cadence.findData(guarding.review_cadence(
            self.ctx.db)), 0))
        self.cadence.blockSignals(False)

    def _show_threshold(self, *_args: object) -> None:
        code = str(self.currency.currentData())
        money = self._thresholds.get(code)
        self.amount.setText(str(money.amount) if money is not None else "0")
        self.error.hide()

    def save_threshold(self) -> None:
        code = str(self.currency.currentData())
        value = parse_amount(self.amount.text())
        if value is None or value < 0:
            self._show_error(
                self.tr("Type the amount as a number, for example 2000; 0 stops asking")
            )
            return
        try:
            threshold = Money.of(value, code)
        except MoneyError:
            self._show_error(
                self.tr("{0} amounts have at most {1} digits after the decimal point").format(
                    code, currency_exponent(code)
                )
            )
            return
        self.error.hide()
        guarding.set_confirm_threshold(self.ctx.db, threshold)
        self._thresholds = guarding.confirm_thresholds(self.ctx.db)
        self.ctx.notify(self.tr("Confirmation threshold saved."))
        self.ctx.data_changed.emit()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _cadence_chosen(self, index: int) -> None:
        guarding.set_review_cadence(self.ctx.db, str(self.cadence.itemData(index)))
        self.ctx.data_changed.emit()
