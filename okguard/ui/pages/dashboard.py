"""Dashboard: where things stand, two charts, the latest flags; a first step when empty."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from okguard.domain.formatting import format_when
from okguard.storage.repos import transactions
from okguard.ui.charts import MonthlySpendingChart, TopPayeesChart
from okguard.ui.context import UiContext
from okguard.ui.guard.usage_summary import LimitUsageSummary
from okguard.ui.labels import kind_text, severity_text
from okguard.ui.pages.dashboard_data import DashboardData, load_dashboard


class DashboardPage(QWidget):
    import_requested = Signal()
    loaded = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: DashboardData | None = None

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.stack = QStackedWidget()

        # First run: one plain step.
        self.first_step = QWidget()
        self.first_text = QLabel()
        self.first_text.setWordWrap(True)
        self.first_text.setObjectName("firstStep")
        self.import_button = QPushButton()
        self.demo_hint = QLabel()
        self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        first = QVBoxLayout(self.first_step)
        first.addStretch(1)
        first.addWidget(self.first_text)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        first.addLayout(row)
        first.addWidget(self.demo_hint)
        first.addStretch(2)

        # With data: counts, charts, latest flags.
        self.overview = QWidget()
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.spending = MonthlySpendingChart()
        self.payees = TopPayeesChart()
        self.flags_title = QLabel()
        self.flags_table = QTableWidget(0, 3)
        self.flags_table.verticalHeader().setVisible(False)
        self.flags_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.flags_table.setMaximumHeight(180)
        grid = QGridLayout(self.overview)
        grid.addWidget(self.counts, 0, 0, 1, 2)
        grid.addWidget(self.spending, 1, 0)
        grid.addWidget(self.payees, 1, 1)
        grid.addWidget(self.flags_title, 2, 0, 1, 2)
        grid.addWidget(self.flags_table, 3, 0, 1, 2)
        self.limit_usage = LimitUsageSummary()
        self.limit_usage.hide()
        grid.addWidget(self.limit_usage, 4, 0, 1, 2)
        grid.setRowStretch(1, 1)

        self.stack.addWidget(self.first_step)
        self.stack.addWidget(self.overview)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)

        self.import_button.clicked.connect(self.import_requested)
        ctx.data_changed.connect(self.refresh)
        ctx.lang_changed.connect(lambda _lang: self._render())
        self.retranslateUi()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Dashboard"))
        self.first_text.setText(
            self.tr(
                "No transactions yet. Import a statement (CSV, Excel, Alipay, WeChat Pay, "
                "OFX, QIF, CAMT, MT940) to start"
            )
        )
        self.import_button.setText(self.tr("Import a statement…"))
        self.demo_hint.setText(
            self.tr("To try okguard with sample data first, run: {0}").format("okguard demo")
        )
        self.flags_title.setText(self.tr("Latest flags"))
        self.flags_table.setHorizontalHeaderLabels(
            [self.tr("Severity"), self.tr("Kind"), self.tr("Explanation")]
        )

    def is_first_run(self) -> bool:
        return self.stack.currentWidget() is self.first_step

    def refresh(self) -> None:
        if transactions.count(self.ctx.db) == 0:
            self.data = None
            self.stack.setCurrentWidget(self.first_step)
            self.loaded.emit()
            return
        db = self.ctx.db
        task = self.ctx.worker.submit("dashboard", lambda _p, _c: load_dashboard(db))
        task.finished.connect(self._loaded)
        task.failed.connect(self.ctx.notify)

    def _loaded(self, data: object) -> None:
        if isinstance(data, DashboardData):
            self.data = data
            self.stack.setCurrentWidget(self.overview)
            self._render()
        self.loaded.emit()

    def _render(self) -> None:
        data = self.data
        if data is None:
            return
        lang = self.ctx.lang
        flags = data.open_flags
        lines = [
            self.tr("{0} transactions").format(data.total),
            self.tr("Open flags: {0} high, {1} medium, {2} low").format(
                flags.get("high", 0), flags.get("medium", 0), flags.get("low", 0)
            ),
        ]
        if data.unreviewed and data.unreviewed_since:
            since = format_when(
                datetime.fromisoformat(data.unreviewed_since), lang, with_time=False
            )
            lines.append(self.tr("{0} unreviewed since {1}").format(data.unreviewed, since))
        else:
            lines.append(self.tr("Everything is reviewed"))
        self.counts.setText("   ·   ".join(lines))
        self.spending.plot(
            data.monthly, data.months, self.tr("Monthly spending"), self.tr("No spending yet")
        )
        self.payees.plot(
            data.top_payees,
            self.tr("Top payees ({0})").format(data.main_currency or ""),
            self.tr("No spending yet"),
        )
        self.flags_table.setRowCount(len(data.latest_flags))
        for row, stored in enumerate(data.latest_flags):
            a = stored.anomaly
            cells = [
                severity_text(a.severity.value),
                kind_text(a.kind.value),
                a.message.render(lang),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.flags_table.setItem(row, col, item)
        self.flags_table.resizeColumnToContents(0)
        self.flags_table.resizeColumnToContents(1)
        self.limit_usage.show_usage(data.limit_usage, data.account_names, lang)
