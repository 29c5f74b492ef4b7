"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from okguard.cli.errors import UsageError
from okguard.i18n.cli_text import tr
from okguard.storage import Database, default_db_path, open_database


def open_db(args: argparse.Namespace) -> Database:
    return open_database(args.db or default_db_path())


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def require_display() -> None:
    """Refuse (exit 2) before Qt would abort the process: Linux with no X11 or Wayland."""
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        raise UsageError(tr(
            "there is no screen to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
            "is set); run okguard in a desktop session, or use its commands (okguard --help)"
        ))
