"""Translated names for domain enums shown in several pages."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_SEVERITIES = {
    "high": QT_TRANSLATE_NOOP("Labels", "High"),
    "medium": QT_TRANSLATE_NOOP("Labels", "Medium"),
    "low": QT_TRANSLATE_NOOP("Labels", "Low"),
}
_KINDS = {
    "duplicate": QT_TRANSLATE_NOOP("Labels", "Possible duplicate"),
    "amount_shift": QT_TRANSLATE_NOOP("Labels", "Amount changed"),
    "amount_outlier": QT_TRANSLATE_NOOP("Labels", "Unusual amount"),
    "lookalike_payee": QT_TRANSLATE_NOOP("Labels", "Look-alike payee"),
    "new_payee": QT_TRANSLATE_NOOP("Labels", "New payee"),
    "scam_pattern": QT_TRANSLATE_NOOP("Labels", "Scam pattern"),
    "limit_breach": QT_TRANSLATE_NOOP("Labels", "Limit exceeded"),
    "system_error": QT_TRANSLATE_NOOP("Labels", "Possible system error"),
    "recurring_change": QT_TRANSLATE_NOOP("Labels", "Recurring payment changed"),
}


def severity_text(severity: str) -> str:
    name = _SEVERITIES.get(severity)
    return QCoreApplication.translate("Labels", str(name)) if name else severity


def kind_text(kind: str) -> str:
    name = _KINDS.get(kind)
    return QCoreApplication.translate("Labels", str(name)) if name else kind
