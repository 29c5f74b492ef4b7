"""Guard core: personal limits, confirmation and review reminders, check before paying.

Plain Python (no Qt, no SQL). Storage keeps limits, acknowledgements, reviews and
reminders; the functions here decide. Time is always passed in (``now``/``today``),
never read from the clock. User-visible text is returned as :class:`okguard.i18n.Msg`
(translations in ``resources/i18n/zh_CN/guard.yaml``).

What counts as spending everywhere (``guard.counting``): money-moving outflows
(``Transaction.moves_money and is_outflow``); a payment seen on two accounts
(``link_id``) counts once; a linked transfer to the user's own account (outflow here,
inflow/neutral there) is not spending. Days and months are calendar periods of the
transaction's wall-clock date.

Limits (``okguard.guard.limits``)
    detect_limit_breaches(transactions, limits, focus=None) -> list[Anomaly]
        LIMIT_BREACH anomalies. Per-payment style limits (PER_PAYMENT, NEW_PAYEE,
        PAYEE/CATEGORY with period PAYMENT): one per payment strictly over the limit.
        DAILY/MONTHLY and PAYEE/CATEGORY with period DAY/MONTH: one per period, naming
        the payments of the period up to the one that crossed the limit. Key:
        ``anomaly_key(LIMIT_BREACH, (crossing_id,), "limit:<id>")`` (stable when later
        payments join the period). Severity HIGH at >= 2x the limit, else MEDIUM.
    limit_usage(transactions, limits, today) -> list[LimitUsage]
        LimitUsage(limit, spent, remaining, fraction: Decimal, percent: int,
        period_start, period_end (inclusive), over). Per-payment limits report the
        largest single payment of ``today``.
    validate_limit(limit) -> list[Msg]       problems; empty when it can be saved
    describe_limit(limit, account_name=None) -> Msg   "daily limit of ¥500.00"
    effective_period(limit), period_bounds(period, day)

Check before paying (``okguard.guard.check``)
    check_payment(PaymentCheck(payee=, amount=, when=, account=None, memo="",
                  category="", from_account_id=None),
                  history, limits, trusted_payees=(), settings=None) -> CheckResult
    CheckResult(verdict: Verdict ok|review|stop, reasons: list[CheckReason(kind:
    AnomalyKind, severity, message: Msg)]); ``result.to_json(lang)`` is the
    ``okguard check --json`` object. CheckSettings(review_multiple=3, stop_multiple=10,
    low_divisor=10, min_usual_payments=2) with from_dict/to_dict for storage.
    Name/account near misses and scam wording come from ``okguard.detectors.names``.

Confirmations (``okguard.guard.confirmations``)
    payments_needing_confirmation(transactions, threshold_by_currency: {ccy: Money},
        acknowledged_ids, since=None) -> list[PendingConfirmation(transaction, threshold)]
        (at or above the threshold; ``.message`` is the sentence)
    confirmation_reminders(pending, now, last_reminded={tx_id: datetime},
        every=timedelta(hours=24)) -> list[Reminder];  next_confirmation_reminder(...)

Reviews (``okguard.guard.review``)
    next_review_due(last_review | None, "weekly" | "monthly", now) -> datetime
    unreviewed_summary(transactions, reviewed_ids) -> UnreviewedSummary(count, oldest)
        (unpacks as ``count, oldest``)
    ids_up_to(transactions, anchor: Transaction | datetime, reviewed_ids=()) -> list[int]
        "everything up to here": unreviewed ids with occurred_at <= anchor
    review_reminder(last_review, cadence, now, summary=None) -> Reminder

Reminders (``okguard.guard.reminders``) and calendar export (``okguard.guard.ics``)
    Reminder(kind: ReminderKind, title: Msg, due, id=None, transaction_id=None,
             case_id=None, done=False); ``.key`` is stable across snoozes.
    due_reminders(rs, now), upcoming_reminders(rs, now, days=7), snooze(r, now, duration),
    mark_done(r), deadline_reminders(deadline, title, now, case_id=..., warn_before=...),
    followup_reminder(case_id, last_contact, title, after=7 days)
    reminders_to_ics(rs, dtstamp=, lang=None, alarm_before=0, duration=30 min) -> bytes;
    write_ics(path, rs, dtstamp=, lang=None). Uses the ``icalendar`` library.
"""

from okguard.guard.check import (
    CheckReason,
    CheckResult,
    CheckSettings,
    PaymentCheck,
    Verdict,
    check_payment,
)
from okguard.guard.limits import (
    LimitUsage,
    describe_limit,
    detect_limit_breaches,
    limit_usage,
    validate_limit,
)
from okguard.guard.reminders import Reminder, ReminderKind

__all__ = [
    "CheckReason",
    "CheckResult",
    "CheckSettings",
    "LimitUsage",
    "PaymentCheck",
    "Reminder",
    "ReminderKind",
    "Verdict",
    "check_payment",
    "describe_limit",
    "detect_limit_breaches",
    "limit_usage",
    "validate_limit",
]
