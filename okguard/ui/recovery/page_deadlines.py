"""Step 4: the deadlines that now run, as a countdown with their legal source."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from okguard.domain.formatting import format_when
from okguard.recovery import DeadlineStatus, WizardStep, case_deadlines
from okguard.ui.recovery import session, texts
from okguard.ui.recovery.base import Host, StepPage, wrapped

OVERDUE = QColor("#b91c1c")
SOON = QColor("#b45309")
SOON_DAYS = 7
SOURCE_WIDTH = 220


def _day(edit: QDateEdit) -> date:
    picked = edit.date()
    return date(picked.year(), picked.month(), picked.day())


def deadline_statuses(page: StepPage) -> tuple[DeadlineStatus, ...]:
    state = page.state
    return case_deadlines(state.case, state.bundle().deadlines, session.today())


class DeadlinesPage(StepPage):
    step = WizardStep.DEADLINES
    COLUMNS = 5

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.statement_known = QCheckBox()
        self.statement_date = QDateEdit()
        self.report_known = QCheckBox()
        self.report_date = QDateEdit()
        for edit in (self.statement_date, self.report_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout()
        form.addRow(self.statement_known, self.statement_date)
        form.addRow(self.report_known, self.report_date)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Source titles are long; the list below the table shows them in full, as links.
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(4, SOURCE_WIDTH)
        self.sources_title = wrapped()
        self.sources_title.setStyleSheet("font-weight: 600;")
        self.sources = wrapped(rich=True)
        self.sources.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.body.addLayout(form)
        self.body.addWidget(self.table)
        self.body.addWidget(self.sources_title)
        self.body.addWidget(self.sources)
        self.body.addStretch(1)
        self._statuses: tuple[DeadlineStatus, ...] = ()
        self._loading = False
        for check in (self.statement_known, self.report_known):
            check.toggled.connect(lambda _on: self._dates_changed())
        for edit in (self.statement_date, self.report_date):
            edit.dateChanged.connect(lambda _d: self._dates_changed())
        self.table.currentCellChanged.connect(lambda row, *_: self._show_sources(row))
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Deadlines"))
        self.setSubTitle(
            self.tr(
                "The clocks now running: what you must do, and what your provider must do, by when."
            )
        )
        self.statement_known.setText(self.tr("First statement showing it:"))
        self.report_known.setText(self.tr("First told the provider on:"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Deadline"),
                self.tr("Who acts"),
                self.tr("Due"),
                self.tr("Time left"),
                self.tr("Source"),
            ]
        )
        self.sources_title.setText(self.tr("Sources"))

    def refresh(self) -> None:
        case = self.state.case
        self._loading = True
        try:
            self._set_date(self.statement_known, self.statement_date, case.statement_date)
            self._set_date(self.report_known, self.report_date, case.report_date)
        finally:
            self._loading = False
        self._lock_known_dates()
        self._statuses = deadline_statuses(self)
        self._fill()
        self.show_blockers()

    @staticmethod
    def _set_date(check: QCheckBox, edit: QDateEdit, value: date | None) -> None:
        check.setChecked(value is not None)
        edit.setEnabled(value is not None)
        day = value or session.today()
        edit.setDate(QDate(day.year, day.month, day.day))

    def _lock_known_dates(self) -> None:
        # A date once entered can be corrected but not removed: the clocks already run.
        case = self.state.case
        self.statement_known.setEnabled(case.statement_date is None)
        self.report_known.setEnabled(case.report_date is None)

    def _fill(self) -> None:
        lang, bundle = self.lang, self.bundle()
        self.table.setRowCount(len(self._statuses))
        for row, status in enumerate(self._statuses):
            rule = status.rule
            sources = texts.source_lines(bundle, rule.sources)
            source_text = "; ".join(title for title, _url, _ok in sources)
            if not status.verified or not all(ok for _t, _u, ok in sources):
                source_text = f"⚠ {texts.unverified_marker()} · {source_text}"
            cells = (
                rule.title.render(lang),
                texts.name(texts.DUTIES, status.duty),
                format_when(status.due, lang, with_time=False) if status.due else "—",
                texts.countdown(status),
                source_text,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3 and status.overdue:
                    item.setForeground(QBrush(OVERDUE))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                elif col == 3 and status.days_left is not None and status.days_left <= SOON_DAYS:
                    item.setForeground(QBrush(SOON))
                if col == 4:
                    item.setToolTip(texts.sources_html(bundle, rule.sources))
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        header_height = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header_height + rows + 2 * self.table.frameWidth() + 4)
        self._show_sources(self.table.currentRow() if self._statuses else -1)

    def _show_sources(self, row: int) -> None:
        if not self._statuses:
            self.sources.setText(self.tr("No deadline in the rules for this case."))
            return
        rows = [row] if 0 <= row < len(self._statuses) else range(len(self._statuses))
        bundle, lang = self.bundle(), self.lang
        parts = [
            f"<b>{texts.escape(self._statuses[r].rule.title.render(lang))}</b><br>"
            + texts.sources_html(bundle, self._statuses[r].rule.sources)
            for r in rows
        ]
        self.sources.setText("<br><br>".join(parts))

    def _dates_changed(self) -> None:
        if self._loading:
            return
        self.statement_date.setEnabled(self.statement_known.isChecked())
        self.report_date.setEnabled(self.report_known.isChecked())
        statement = _day(self.statement_date) if self.statement_known.isChecked() else None
        report = _day(self.report_date) if self.report_known.isChecked() else None
        self.host.update_state(self.state.with_dates(statement_date=statement, report_date=report))
        self._lock_known_dates()
        self._statuses = deadline_statuses(self)
        self._fill()
