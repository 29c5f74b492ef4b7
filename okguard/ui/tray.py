"""Due reminders as desktop notifications while the app runs.

A timer asks the worker which reminders are due; each is shown once per run, from
the system tray when there is one and in the window's status bar otherwise. The
clock is injectable (``now``) so tests need no waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from okguard.guard.reminders import Reminder, due_reminders
from okguard.services.guarding import current_reminders
from okguard.ui.context import UiContext
from okguard.ui.workers import Task

CHECK_EVERY_MS = 5 * 60 * 1000
FIRST_CHECK_MS = 3000  # after the window is up, so the first notification has a context
SHOWN_AT_ONCE = 3  # titles listed in one notification; the rest are counted
NOTIFICATION_MS = 15_000


def guard_icon(size: int = 64) -> QIcon:
    """A green shield, drawn so the app needs no image files."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    shield = QPainterPath()
    shield.moveTo(QPointF(s * 0.5, s * 0.05))
    shield.lineTo(QPointF(s * 0.9, s * 0.2))
    shield.cubicTo(QPointF(s * 0.9, s * 0.6), QPointF(s * 0.7, s * 0.85),
                   QPointF(s * 0.5, s * 0.97))
    shield.cubicTo(QPointF(s * 0.3, s * 0.85), QPointF(s * 0.1, s * 0.6),
                   QPointF(s * 0.1, s * 0.2))
    shield.closeSubpath()
    painter.fillPath(shield, QColor("#1b7f3b"))
    tick = QPainterPath()
    tick.moveTo(QPointF(s * 0.3, s * 0.5))
    tick.lineTo(QPointF(s * 0.45, s * 0.65))
    tick.lineTo(QPointF(s * 0.72, s * 0.35))
    pen = painter.pen()
    pen.setColor(QColor("#ffffff"))
    pen.setWidthF(s * 0.09)
    painter.setPen(pen)
    painter.drawPath(tick)
    painter.end()
    return QIcon(pixmap)


class ReminderNotifier(QObject):
    """``notified`` carries the reminders shown by one notification (never twice a run)."""

    notified = Signal(list)

    def __init__(
        self,
        ctx: UiContext,
        *,
        now: Callable[[], datetime] = datetime.now,
        interval_ms: int = CHECK_EVERY_MS,
        tray_available: bool | None = None,
        on_open: Callable[[], None] | None = None,
        on_check: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now = now
        self.on_open = on_open
        self.on_check = on_check
        self.seen: set[str] = set()
        self.last_text = ""
        self._task: Task | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check_now)
        available = (
            QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
        )
        self.tray: QSystemTrayIcon | None = None
        self.menu: QMenu | None = None
        if available:
            self._make_tray()
        ctx.lang_changed.connect(self._lang_changed)

    def _make_tray(self) -> None:
        self.tray = QSystemTrayIcon(guard_icon(), self)
        self.menu = QMenu()
        self.open_action = QAction(self.menu)
        self.check_action = QAction(self.menu)
        self.quit_action = QAction(self.menu)
        for action in (self.open_action, self.check_action, self.quit_action):
            self.menu.addAction(action)
        self.open_action.triggered.connect(self._open)
        self.check_action.triggered.connect(self._check)
        self.quit_action.triggered.connect(QApplication.quit)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._activated)
        self.tray.messageClicked.connect(self._open)
        self.retranslate()
        self.tray.show()

    def _lang_changed(self, _lang: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        if self.tray is None:
            return
        self.tray.setToolTip(self.tr("okguard is watching for reminders"))
        self.open_action.setText(self.tr("Show okguard"))
        self.check_action.setText(self.tr("Check a payment before paying…"))
        self.quit_action.setText(self.tr("Quit"))

    def start(self, first_check_ms: int = FIRST_CHECK_MS) -> None:
        self.timer.start()
        QTimer.singleShot(first_check_ms, self, self.check_now)

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    # -- checking ----------------------------------------------------------------
    def check_now(self) -> None:
        if self._task is not None:
            return  # the previous check is still reading the history
        db, at = self.ctx.db, self.now()
        self._task = task = self.ctx.worker.submit(
            "reminders", lambda _p, _c: due_reminders(
                [v.reminder for v in current_reminders(db, at)], at
            )
        )
        task.finished.connect(self._arrived)
        task.failed.connect(self._failed)

    def _arrived(self, due: object) -> None:
        self._task = None
        if isinstance(due, list):
            self.notify([r for r in due if isinstance(r, Reminder)])

    def _failed(self, message: str) -> None:
        self._task = None
        self.ctx.notify(message)

    def notify(self, due: list[Reminder]) -> list[Reminder]:
        """Show the reminders not shown before in this run; returns them."""
        fresh = [r for r in due if r.key not in self.seen]
        self.seen.update(r.key for r in fresh)
        if not fresh:
            return []
        title, body = self.message_for(fresh)
        self.last_text = f"{title}\n{body}"
        if self.tray is not None:
            self.tray.showMessage(title, body, guard_icon(), NOTIFICATION_MS)
        else:
            self.ctx.notify(self.status_text(fresh))
        self.notified.emit(fresh)
        return fresh

    def message_for(self, fresh: list[Reminder]) -> tuple[str, str]:
        lang = self.ctx.lang
        titles = [r.title.render(lang) for r in fresh[:SHOWN_AT_ONCE]]
        if len(fresh) == 1:
            return self.tr("okguard reminder"), titles[0]
        body = "\n".join(titles)
        if len(fresh) > SHOWN_AT_ONCE:
            body += "\n" + self.tr("…and {0} more in Limits & reminders").format(
                len(fresh) - SHOWN_AT_ONCE
            )
        return self.tr("okguard: {0} reminders").format(len(fresh)), body

    def status_text(self, fresh: list[Reminder]) -> str:
        """The in-app notice when there is no tray: one line for the status bar."""
        if len(fresh) == 1:
            return self.tr("Reminder: {0}").format(fresh[0].title.render(self.ctx.lang))
        return self.tr("{0} reminders are due; see Limits & reminders").format(len(fresh))

    # -- tray menu ---------------------------------------------------------------
    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason is QSystemTrayIcon.ActivationReason.Trigger:
            self._open()

    def _open(self) -> None:
        if self.on_open is not None:
            self.on_open()

    def _check(self) -> None:
        if self.on_check is not None:
            self.on_check()


def start_notifier(ctx: UiContext, window: QWidget) -> ReminderNotifier:
    """Wire the notifier to the main window: clicking it brings up Limits & reminders."""
    from okguard.ui.main_window import MainWindow
    from okguard.ui.nav import Section

    def bring_up() -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()
        if isinstance(window, MainWindow):
            window.show_section(Section.LIMITS)

    def check() -> None:
        bring_up()
        if isinstance(window, MainWindow):
            window.limits.open_check()

    notifier = ReminderNotifier(ctx, on_open=bring_up, on_check=check, parent=window)
    notifier.start()
    return notifier
