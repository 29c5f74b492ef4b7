"""Translated names for guard enums (limit scopes and periods, reminder kinds, verdicts)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from okguard.domain.limits import LimitPeriod, LimitScope
from okguard.guard.check import Verdict
from okguard.guard.reminders import ReminderKind

_CONTEXT = "GuardTexts"

SCOPES: dict[LimitScope, object] = {
    LimitScope.PER_PAYMENT: QT_TRANSLATE_NOOP("GuardTexts", "Any single payment"),
    LimitScope.DAILY: QT_TRANSLATE_NOOP("GuardTexts", "All payments in a day"),
    LimitScope.MONTHLY: QT_TRANSLATE_NOOP("GuardTexts", "All payments in a month"),
    LimitScope.PAYEE: QT_TRANSLATE_NOOP("GuardTexts", "Payments to one payee"),
    LimitScope.CATEGORY: QT_TRANSLATE_NOOP("GuardTexts", "Payments in one category"),
    LimitScope.NEW_PAYEE: QT_TRANSLATE_NOOP("GuardTexts", "First payment to a new payee"),
}
PERIODS: dict[LimitPeriod, object] = {
    LimitPeriod.PAYMENT: QT_TRANSLATE_NOOP("GuardTexts", "per payment"),
    LimitPeriod.DAY: QT_TRANSLATE_NOOP("GuardTexts", "per day"),
    LimitPeriod.MONTH: QT_TRANSLATE_NOOP("GuardTexts", "per month"),
}
REMINDER_KINDS: dict[ReminderKind, object] = {
    ReminderKind.CONFIRMATION: QT_TRANSLATE_NOOP("GuardTexts", "Confirm a payment"),
    ReminderKind.REVIEW: QT_TRANSLATE_NOOP("GuardTexts", "Review"),
    ReminderKind.CASE_FOLLOWUP: QT_TRANSLATE_NOOP("GuardTexts", "Case follow-up"),
    ReminderKind.RECOVERY_DEADLINE: QT_TRANSLATE_NOOP("GuardTexts", "Recovery deadline"),
}
VERDICTS: dict[Verdict, object] = {
    Verdict.OK: QT_TRANSLATE_NOOP("GuardTexts", "OK: nothing unusual"),
    Verdict.REVIEW: QT_TRANSLATE_NOOP("GuardTexts", "Look again"),
    Verdict.STOP: QT_TRANSLATE_NOOP("GuardTexts", "Stop: do not pay yet"),
}
VERDICT_ADVICE: dict[Verdict, object] = {
    Verdict.OK: QT_TRANSLATE_NOOP(
        "GuardTexts",
        "Nothing in your history makes this payment look unusual. If someone is rushing "
        "or pressuring you to pay, stop anyway.",
    ),
    Verdict.REVIEW: QT_TRANSLATE_NOOP(
        "GuardTexts", "Something is unusual. Read each reason and check it before you pay."
    ),
    Verdict.STOP: QT_TRANSLATE_NOOP(
        "GuardTexts",
        "Do not pay until you have checked every reason below, ideally with someone you trust.",
    ),
}
# Background and text colours; red means stop everywhere in the app.
VERDICT_COLOURS: dict[Verdict, tuple[str, str]] = {
    Verdict.OK: ("#1b7f3b", "#ffffff"),
    Verdict.REVIEW: ("#b26a00", "#ffffff"),
    Verdict.STOP: ("#c62828", "#ffffff"),
}
OVER_COLOUR = "#c62828"


def _tr(text: object) -> str:
    # QT_TRANSLATE_NOOP only marks the text for lupdate; it returns it unchanged.
    return QCoreApplication.translate(_CONTEXT, str(text))


def scope_text(scope: LimitScope) -> str:
    return _tr(SCOPES[scope])


def period_text(period: LimitPeriod) -> str:
    return _tr(PERIODS[period])


def reminder_kind_text(kind: ReminderKind) -> str:
    return _tr(REMINDER_KINDS[kind])


def verdict_text(verdict: Verdict) -> str:
    return _tr(VERDICTS[verdict])


def verdict_advice(verdict: Verdict) -> str:
    return _tr(VERDICT_ADVICE[verdict])
