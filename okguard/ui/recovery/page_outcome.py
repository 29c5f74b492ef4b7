"""Step 9: the outcome. A refund already in the history closes the case in one click."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from okguard.domain.formatting import format_money, format_when
from okguard.domain.money import Money, MoneyError
from okguard.domain.transaction import Transaction
from okguard.recovery import WizardState, WizardStep
from okguard.ui.recovery import session, texts
from okguard.ui.recovery.base import Host, StepPage, wrapped

_TX = Qt.ItemDataRole.UserRole


def refund_text(tx: Transaction, lang: str) -> str:
    return " · ".join(
        p
        for p in (
            format_when(tx.occurred_at, lang, with_time=False),
            format_money(tx.amount, lang),
            tx.payee,
            tx.reference or "",
        )
        if p
    )


class OutcomePage(StepPage):
    step = WizardStep.OUTCOME

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.summary = wrapped()
        self.summary.setStyleSheet("font-weight: 600;")
        self.refund_title = wrapped()
        self.refund_list = QListWidget()
        self.refund_list.setMaximumHeight(110)
        self.refund_button = QPushButton()
        self.manual_title = wrapped()
        self.amount_edit = QLineEdit()
        self.currency = QLabel()
        self.close_button = QPushButton()
        self.amount_edit.setMaximumWidth(180)
        manual = QHBoxLayout()
        manual.addWidget(self.amount_edit)
        manual.addWidget(self.currency)
        manual.addWidget(self.close_button)
        manual.addStretch(1)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.refund_title)
        self.body.addWidget(self.refund_list)
        self.body.addWidget(self.refund_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.manual_title)
        self.body.addLayout(manual)
        self.body.addStretch(1)
        self.refund_button.clicked.connect(self.accept_refund)
        self.close_button.clicked.connect(self.close_case)
        self.refund_list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Outcome"))
        self.setSubTitle(
            self.tr("Record what came back. The case stays open until you close it here.")
        )
        self.refund_title.setText(
            self.tr("These incoming payments look like your money coming back:")
        )
        self.refund_button.setText(self.tr("This is my money back: close the case"))
        self.manual_title.setText(
            self.tr("Or enter the amount you got back (0 if nothing) and close the case:")
        )
        self.amount_edit.setPlaceholderText("0.00")
        self.close_button.setText(self.tr("Close the case"))

    def refresh(self) -> None:
        case, lang = self.state.case, self.lang
        status = texts.name(texts.STATUSES, case.status)
        lost = case.lost_amount
        parts = [self.tr("Status: {0}").format(status)]
        if lost is not None:
            parts.append(self.tr("In question: {0}").format(format_money(lost, lang)))
        if case.recovered is not None:
            parts.append(self.tr("Recovered: {0}").format(format_money(case.recovered, lang)))
        self.summary.setText(" · ".join(parts))
        self.currency.setText(case.currency or "")
        closed = case.status.is_closed
        self.amount_edit.setEnabled(not closed)
        self.refund_list.clear()
        for widget in (self.refund_title, self.refund_list, self.refund_button):
            widget.hide()
        self._update_buttons()
        if case.id is not None and not closed:
            self.host.run(
                "case-refunds",
                session.refunds_lookup_task(self.host.ctx.db, case.id),
                self._show_refunds,
                blocking=False,
            )
        self.show_blockers()

    def _show_refunds(self, result: list[Transaction]) -> None:
        self.refund_list.clear()
        found = [t for t in result if isinstance(t, Transaction)]
        for tx in found:
            item = QListWidgetItem(refund_text(tx, self.lang))
            item.setData(_TX, tx.id)
            self.refund_list.addItem(item)
        for widget in (self.refund_title, self.refund_list, self.refund_button):
            widget.setVisible(bool(found))
        if found:
            self.refund_list.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        closed = self.state.case.status.is_closed
        self.close_button.setEnabled(not closed)
        self.refund_button.setEnabled(not closed and self.refund_list.currentItem() is not None)

    def accept_refund(self) -> None:
        item = self.refund_list.currentItem()
        case_id = self.state.case.id
        if item is None or case_id is None:
            return
        self.host.run(
            "case-refund",
            session.refund_task(self.host.ctx.db, case_id, int(item.data(_TX))),
            self._closed,
        )

    def close_case(self) -> None:
        currency = self.state.case.currency
        text = self.amount_edit.text().strip().replace(",", "") or "0"
        try:
            amount = Decimal(text)
            recovered = Money.of(amount, currency) if currency and amount > 0 else None
        except (InvalidOperation, MoneyError):
            self.set_status(self.tr("Enter an amount like 120.50."), error=True)
            return
        self.host.run(
            "case-close",
            session.outcome_task(self.host.ctx.db, self.state, self.host.anomaly_key, recovered),
            self._closed,
        )

    def _closed(self, result: Any) -> None:
        if isinstance(result, WizardState):
            self.host.update_state(result, rebuild=True)
            self.set_status(self.tr("The case is closed."))
