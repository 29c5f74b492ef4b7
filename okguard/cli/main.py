"""``okguard`` entry point: parse, dispatch, and never let a traceback reach the user."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from okguard.cli.common import require_display
from okguard.cli.errors import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_USAGE, BadInput, UsageError
from okguard.crashlog import log_crash
from okguard.domain.importing import ImportFailure
from okguard.i18n import Msg, set_default_lang
from okguard.i18n.cli_text import tr
from okguard.storage.database import DatabaseError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _pre_lang(argv: Sequence[str]) -> str:
    """The --lang value before the parser exists, so help text is translated too."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "en"


def build_parser() -> argparse.ArgumentParser:
    from okguard.cli import commands_cases, commands_data, commands_guard

    parser = _Parser(prog="okguard", description=tr("okguard: a guard for your own payments"))
    parser.add_argument(
        "--db", type=Path, help=tr("database file (default: your user data folder)")
    )
    parser.add_argument("--lang", choices=["en", "zh_CN"], default=None, help=tr("language"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    gui = sub.add_parser("gui", help=tr("open the desktop app"))
    gui.set_defaults(func=_run_gui)
    commands_data.register(sub)
    commands_guard.register(sub)
    commands_cases.register(sub)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    require_display()
    from okguard.app import run_gui

    return run_gui(db_path=args.db, lang=args.lang)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_default_lang(_pre_lang(argv))
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.lang:
            set_default_lang(args.lang)
        func = getattr(args, "func", None)
        if func is None:
            return _run_gui(args)
        return int(func(args))
    except UsageError as exc:
        print(f"okguard: {tr('usage error')}: {exc}", file=sys.stderr)
        print(tr("Run 'okguard --help' to see the commands."), file=sys.stderr)
        return EXIT_USAGE
    except ImportFailure as exc:
        print(f"okguard: {exc.message.render()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (BadInput, DatabaseError) as exc:
        print(f"okguard: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(f"okguard: {tr('cancelled; nothing was changed')}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception:
        where = log_crash()
        text = Msg(
            "okguard hit an internal error; details were written to {path}",
            path=str(where) if where else "?",
        ).render()
        print(f"okguard: {text}", file=sys.stderr)
        return EXIT_INTERNAL
