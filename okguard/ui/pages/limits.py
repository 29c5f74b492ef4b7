"""Limits & reminders page: the personal limits stored in the database."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from okguard.domain.formatting import format_money
from okguard.domain.limits import Limit
from okguard.storage.repos import limits
from okguard.ui.context import UiContext


class LimitsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._limits: list[Limit] = []
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # takes the space while the list is hidden
        ctx.data_changed.connect(self.refresh)
        ctx.lang_changed.connect(lambda _lang: self.refresh())
        self.retranslateUi()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Limits & reminders"))
        self.empty.setText(
            self.tr(
                "No limits set yet. A limit caps what may leave your accounts per payment, "
                "day, month, payee or category; okguard flags payments that go over it."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Limit"), self.tr("Applies to"), self.tr("Per"), self.tr("Amount")]
        )
        self.refresh()

    def _scope_text(self, limit: Limit) -> str:
        names = {
            "per_payment": self.tr("Any single payment"),
            "daily": self.tr("All payments in a day"),
            "monthly": self.tr("All payments in a month"),
            "payee": self.tr("Payee: {0}").format(limit.payee or ""),
            "category": self.tr("Category: {0}").format(limit.category or ""),
            "new_payee": self.tr("First payment to a new payee"),
        }
        return names.get(limit.scope.value, limit.scope.value)

    def _period_text(self, limit: Limit) -> str:
        names = {"payment": self.tr("payment"), "day": self.tr("day"), "month": self.tr("month")}
        return names.get(limit.period.value, limit.period.value)

    def refresh(self) -> None:
        self._limits = limits.list_limits(self.ctx.db)
        self.table.setRowCount(len(self._limits))
        for row, limit in enumerate(self._limits):
            cells = [
                limit.label or self._scope_text(limit),
                self._scope_text(limit),
                self._period_text(limit),
                format_money(limit.amount, self.ctx.lang),
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.empty.setVisible(not self._limits)
        self.table.setVisible(bool(self._limits))
