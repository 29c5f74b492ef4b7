"""The form for adding or editing one personal limit."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from okguard.domain.limits import Limit, LimitPeriod, LimitScope
from okguard.domain.money import Money, MoneyError, currency_exponent
from okguard.guard.limits import validate_limit
from okguard.storage.repos.accounts import Account
from okguard.ui.guard.texts import OVER_COLOUR, period_text, scope_text

COMMON_CURRENCIES = ("CNY", "USD", "EUR", "GBP", "HKD", "JPY")
# Scopes whose period is fixed; payee and category limits let the user choose.
_FIXED_PERIOD = {
    LimitScope.PER_PAYMENT: LimitPeriod.PAYMENT,
    LimitScope.DAILY: LimitPeriod.DAY,
    LimitScope.MONTHLY: LimitPeriod.MONTH,
    LimitScope.NEW_PAYEE: LimitPeriod.PAYMENT,
}


def parse_amount(text: str) -> Decimal | None:
    """The typed amount (thousands separators allowed), or None when it is no number."""
    cleaned = text.replace(",", "").replace("，", "").strip()
    if not cleaned:
        return Decimal(0)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class LimitDialog(QDialog):
    """Builds a :class:`Limit`; shows ``validate_limit``'s problems inline and refuses
    to close with Save until there are none."""

    def __init__(
        self,
        accounts: Sequence[Account],
        *,
        limit: Limit | None = None,
        default_currency: str = "CNY",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.accounts = list(accounts)
        self.editing = limit
        self.result_limit: Limit | None = None

        self.scope = QComboBox()
        for scope in LimitScope:
            self.scope.addItem("", scope.value)
        self.payee = QLineEdit()
        self.category = QLineEdit()
        self.period = QComboBox()
        for period in LimitPeriod:
            self.period.addItem("", period.value)
        self.account = QComboBox()
        self.account.addItem("", None)
        for account in self.accounts:
            self.account.addItem(f"{account.name} ({account.currency})", account.id)
        self.amount = QLineEdit()
        self.currency = QComboBox()
        currencies = dict.fromkeys([default_currency, *(a.currency for a in self.accounts),
                                    *COMMON_CURRENCIES])
        for code in currencies:
            self.currency.addItem(code, code)
        self.label = QLineEdit()
        self.errors = QLabel()
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(f"color: {OVER_COLOUR};")
        self.errors.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )

        self.form = QFormLayout()
        self.form_labels = [QLabel() for _ in range(7)]
        money = QWidget()
        money_row = QHBoxLayout(money)
        money_row.setContentsMargins(0, 0, 0, 0)
        money_row.addWidget(self.amount, 1)
        money_row.addWidget(self.currency)
        rows = [self.scope, self.payee, self.category, self.period, self.account, money,
                self.label]
        for caption, field in zip(self.form_labels, rows, strict=True):
            self.form.addRow(caption, field)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)

        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.account.currentIndexChanged.connect(self._account_changed)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslateUi()
        if limit is not None:
            self._load(limit)
        else:
            self.currency.setCurrentIndex(max(self.currency.findData(default_currency), 0))
        self._scope_changed()
        self._account_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Edit limit") if self.editing else self.tr("Add a limit"))
        captions = [
            self.tr("Limit on"), self.tr("Payee"), self.tr("Category"), self.tr("Period"),
            self.tr("Account"), self.tr("Amount"), self.tr("Name (optional)"),
        ]
        for label, text in zip(self.form_labels, captions, strict=True):
            label.setText(text)
        for i in range(self.scope.count()):
            self.scope.setItemText(i, scope_text(LimitScope(self.scope.itemData(i))))
        for i in range(self.period.count()):
            self.period.setItemText(i, period_text(LimitPeriod(self.period.itemData(i))))
        self.account.setItemText(0, self.tr("All accounts"))
        self.payee.setPlaceholderText(self.tr("The name as it shows on your statements"))
        self.amount.setPlaceholderText(self.tr("e.g. 500"))
        self.label.setPlaceholderText(self.tr("e.g. Rent, Games"))

    # -- form behaviour ----------------------------------------------------------
    def _load(self, limit: Limit) -> None:
        self.scope.setCurrentIndex(max(self.scope.findData(limit.scope.value), 0))
        self.period.setCurrentIndex(max(self.period.findData(limit.period.value), 0))
        self.payee.setText(limit.payee or "")
        self.category.setText(limit.category or "")
        self.label.setText(limit.label)
        if limit.account_id is not None:
            self.account.setCurrentIndex(max(self.account.findData(limit.account_id), 0))
        if self.currency.findData(limit.amount.currency) < 0:
            self.currency.addItem(limit.amount.currency, limit.amount.currency)
        self.currency.setCurrentIndex(self.currency.findData(limit.amount.currency))
        self.amount.setText(str(limit.amount.amount))

    def current_scope(self) -> LimitScope:
        return LimitScope(self.scope.currentData())

    def _scope_changed(self, *_args: object) -> None:
        scope = self.current_scope()
        self.form.setRowVisible(1, scope is LimitScope.PAYEE)
        self.form.setRowVisible(2, scope is LimitScope.CATEGORY)
        self.form.setRowVisible(3, scope not in _FIXED_PERIOD)
        self.adjustSize()

    def _account_changed(self, *_args: object) -> None:
        # A per-account limit is in the account's currency; the choice is locked to it.
        account = self._chosen_account()
        if account is not None:
            index = self.currency.findData(account.currency)
            if index < 0:
                self.currency.addItem(account.currency, account.currency)
                index = self.currency.count() - 1
            self.currency.setCurrentIndex(index)
        self.currency.setEnabled(account is None)

    def _chosen_account(self) -> Account | None:
        wanted = self.account.currentData()
        return next((a for a in self.accounts if a.id == wanted), None)

    # -- result ------------------------------------------------------------------
    def build(self) -> tuple[Limit | None, list[str]]:
        """The limit the form describes, or the problems (in the UI language) that stop it."""
        currency = str(self.currency.currentData())
        value = parse_amount(self.amount.text())
        if value is None:
            return None, [self.tr("Type the amount as a number, for example 500 or 12.50")]
        try:
            amount = Money.of(value, currency)
        except MoneyError:
            return None, [
                self.tr("{0} amounts have at most {1} digits after the decimal point").format(
                    currency, currency_exponent(currency)
                )
            ]
        scope = self.current_scope()
        period = _FIXED_PERIOD.get(scope) or LimitPeriod(self.period.currentData())
        limit = Limit(
            id=self.editing.id if self.editing else 0,
            scope=scope,
            amount=amount,
            period=period,
            account_id=self.account.currentData(),
            payee=(self.payee.text().strip() or None) if scope is LimitScope.PAYEE else None,
            category=(
                (self.category.text().strip() or None)
                if scope is LimitScope.CATEGORY
                else None
            ),
            label=self.label.text().strip(),
        )
        return limit, [problem.render() for problem in validate_limit(limit)]

    def try_accept(self) -> None:
        limit, problems = self.build()
        if problems or limit is None:
            self.errors.setText("\n".join(problems))
            self.errors.show()
            return
        self.errors.hide()
        self.result_limit = limit
        self.accept()
