"""Guard use cases: check before paying, limits in use, reminders due."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from okguard.domain.limits import Limit
from okguard.domain.money import Money
from okguard.guard import CheckResult, CheckSettings, PaymentCheck, check_payment, limit_usage
from okguard.guard.confirmations import confirmation_reminders, payments_needing_confirmation
from okguard.guard.limits import LimitUsage
from okguard.guard.reminders import Reminder, ReminderKind
from okguard.guard.review import (
    CADENCES,
    Cadence,
    UnreviewedSummary,
    ids_up_to,
    review_reminder,
)
from okguard.i18n import Msg
from okguard.storage.database import Database
from okguard.storage.repos import limits as limit_repo
from okguard.storage.repos import payees, settings, transactions
from okguard.storage.repos import reminders as reminder_repo

CONFIRM_KEY = "guard.confirm_threshold"  # {currency: minor units}
REVIEW_KEY = "guard.review_cadence"  # "weekly" | "monthly"
CONFIRM_WINDOW_KEY = "guard.confirm_window_days"  # 0: every payment ever imported
CONFIRM_WINDOW_DAYS = 30
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
    from_account_id: int | None = None,
) -> CheckResult:
    """``from_account_id`` is the user's paying account; per-account limits need it."""
    history = list(transactions.iter_for_scan(db))
    return check_payment(
        PaymentCheck(
            payee=payee,
            amount=amount,
            when=now or datetime.now(),
            account=account,
            memo=memo,
            from_account_id=from_account_id,
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


def set_confirm_threshold(db: Database, threshold: Money) -> None:
    """Ask for "yes, that was me" on payments of at least ``threshold`` in its currency;
    zero stops asking for that currency. Other currencies keep their thresholds."""
    if threshold.minor < 0:
        raise ValueError("a confirmation threshold cannot be negative")
    stored = {ccy: money.minor for ccy, money in confirm_thresholds(db).items()}
    stored[threshold.currency] = threshold.minor
    settings.set_setting(db, CONFIRM_KEY, stored)


def review_cadence(db: Database) -> Cadence:
    """How often to ask for a review; weekly unless the user chose otherwise."""
    stored = settings.get_setting(db, REVIEW_KEY, "weekly")
    for cadence in CADENCES:
        if stored == cadence:
            return cadence
    return "weekly"


def set_review_cadence(db: Database, cadence: str) -> None:
    if cadence not in CADENCES:
        raise ValueError(f"unknown review cadence {cadence!r}; expected one of {CADENCES}")
    settings.set_setting(db, REVIEW_KEY, cadence)


def confirm_payments(db: Database, transaction_ids: Iterable[int]) -> int:
    """Yes, that was me: the payments stop waiting for confirmation."""
    return reminder_repo.acknowledge(db, transaction_ids)


def mark_reviewed_until(db: Database, now: datetime) -> int:
    """Everything that happened up to ``now`` is reviewed; returns how many rows changed."""
    ids = ids_up_to(list(transactions.iter_for_scan(db)), now, transactions.reviewed_ids(db))
    return transactions.mark_reviewed(db, ids) if ids else 0


def replace_limit(db: Database, limit_id: int, limit: Limit) -> int:
    """Store an edited limit under its old id (so it keeps its place in the list);
    a limit removed meanwhile is added anew. Returns the id it is stored under."""
    if limit_repo.update_limit(db, limit_id, limit):
        return limit_id
    return limit_repo.add_limit(db, limit)


@dataclass(frozen=True, slots=True)
class ReminderView:
    reminder: Reminder
    stored_id: int | None  # set for stored case reminders, which can be completed


def current_reminders(db: Database, now: datetime | None = None) -> list[ReminderView]:
    """Everything the user should be reminded of now or soon, soonest first."""
    now = now or datetime.now()
    # Importing years of history must not ask about every large payment ever made:
    # only recent ones wait for "yes, that was me". Only those are loaded, so the
    # tray's periodic check stays cheap on a long history.
    window = int(settings.get_setting(db, CONFIRM_WINDOW_KEY, CONFIRM_WINDOW_DAYS) or 0)
    since = now - timedelta(days=window) if window > 0 else None
    recent = list(transactions.iter_for_scan(db, since=since))
    pending = payments_needing_confirmation(
        recent, confirm_thresholds(db), reminder_repo.acknowledged_ids(db), since=since
    )
    views = [ReminderView(r, None) for r in confirmation_reminders(pending, now)]
    count, oldest = transactions.unreviewed(db)
    if count:
        first = datetime.fromisoformat(oldest).date() if oldest else None
        summary = UnreviewedSummary(count, first)
        views.append(
            ReminderView(
                review_reminder(reminder_repo.last_review(db), review_cadence(db), now, summary),
                None,
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

