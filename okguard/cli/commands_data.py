"""import, transactions, scan, anomalies, demo."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from okguard.cli.common import open_db, print_json, require_display
from okguard.cli.errors import BadInput
from okguard.domain.anomaly import Anomaly
from okguard.domain.importing import ImportFailure, ImportReport
from okguard.domain.transaction import Transaction
from okguard.i18n import Msg
from okguard.i18n.cli_text import tr
from okguard.importers.base import ImportOptions

FORMATS = [
    "auto",
    "csv",
    "excel",
    "alipay",
    "wechat",
    "ofx",
    "qfx",
    "qif",
    "camt",
    "camt053",
    "camt052",
    "camt054",
    "mt940",
    "mt942",
]


def register(sub: Any) -> None:
    imp = sub.add_parser("import", help=tr("import statement files"))
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--account", help=tr("account name to import into"))
    imp.add_argument("--format", default="auto", choices=FORMATS)
    imp.add_argument(
        "--currency",
        default=None,
        help=tr("currency when the file does not say (default: the one set in the app, "
                "else your system's, else CNY)"),
    )
    imp.add_argument(
        "--dayfirst",
        action="store_true",
        default=None,
        help=tr("dates are day/month when the file is ambiguous"),
    )
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--no-scan", action="store_true", help=tr("do not run the detectors after"))
    imp.set_defaults(func=cmd_import)

    txs = sub.add_parser("transactions", help=tr("list transactions, newest first"))
    txs.add_argument("--json", action="store_true")
    txs.add_argument("--limit", type=int, default=50)
    txs.set_defaults(func=cmd_transactions)

    scan = sub.add_parser("scan", help=tr("run every detector, store and print the flags"))
    scan.add_argument("--json", action="store_true")
    scan.set_defaults(func=cmd_scan)

    anomalies = sub.add_parser("anomalies", help=tr("list stored flags"))
    anomalies.add_argument("--json", action="store_true")
    anomalies.add_argument("--all", action="store_true", help=tr("include dismissed flags"))
    anomalies.set_defaults(func=cmd_anomalies)

    demo = sub.add_parser("demo", help=tr("open the app on generated demo data"))
    demo.add_argument("--no-gui", action="store_true", help=tr("only build the demo database"))
    demo.add_argument("--months", type=int, default=14)
    demo.set_defaults(func=cmd_demo)


def report_json(report: ImportReport) -> dict[str, Any]:
    return {
        "file": report.file,
        "format": report.format,
        "account": report.account,
        "rows_read": report.rows_read,
        "imported": report.imported,
        "skipped_duplicates": report.skipped_duplicates,
        "rejected": [{"line": r.line, "reason": r.reason.render()} for r in report.rejected],
        "linked": report.linked,
        "unknown_types": report.unknown_types,
    }


def _failure_text(path: Path, exc: ImportFailure) -> str:
    if exc.line:
        return Msg(
            "{file}, line {line}: {message}", file=str(path), line=exc.line, message=exc.message
        ).render()
    return Msg("{file}: {message}", file=str(path), message=exc.message).render()


def cmd_import(args: argparse.Namespace) -> int:
    from babel.numbers import is_currency

    from okguard.services.home_currency import home_currency
    from okguard.services.importing import import_file

    db = open_db(args)
    currency = args.currency.strip().upper() if args.currency else home_currency(db)
    if not is_currency(currency):
        db.close()
        raise BadInput(Msg(
            "{value!r} is not a currency code; expected three letters like CNY, USD or EUR",
            value=args.currency,
        ).render())
    options = ImportOptions(default_currency=currency, dayfirst=args.dayfirst)
    reports: list[ImportReport] = []
    # Each file lands whole or not at all; one bad file does not stop the others, and
    # the user sees what did land before the error (exit code 3).
    failures: list[str] = []
    try:
        for path in args.files:
            try:
                reports += import_file(
                    db, path, account=args.account, fmt=args.format, options=options
                )
            except ImportFailure as exc:
                failures.append(_failure_text(path, exc))
        if not args.no_scan and any(r.imported for r in reports):
            from okguard.services.scanning import run_scan

            new = {i for r in reports for i in _batch_ids(db, r)}
            run_scan(db, focus=new)
    finally:
        db.close()
    if args.json:
        data = [report_json(r) for r in reports]
        if data:
            print_json(data[0] if len(data) == 1 and len(args.files) == 1 else data)
    else:
        for r in reports:
            print(
                Msg(
                    "{file}: {format}, account {account}: read {read}, imported {imported},"
                    " already present {skipped}, rejected {rejected}",
                    file=r.file,
                    format=r.format,
                    account=r.account,
                    read=r.rows_read,
                    imported=r.imported,
                    skipped=r.skipped_duplicates,
                    rejected=len(r.rejected),
                ).render()
            )
            for rej in r.rejected:
                print(
                    Msg("  line {line}: {reason}", line=rej.line, reason=rej.reason).render(),
                    file=sys.stderr,
                )
    if failures:
        raise BadInput("\n".join(failures))
    return 0


def _batch_ids(db: Any, report: ImportReport) -> list[int]:
    from okguard.storage.repos.transactions import ids_in_batch

    return ids_in_batch(db, report.batch_id) if report.batch_id else []


def tx_json(t: Transaction) -> dict[str, Any]:
    return {
        "id": t.id,
        "account": t.account_name,
        "date": t.occurred_at.isoformat() if t.has_time else t.occurred_at.date().isoformat(),
        "amount": t.amount.plain(),
        "currency": t.amount.currency,
        "payee": t.payee,
        "reference": t.reference,
        "memo": t.memo,
        "status": t.status.value,
        "direction": t.direction.value,
        "linked_to": t.link_id,
    }


def cmd_transactions(args: argparse.Namespace) -> int:
    from okguard.storage.repos.transactions import page

    if args.limit < 1:
        raise BadInput(tr("--limit must be at least 1"))
    db = open_db(args)
    try:
        rows = page(db, limit=args.limit)
    finally:
        db.close()
    if args.json:
        print_json([tx_json(t) for t in rows])
    else:
        for t in rows:
            print(
                f"{t.id:>7}  {t.occurred_at:%Y-%m-%d %H:%M}  {t.amount.plain():>14} "
                f"{t.amount.currency}  {t.payee}  {t.memo}"
            )
    return 0


def anomaly_json(a: Anomaly, stored_id: int, txs: dict[int, Transaction]) -> dict[str, Any]:
    return {
        "id": stored_id,
        "kind": a.kind.value,
        "severity": a.severity.value,
        "explanation": a.message.render(),
        "transactions": [
            {
                "id": t.id,
                "reference": t.reference,
                "date": t.occurred_at.isoformat(),
                "amount": t.amount.plain(),
                "payee": t.payee,
            }
            for i in a.transaction_ids
            if (t := txs.get(i)) is not None
        ],
    }


def _print_anomalies(db: Any, as_json: bool, include_dismissed: bool) -> None:
    from okguard.storage.repos.anomalies import list_anomalies
    from okguard.storage.repos.transactions import get_many

    stored = list_anomalies(db, include_dismissed=include_dismissed)
    txs = {t.id: t for t in get_many(db, {i for s in stored for i in s.anomaly.transaction_ids})}
    if as_json:
        print_json({"anomalies": [anomaly_json(s.anomaly, s.id, txs) for s in stored]})
        return
    if not stored:
        print(tr("No flags."))
    for s in stored:
        print(
            f"#{s.id} [{s.anomaly.severity.value}] {s.anomaly.kind.value}: "
            f"{s.anomaly.message.render()}"
        )


def cmd_scan(args: argparse.Namespace) -> int:
    from okguard.services.scanning import run_scan

    db = open_db(args)
    try:
        run_scan(db)
        _print_anomalies(db, args.json, include_dismissed=False)
    finally:
        db.close()
    return 0


def cmd_anomalies(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        _print_anomalies(db, args.json, include_dismissed=args.all)
    finally:
        db.close()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    import tempfile

    from okguard.services.demo import build_demo

    if not args.no_gui:
        require_display()  # before building a database nobody will see
    path = args.db or Path(tempfile.mkdtemp(prefix="okguard-demo-")) / "demo.sqlite3"
    summary = build_demo(path, months=args.months)
    print(
        Msg(
            "Demo database with {count} transactions in {accounts} accounts: {path}",
            count=summary.transactions,
            accounts=summary.accounts,
            path=str(path),
        ).render()
    )
    if args.no_gui:
        return 0
    from okguard.app import run_gui

    return run_gui(db_path=path, lang=args.lang)
