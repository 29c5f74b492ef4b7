"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from okguard.storage import Database, default_db_path, open_database


def open_db(args: argparse.Namespace) -> Database:
    return open_database(args.db or default_db_path())


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
