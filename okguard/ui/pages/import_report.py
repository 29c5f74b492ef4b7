"""What happened to each file: plain data from the import task, HTML for the page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from okguard.domain.importing import ImportFailure, ImportReport
from okguard.domain.transaction import StatementAccount
from okguard.importers.base import ImportOptions
from okguard.services.account_naming import default_account_name
from okguard.services.importing import Preview, import_file
from okguard.storage import Database
from okguard.storage.repos.transactions import ids_in_batch


@dataclass(frozen=True)
class FileJob:
    path: Path
    account: str | None
    options: ImportOptions


@dataclass(frozen=True)
class FileOutcome:
    name: str
    reports: list[ImportReport] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True)
class ImportOutcome:
    files: list[FileOutcome]
    scan_error: str | None = None
    new_flags: int = 0

    @property
    def imported(self) -> int:
        return sum(r.imported for f in self.files for r in f.reports)


def run_import(
    db: Database,
    jobs: list[FileJob],
    progress: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> ImportOutcome:
    """Import each file as its own batch, then check the new rows for problems."""
    outcomes: list[FileOutcome] = []
    done = 0
    for job in jobs:

        def counted(rows: int, base: int = done) -> None:
            progress(base + rows)

        try:
            reports = import_file(
                db,
                job.path,
                account=job.account,
                options=job.options,
                progress=counted,
                cancelled=cancelled,
            )
        except ImportFailure as exc:
            outcomes.append(FileOutcome(job.path.name, error=exc.message.render()))
            continue
        done += sum(r.rows_read for r in reports)
        progress(done)
        outcomes.append(FileOutcome(job.path.name, reports=reports))
    new_ids = [
        i for f in outcomes for r in f.reports if r.batch_id for i in ids_in_batch(db, r.batch_id)
    ]
    if not new_ids:
        return ImportOutcome(outcomes)
    try:
        from okguard.services.scanning import run_scan

        result = run_scan(db, focus=set(new_ids), cancelled=cancelled)
    except Exception as exc:  # the import stands even when the check cannot run
        return ImportOutcome(outcomes, scan_error=str(exc) or type(exc).__name__)
    return ImportOutcome(outcomes, new_flags=len(result.new_ids))


def preview_files(db: Database, path: Path, options: ImportOptions) -> list[Preview]:
    from okguard.services.importing import preview

    return preview(path, options=options, db=db, limit=20)


def report_html(outcome: ImportOutcome, lang: str) -> str:
    parts: list[str] = []
    for f in outcome.files:
        parts.append(f"<h4>{escape(f.name)}</h4>")
        if f.error:
            parts.append(f"<p style='color:#b3261e'>{escape(f.error)}</p>")
            continue
        for r in f.reports:
            parts.append(
                "<p>"
                + escape(
                    QCoreApplication.translate("ImportReport", "Account: {0}").format(r.account)
                )
                + "<br>"
                + escape(
                    QCoreApplication.translate(
                        "ImportReport",
                        "{0} rows read, {1} imported, {2} already there, {3} rejected",
                    ).format(r.rows_read, r.imported, r.skipped_duplicates, len(r.rejected))
                )
                + "</p>"
            )
            if r.rejected:
                line = QCoreApplication.translate("ImportReport", "line {0}: {1}")
                items = "".join(
                    f"<li>{escape(line.format(rej.line, rej.reason.render(lang)))}</li>"
                    for rej in r.rejected[:200]
                )
                parts.append(f"<ul>{items}</ul>")
    if outcome.scan_error:
        parts.append(
            "<p>"
            + escape(
                QCoreApplication.translate(
                    "ImportReport", "The new payments could not be checked for problems: {0}"
                ).format(outcome.scan_error)
            )
            + "</p>"
        )
    elif outcome.imported:
        parts.append(
            "<p>"
            + escape(
                QCoreApplication.translate("ImportReport", "New flags found: {0}").format(
                    outcome.new_flags
                )
            )
            + "</p>"
        )
    return "".join(parts)


def suggest_account(db: Database, preview: Preview) -> str:
    """The account name to pre-fill, chosen as the import itself would choose it;
    empty for files naming several accounts."""
    if len(preview.accounts) > 1:
        return ""
    account = preview.accounts[0] if preview.accounts else StatementAccount(key="")
    return default_account_name(db, preview.format, preview.header, account, preview.file)
