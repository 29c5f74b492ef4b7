"""case open|list|show|log|attach|refunds|close, and letter."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from okguard.cli.commands_guard import parse_money
from okguard.cli.common import open_db, print_json
from okguard.cli.errors import BadInput
from okguard.domain.case import CaseEvent, CaseType, EventKind, Jurisdiction
from okguard.domain.formatting import format_money, format_when
from okguard.i18n import Msg
from okguard.i18n.cli_text import tr
from okguard.i18n.messages import default_lang
from okguard.storage.database import Database


def register(sub: Any) -> None:
    case = sub.add_parser("case", help=tr("open, follow and close recovery cases"))
    csub = case.add_subparsers(dest="case_command", required=True)

    op = csub.add_parser("open", help=tr("open a recovery case for some transactions"))
    op.add_argument("--type", dest="case_type", help=", ".join(t.value for t in CaseType))
    op.add_argument("--transaction", nargs="+", default=[], metavar="ID", dest="transactions")
    op.add_argument("--jurisdiction", help=", ".join(j.value for j in Jurisdiction))
    op.add_argument("--provider", default="", help=tr("bank, wallet or exchange, e.g. Alipay"))
    op.add_argument("--from-flag", metavar="ANOMALY_ID", help=tr("pre-fill from a flag"))
    op.add_argument("--json", action="store_true")
    op.set_defaults(func=cmd_open)

    lst = csub.add_parser("list", help=tr("list recovery cases"))
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_list)

    show = csub.add_parser("show", help=tr("show a case: moves, deadlines, contacts, evidence"))
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_show)

    log = csub.add_parser("log", help=tr("log a contact: call, chat, letter, visit"))
    log.add_argument("id", metavar="ID")
    log.add_argument("--channel", required=True, help=tr("phone, app chat, email, branch ..."))
    log.add_argument("--reference", default="", help=tr("ticket or claim number they gave"))
    log.add_argument("--note", default="", help=tr("what they said"))
    log.add_argument("--contact", default="", help=tr("whom you spoke to"))
    log.set_defaults(func=cmd_log)

    att = csub.add_parser("attach", help=tr("attach a file to an evidence item"))
    att.add_argument("id", metavar="ID")
    att.add_argument("item", metavar="ITEM_KEY")
    att.add_argument("file", type=Path, metavar="FILE")
    att.add_argument("--label", help=tr("label for an item of your own"))
    att.set_defaults(func=cmd_attach)

    ref = csub.add_parser("refunds", help=tr("incoming payments that look like the money back"))
    ref.add_argument("id", metavar="ID")
    ref.add_argument("--accept", metavar="TRANSACTION_ID", help=tr("close the case with it"))
    ref.add_argument("--json", action="store_true")
    ref.set_defaults(func=cmd_refunds)

    close = csub.add_parser("close", help=tr("record the outcome and close the case"))
    close.add_argument("id", metavar="ID")
    close.add_argument("--recovered", help=tr("amount you got back (none: nothing)"))
    close.add_argument("--currency", help=tr("default: the case currency"))
    close.set_defaults(func=cmd_close)

    letter = sub.add_parser("letter", help=tr("write the letter for a case"))
    letter.add_argument("id", metavar="CASE_ID")
    letter.add_argument("--lang", dest="letter_lang", help="en, zh_CN")
    letter.add_argument("--format", dest="letter_format", help="pdf, docx, txt")
    letter.add_argument("-o", "--output", default="-", help=tr("output file; - for the screen"))
    letter.set_defaults(func=cmd_letter)


def _id(text: str, what: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise BadInput(
            Msg("{what} {value!r} is not a number", what=what, value=text).render()
        ) from None


@contextmanager
def _service(args: argparse.Namespace) -> Iterator[Database]:
    """The database, with service refusals turned into exit 3 and their message."""
    from okguard.services.cases import CaseError

    db = open_db(args)
    try:
        yield db
    except CaseError as exc:
        raise BadInput(exc.message.render()) from exc
    finally:
        db.close()


def cmd_open(args: argparse.Namespace) -> int:
    from okguard.services.cases import get_case, open_case

    ids = [_id(t, "--transaction") for t in args.transactions]
    flag = _id(args.from_flag, "--from-flag") if args.from_flag else None
    if not ids and flag is None:
        raise BadInput(tr("Name the transactions with --transaction ID ..., or use --from-flag"))
    with _service(args) as db:
        case_id = open_case(
            db, args.case_type, ids, args.jurisdiction, args.provider, datetime.now(), flag
        )
        case = get_case(db, case_id).case
    if args.json:
        print_json({"id": case_id, "type": case.type.value, "status": case.status.value})
    else:
        print(Msg("Case {id} opened. Next: okguard case show {id}", id=case_id).render())
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from okguard.services.cases import list_cases

    with _service(args) as db:
        cases = list_cases(db)
    if args.json:
        print_json(
            [
                {
                    "id": c.id,
                    "type": c.type.value,
                    "jurisdiction": c.jurisdiction.value,
                    "provider": c.provider,
                    "status": c.status.value,
                    "opened_at": c.opened_at.isoformat(),
                    "closed_at": c.closed_at.isoformat() if c.closed_at else None,
                    "recovered": c.recovered.plain() if c.recovered else None,
                    "currency": c.currency,
                    "transactions": list(c.transaction_ids),
                }
                for c in cases
            ]
        )
        return 0
    if not cases:
        print(
            tr("No cases yet. Open one with: okguard case open --type duplicate --transaction ID")
        )
    from okguard.cli.case_view import STATUS_NAMES, TYPE_NAMES

    lang = default_lang()
    for c in cases:
        got = Msg(", recovered {amount}", amount=c.recovered).render() if c.recovered else ""
        print(
            f"#{c.id}  {format_when(c.opened_at, lang, with_time=False)}"
            f"  {TYPE_NAMES[c.type].render(lang)}  {c.jurisdiction.value}  {c.provider or '-'}"
            f"  {STATUS_NAMES[c.status].render(lang)}{got}"
            f"  {tr('transactions')} {', '.join(map(str, c.transaction_ids))}"
        )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from okguard.cli.case_view import case_json, print_case
    from okguard.services.cases import deadlines, get_case

    case_id = _id(args.id, "ID")
    today = date.today()
    with _service(args) as db:
        view = get_case(db, case_id)
    statuses = deadlines(view, today)
    if args.json:
        print_json(case_json(view, statuses, default_lang()))
    else:
        print_case(view, statuses, default_lang())
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    from okguard.services.cases import log_contact

    case_id = _id(args.id, "ID")
    now = datetime.now()
    event = CaseEvent(
        now,
        EventKind.CONTACT,
        channel=args.channel,
        reference_no=args.reference,
        note=args.note,
        contact=args.contact,
    )
    with _service(args) as db:
        log_contact(db, case_id, event, now)
    print(Msg("Contact logged on case {id}; a follow-up reminder is set", id=case_id).render())
    return 0


def cmd_attach(args: argparse.Namespace) -> int:
    from okguard.services.cases import attach_evidence

    case_id = _id(args.id, "ID")
    with _service(args) as db:
        item = attach_evidence(db, case_id, args.item, args.file, label=args.label)
    print(
        Msg(
            "Attached {file} to case {id} (SHA-256 {sha256})",
            file=item.file_name or "",
            id=case_id,
            sha256=item.sha256 or "",
        ).render()
    )
    return 0


def cmd_refunds(args: argparse.Namespace) -> int:
    from okguard.services.cases import refund_candidates, resolve_with_refund

    case_id = _id(args.id, "ID")
    lang = default_lang()
    with _service(args) as db:
        if args.accept:
            state = resolve_with_refund(db, case_id, _id(args.accept, "--accept"))
            recovered = state.case.recovered
            print(
                Msg(
                    "Case {id} resolved: {amount} recovered",
                    id=case_id,
                    amount=recovered or Msg("nothing"),
                ).render()
            )
            return 0
        found = refund_candidates(db, case_id)
    if args.json:
        print_json(
            [
                {
                    "id": t.id,
                    "date": t.occurred_at.isoformat(),
                    "amount": t.amount.plain(),
                    "currency": t.amount.currency,
                    "payee": t.payee,
                    "reference": t.reference,
                }
                for t in found
            ]
        )
        return 0
    if not found:
        print(tr("No incoming payment looks like a refund yet."))
    for t in found:
        print(
            f"#{t.id}  {format_when(t.occurred_at, lang)}  {format_money(t.amount, lang)}"
            f"  {t.payee}  {t.reference or ''}"
        )
    if found:
        print(Msg("Accept one with: okguard case refunds {id} --accept ID", id=case_id).render())
    return 0


def cmd_close(args: argparse.Namespace) -> int:
    from okguard.services.cases import get_case, set_outcome

    case_id = _id(args.id, "ID")
    with _service(args) as db:
        currency = args.currency or get_case(db, case_id).case.currency or "CNY"
        recovered = parse_money(args.recovered, currency, "--recovered") if args.recovered else None
        state = set_outcome(db, case_id, recovered, datetime.now())
    print(
        Msg(
            "Case {id} closed: {status}",
            id=case_id,
            status=Msg("{amount} recovered", amount=state.case.recovered)
            if state.case.recovered
            else Msg("nothing recovered"),
        ).render()
    )
    return 0


_SUFFIX_FORMAT = {".pdf": "pdf", ".docx": "docx", ".txt": "txt"}


def cmd_letter(args: argparse.Namespace) -> int:
    from okguard.services.case_letters import render_letter

    case_id = _id(args.id, "CASE_ID")
    to_screen = args.output == "-"
    out = None if to_screen else Path(args.output)
    fmt = args.letter_format or (_SUFFIX_FORMAT.get(out.suffix.lower(), "txt") if out else "txt")
    if to_screen and fmt != "txt":
        raise BadInput(Msg("A {format} letter needs an output file (-o FILE)", format=fmt).render())
    lang = args.letter_lang or args.lang or default_lang()
    with _service(args) as db:
        text = render_letter(db, case_id, lang, fmt, out, date.today())
    if to_screen:
        sys.stdout.write(text)
    else:
        print(Msg("Letter written to {path}", path=str(out)).render())
    return 0
