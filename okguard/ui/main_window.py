"""The main window: navigation on the left, one page per section, drops → Import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from okguard.storage.repos import anomalies
from okguard.storage.repos.anomalies import StoredAnomaly
from okguard.ui.context import UiContext
from okguard.ui.guard.menu import install_guard_menu
from okguard.ui.nav import Section, section_label
from okguard.ui.pages.cases import CasesPage
from okguard.ui.pages.dashboard import DashboardPage
from okguard.ui.pages.flags import FlagsPage
from okguard.ui.pages.import_page import ImportPage
from okguard.ui.pages.limits import LimitsPage
from okguard.ui.pages.settings import SettingsPage
from okguard.ui.pages.transactions import TransactionsPage

STYLE = """
QLabel#pageTitle { font-size: 18px; font-weight: 600; padding: 4px 0 8px 0; }
QLabel#firstStep { font-size: 15px; }
QListWidget#nav { font-size: 14px; border: none; background: palette(window); }
QListWidget#nav::item { padding: 8px 10px; }
"""


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle("okguard")
        self.setAcceptDrops(True)
        self.resize(1200, 760)
        self.setStyleSheet(STYLE)

        self.dashboard = DashboardPage(ctx)
        self.transactions = TransactionsPage(ctx)
        self.flags = FlagsPage(ctx)
        self.limits = LimitsPage(ctx)
        self.cases = CasesPage(ctx)
        self.importer = ImportPage(ctx)
        self.settings = SettingsPage(ctx)
        self.pages: dict[Section, QWidget] = {
            Section.DASHBOARD: self.dashboard,
            Section.TRANSACTIONS: self.transactions,
            Section.FLAGS: self.flags,
            Section.LIMITS: self.limits,
            Section.CASES: self.cases,
            Section.IMPORT: self.importer,
            Section.SETTINGS: self.settings,
        }

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(200)
        self.nav.setIconSize(QSize(0, 0))
        self.stack = QStackedWidget()
        for section in Section:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, int(section))
            self.nav.addItem(item)
            self.stack.addWidget(self.pages[section])

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.dashboard.import_requested.connect(lambda: self.show_section(Section.IMPORT))
        self.flags.case_requested.connect(self._open_case)
        self.guard_menu = install_guard_menu(self, self.limits.open_check)
        ctx.data_changed.connect(self.retranslateUi)
        ctx.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.retranslateUi()
        self.show_section(Section.DASHBOARD)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        open_flags = sum(anomalies.open_count(self.ctx.db).values())
        for row, section in enumerate(Section):
            self.nav.item(row).setText(section_label(section, open_flags))

    def show_section(self, section: Section) -> None:
        self.nav.setCurrentRow(int(section))

    def current_section(self) -> Section:
        return Section(self.stack.currentIndex())

    def _open_case(self, payload: object) -> None:
        if not isinstance(payload, tuple) or len(payload) != 2:
            return
        stored, txs = payload
        if isinstance(stored, StoredAnomaly) and isinstance(txs, list):
            self.show_section(Section.CASES)
            self.cases.start_from_flag(stored)  # the wizard, pre-filled from the flag

    # -- drag and drop of statement files ------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.show_section(Section.IMPORT)
            self.importer.add_files(paths)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.worker.shutdown()
        super().closeEvent(event)
