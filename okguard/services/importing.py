"""Import a statement file: detect, parse, de-duplicate, write one atomic batch."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from okguard.domain.importing import ImportFailure, ImportReport, RowRejection
from okguard.domain.transaction import Direction, ParsedTransaction, StatementAccount
from okguard.i18n import Msg
from okguard.importers.base import ImportOptions, SourceFile, Statement
from okguard.importers.registry import detect, importer_for
from okguard.services.identity import base_fingerprint
from okguard.storage.database import Database
from okguard.storage.repos import links, profiles
from okguard.storage.repos.import_writer import AccountSpec, StagedRow, write_batch

Progress = Callable[[int], None]

_WALLET_NAMES = {"alipay": "Alipay 支付宝", "wechat": "WeChat Pay 微信支付"}
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
    statement: Statement, override: str | None, keys: set[str]
) -> dict[str, AccountSpec]:
    known = {a.key: a for a in statement.accounts}
    specs: dict[str, AccountSpec] = {}
    for key in sorted(keys):
        acc = known.get(key, StatementAccount(key=key))
        if override:
            name = override if len(keys) == 1 else f"{override} {key}".strip()
        elif acc.name and acc.key:
            name = f"{acc.name} {acc.key}"
        elif acc.key:
            name = f"{acc.institution or statement.format.upper()} {acc.key}"
        else:
            name = _WALLET_NAMES.get(statement.format, acc.institution or "Default account")
        specs[key] = AccountSpec(
            name=name[:200],
            source_key=acc.key,
            institution=acc.institution or "",
            currency=acc.currency or "",
            kind=acc.kind or "",
        )
    return specs


def _stage(
    rows: Iterator[ParsedTransaction | RowRejection],
    account_ids: dict[str, int],
    rejections: list[RowRejection],
    counters: dict[str, int],
    progress: Progress | None,
) -> Iterator[StagedRow]:
    # This loop runs once per row of files with a million rows: keep it lean (no
    # property lookups or datetime copies where a cheap check will do).
    seq = 0
    out, inflow = Direction.OUT, Direction.IN
    for row in rows:
        if isinstance(row, RowRejection):
            rejections.append(row)
            continue
        account_id = account_ids.get(row.account_key)
        if account_id is None:
            rejections.append(
                RowRejection(row.line, Msg("The row names an account the file does not declare"))
            )
            continue
        seq += 1
        when = row.occurred_at
        if when.tzinfo is None:
            offset = None
            text = (
                when.isoformat()
                if not when.microsecond
                else when.replace(microsecond=0).isoformat()
            )
        else:
            delta = when.utcoffset()
            offset = int(delta.total_seconds() // 60) if delta is not None else None
            text = when.replace(tzinfo=None, microsecond=0).isoformat()
        amount = row.amount
        direction = row.direction or (out if amount.minor < 0 else inflow)
        if row.unknown_type:
            counters["unknown"] += 1
        yield (
            account_id,
            text,
            offset,
            1 if row.has_time else 0,
            amount.minor,
            amount.currency,
            row.payee,
            row.payee_account,
            row.memo,
            row.reference,
            row.counterpart_ref,
            row.status,
            direction,
            row.kind,
            row.category,
            row.funding,
            1 if row.unknown_type else 0,
            base_fingerprint(row, text),
            row.line,
            # The source cells are kept only where okguard could not interpret the row
            # type, so the user can see what the provider wrote.
            json.dumps(row.raw, ensure_ascii=False) if row.raw and row.unknown_type else None,
        )
        if progress is not None and seq % 10_000 == 0:
            progress(seq)


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
    keys, rows = _buffer_keys(statement)
    specs = _account_specs(statement, account, keys)
    rejections: list[RowRejection] = []
    counters = {"unknown": 0}
    result = write_batch(
        db,
        file_name=source.name,
        file_sha256=source.sha256(),
        fmt=statement.format,
        accounts=specs,
        rows=lambda ids: _stage(rows, ids, rejections, counters, progress),
        rejected=lambda: [(r.line, r.reason.render("en")) for r in rejections],
        cancelled=cancelled,
        check=lambda staged, rejected: _require_rows(source.name, staged, rejections),
        size_hint=source.size // 60,
    )
    names = tuple(sorted(s.name for s in specs.values()))
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
        unknown_types=counters["unknown"],
        accounts=names,
    )
