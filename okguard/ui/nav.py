"""The sections of the main window, in navigation order."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


class Section(IntEnum):
    DASHBOARD = 0
    TRANSACTIONS = 1
    FLAGS = 2
    LIMITS = 3
    CASES = 4
    IMPORT = 5
    SETTINGS = 6


_NAMES = {
    Section.DASHBOARD: QT_TRANSLATE_NOOP("Navigation", "Dashboard"),
    Section.TRANSACTIONS: QT_TRANSLATE_NOOP("Navigation", "Transactions"),
    Section.FLAGS: QT_TRANSLATE_NOOP("Navigation", "Flags"),
    Section.LIMITS: QT_TRANSLATE_NOOP("Navigation", "Limits & reminders"),
    Section.CASES: QT_TRANSLATE_NOOP("Navigation", "Cases"),
    Section.IMPORT: QT_TRANSLATE_NOOP("Navigation", "Import"),
    Section.SETTINGS: QT_TRANSLATE_NOOP("Navigation", "Settings"),
}


def section_label(section: Section, open_flags: int = 0) -> str:
    name = QCoreApplication.translate("Navigation", str(_NAMES[section]))
    if section is Section.FLAGS and open_flags:
        return QCoreApplication.translate("Navigation", "{0} ({1})").format(name, open_flags)
    return name
