"""Import a statement file: detect, parse, de-duplicate, write one atomic batch."""

from __future__ import annotations

import gc
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from okguard.domain.importing import ImportFailure, ImportReport, RowRejection
from okguard.domain.transaction import ParsedTransaction, StatementAccount
from okguard.i18n import Msg
from okguard.importers.base import ImportOptions, SourceFile, Statement
from okguard.importers.registry import detect, importer_for
from okguard.importers.tabular_flat import FlatLayout
from okguard.importers.tabular_stream import CsvRows
from okguard.services.account_naming import default_account_name, remember_account
from okguard.services.import_staging import Passes, Progress, Stager
from okguard.storage.database import Database
from okguard.storage.repos import links
from okguard.storage.repos.import_writer import AccountSpec, BatchWriter

_OFFICE_MARKERS = ("[Content_Types].xml", "xl/workbook.xml", "word/document.xml")


@dataclass(frozen=True, slots=True)
class Preview:
    """What the import wizard shows before anything is written."""

    file: str
    format: str
    accounts: list[StatementAccount]
    rows: list[ParsedTransaction | RowRejection]
    mapping: dict[str, str]
    header: list[str]
    mapping_uncertain: bool


def expand_sources(path: Path) -> list[SourceFile]:
    """The file itself, or the members of a zip archive of statements."""
    try:
        source = SourceFile.from_path(path)
    except FileNotFoundError as exc:
        raise ImportFailure(Msg("File not found: {path}", path=str(path))) from exc
    except IsADirectoryError as exc:
        raise ImportFailure(
            Msg("{path} is a folder; expected a statement file", path=str(path))
        ) from exc
    except PermissionError as exc:
        raise ImportFailure(Msg("Cannot read {path}: permission denied", path=str(path))) from exc
    if source.head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = zf.namelist()
        except zipfile.BadZipFile as exc:
            raise ImportFailure(Msg("The zip archive is damaged and cannot be opened")) from exc
        if not any(n in _OFFICE_MARKERS for n in names):
            from okguard.importers.archive import expand_zip

            return expand_zip(source)
    return [source]


def _open(source: SourceFile, fmt: str, options: ImportOptions, db: Database | None) -> Statement:
    importer = detect(source) if fmt == "auto" else importer_for(fmt)
    statement = importer.open(source, options)
    if statement.mapping_uncertain and db is not None and not options.column_mapping:
        # Imported here: profiles needs SQLAlchemy, which a plain import never loads.
        from okguard.storage.repos import profiles

        saved = profiles.find_profile(db, statement.header)
        if saved is not None:
            mapping, header_row = saved
            statement = importer.open(
                source, replace(options, column_mapping=mapping, header_row=header_row)
            )
    return statement


def preview(
    path: Path,
    *,
    fmt: str = "auto",
    options: ImportOptions | None = None,
    db: Database | None = None,
    limit: int = 20,
) -> list[Preview]:
    out: list[Preview] = []
    for source in expand_sources(path):
        statement = _open(source, fmt, options or ImportOptions(), db)
        rows: list[ParsedTransaction | RowRejection] = []
        for row in statement.rows:
            rows.append(row)
            if len(rows) >= limit:
                break
        out.append(
            Preview(
                source.name,
                statement.format,
                statement.accounts,
                rows,
                statement.mapping,
                statement.header,
                statement.mapping_uncertain,
            )
        )
    return out


def _account_specs(
    db: Database, source: SourceFile, statement: Statement, override: str | None, keys: set[str]
) -> dict[str, AccountSpec]:
    known = {a.key: a for a in statement.accounts}
    specs: dict[str, AccountSpec] = {}
    for key in sorted(keys):
        acc = known.get(key, StatementAccount(key=key))
        if override:
            name = override if len(keys) == 1 else f"{override} {key}".strip()
        else:
            name = default_account_name(db, statement.format, statement.header, acc, source.name)
        specs[key] = AccountSpec(
            name=name[:200],
            source_key=acc.key,
            institution=acc.institution or "",
            currency=acc.currency or "",
            kind=acc.kind or "",
        )
    return specs


def _require_rows(name: str, staged: int, rejections: list[RowRejection]) -> None:
    """Refuse (and so roll back) a file that yields nothing importable."""
    if staged:
        return
    if not rejections:
        raise ImportFailure(Msg("{file} holds no transactions", file=name))
    first = rejections[0]
    raise ImportFailure(
        Msg(
            "No row of {file} could be imported; line {line}: {reason}",
            file=name,
            line=first.line,
            reason=first.reason,
        ),
        line=first.line,
    )


def _buffer_keys(
    statement: Statement,
) -> tuple[set[str], Iterator[ParsedTransaction | RowRejection]]:
    """Account keys must be known before the batch starts; files naming accounts say
    so up front, others put every row on the single "" account."""
    keys = {a.key for a in statement.accounts}
    if len(keys) <= 1:
        only = next(iter(keys), "")

        def rekey() -> Iterator[ParsedTransaction | RowRejection]:
            for row in statement.rows:
                if isinstance(row, ParsedTransaction) and row.account_key != only:
                    row = replace(row, account_key=only)
                yield row

        return {only}, rekey()
    return keys, statement.rows


def import_file(
    db: Database,
    path: Path,
    *,
    account: str | None = None,
    fmt: str = "auto",
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ImportReport]:
    """Import ``path`` (a statement or a zip of statements); one report per statement.

    Raises ImportFailure for a file that is not a statement, broken, or empty; in
    that case nothing is written.
    """
    reports: list[ImportReport] = []
    for source in expand_sources(path):
        statement = _open(source, fmt, options or ImportOptions(), db)
        reports.append(
            import_statement(
                db, source, statement, account=account, progress=progress, cancelled=cancelled
            )
        )
    return reports


def import_statement(
    db: Database,
    source: SourceFile,
    statement: Statement,
    *,
    account: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Write one opened statement as one atomic batch and report every row's bucket."""
    flat = _flat_rows(statement)
    if flat is not None:
        keys = {a.key for a in statement.accounts} or {""}
        rows: Iterator[ParsedTransaction | RowRejection] = iter(())
    else:
        keys, rows = _buffer_keys(statement)
    specs = _account_specs(db, source, statement, account, keys)
    with (
        BatchWriter(
            db,
            file_name=source.name,
            file_sha256=source.sha256(),
            fmt=statement.format,
            accounts=specs,
            size_hint=source.size // 60,
        ) as writer,
        _without_cycle_collection(),
    ):
        stager = Stager(writer, progress, cancelled)
        if flat is not None:
            (account_id,) = writer.account_ids.values()
            stager.stage_flat(flat[0], flat[1], account_id)
        else:
            stager.stage_rows(rows, writer.account_ids)
        rejections = stager.rejections
        _require_rows(source.name, stager.staged, rejections)
        result = writer.commit(stager.staged, [(r.line, r.reason.render("en")) for r in rejections])
    names = tuple(sorted(s.name for s in specs.values()))
    if len(specs) == 1 and not next(iter(specs.values())).source_key:
        remember_account(db, statement.header, names[0])
    return ImportReport(
        file=source.name,
        format=statement.format,
        account=", ".join(names),
        rows_read=result.staged + result.rejected,
        imported=result.imported,
        skipped_duplicates=result.staged - result.imported,
        rejected=tuple(rejections),
        batch_id=result.batch_id,
        linked=links.link_same_payments(db, result.batch_id),
        unknown_types=stager.unknown_types,
        accounts=names,
    )


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Staging keeps sets of millions of identities; every full run of the cyclic
    collector walks them again (measured: a third of a million-row import). The
    rows form no reference cycles, so collection waits until the import is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _flat_rows(statement: Statement) -> tuple[FlatLayout, Passes] | None:
    """Flat records when the statement is a plain one-account CSV table."""
    rows = statement.rows
    if not isinstance(rows, CsvRows) or len({a.key for a in statement.accounts}) > 1:
        return None
    return rows.flat()
