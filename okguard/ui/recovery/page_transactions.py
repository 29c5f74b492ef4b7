"""Step 2: the payments the case is about; pre-filled from the flag, editable."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from okguard.domain.case import TransactionRef
from okguard.domain.formatting import format_money, format_when
from okguard.domain.transaction import Transaction
from okguard.recovery import WizardStep
from okguard.storage.repos import transactions as tx_repo
from okguard.ui.recovery.base import Host, StepPage, wrapped

RECENT_LIMIT = 200
_ID = Qt.ItemDataRole.UserRole


def _table() -> QTableWidget:
    table = QTableWidget(0, 4)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: Sequence[TransactionRef | Transaction], lang: str) -> None:
    table.setRowCount(len(rows))
    for r, tx in enumerate(rows):
        cells = (
            format_when(tx.occurred_at, lang),
            tx.payee,
            format_money(tx.amount, lang, signed=True),
            tx.reference or "",
        )
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(_ID, tx.id)
            if c == 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class TransactionsPage(StepPage):
    step = WizardStep.TRANSACTIONS

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.case_title = QLabel()
        self.case_title.setStyleSheet("font-weight: 600;")
        self.case_table = _table()
        self.case_table.setMaximumHeight(180)
        self.total = wrapped()
        self.remove_button = QPushButton()
        self.recent_title = QLabel()
        self.recent_title.setStyleSheet("font-weight: 600;")
        self.search = QLineEdit()
        self.recent_table = _table()
        self.add_button = QPushButton()
        self._recent: list[Transaction] = []

        row = QHBoxLayout()
        row.addWidget(self.total, 1)
        row.addWidget(self.remove_button)
        add_row = QHBoxLayout()
        add_row.addWidget(self.search, 1)
        add_row.addWidget(self.add_button)
        self.body.addWidget(self.case_title)
        self.body.addWidget(self.case_table)
        self.body.addLayout(row)
        self.body.addWidget(self.recent_title)
        self.body.addLayout(add_row)
        self.body.addWidget(self.recent_table, 1)

        self.remove_button.clicked.connect(self.remove_selected)
        self.add_button.clicked.connect(self.add_selected)
        self.recent_table.doubleClicked.connect(lambda _index: self.add_selected())
        self.search.textChanged.connect(lambda _text: self._load_recent())
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("The payments concerned"))
        self.setSubTitle(
            self.tr("These are the payments you want back. Add or remove payments as needed.")
        )
        headers = [self.tr("Date"), self.tr("Payee"), self.tr("Amount"), self.tr("Transaction ID")]
        self.case_table.setHorizontalHeaderLabels(headers)
        self.recent_table.setHorizontalHeaderLabels(headers)
        self.case_title.setText(self.tr("In this case"))
        self.remove_button.setText(self.tr("Remove from the case"))
        self.recent_title.setText(self.tr("Recent transactions"))
        self.search.setPlaceholderText(self.tr("Search payee, memo or transaction ID"))
        self.add_button.setText(self.tr("Add to the case"))

    def refresh(self) -> None:
        case, lang = self.state.case, self.lang
        refs = sorted(case.transactions, key=lambda t: t.occurred_at)
        _fill(self.case_table, refs, lang)
        lost = case.lost_amount
        if lost is not None:
            self.total.setText(self.tr("Amount in question: {0}").format(format_money(lost, lang)))
        else:
            self.total.setText("")
        self._load_recent()
        self.show_blockers()

    def _load_recent(self) -> None:
        # One indexed page of the newest rows: fast enough for the GUI thread.
        where = tx_repo.TxFilter(text=self.search.text().strip())
        in_case = {t.id for t in self.state.case.transactions}
        found = tx_repo.page(self.host.ctx.db, limit=RECENT_LIMIT, where=where)
        self._recent = [t for t in found if t.id not in in_case]
        _fill(self.recent_table, self._recent, self.lang)

    @staticmethod
    def _selected_ids(table: QTableWidget) -> set[int]:
        return {int(i.data(_ID)) for i in table.selectedItems() if i.data(_ID) is not None}

    def remove_selected(self) -> None:
        drop = self._selected_ids(self.case_table)
        if drop:
            kept = [t for t in self.state.case.transactions if t.id not in drop]
            self.host.update_state(self.state.with_transactions(kept), rebuild=True)

    def add_selected(self) -> None:
        wanted = self._selected_ids(self.recent_table)
        new = [TransactionRef.from_transaction(t) for t in self._recent if t.id in wanted]
        if new:
            refs = [*self.state.case.transactions, *new]
            self.host.update_state(self.state.with_transactions(refs), rebuild=True)
