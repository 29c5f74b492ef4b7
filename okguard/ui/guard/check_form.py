"""Check before paying: the user describes a payment; okguard says ok, look again or stop."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from okguard.domain.money import Money, MoneyError, currency_exponent
from okguard.guard.check import CheckResult
from okguard.services import guarding
from okguard.storage.repos import accounts as account_repo
from okguard.storage.repos.accounts import Account
from okguard.ui.context import UiContext
from okguard.ui.guard.limit_dialog import COMMON_CURRENCIES, parse_amount
from okguard.ui.guard.texts import OVER_COLOUR, VERDICT_COLOURS, verdict_advice, verdict_text
from okguard.ui.labels import kind_text
from okguard.ui.workers import Task


class CheckForm(QWidget):
    """``checked`` carries the :class:`CheckResult` once the worker has judged the payment."""

    checked = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        *,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now = now
        self.result: CheckResult | None = None
        self._task: Task | None = None
        self._accounts: list[Account] = []

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.payee = QLineEdit()
        self.payee_account = QLineEdit()
        self.amount = QLineEdit()
        self.currency = QComboBox()
        self.memo = QLineEdit()
        self.from_account = QComboBox()
        self.check_button = QPushButton()
        self.check_button.setDefault(True)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {OVER_COLOUR};")
        self.error.setWordWrap(True)
        self.error.hide()
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict.setWordWrap(True)
        self.verdict.hide()
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        money = QWidget()
        money_row = QHBoxLayout(money)
        money_row.setContentsMargins(0, 0, 0, 0)
        money_row.addWidget(self.amount, 1)
        money_row.addWidget(self.currency)
        self.captions = [QLabel() for _ in range(5)]
        form = QFormLayout()
        for caption, field in zip(
            self.captions,
            (self.payee, self.payee_account, money, self.memo, self.from_account),
            strict=True,
        ):
            form.addRow(caption, field)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(button_row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.reasons, 1)

        self.check_button.clicked.connect(self.run_check)
        for edit in (self.payee, self.payee_account, self.amount, self.memo):
            edit.returnPressed.connect(self.run_check)
        self.from_account.currentIndexChanged.connect(self._from_account_chosen)
        ctx.lang_changed.connect(self._lang_changed)
        self.retranslateUi()
        self.load_accounts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.intro.setText(
            self.tr(
                "About to pay someone? Describe the payment and okguard compares it with your "
                "history, your limits and known scam wording before any money leaves."
            )
        )
        captions = [
            self.tr("Payee"), self.tr("Their account, card or wallet"), self.tr("Amount"),
            self.tr("Memo"), self.tr("Paying from"),
        ]
        for label, text in zip(self.captions, captions, strict=True):
            label.setText(text)
        self.payee_account.setPlaceholderText(self.tr("Optional"))
        self.memo.setPlaceholderText(self.tr("Optional: what the payment is for"))
        self.amount.setPlaceholderText(self.tr("e.g. 4500"))
        if self.from_account.count():
            self.from_account.setItemText(0, self.tr("Not said"))
        self.check_button.setText(self.tr("Check"))
        self._show_result()

    def _lang_changed(self, _lang: str) -> None:
        self._show_result()  # the reasons are Msg values, rendered in ctx.lang

    def load_accounts(self, default_currency: str | None = None) -> None:
        self._accounts = account_repo.list_accounts(self.ctx.db)
        self.from_account.blockSignals(True)
        self.from_account.clear()
        self.from_account.addItem(self.tr("Not said"), None)
        for account in self._accounts:
            self.from_account.addItem(f"{account.name} ({account.currency})", account.id)
        self.from_account.blockSignals(False)
        codes = dict.fromkeys(
            [*([default_currency] if default_currency else []),
             *(a.currency for a in self._accounts), *COMMON_CURRENCIES]
        )
        chosen = self.currency.currentData()  # kept when the list is rebuilt
        self.currency.clear()
        for code in codes:
            self.currency.addItem(code, code)
        if chosen is not None:
            self.currency.setCurrentIndex(max(self.currency.findData(chosen), 0))

    def _from_account_chosen(self, *_args: object) -> None:
        wanted = self.from_account.currentData()
        account = next((a for a in self._accounts if a.id == wanted), None)
        if account is not None:
            index = self.currency.findData(account.currency)
            if index >= 0:
                self.currency.setCurrentIndex(index)

    # -- checking ----------------------------------------------------------------
    def _problems(self) -> tuple[Money | None, list[str]]:
        problems: list[str] = []
        if not self.payee.text().strip():
            problems.append(self.tr("Type whom you are about to pay"))
        code = str(self.currency.currentData())
        value = parse_amount(self.amount.text())
        money: Money | None = None
        if value is None or value <= 0:
            problems.append(self.tr("Type the amount as a number above zero, for example 4500"))
        else:
            try:
                money = Money.of(value, code)
            except MoneyError:
                problems.append(
                    self.tr("{0} amounts have at most {1} digits after the decimal point").format(
                        code, currency_exponent(code)
                    )
                )
        return money, problems

    def run_check(self) -> None:
        if self._task is not None:
            return
        money, problems = self._problems()
        if problems or money is None:
            self.error.setText("\n".join(problems))
            self.error.show()
            return
        self.error.hide()
        db = self.ctx.db
        payee = self.payee.text().strip()
        account = self.payee_account.text().strip() or None
        memo = self.memo.text().strip()
        from_id = self.from_account.currentData()
        when = self.now()

        def work(_progress: Callable[[int], None], _cancelled: Callable[[], bool]) -> object:
            return guarding.check(db, payee=payee, amount=money, account=account, memo=memo,
                                  now=when, from_account_id=from_id)

        self._task = task = self.ctx.worker.submit("check", work)
        task.finished.connect(self._checked)
        task.failed.connect(self._failed)
        self.check_button.setEnabled(False)
        self.check_button.setText(self.tr("Checking…"))

    def _done(self) -> None:
        self._task = None
        self.check_button.setEnabled(True)
        self.check_button.setText(self.tr("Check"))

    def _checked(self, result: object) -> None:
        self._done()
        if isinstance(result, CheckResult):
            self.result = result
            self._show_result()
            self.checked.emit(result)

    def _failed(self, message: str) -> None:
        self._done()
        self.error.setText(message)
        self.error.show()

    def _show_result(self) -> None:
        result = self.result
        if result is None:
            self.verdict.hide()
            self.reasons.setText("")
            return
        background, foreground = VERDICT_COLOURS[result.verdict]
        self.verdict.setStyleSheet(
            f"QLabel#verdict {{ background: {background}; color: {foreground}; "
            "font-size: 20px; font-weight: 700; padding: 12px; border-radius: 6px; }"
        )
        self.verdict.setText(verdict_text(result.verdict))
        self.verdict.show()
        self.reasons.setText(self.reasons_html())

    def reason_lines(self) -> list[str]:
        """Each reason as "<kind>: <explanation>" in the current language."""
        if self.result is None:
            return []
        lang = self.ctx.lang
        # The separator is translated too: Chinese uses a full-width colon.
        line = self.tr("{0}: {1}")
        return [line.format(kind_text(r.kind.value), r.message.render(lang))
                for r in self.result.reasons]

    def reasons_html(self) -> str:
        if self.result is None:
            return ""
        advice = f"<p>{escape(verdict_advice(self.result.verdict))}</p>"
        items = "".join(f"<li>{escape(line)}</li>" for line in self.reason_lines())
        return advice + (f"<ul>{items}</ul>" if items else "")


class CheckDialog(QDialog):
    """The form in its own window, so it can stay open beside a banking app."""

    def __init__(
        self,
        ctx: UiContext,
        *,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = CheckForm(ctx, now=now)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 560)
        self.retranslateUi()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Check before paying"))

    def prepare(self, currencies: Sequence[str] = ()) -> None:
        """Reload the accounts (an import may have added some) before showing again."""
        self.form.load_accounts(currencies[0] if currencies else None)
