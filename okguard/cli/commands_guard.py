"""check, limits, reminders, confirm, review."""

from __future__ import annotations

import argparse
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from okguard.cli.common import open_db, print_json
from okguard.cli.errors import BadInput
from okguard.domain.limits import Limit, LimitPeriod, LimitScope
from okguard.domain.money import Money, MoneyError
from okguard.i18n import Msg
from okguard.i18n.cli_text import tr


def register(sub: Any) -> None:
    check = sub.add_parser("check", help=tr("check a payment before you make it"))
    check.add_argument("--payee", required=True)
    check.add_argument("--to", dest="to_account", help=tr("the payee's account, card or wallet"))
    check.add_argument("--amount", required=True)
    check.add_argument("--currency", default="CNY")
    check.add_argument("--memo", default="")
    check.add_argument("--json", action="store_true")
    check.set_defaults(func=cmd_check)

    limits = sub.add_parser("limits", help=tr("list, set or remove personal limits"))
    lsub = limits.add_subparsers(dest="limits_command", required=True)
    lst = lsub.add_parser("list", help=tr("list limits and how much of each is used"))
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_limits_list)
    put = lsub.add_parser("set", help=tr("add a limit"))
    put.add_argument("--scope", required=True, choices=[s.value for s in LimitScope])
    put.add_argument("--amount", required=True)
    put.add_argument("--currency", default="CNY")
    put.add_argument("--period", choices=[p.value for p in LimitPeriod], default=None)
    put.add_argument("--account", help=tr("only this account (default: all accounts)"))
    put.add_argument("--payee")
    put.add_argument("--category")
    put.add_argument("--label", default="")
    put.set_defaults(func=cmd_limits_set)
    rem = lsub.add_parser("remove", help=tr("remove a limit"))
    rem.add_argument("id", type=int)
    rem.set_defaults(func=cmd_limits_remove)

    rmd = sub.add_parser("reminders", help=tr("list reminders; export them to a calendar"))
    rmd.add_argument("--json", action="store_true")
    rmd.add_argument("--ics", type=Path, help=tr("write the reminders to this .ics file"))
    rmd.set_defaults(func=cmd_reminders)

    conf = sub.add_parser("confirm", help=tr("confirm large payments: yes, that was me"))
    conf.add_argument("ids", nargs="+", type=int, metavar="TRANSACTION_ID")
    conf.set_defaults(func=cmd_confirm)

    rev = sub.add_parser("review", help=tr("mark transactions as reviewed"))
    rev.add_argument("ids", nargs="*", type=int, metavar="TRANSACTION_ID")
    rev.add_argument(
        "--up-to",
        type=int,
        metavar="TRANSACTION_ID",
        help=tr("everything up to and including this transaction"),
    )
    rev.set_defaults(func=cmd_review)


def parse_money(text: str, currency: str, what: str) -> Money:
    try:
        value = Decimal(text.replace(",", "").strip())
    except InvalidOperation as exc:
        raise BadInput(
            Msg(
                "{what} {value!r} is not a number; expected something like 12.34",
                what=what,
                value=text,
            ).render()
        ) from exc
    try:
        return Money.of(abs(value), currency.upper())
    except MoneyError as exc:
        raise BadInput(
            Msg("{what} {value!r}: {problem}", what=what, value=text, problem=str(exc)).render()
        ) from exc


def cmd_check(args: argparse.Namespace) -> int:
    from okguard.services.guarding import check

    amount = parse_money(args.amount, args.currency, "--amount")
    db = open_db(args)
    try:
        result = check(db, payee=args.payee, amount=amount, account=args.to_account, memo=args.memo)
    finally:
        db.close()
    if args.json:
        print_json(result.to_json())
        return 0
    verdicts = {
        "ok": tr("OK: nothing unusual"),
        "review": tr("Look again"),
        "stop": tr("Stop: do not pay yet"),
    }
    print(verdicts[result.verdict.value])
    for reason in result.reasons:
        print(f"  - [{reason.kind.value}] {reason.message.render()}")
    return 0


def cmd_limits_list(args: argparse.Namespace) -> int:
    from okguard.guard import describe_limit
    from okguard.services.guarding import usage

    db = open_db(args)
    try:
        used = usage(db)
    finally:
        db.close()
    if args.json:
        print_json(
            [
                {
                    "id": u.limit.id,
                    "scope": u.limit.scope.value,
                    "period": u.limit.period.value,
                    "amount": u.limit.amount.plain(),
                    "currency": u.limit.amount.currency,
                    "account_id": u.limit.account_id,
                    "payee": u.limit.payee,
                    "category": u.limit.category,
                    "spent": u.spent.plain(),
                    "percent": u.percent,
                    "over": u.over,
                }
                for u in used
            ]
        )
        return 0
    if not used:
        print(tr("No limits yet. Add one with: okguard limits set --scope daily --amount 500"))
    for u in used:
        print(
            Msg(
                "#{id} {limit}: {spent} used ({percent}%)",
                id=u.limit.id,
                limit=describe_limit(u.limit),
                spent=u.spent,
                percent=u.percent,
            ).render()
        )
    return 0


def cmd_limits_set(args: argparse.Namespace) -> int:
    from okguard.guard import describe_limit, validate_limit
    from okguard.storage.repos.accounts import find_account
    from okguard.storage.repos.limits import add_limit

    scope = LimitScope(args.scope)
    default_period = {LimitScope.DAILY: LimitPeriod.DAY, LimitScope.MONTHLY: LimitPeriod.MONTH}
    period = (
        LimitPeriod(args.period) if args.period else default_period.get(scope, LimitPeriod.PAYMENT)
    )
    db = open_db(args)
    try:
        account_id = None
        if args.account:
            account = find_account(db, args.account)
            if account is None:
                raise BadInput(Msg("No account named {name!r}", name=args.account).render())
            account_id = account.id
        limit = Limit(
            id=0,
            scope=scope,
            amount=parse_money(args.amount, args.currency, "--amount"),
            period=period,
            account_id=account_id,
            payee=args.payee,
            category=args.category,
            label=args.label,
        )
        problems = validate_limit(limit)
        if problems:
            raise BadInput("; ".join(p.render() for p in problems))
        new_id = add_limit(db, limit)
    finally:
        db.close()
    print(Msg("Limit #{id} set: {limit}", id=new_id, limit=describe_limit(limit)).render())
    return 0


def cmd_limits_remove(args: argparse.Namespace) -> int:
    from okguard.storage.repos.limits import remove_limit

    db = open_db(args)
    try:
        if not remove_limit(db, args.id):
            raise BadInput(Msg("No limit #{id}", id=args.id).render())
    finally:
        db.close()
    print(Msg("Limit #{id} removed", id=args.id).render())
    return 0


def cmd_reminders(args: argparse.Namespace) -> int:
    from okguard.guard.ics import write_ics
    from okguard.services.guarding import current_reminders

    now = datetime.now()
    db = open_db(args)
    try:
        views = current_reminders(db, now)
    finally:
        db.close()
    if args.ics:
        write_ics(args.ics, [v.reminder for v in views], dtstamp=now)
        print(
            Msg("Wrote {count} reminders to {path}", count=len(views), path=str(args.ics)).render()
        )
    if args.json:
        print_json(
            [
                {
                    "kind": v.reminder.kind.value,
                    "due": v.reminder.due.isoformat(),
                    "title": v.reminder.title.render(),
                    "transaction_id": v.reminder.transaction_id,
                    "case_id": v.reminder.case_id,
                }
                for v in views
            ]
        )
    elif not args.ics:
        if not views:
            print(tr("No reminders."))
        for v in views:
            print(f"{v.reminder.due:%Y-%m-%d %H:%M}  {v.reminder.title.render()}")
    return 0


def cmd_confirm(args: argparse.Namespace) -> int:
    from okguard.storage.repos.reminders import acknowledge
    from okguard.storage.repos.transactions import get_many

    db = open_db(args)
    try:
        found = {t.id for t in get_many(db, args.ids)}
        missing = sorted(set(args.ids) - found)
        if missing:
            raise BadInput(
                Msg("No transaction with id {ids}", ids=", ".join(map(str, missing))).render()
            )
        count = acknowledge(db, args.ids)
    finally:
        db.close()
    print(Msg("Confirmed {count} payments", count=count).render())
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from okguard.storage.repos.transactions import get_many, mark_reviewed, mark_reviewed_up_to

    if not args.ids and args.up_to is None:
        raise BadInput(tr("Name transaction ids, or --up-to ID"))
    db = open_db(args)
    try:
        count = 0
        if args.ids:
            count += mark_reviewed(db, args.ids)
        if args.up_to is not None:
            anchor = get_many(db, [args.up_to])
            if not anchor:
                raise BadInput(Msg("No transaction with id {ids}", ids=str(args.up_to)).render())
            count += mark_reviewed_up_to(db, anchor[0])
    finally:
        db.close()
    print(Msg("Marked {count} transactions reviewed", count=count).render())
    return 0
