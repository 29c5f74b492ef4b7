"""Current reminders with what the user does about them, and the calendar export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okguard.domain.formatting import format_when
from okguard.guard.ics import write_ics
from okguard.guard.reminders import ReminderKind, comparable
from okguard.services import guarding
from okguard.services.guarding import ReminderView
from okguard.storage.repos import reminders as reminder_repo
from okguard.ui.context import UiContext
from okguard.ui.guard.texts import reminder_kind_text
from okguard.ui.workers import Task

VIEW_ROLE = Qt.ItemDataRole.UserRole + 1
SNOOZE = timedelta(days=1)


class RemindersPanel(QGroupBox):
    def __init__(
        self, ctx: UiContext, now: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now = now
        self.views: list[ReminderView] = []
        self._shown_at: datetime | None = None
        self._review_task: Task | None = None

        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.confirm_button = QPushButton()
        self.review_button = QPushButton()
        self.done_button = QPushButton()
        self.snooze_button = QPushButton()
        self.export_button = QPushButton()

        actions = QHBoxLayout()
        for button in (self.confirm_button, self.review_button, self.done_button,
                       self.snooze_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        layout.addLayout(actions)

        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.review_button.clicked.connect(self.mark_reviewed)
        self.done_button.clicked.connect(self.done_selected)
        self.snooze_button.clicked.connect(self.snooze_selected)
        self.export_button.clicked.connect(self.choose_ics_file)
        ctx.lang_changed.connect(self._lang_changed)
        self.retranslateUi()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Reminders"))
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Kind"), self.tr("What")])
        self.confirm_button.setText(self.tr("Yes, that was me"))
        self.confirm_button.setToolTip(
            self.tr("Confirm the selected payments: you made them and they were right")
        )
        self.review_button.setText(self.tr("Mark all reviewed"))
        self.review_button.setToolTip(
            self.tr("Mark every transaction up to now as reviewed")
        )
        self.done_button.setText(self.tr("Done"))
        self.snooze_button.setText(self.tr("Remind me tomorrow"))
        self.export_button.setText(self.tr("Export to calendar (.ics)…"))
        self.show_reminders(self.views, self._shown_at)

    def _lang_changed(self, _lang: str) -> None:
        # LanguageChange arrives before ctx.lang switches; the titles (Msg) need the new one.
        self.show_reminders(self.views, self._shown_at)

    # -- showing -----------------------------------------------------------------
    def show_reminders(self, views: list[ReminderView], now: datetime | None) -> None:
        self.views = list(views)
        self._shown_at = now
        lang = self.ctx.lang
        selected = {self._identity(v) for v in self.selected_views()}
        self.tree.clear()
        for view in self.views:
            reminder = view.reminder
            due_now = now is not None and comparable(reminder.due) <= comparable(now)
            when = self.tr("Now") if due_now else format_when(reminder.due, lang)
            title = reminder.title.render(lang)
            item = QTreeWidgetItem([when, reminder_kind_text(reminder.kind), title])
            item.setToolTip(2, title)
            item.setData(0, VIEW_ROLE, view)
            self.tree.addTopLevelItem(item)
            item.setSelected(self._identity(view) in selected)
        self.status.setText("" if self.views else self.tr("No reminders."))
        self._update_buttons()

    @staticmethod
    def _identity(view: ReminderView) -> str:
        return view.reminder.key

    def selected_views(self) -> list[ReminderView]:
        views = [item.data(0, VIEW_ROLE) for item in self.tree.selectedItems()]
        return [v for v in views if isinstance(v, ReminderView)]

    def select_transaction(self, transaction_id: int) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            view = item.data(0, VIEW_ROLE) if item is not None else None
            if (
                item is not None
                and isinstance(view, ReminderView)
                and view.reminder.transaction_id == transaction_id
            ):
                self.tree.clearSelection()
                item.setSelected(True)
                self.tree.setCurrentItem(item)
                return True
        return False

    def _update_buttons(self) -> None:
        chosen = self.selected_views()
        kinds = {v.reminder.kind for v in chosen}
        self.confirm_button.setEnabled(ReminderKind.CONFIRMATION in kinds)
        has_review = any(v.reminder.kind is ReminderKind.REVIEW for v in self.views)
        self.review_button.setEnabled(has_review and self._review_task is None)
        stored = any(v.stored_id is not None for v in chosen)
        self.done_button.setEnabled(stored)
        self.snooze_button.setEnabled(stored)
        self.export_button.setEnabled(bool(self.views))

    # -- actions -----------------------------------------------------------------
    def confirm_selected(self) -> None:
        ids = [
            v.reminder.transaction_id
            for v in self.selected_views()
            if v.reminder.kind is ReminderKind.CONFIRMATION and v.reminder.transaction_id
        ]
        if not ids:
            return
        count = guarding.confirm_payments(self.ctx.db, ids)
        self.ctx.notify(self.tr("Confirmed {0} payments. Thank you.").format(count))
        self.ctx.data_changed.emit()

    def done_selected(self) -> None:
        ids = [v.stored_id for v in self.selected_views() if v.stored_id is not None]
        for reminder_id in ids:
            reminder_repo.complete(self.ctx.db, reminder_id)
        if ids:
            self.ctx.data_changed.emit()

    def snooze_selected(self) -> None:
        until = self.now() + SNOOZE
        ids = [v.stored_id for v in self.selected_views() if v.stored_id is not None]
        for reminder_id in ids:
            reminder_repo.snooze(self.ctx.db, reminder_id, until)
        if ids:
            self.ctx.data_changed.emit()

    def mark_reviewed(self) -> None:
        if self._review_task is not None:
            return
        db, now = self.ctx.db, self.now()
        task = self.ctx.worker.submit(
            "mark reviewed", lambda _p, _c: guarding.mark_reviewed_until(db, now)
        )
        self._review_task = task
        task.finished.connect(self._reviewed)
        task.failed.connect(self._review_failed)
        self._update_buttons()

    def _reviewed(self, count: object) -> None:
        self._review_task = None
        self.ctx.notify(self.tr("Marked {0} transactions reviewed.").format(count))
        self.ctx.data_changed.emit()

    def _review_failed(self, message: str) -> None:
        self._review_task = None
        self._update_buttons()
        self.ctx.notify(message)

    def choose_ics_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export reminders to a calendar"),
            str(Path.home() / "okguard-reminders.ics"),
            self.tr("Calendar files (*.ics)"),
        )
        if name:
            self.export_ics(Path(name))

    def export_ics(self, path: Path) -> None:
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        try:
            write_ics(path, [v.reminder for v in self.views], dtstamp=self.now(),
                      lang=self.ctx.lang)
        except OSError as exc:
            self.ctx.notify(self.tr("Could not write {0}: {1}").format(str(path), exc.strerror))
            return
        self.ctx.notify(
            self.tr("Wrote {0} reminders to {1}").format(len(self.views), str(path))
        )
