"""Import page: choose files → check format, account and columns → import → report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from okguard.domain.formatting import format_money, format_when
from okguard.domain.transaction import ParsedTransaction
from okguard.importers.base import ImportOptions
from okguard.services.home_currency import home_currency
from okguard.services.importing import Preview
from okguard.storage.repos import profiles
from okguard.ui.context import UiContext
from okguard.ui.pages.import_mapping import ColumnMappingDialog, role_label
from okguard.ui.pages.import_report import (
    FileJob,
    ImportOutcome,
    preview_files,
    report_html,
    run_import,
    suggest_account,
)
from okguard.ui.workers import Task


class ImportPage(QWidget):
    previewed = Signal(str)  # file path, after its preview (or its error) is shown
    import_done = Signal(object)  # ImportOutcome
    import_stopped = Signal(str)  # failure or cancellation text

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.files: list[Path] = []
        self.previews: dict[Path, list[Preview]] = {}
        self.errors: dict[Path, str] = {}
        self.options: dict[Path, ImportOptions] = {}
        self.accounts: dict[Path, str] = {}
        self._task: Task | None = None
        self.mapping_dialog: ColumnMappingDialog | None = None

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.choose_button = QPushButton()
        self.clear_button = QPushButton()
        self.file_list = QListWidget()
        self.file_list.setMaximumHeight(90)

        self.format_label = QLabel()
        self.account_edit = QLineEdit()
        self.mapping_label = QLabel()
        self.mapping_label.setWordWrap(True)
        self.mapping_button = QPushButton()
        self.form = QFormLayout()
        self.form_labels = [QLabel(), QLabel(), QLabel()]
        self.form.addRow(self.form_labels[0], self.format_label)
        self.form.addRow(self.form_labels[1], self.account_edit)
        mapping_row = QHBoxLayout()
        mapping_row.addWidget(self.mapping_label, 1)
        mapping_row.addWidget(self.mapping_button)
        self.form.addRow(self.form_labels[2], mapping_row)
        self.preview_table = QTableWidget(0, 4)
        self.preview_table.verticalHeader().setVisible(False)
        self.preview_table.horizontalHeader().setStretchLastSection(True)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setObjectName("errorText")
        self.error_label.setStyleSheet("color: #b3261e;")
        self.import_button = QPushButton()
        self.cancel_button = QPushButton()
        self.progress = QProgressBar()
        self.progress_label = QLabel()
        self.report = QTextBrowser()

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.clear_button)
        top.addStretch(1)
        run = QHBoxLayout()
        run.addWidget(self.import_button, 0)
        run.addWidget(self.progress, 1)
        run.addWidget(self.progress_label)
        run.addWidget(self.cancel_button)
        run.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.file_list)
        layout.addLayout(self.form)
        layout.addWidget(self.preview_table, 2)
        layout.addWidget(self.error_label)
        layout.addLayout(run)
        layout.addWidget(self.report, 1)

        self.choose_button.clicked.connect(self.choose_files)
        self.clear_button.clicked.connect(self.clear)
        self.file_list.currentRowChanged.connect(self._show_current)
        self.account_edit.textEdited.connect(self._account_edited)
        self.mapping_button.clicked.connect(self.open_mapping_dialog)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel_import)
        ctx.lang_changed.connect(lambda _lang: self._show_current())
        self.retranslateUi()
        self._set_running(False)
        self._show_current()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Import"))
        self.intro.setText(
            self.tr(
                "Choose statement files or drop them on the window. okguard detects the "
                "format (CSV, Excel, Alipay, WeChat Pay, OFX, QIF, CAMT, MT940), shows the "
                "first rows, and skips payments it already has."
            )
        )
        self.choose_button.setText(self.tr("Choose files…"))
        self.clear_button.setText(self.tr("Clear"))
        self.form_labels[0].setText(self.tr("Format"))
        self.form_labels[1].setText(self.tr("Account name"))
        self.form_labels[2].setText(self.tr("Columns"))
        self.account_edit.setPlaceholderText(self.tr("(as named in the file)"))
        self.mapping_button.setText(self.tr("Column mapping…"))
        self.preview_table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Date"), self.tr("Amount"), self.tr("Payee / problem")]
        )
        self.import_button.setText(self.tr("Import"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._show_current()

    # -- choosing files --------------------------------------------------------------
    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Choose statement files"))
        self.add_files([Path(n) for n in names])

    def clear(self) -> None:
        self.files.clear()
        self.previews.clear()
        self.errors.clear()
        self.options.clear()
        self.accounts.clear()
        self.file_list.clear()
        self.report.clear()
        self._show_current()

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            if path in self.files:
                continue
            self.files.append(path)
            self.options[path] = ImportOptions(default_currency=home_currency(self.ctx.db))
            self.file_list.addItem(path.name)
            self._preview(path)
        if self.files and self.file_list.currentRow() < 0:
            self.file_list.setCurrentRow(0)

    def _preview(self, path: Path) -> None:
        db, options = self.ctx.db, self.options[path]
        task = self.ctx.worker.submit("preview", lambda _p, _c: preview_files(db, path, options))
        task.finished.connect(lambda result, p=path: self._previewed(p, result))
        task.failed.connect(lambda message, p=path: self._preview_failed(p, message))

    def _previewed(self, path: Path, result: object) -> None:
        if path not in self.options or not isinstance(result, list):
            return
        self.previews[path] = result
        self.errors.pop(path, None)
        if result and path not in self.accounts:
            self.accounts[path] = suggest_account(self.ctx.db, result[0])
        self._show_current()
        if (
            path == self.current_file()
            and any(p.mapping_uncertain for p in result)
            and not self.options[path].column_mapping
        ):
            self.open_mapping_dialog()
        self.previewed.emit(str(path))

    def _preview_failed(self, path: Path, message: str) -> None:
        if path not in self.options:
            return
        self.errors[path] = message
        self.previews.pop(path, None)
        self._show_current()
        self.previewed.emit(str(path))

    def current_file(self) -> Path | None:
        row = self.file_list.currentRow()
        return self.files[row] if 0 <= row < len(self.files) else None

    def _account_edited(self, text: str) -> None:
        path = self.current_file()
        if path is not None:
            self.accounts[path] = text

    def _show_current(self, *_args: object) -> None:
        path = self.current_file()
        previews = self.previews.get(path, []) if path else []
        error = self.errors.get(path) if path else None
        self.error_label.setText(error or "")
        self.error_label.setVisible(bool(error))
        first = previews[0] if previews else None
        self.format_label.setText(first.format if first else "—")
        self.account_edit.setText(self.accounts.get(path, "") if path else "")
        self.account_edit.setEnabled(first is not None)
        self.mapping_button.setEnabled(bool(first and first.header))
        if first and first.mapping:
            text = ", ".join(
                f"{role_label(role)} → {col}" for role, col in first.mapping.items()
            )
            if first.mapping_uncertain:
                text = self.tr("Please check (okguard guessed): {0}").format(text)
            self.mapping_label.setText(text)
        else:
            self.mapping_label.setText(self.tr("set by the format") if first else "—")
        self._fill_preview(previews)
        runnable = any(p in self.previews for p in self.files)
        self.import_button.setEnabled(runnable and self._task is None)

    def _fill_preview(self, previews: list[Preview]) -> None:
        rows = [r for p in previews for r in p.rows]
        lang = self.ctx.lang
        self.preview_table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            if isinstance(row, ParsedTransaction):
                when = format_when(row.occurred_at, lang, with_time=row.has_time)
                cells = [
                    str(row.line),
                    when,
                    format_money(row.amount, lang, signed=True),
                    row.payee or row.memo,
                ]
            else:
                cells = [
                    str(row.line),
                    "",
                    "",
                    self.tr("Will be rejected: {0}").format(row.reason.render(lang)),
                ]
            for col, text in enumerate(cells):
                self.preview_table.setItem(i, col, QTableWidgetItem(text))
        self.preview_table.resizeColumnsToContents()

    # -- column mapping ----------------------------------------------------------------
    def open_mapping_dialog(self) -> None:
        path = self.current_file()
        previews = self.previews.get(path, []) if path else []
        if path is None or not previews or not previews[0].header:
            return
        first = previews[0]
        dialog = ColumnMappingDialog(first.header, first.mapping, self)
        self.mapping_dialog = dialog
        dialog.accepted.connect(lambda: self._mapping_chosen(path, first, dialog))
        dialog.open()  # window-modal but not blocking: the worker keeps running

    def _mapping_chosen(self, path: Path, first: Preview, dialog: ColumnMappingDialog) -> None:
        mapping = dialog.mapping()
        self.options[path] = replace(self.options[path], column_mapping=mapping)
        if dialog.save_profile.isChecked():
            db = self.ctx.db
            self.ctx.worker.submit(
                "save-profile",
                lambda _p, _c: profiles.save_profile(db, first.header, first.format, mapping, None),
            )
        self._preview(path)

    # -- importing ---------------------------------------------------------------------
    def jobs(self) -> list[FileJob]:
        return [
            FileJob(p, self.accounts.get(p, "").strip() or None, self.options[p])
            for p in self.files
            if p in self.previews
        ]

    def start_import(self) -> None:
        jobs = self.jobs()
        if not jobs or self._task is not None:
            return
        db = self.ctx.db

        def work(progress: Callable[[int], None], cancelled: Callable[[], bool]) -> object:
            return run_import(db, jobs, progress, cancelled)

        self._task = task = self.ctx.worker.submit("import", work)
        task.progress.connect(self._progress)
        task.finished.connect(self._import_finished)
        task.failed.connect(self._import_failed)
        task.cancelled.connect(self._import_cancelled)
        self.report.clear()
        self._set_running(True)

    def cancel_import(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)  # rows are counted, the total is unknown up front
        self.progress_label.setVisible(running)
        self.progress_label.setText("")
        self.cancel_button.setVisible(running)
        self.choose_button.setEnabled(not running)
        self.import_button.setEnabled(not running and bool(self.previews))

    def _progress(self, rows: int) -> None:
        self.progress_label.setText(self.tr("{0} rows read").format(rows))

    def _import_finished(self, outcome: object) -> None:
        self._task = None
        self._set_running(False)
        if not isinstance(outcome, ImportOutcome):
            return
        self.report.setHtml(report_html(outcome, self.ctx.lang))
        self.ctx.notify(self.tr("{0} transactions imported").format(outcome.imported))
        self.ctx.data_changed.emit()
        self.import_done.emit(outcome)

    def _import_failed(self, message: str) -> None:
        self._task = None
        self._set_running(False)
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        self.import_stopped.emit(message)

    def _import_cancelled(self) -> None:
        self._task = None
        self._set_running(False)
        text = self.tr(
            "Import cancelled. The file being imported was not written; files finished "
            "before it stay imported."
        )
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        self.ctx.data_changed.emit()
        self.import_stopped.emit(text)
