"""Exit codes and the user-facing error boundary."""

from __future__ import annotations

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3


class UsageError(Exception):
    """The command line itself is wrong (exit 2)."""


class BadInput(Exception):
    """A file or value the user gave is wrong (exit 3); the message says what and where."""
