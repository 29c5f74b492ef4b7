"""Guard use cases: check before paying, limits in use, reminders due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from okguard.domain.money import Money
from okguard.guard import CheckResult, CheckSettings, PaymentCheck, check_payment, limit_usage
from okguard.guard.confirmations import confirmation_reminders, payments_needing_confirmation
from okguard.guard.limits import LimitUsage
from okguard.guard.reminders import Reminder, ReminderKind
from okguard.guard.review import review_reminder, unreviewed_summary
from okguard.i18n import Msg
from okguard.storage.database import Database
from okguard.storage.repos import limits as limit_repo
from okguard.storage.repos import payees, settings, transactions
from okguard.storage.repos import reminders as reminder_repo

CONFIRM_KEY = "guard.confirm_threshold"  # {currency: minor units}
REVIEW_KEY = "guard.review_cadence"  # "weekly" | "monthly"
CHECK_KEY = "guard.check"
# A payment this large waits for "yes, that was me" unless the user sets otherwise.
DEFAULT_CONFIRM = {"CNY": 200_000, "USD": 50_000, "EUR": 50_000, "GBP": 50_000, "HKD": 400_000}


def check(
    db: Database,
    *,
    payee: str,
    amount: Money,
    account: str | None = None,
    memo: str = "",
    now: datetime | None = None,
) -> CheckResult:
    history = list(transactions.iter_for_scan(db))
    return check_payment(
        PaymentCheck(
            payee=payee, amount=amount, when=now or datetime.now(), account=account, memo=memo
        ),
        history,
        limit_repo.list_limits(db),
        trusted_payees=payees.trusted_payees(db),
        settings=CheckSettings.from_dict(settings.get_setting(db, CHECK_KEY, {}) or {}),
    )


def usage(db: Database, today: date | None = None) -> list[LimitUsage]:
    limits = limit_repo.list_limits(db)
    if not limits:
        return []
    history = list(transactions.iter_for_scan(db))
    return limit_usage(history, limits, today or date.today())


def confirm_thresholds(db: Database) -> dict[str, Money]:
    stored: dict[str, Any] = settings.get_setting(db, CONFIRM_KEY, None) or DEFAULT_CONFIRM
    return {ccy: Money(int(minor), ccy) for ccy, minor in stored.items()}


@dataclass(frozen=True, slots=True)
class ReminderView:
    reminder: Reminder
    stored_id: int | None  # set for stored case reminders, which can be completed


def current_reminders(db: Database, now: datetime | None = None) -> list[ReminderView]:
    """Everything the user should be reminded of now or soon, soonest first."""
    now = now or datetime.now()
    history = list(transactions.iter_for_scan(db))
    pending = payments_needing_confirmation(
        history, confirm_thresholds(db), reminder_repo.acknowledged_ids(db)
    )
    views = [ReminderView(r, None) for r in confirmation_reminders(pending, now)]
    if history:
        reviewed = _reviewed_ids(db)
        summary = unreviewed_summary(history, reviewed)
        if summary.count:
            cadence = settings.get_setting(db, REVIEW_KEY, "weekly")
            views.append(
                ReminderView(
                    review_reminder(reminder_repo.last_review(db), cadence, now, summary), None
                )
            )
    for stored in reminder_repo.open_reminders(db):
        due = stored.snoozed_until or stored.due_at
        views.append(
            ReminderView(
                Reminder(
                    kind=ReminderKind(stored.kind),
                    title=Msg(stored.title_template, **stored.title_params),
                    due=due,
                    id=stored.id,
                    transaction_id=stored.transaction_id,
                    case_id=stored.case_id,
                ),
                stored.id,
            )
        )
    return sorted(views, key=lambda v: v.reminder.due.replace(tzinfo=None))


def _reviewed_ids(db: Database) -> set[int]:
    return transactions.reviewed_ids(db)
