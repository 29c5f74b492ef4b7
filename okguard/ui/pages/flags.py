"""Flags page: open findings grouped by severity, with the actions a user takes on them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okguard.domain.formatting import format_money, format_when
from okguard.domain.transaction import Transaction
from okguard.storage.repos import anomalies, payees, transactions
from okguard.storage.repos.anomalies import StoredAnomaly
from okguard.ui.context import UiContext
from okguard.ui.labels import kind_text, severity_text
from okguard.ui.workers import Task

ANOMALY_ROLE = Qt.ItemDataRole.UserRole + 1


class FlagsPage(QWidget):
    case_requested = Signal(object)  # (StoredAnomaly, list[Transaction])

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._flags: list[StoredAnomaly] = []
        self._scan_task: Task | None = None

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss_button = QPushButton()
        self.trust_button = QPushButton()
        self.case_button = QPushButton()
        self.rescan_button = QPushButton()
        self.cancel_button = QPushButton()
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress.hide()
        self.cancel_button.hide()

        actions = QHBoxLayout()
        for w in (self.dismiss_button, self.trust_button, self.case_button):
            actions.addWidget(w)
        actions.addStretch(1)
        actions.addWidget(self.progress)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.rescan_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.explanation)
        layout.addWidget(self.status)
        layout.addLayout(actions)

        self.tree.currentItemChanged.connect(self._update_buttons)
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.trust_button.clicked.connect(self.trust_current)
        self.case_button.clicked.connect(self.open_case)
        self.rescan_button.clicked.connect(self.rescan)
        self.cancel_button.clicked.connect(self.cancel_scan)
        ctx.data_changed.connect(self.refresh)
        ctx.lang_changed.connect(lambda _lang: self.refresh())

        self.retranslateUi()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Flags"))
        self.intro.setText(
            self.tr(
                "Payments okguard thinks you should look at. Dismiss what is fine, trust a "
                "payee you know, or open a case to get money back."
            )
        )
        self.tree.setHeaderLabels([self.tr("What okguard found"), self.tr("Amount")])
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.trust_button.setText(self.tr("Trust this payee"))
        self.case_button.setText(self.tr("Open a recovery case"))
        self.rescan_button.setText(self.tr("Rescan"))
        self.cancel_button.setText(self.tr("Cancel"))

    # -- data --------------------------------------------------------------------
    def refresh(self) -> None:
        self._flags = anomalies.list_anomalies(self.ctx.db)
        wanted = {i for f in self._flags for i in f.anomaly.transaction_ids}
        by_id = {t.id: t for t in transactions.get_many(self.ctx.db, wanted)}
        lang = self.ctx.lang
        self.tree.clear()
        for severity in ("high", "medium", "low"):
            group = [f for f in self._flags if f.anomaly.severity.value == severity]
            if not group:
                continue
            top = QTreeWidgetItem([f"{severity_text(severity)} ({len(group)})"])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            for stored in group:
                a = stored.anomaly
                item = QTreeWidgetItem([f"{kind_text(a.kind.value)}: {a.message.render(lang)}", ""])
                item.setToolTip(0, a.message.render(lang))
                item.setData(0, ANOMALY_ROLE, stored)
                top.addChild(item)
                for tid in a.transaction_ids:
                    tx = by_id.get(tid)
                    if tx is not None:
                        item.addChild(self._tx_item(tx, lang))
        self.tree.expandAll()
        if not self._flags:
            self.status.setText(self.tr("No open flags."))
        else:
            self.status.setText("")
        self._update_buttons()

    @staticmethod
    def _tx_item(tx: Transaction, lang: str) -> QTreeWidgetItem:
        when = format_when(tx.occurred_at, lang, with_time=tx.has_time)
        item = QTreeWidgetItem(
            [f"{when}  {tx.payee}  {tx.memo}".strip(), format_money(tx.amount, lang, signed=True)]
        )
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def open_count(self) -> int:
        return len(self._flags)

    def current_flag(self) -> StoredAnomaly | None:
        item = self.tree.currentItem()
        while item is not None:
            stored = item.data(0, ANOMALY_ROLE)
            if isinstance(stored, StoredAnomaly):
                return stored
            item = item.parent()
        return None

    def select_flag(self, anomaly_id: int) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount() if top is not None else 0):
                child = top.child(j) if top is not None else None
                stored = child.data(0, ANOMALY_ROLE) if child is not None else None
                if (
                    child is not None
                    and isinstance(stored, StoredAnomaly)
                    and stored.id == anomaly_id
                ):
                    self.tree.setCurrentItem(child)
                    return True
        return False

    def _update_buttons(self, *_args: object) -> None:
        stored = self.current_flag()
        self.dismiss_button.setEnabled(stored is not None)
        self.case_button.setEnabled(stored is not None)
        self.trust_button.setEnabled(stored is not None and bool(stored.anomaly.payee))
        self.explanation.setText(stored.anomaly.message.render(self.ctx.lang) if stored else "")

    # -- actions -----------------------------------------------------------------
    def dismiss_current(self) -> None:
        stored = self.current_flag()
        if stored is None:
            return
        anomalies.dismiss(self.ctx.db, stored.id)
        self.ctx.notify(self.tr("Flag dismissed; it will not come back for these payments."))
        self.ctx.data_changed.emit()

    def trust_current(self) -> None:
        stored = self.current_flag()
        if stored is None or not stored.anomaly.payee:
            return
        payees.set_trusted(self.ctx.db, stored.anomaly.payee)
        self.ctx.notify(
            self.tr(
                "{0} is now trusted; future scans will not flag it as new or look-alike."
            ).format(stored.anomaly.payee)
        )

    def open_case(self) -> None:
        stored = self.current_flag()
        if stored is None:
            return
        txs = transactions.get_many(self.ctx.db, stored.anomaly.transaction_ids)
        self.case_requested.emit((stored, txs))

    def rescan(self) -> None:
        if self._scan_task is not None:
            return
        db = self.ctx.db

        def work(progress: Callable[[int], None], cancelled: Callable[[], bool]) -> object:
            # Imported here so the window opens even while the detectors are missing.
            from okguard.services.scanning import run_scan

            def report(done: int, total: int) -> None:
                progress(done * 100 // total if total else 0)

            return run_scan(db, progress=report, cancelled=cancelled)

        self._scan_task = task = self.ctx.worker.submit("scan", work)
        task.progress.connect(self.progress.setValue)
        task.finished.connect(self._scan_done)
        task.failed.connect(self._scan_failed)
        task.cancelled.connect(self._scan_cancelled)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.rescan_button.setEnabled(False)
        self.status.setText(self.tr("Scanning your history…"))

    def cancel_scan(self) -> None:
        if self._scan_task is not None:
            self._scan_task.cancel()

    def _scan_finished(self) -> None:
        self._scan_task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.rescan_button.setEnabled(True)

    def _scan_done(self, result: object) -> None:
        self._scan_finished()
        new = len(getattr(result, "new_ids", []))
        self.ctx.data_changed.emit()
        self.status.setText(self.tr("Scan finished: {0} new flags.").format(new))

    def _scan_failed(self, message: str) -> None:
        self._scan_finished()
        self.status.setText(self.tr("The scan did not finish: {0}").format(message))

    def _scan_cancelled(self) -> None:
        self._scan_finished()
        self.status.setText(self.tr("Scan cancelled; the flags were not changed."))
