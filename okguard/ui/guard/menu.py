"""The main window's Guard menu: check before paying from anywhere in the app."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


class GuardMenu(QMenu):
    def __init__(self, window: QMainWindow, open_check: Callable[[], object]) -> None:
        super().__init__(window)
        self.check_action = QAction(self)
        self.check_action.setShortcut(QKeySequence("Ctrl+K"))
        self.check_action.triggered.connect(lambda: open_check())
        self.addAction(self.check_action)
        self.retranslateUi()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("&Guard"))
        self.check_action.setText(self.tr("Check a payment before paying…"))


def install_guard_menu(window: QMainWindow, open_check: Callable[[], object]) -> GuardMenu:
    menu = GuardMenu(window, open_check)
    window.menuBar().addMenu(menu)
    return menu
