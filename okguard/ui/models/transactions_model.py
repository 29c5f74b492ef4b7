"""Table model over the stored transactions, paged from SQLite with keyset pagination.

Sorting and filtering happen in SQL: a proxy model sorting a million Python-backed
rows takes minutes. The model keeps only immutable ``Transaction`` rows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from okguard.domain.formatting import format_money, format_when
from okguard.domain.transaction import Transaction
from okguard.storage import Database
from okguard.storage.repos import anomalies, transactions
from okguard.storage.repos.transactions import SortKey, TxFilter

Index = QModelIndex | QPersistentModelIndex

COL_WHEN, COL_ACCOUNT, COL_PAYEE, COL_MEMO, COL_AMOUNT, COL_STATUS, COL_REVIEWED = range(7)
_HEADERS = (
    QT_TRANSLATE_NOOP("TransactionTableModel", "Date"),
    QT_TRANSLATE_NOOP("TransactionTableModel", "Account"),
    QT_TRANSLATE_NOOP("TransactionTableModel", "Payee"),
    QT_TRANSLATE_NOOP("TransactionTableModel", "Memo"),
    QT_TRANSLATE_NOOP("TransactionTableModel", "Amount"),
    QT_TRANSLATE_NOOP("TransactionTableModel", "Status"),
    QT_TRANSLATE_NOOP("TransactionTableModel", "Reviewed"),
)
SORT_KEYS = {
    COL_WHEN: SortKey.TIME,
    COL_ACCOUNT: SortKey.ACCOUNT,
    COL_PAYEE: SortKey.PAYEE,
    COL_AMOUNT: SortKey.AMOUNT,
}
SEVERITY_COLOURS = {"high": "#f6c1bd", "medium": "#fbe3a8", "low": "#eef3d6"}
NEGATIVE = QColor("#b3261e")


def header_text(column: int) -> str:
    return QCoreApplication.translate("TransactionTableModel", str(_HEADERS[column]))


def status_text(status: str) -> str:
    names = {
        "booked": QCoreApplication.translate("TransactionTableModel", "booked"),
        "pending": QCoreApplication.translate("TransactionTableModel", "pending"),
        "failed": QCoreApplication.translate("TransactionTableModel", "failed"),
        "closed": QCoreApplication.translate("TransactionTableModel", "closed"),
        "refunded": QCoreApplication.translate("TransactionTableModel", "refunded"),
        "reversed": QCoreApplication.translate("TransactionTableModel", "reversed"),
    }
    return names.get(status, status)


class TransactionTableModel(QAbstractTableModel):
    TransactionRole = Qt.ItemDataRole.UserRole + 1
    SeverityRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, db: Database, *, page_size: int = 500, lang: str = "en") -> None:
        super().__init__()
        self._db = db
        self.page_size = page_size
        self.lang = lang
        self.sort_key = SortKey.TIME
        self.descending = True
        self.filter = TxFilter()
        self._rows: list[Transaction] = []
        self._severity: dict[int, str] = {}
        self._exhausted = False
        self.reload()

    # -- loading ---------------------------------------------------------------
    def _next_page(self) -> list[Transaction]:
        after = transactions.cursor_after(self._rows[-1], self.sort_key) if self._rows else None
        batch = transactions.page(
            self._db,
            sort=self.sort_key,
            descending=self.descending,
            after=after,
            limit=self.page_size,
            where=self.filter,
        )
        self._exhausted = len(batch) < self.page_size
        self._severity.update(
            anomalies.flagged_transaction_severity(self._db, [t.id for t in batch])
        )
        return batch

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._severity = {}
        self._exhausted = False
        self._rows = self._next_page()
        self.endResetModel()

    def set_filter(self, where: TxFilter) -> None:
        self.filter = where
        self.reload()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COL_REVIEWED))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COL_REVIEWED)

    def total(self) -> int:
        return transactions.count(self._db, self.filter)

    def transaction(self, row: int) -> Transaction:
        return self._rows[row]

    def row_of(self, transaction_id: int) -> int | None:
        for i, tx in enumerate(self._rows):
            if tx.id == transaction_id:
                return i
        return None

    # -- Qt model API ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        batch = self._next_page()
        if not batch:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self.sort_key and descending == self.descending:
            return
        self.sort_key = key
        self.descending = descending
        self.reload()

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        tx = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(tx, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_AMOUNT:
            return QBrush(NEGATIVE) if tx.amount.minor < 0 else None
        if role == Qt.ItemDataRole.BackgroundRole:
            severity = self._severity.get(tx.id)
            return QBrush(QColor(SEVERITY_COLOURS[severity])) if severity else None
        if role == self.TransactionRole:
            return tx
        if role == self.SeverityRole:
            return self._severity.get(tx.id)
        return None

    def _display(self, tx: Transaction, column: int) -> str:
        if column == COL_WHEN:
            return format_when(tx.occurred_at, self.lang, with_time=tx.has_time)
        if column == COL_ACCOUNT:
            return tx.account_name
        if column == COL_PAYEE:
            return tx.payee
        if column == COL_MEMO:
            return tx.memo
        if column == COL_AMOUNT:
            return format_money(tx.amount, self.lang, signed=True)
        if column == COL_STATUS:
            return status_text(tx.status.value)
        if column == COL_REVIEWED:
            return QCoreApplication.translate("TransactionTableModel", "yes") if tx.reviewed else ""
        return ""
