"""An uncaught error in a slot must not print a traceback the user never sees, nor
pass silently: it is logged to crash.log and the user is told, once per error type."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from okguard.crashlog import log_crash

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_crash_handler(parent: QWidget, *, show: bool = True) -> Hook:
    """Replace ``sys.excepthook`` for the GUI's lifetime; returns the previous hook."""
    previous = sys.excepthook
    told: set[type[BaseException]] = set()

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        where = log_crash((kind, exc, tb))
        if not show or kind in told:
            return
        told.add(kind)
        text = QCoreApplication.translate(
            "CrashHandler",
            "okguard hit an internal error; the details were written to {path}. "
            "Please include that file if you report the problem.",
        ).format(path=str(where) if where else "?")
        QMessageBox.warning(parent, QCoreApplication.translate("CrashHandler", "okguard"), text)

    sys.excepthook = hook
    return previous
