"""Limits & reminders page: personal limits with how much of each is used, the
confirmation and review settings, current reminders, and check before paying."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okguard.domain.formatting import format_money
from okguard.domain.limits import Limit
from okguard.guard.limits import LimitUsage, describe_limit, effective_period
from okguard.services import guarding
from okguard.storage.repos import accounts as account_repo
from okguard.storage.repos import limits
from okguard.storage.repos.accounts import Account
from okguard.ui.context import UiContext
from okguard.ui.guard.check_form import CheckDialog
from okguard.ui.guard.data import GuardSnapshot, load_guard
from okguard.ui.guard.limit_dialog import LimitDialog
from okguard.ui.guard.reminders_panel import RemindersPanel
from okguard.ui.guard.settings_box import GuardSettingsBox
from okguard.ui.guard.texts import OVER_COLOUR, period_text
from okguard.ui.guard.usage_bar import UsageBar

LIMIT_ROLE = Qt.ItemDataRole.UserRole + 1
USED_COLUMN = 4


class LimitsPage(QWidget):
    """``loaded`` fires when usage and reminders have been (re)computed off the GUI thread."""

    loaded = Signal()

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now = now
        self._limits: list[Limit] = []
        self._accounts: list[Account] = []
        self.snapshot: GuardSnapshot | None = None
        self._stale = True
        self.check_dialog: CheckDialog | None = None
        self.dialog: QDialog | None = None  # the limit form or removal question now open

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.check_button = QPushButton()
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(USED_COLUMN, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(USED_COLUMN, 280)
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.remove_button = QPushButton()
        self.limits_box = QGroupBox()
        self.settings_box = GuardSettingsBox(ctx)
        self.reminders = RemindersPanel(ctx, self._now)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.check_button)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.limits_box)
        box.addWidget(self.empty)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.limits_box, 1)
        layout.addWidget(self.settings_box)
        layout.addWidget(self.reminders, 1)

        self.check_button.clicked.connect(self.open_check)
        self.add_button.clicked.connect(self.add_limit)
        self.edit_button.clicked.connect(self.edit_limit)
        self.remove_button.clicked.connect(self.remove_limit)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(self._double_clicked)
        ctx.data_changed.connect(self.refresh)
        ctx.lang_changed.connect(self._lang_changed)
        self.retranslateUi()
        self.refresh()

    def _lang_changed(self, _lang: str) -> None:
        self._render_limits()  # descriptions and money follow ctx.lang, set after LanguageChange

    def _double_clicked(self, _item: QTableWidgetItem) -> None:
        self.edit_limit()

    def _now(self) -> datetime:
        return self.now()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Limits & reminders"))
        self.check_button.setText(self.tr("Check a payment before paying…"))
        self.limits_box.setTitle(self.tr("Your limits"))
        self.empty.setText(
            self.tr(
                "No limits set yet. A limit caps what may leave your accounts per payment, "
                "day, month, payee or category; okguard flags payments that go over it."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Limit"), self.tr("Applies to"), self.tr("Per"), self.tr("Amount"),
                self.tr("Used this period"), self.tr("Left"),
            ]
        )
        self.add_button.setText(self.tr("Add a limit…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.remove_button.setText(self.tr("Remove"))
        self._render_limits()

    # -- data --------------------------------------------------------------------
    def refresh(self) -> None:
        """The list of limits at once (a small table); usage and reminders follow from
        the worker, which reads the whole history, once the page is on screen."""
        self._limits = limits.list_limits(self.ctx.db)
        self._accounts = account_repo.list_accounts(self.ctx.db)
        self.settings_box.load(self._currencies())
        self._render_limits()
        if self.isVisible():
            self._load()
        else:
            # Usage and reminders read the whole history: wait until someone looks.
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._load()

    def _load(self) -> None:
        self._stale = False
        db, now = self.ctx.db, self.now()
        task = self.ctx.worker.submit("limits", lambda _p, _c: load_guard(db, now))
        task.finished.connect(self._loaded)
        task.failed.connect(self.ctx.notify)

    def _loaded(self, snapshot: object) -> None:
        if isinstance(snapshot, GuardSnapshot):
            self.snapshot = snapshot
            self._render_limits()
            self.reminders.show_reminders(snapshot.reminders, snapshot.now)
        self.loaded.emit()

    def _currencies(self) -> list[str]:
        """Account currencies, most used first (by number of accounts)."""
        counts: dict[str, int] = {}
        for account in self._accounts:
            counts[account.currency] = counts.get(account.currency, 0) + 1
        return sorted(counts, key=lambda c: -counts[c])

    def _account_name(self, account_id: int | None) -> str | None:
        return next((a.name for a in self._accounts if a.id == account_id), None)

    def _render_limits(self) -> None:
        lang = self.ctx.lang
        usage = self.snapshot.usage if self.snapshot else {}
        selected = self.current_limit()
        self.table.clearSelection()  # rows may have moved; the same limit is selected again
        self.table.setRowCount(len(self._limits))
        for row, limit in enumerate(self._limits):
            described = describe_limit(limit, self._account_name(limit.account_id)).render(lang)
            applies = self._account_name(limit.account_id) if limit.account_id else None
            cells = [
                limit.label or described,
                applies or self.tr("All accounts"),
                period_text(effective_period(limit)),
                format_money(limit.amount, lang),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(described)
                item.setData(LIMIT_ROLE, limit.id)
                self.table.setItem(row, column, item)
            self._render_usage(row, usage.get(limit.id), lang)
            if selected is not None and selected.id == limit.id:
                self.table.selectRow(row)
        self.empty.setVisible(not self._limits)
        self.table.setVisible(bool(self._limits))
        self._update_buttons()

    def _render_usage(self, row: int, used: LimitUsage | None, lang: str) -> None:
        if used is None:
            self.table.removeCellWidget(row, USED_COLUMN)
            self.table.setItem(row, USED_COLUMN, QTableWidgetItem("…"))
            self.table.setItem(row, 5, QTableWidgetItem(""))
            return
        bar = self.table.cellWidget(row, USED_COLUMN)
        if not isinstance(bar, UsageBar):
            bar = UsageBar()
            self.table.setItem(row, USED_COLUMN, QTableWidgetItem(""))
            self.table.setCellWidget(row, USED_COLUMN, bar)
        bar.set_usage(used, lang)
        if used.over:
            left = QTableWidgetItem(
                self.tr("Over by {0}").format(format_money(used.spent - used.limit.amount, lang))
            )
            left.setForeground(QBrush(QColor(OVER_COLOUR)))
        else:
            left = QTableWidgetItem(format_money(used.remaining, lang))
        self.table.setItem(row, 5, left)

    def usage_bar(self, row: int) -> UsageBar | None:
        bar = self.table.cellWidget(row, USED_COLUMN)
        return bar if isinstance(bar, UsageBar) else None

    def current_limit(self) -> Limit | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        item = self.table.item(rows.pop(), 0)
        wanted = item.data(LIMIT_ROLE) if item is not None else None
        return next((lim for lim in self._limits if lim.id == wanted), None)

    def _update_buttons(self) -> None:
        chosen = self.current_limit() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # -- actions -----------------------------------------------------------------
    # Dialogs open window-modal with open(), not exec(): no nested event loop, and a
    # test (or the tray) can reach the open dialog through ``self.dialog``.
    def _open_limit_dialog(self, limit: Limit | None) -> LimitDialog:
        currencies = self._currencies()
        dialog = LimitDialog(
            self._accounts,
            limit=limit,
            default_currency=currencies[0] if currencies else "CNY",
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        replacing = limit.id if limit is not None else None

        def save() -> None:
            if dialog.result_limit is not None:
                self.save_limit(dialog.result_limit, replacing=replacing)

        dialog.accepted.connect(save)
        self._track(dialog)
        return dialog

    def add_limit(self) -> LimitDialog:
        return self._open_limit_dialog(None)

    def edit_limit(self) -> LimitDialog | None:
        current = self.current_limit()
        return self._open_limit_dialog(current) if current is not None else None

    def save_limit(self, limit: Limit, *, replacing: int | None = None) -> None:
        if replacing is None:
            limits.add_limit(self.ctx.db, limit)
            self.ctx.notify(self.tr("Limit added."))
        else:
            guarding.replace_limit(self.ctx.db, replacing, limit)
            self.ctx.notify(self.tr("Limit changed."))
        self.ctx.data_changed.emit()

    def remove_limit(self) -> QMessageBox | None:
        current = self.current_limit()
        if current is None:
            return None
        described = describe_limit(current, self._account_name(current.account_id))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove limit"),
            self.tr("Remove the {0}?").format(described.render(self.ctx.lang)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        limit_id = current.id
        box.accepted.connect(lambda: self._remove(limit_id))
        self._track(box)
        return box

    def _track(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _remove(self, limit_id: int) -> None:
        limits.remove_limit(self.ctx.db, limit_id)
        self.ctx.notify(self.tr("Limit removed."))
        self.ctx.data_changed.emit()

    def open_check(self) -> CheckDialog:
        if self.check_dialog is None:
            self.check_dialog = CheckDialog(self.ctx, now=self.now, parent=self)
        dialog = self.check_dialog
        if dialog.isVisible():  # already open somewhere behind: bring it forward
            dialog.raise_()
            dialog.activateWindow()
        else:
            dialog.prepare(self._currencies())
            dialog.show()
        return dialog

