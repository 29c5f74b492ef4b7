"""Transactions page: the whole history in a paged table, filters, detail, review."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from okguard.storage.repos import accounts, anomalies, dashboard, transactions
from okguard.storage.repos.transactions import TxFilter
from okguard.ui.context import UiContext
from okguard.ui.models.transactions_model import (
    COL_ACCOUNT,
    COL_AMOUNT,
    COL_MEMO,
    COL_PAYEE,
    COL_REVIEWED,
    COL_STATUS,
    COL_WHEN,
    TransactionTableModel,
)
from okguard.ui.pages.tx_detail import TransactionDetail

SEARCH_DELAY_MS = 300
# Fixed widths: sizing to contents would have to read every loaded row.
COLUMN_WIDTHS = {
    COL_WHEN: 125,
    COL_ACCOUNT: 150,
    COL_PAYEE: 125,
    COL_AMOUNT: 105,
    COL_STATUS: 66,
    COL_REVIEWED: 76,
}


class TransactionsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = TransactionTableModel(ctx.db, lang=ctx.lang)

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.account = QComboBox()
        self.flagged_only = QCheckBox()
        self.unreviewed_only = QCheckBox()
        self.summary = QLabel()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_MEMO, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)

        self.detail = TransactionDetail()
        self.mark_button = QPushButton()
        self.up_to_button = QPushButton()
        self.mark_button.setEnabled(False)
        self.up_to_button.setEnabled(False)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.account, 2)
        filters.addWidget(self.flagged_only)
        filters.addWidget(self.unreviewed_only)

        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.mark_button)
        actions.addWidget(self.up_to_button)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([900, 280])

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.account.currentIndexChanged.connect(self.apply_filter)
        self.flagged_only.toggled.connect(self.apply_filter)
        self.unreviewed_only.toggled.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._update_summary)
        self.model.rowsInserted.connect(self._update_summary)
        self.mark_button.clicked.connect(self.mark_selected_reviewed)
        self.up_to_button.clicked.connect(self.mark_reviewed_up_to_current)
        ctx.data_changed.connect(self.refresh)
        ctx.lang_changed.connect(self._lang_changed)

        self.retranslateUi()
        self._load_accounts()
        self._update_summary()

    # -- translation -------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Transactions"))
        self.search.setPlaceholderText(self.tr("Search payee, memo or reference"))
        self.flagged_only.setText(self.tr("Flagged only"))
        self.unreviewed_only.setText(self.tr("Unreviewed only"))
        self.mark_button.setText(self.tr("Mark reviewed"))
        self.mark_button.setToolTip(self.tr("Mark the selected transactions as reviewed"))
        self.up_to_button.setText(self.tr("Reviewed up to here"))
        self.up_to_button.setToolTip(
            self.tr("Mark this transaction and everything before it as reviewed")
        )
        if self.account.count():
            self.account.setItemText(0, self.tr("All accounts"))
        self._update_summary()

    def _lang_changed(self, lang: str) -> None:
        self.model.set_lang(lang)
        self._selection_changed()

    # -- data --------------------------------------------------------------------
    def _load_accounts(self) -> None:
        current = self.account.currentData()
        self.account.blockSignals(True)
        self.account.clear()
        self.account.addItem(self.tr("All accounts"), None)
        for acc in accounts.list_accounts(self.ctx.db):
            self.account.addItem(acc.name, acc.id)
        found = self.account.findData(current)
        self.account.setCurrentIndex(max(found, 0))
        self.account.blockSignals(False)

    def current_filter(self) -> TxFilter:
        return TxFilter(
            text=self.search.text().strip(),
            account_id=self.account.currentData(),
            flagged_only=self.flagged_only.isChecked(),
            unreviewed_only=self.unreviewed_only.isChecked(),
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        self._load_accounts()
        self.model.set_filter(self.current_filter())

    def _update_summary(self, *_args: Any) -> None:
        total = self.model.total()
        shown = self.model.rowCount()
        self.summary.setText(self.tr("Showing {0} of {1} transactions").format(shown, total))

    # -- selection and review ----------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def _selection_changed(self, *_args: QItemSelection) -> None:
        rows = self.selected_rows()
        self.mark_button.setEnabled(bool(rows))
        current = self.table.currentIndex()
        self.up_to_button.setEnabled(current.isValid())
        if not current.isValid():
            self.detail.show_transaction(None, [], self.ctx.lang)
            return
        tx = self.model.transaction(current.row())
        ids = dashboard.anomaly_ids_for_transaction(self.ctx.db, tx.id)
        flags = anomalies.list_anomalies(self.ctx.db, ids=ids) if ids else []
        self.detail.show_transaction(tx, flags, self.ctx.lang)

    def select_row(self, row: int) -> None:
        index: QModelIndex = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)

    def mark_selected_reviewed(self) -> None:
        ids = [self.model.transaction(r).id for r in self.selected_rows()]
        if not ids:
            return
        db = self.ctx.db
        task = self.ctx.worker.submit(
            "mark-reviewed", lambda _p, _c: transactions.mark_reviewed(db, ids)
        )
        task.finished.connect(self._reviewed)
        task.failed.connect(self.ctx.notify)

    def mark_reviewed_up_to_current(self) -> None:
        current = self.table.currentIndex()
        if not current.isValid():
            return
        tx = self.model.transaction(current.row())
        db = self.ctx.db
        task = self.ctx.worker.submit(
            "mark-reviewed-up-to", lambda _p, _c: transactions.mark_reviewed_up_to(db, tx)
        )
        task.finished.connect(self._reviewed)
        task.failed.connect(self.ctx.notify)

    def _reviewed(self, changed: object) -> None:
        self.ctx.notify(self.tr("{0} transactions marked as reviewed").format(changed))
        self.ctx.data_changed.emit()
