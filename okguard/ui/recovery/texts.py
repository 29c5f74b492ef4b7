"""Translated names of the recovery vocabulary (case types, statuses, roles ...) and the
deadline countdown, shared by the wizard pages and the Cases page."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from okguard.domain.case import CaseStatus, CaseType, EventKind, Jurisdiction, LocalText
from okguard.recovery import DeadlineStatus, RuleBundle
from okguard.recovery.rule_types import ContactRole, CountedFrom, Duty

_CTX = "RecoveryText"

CASE_TYPES = {
    CaseType.WRONG_RECIPIENT: QT_TRANSLATE_NOOP("RecoveryText", "Sent to the wrong recipient"),
    CaseType.DUPLICATE: QT_TRANSLATE_NOOP("RecoveryText", "Charged twice (duplicate)"),
    CaseType.WRONG_AMOUNT: QT_TRANSLATE_NOOP("RecoveryText", "Wrong amount"),
    CaseType.SCAM: QT_TRANSLATE_NOOP("RecoveryText", "Scam or fraud"),
    CaseType.UNAUTHORISED: QT_TRANSLATE_NOOP("RecoveryText", "Payments I did not make"),
    CaseType.SYSTEM_ERROR: QT_TRANSLATE_NOOP("RecoveryText", "System or processing error"),
}
JURISDICTIONS = {
    Jurisdiction.CN: QT_TRANSLATE_NOOP("RecoveryText", "Mainland China (incl. Alipay, WeChat Pay)"),
    Jurisdiction.US: QT_TRANSLATE_NOOP("RecoveryText", "United States"),
    Jurisdiction.UK: QT_TRANSLATE_NOOP("RecoveryText", "United Kingdom"),
    Jurisdiction.EU: QT_TRANSLATE_NOOP("RecoveryText", "European Union / EEA"),
    Jurisdiction.HK: QT_TRANSLATE_NOOP("RecoveryText", "Hong Kong"),
    Jurisdiction.CRYPTO: QT_TRANSLATE_NOOP("RecoveryText", "Crypto exchange transfer"),
}
STATUSES = {
    CaseStatus.OPEN: QT_TRANSLATE_NOOP("RecoveryText", "In progress"),
    CaseStatus.WAITING_PROVIDER: QT_TRANSLATE_NOOP("RecoveryText", "Waiting for the provider"),
    CaseStatus.ESCALATED: QT_TRANSLATE_NOOP("RecoveryText", "Escalated"),
    CaseStatus.RESOLVED: QT_TRANSLATE_NOOP("RecoveryText", "Resolved"),
    CaseStatus.CLOSED_UNRECOVERED: QT_TRANSLATE_NOOP("RecoveryText", "Closed, not recovered"),
}
ROLES = {
    ContactRole.PROVIDER: QT_TRANSLATE_NOOP("RecoveryText", "Provider"),
    ContactRole.COUNTERPARTY: QT_TRANSLATE_NOOP("RecoveryText", "Recipient"),
    ContactRole.HELPLINE: QT_TRANSLATE_NOOP("RecoveryText", "Helpline"),
    ContactRole.REGULATOR: QT_TRANSLATE_NOOP("RecoveryText", "Regulator"),
    ContactRole.OMBUDSMAN: QT_TRANSLATE_NOOP("RecoveryText", "Ombudsman"),
    ContactRole.POLICE: QT_TRANSLATE_NOOP("RecoveryText", "Police"),
    ContactRole.COURT: QT_TRANSLATE_NOOP("RecoveryText", "Court"),
}
DUTIES = {
    Duty.CONSUMER: QT_TRANSLATE_NOOP("RecoveryText", "You"),
    Duty.PROVIDER: QT_TRANSLATE_NOOP("RecoveryText", "The provider"),
}
EVENT_KINDS = {
    EventKind.CONTACT: QT_TRANSLATE_NOOP("RecoveryText", "Contact"),
    EventKind.STATUS: QT_TRANSLATE_NOOP("RecoveryText", "Status"),
    EventKind.EVIDENCE: QT_TRANSLATE_NOOP("RecoveryText", "Evidence"),
    EventKind.NOTE: QT_TRANSLATE_NOOP("RecoveryText", "Note"),
    EventKind.LETTER: QT_TRANSLATE_NOOP("RecoveryText", "Letter"),
    EventKind.ESCALATION: QT_TRANSLATE_NOOP("RecoveryText", "Escalation"),
}
_WAITING_FOR = {
    CountedFrom.STATEMENT: QT_TRANSLATE_NOOP(
        "RecoveryText", "Starts at the statement date: enter it above"
    ),
    CountedFrom.REPORT: QT_TRANSLATE_NOOP(
        "RecoveryText", "Starts when you first tell the provider"
    ),
    CountedFrom.TRANSACTION: QT_TRANSLATE_NOOP("RecoveryText", "Starts at the payment date"),
}
# Channels offered in the contact log; the user may type any other.
CHANNELS = (
    QT_TRANSLATE_NOOP("RecoveryText", "Phone"),
    QT_TRANSLATE_NOOP("RecoveryText", "In-app chat"),
    QT_TRANSLATE_NOOP("RecoveryText", "Email"),
    QT_TRANSLATE_NOOP("RecoveryText", "Letter"),
    QT_TRANSLATE_NOOP("RecoveryText", "Branch visit"),
    QT_TRANSLATE_NOOP("RecoveryText", "Web form"),
)


def translated(text: str) -> str:
    """A text marked with ``QT_TRANSLATE_NOOP("RecoveryText", ...)``, in the UI language."""
    return QCoreApplication.translate(_CTX, text)


def name(table: Mapping[Any, object], key: object) -> str:
    text = table.get(key)
    return translated(str(text)) if text else str(key)


def local(text: LocalText | str, lang: str) -> str:
    return text if isinstance(text, str) else text.render(lang)


def unverified_marker() -> str:
    return QCoreApplication.translate("RecoveryText", "unverified")


def countdown(status: DeadlineStatus) -> str:
    """ "12 days left", "Due today", "3 days overdue", or what the clock waits for."""
    if status.days_left is None:
        return translated(str(_WAITING_FOR[status.rule.counted_from]))
    left = status.days_left
    if left == 0:
        return QCoreApplication.translate("RecoveryText", "Due today")
    if left == 1:
        return QCoreApplication.translate("RecoveryText", "1 day left")
    if left == -1:
        return QCoreApplication.translate("RecoveryText", "1 day overdue")
    if left < 0:
        return QCoreApplication.translate("RecoveryText", "{0} days overdue").format(-left)
    return QCoreApplication.translate("RecoveryText", "{0} days left").format(left)


def source_lines(bundle: RuleBundle, ids: Iterable[str]) -> list[tuple[str, str | None, bool]]:
    """(title, url, verified) of each cited source the bundle knows."""
    out: list[tuple[str, str | None, bool]] = []
    for source_id in ids:
        try:
            src = bundle.source(source_id)
        except KeyError:
            continue
        out.append((src.title, src.url, src.verified))
    return out


def sources_html(bundle: RuleBundle, ids: Iterable[str]) -> str:
    """Cited sources as links; weakly sourced ones carry the "unverified" marker."""
    parts = []
    for title, url, verified in source_lines(bundle, ids):
        text = escape(title)
        if url:
            text = f'<a href="{escape(url)}">{text}</a>'
        if not verified:
            text += f' <span style="color:#b45309">({escape(unverified_marker())})</span>'
        parts.append(text)
    return "<br>".join(parts)


def escape(text: str) -> str:
    return html.escape(text, quote=True)
