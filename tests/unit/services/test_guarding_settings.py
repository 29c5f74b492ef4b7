"""Guard settings and actions the desktop app needs: confirmation threshold, review
cadence, "yes, that was me", "mark reviewed" and editing a limit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from okguard.domain.anomaly import AnomalyKind
from okguard.domain.limits import Limit, LimitPeriod, LimitScope
from okguard.domain.money import Money
from okguard.domain.transaction import ParsedTransaction
from okguard.guard.check import Verdict
from okguard.guard.reminders import ReminderKind
from okguard.services import guarding
from okguard.storage import Database, open_database
from okguard.storage.repos import limits, settings, transactions
from okguard.storage.repos.accounts import find_account
from tests.unit.services.helpers import import_rows

NOW = datetime(2024, 3, 20, 10, 0)


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "t.sqlite3")
    yield database
    database.close()


def tx(line: int, when: str, amount: str, payee: str) -> ParsedTransaction:
    return ParsedTransaction(line=line, occurred_at=datetime.fromisoformat(when), has_time=True,
                             amount=Money.of(amount, "CNY"), payee=payee, reference=f"r{line}")


ROWS = [
    tx(2, "2024-03-01T09:00:00", "-5500.00", "王芳"),
    tx(3, "2024-03-02T12:00:00", "-18.00", "瑞幸咖啡"),
    tx(4, "2024-03-10T12:00:00", "-2500.00", "李秀英"),
    tx(5, "2024-03-25T12:00:00", "-30.00", "盒马鲜生"),  # after NOW
]


def kinds(db: Database) -> list[ReminderKind]:
    return [v.reminder.kind for v in guarding.current_reminders(db, NOW)]


def test_confirmation_threshold_is_stored_per_currency(db: Database) -> None:
    import_rows(db, ROWS)
    assert guarding.confirm_thresholds(db)["CNY"] == Money(200_000, "CNY")
    assert kinds(db).count(ReminderKind.CONFIRMATION) == 2

    guarding.set_confirm_threshold(db, Money.of("3000", "CNY"))
    assert guarding.confirm_thresholds(db)["CNY"] == Money.of("3000", "CNY")
    assert guarding.confirm_thresholds(db)["USD"] == Money(50_000, "USD")  # untouched
    assert kinds(db).count(ReminderKind.CONFIRMATION) == 1  # only the rent is that large

    guarding.set_confirm_threshold(db, Money(0, "CNY"))  # zero: stop asking
    assert ReminderKind.CONFIRMATION not in kinds(db)
    with pytest.raises(ValueError):
        guarding.set_confirm_threshold(db, Money(-1, "CNY"))


def test_review_cadence_defaults_to_weekly_and_moves_the_next_review(db: Database) -> None:
    import_rows(db, ROWS)
    assert guarding.review_cadence(db) == "weekly"
    guarding.mark_reviewed_until(db, datetime(2024, 3, 1, 23, 0))
    last = transactions.reviewed_ids(db)
    assert len(last) == 1

    def review_due() -> datetime:
        [view] = [v for v in guarding.current_reminders(db, NOW)
                  if v.reminder.kind is ReminderKind.REVIEW]
        return view.reminder.due

    weekly = review_due()
    guarding.set_review_cadence(db, "monthly")
    assert guarding.review_cadence(db) == "monthly"
    assert review_due() - weekly > timedelta(days=20)
    with pytest.raises(ValueError):
        guarding.set_review_cadence(db, "daily")
    settings.set_setting(db, guarding.REVIEW_KEY, "hourly")  # a hand-edited database
    assert guarding.review_cadence(db) == "weekly"


def test_confirming_a_payment_removes_its_reminder(db: Database) -> None:
    import_rows(db, ROWS)
    pending = [v.reminder.transaction_id or 0 for v in guarding.current_reminders(db, NOW)
               if v.reminder.kind is ReminderKind.CONFIRMATION]
    assert len(pending) == 2 and all(pending)
    assert guarding.confirm_payments(db, pending[:1]) == 1
    left = [v.reminder.transaction_id for v in guarding.current_reminders(db, NOW)
            if v.reminder.kind is ReminderKind.CONFIRMATION]
    assert left == pending[1:]


def test_mark_reviewed_until_now_leaves_later_rows_and_ends_the_review_reminder(
    db: Database,
) -> None:
    import_rows(db, ROWS[:3])
    assert ReminderKind.REVIEW in kinds(db)
    assert guarding.mark_reviewed_until(db, NOW) == 3
    assert transactions.unreviewed(db)[0] == 0
    assert ReminderKind.REVIEW not in kinds(db)
    import_rows(db, ROWS[3:], name="later.csv")
    assert guarding.mark_reviewed_until(db, NOW) == 0  # the later payment is not reviewed
    assert transactions.unreviewed(db)[0] == 1


def test_replacing_a_limit_keeps_one_limit_with_the_new_amount(db: Database) -> None:
    first = limits.add_limit(db, Limit(0, LimitScope.DAILY, Money.of("500", "CNY"),
                                       LimitPeriod.DAY))
    other = limits.add_limit(db, Limit(0, LimitScope.MONTHLY, Money.of("9000", "CNY"),
                                       LimitPeriod.MONTH))
    new_id = guarding.replace_limit(
        db, first, Limit(0, LimitScope.DAILY, Money.of("800", "CNY"), LimitPeriod.DAY)
    )
    stored = [(lim.id, lim.amount) for lim in limits.list_limits(db)]
    assert new_id == first  # an edit keeps the limit's place in the list
    assert stored == [(first, Money.of("800", "CNY")), (other, Money.of("9000", "CNY"))]


def test_check_applies_a_per_account_limit_only_when_the_paying_account_is_named(
    db: Database,
) -> None:
    import_rows(db, ROWS)
    account = find_account(db, "Test account")
    assert account is not None
    limits.add_limit(db, Limit(0, LimitScope.PER_PAYMENT, Money.of("100", "CNY"),
                               account_id=account.id))
    coffee = Money.of("300", "CNY")
    unsaid = guarding.check(db, payee="瑞幸咖啡", amount=coffee, now=NOW)
    assert unsaid.verdict is Verdict.OK  # the limit is not consulted
    paid_from = guarding.check(db, payee="瑞幸咖啡", amount=coffee, now=NOW,
                               from_account_id=account.id)
    assert paid_from.verdict is Verdict.STOP
    assert AnomalyKind.LIMIT_BREACH in [r.kind for r in paid_from.reasons]


def test_only_recent_large_payments_wait_for_confirmation(db: Database) -> None:
    old = tx(9, "2023-06-01T09:00:00", "-5500.00", "王芳")  # imported history, months ago
    import_rows(db, [old, *ROWS])
    guarding.set_confirm_threshold(db, Money.of("2000", "CNY"))

    def waiting() -> set[int | None]:
        return {
            v.reminder.transaction_id
            for v in guarding.current_reminders(db, NOW)
            if v.reminder.kind is ReminderKind.CONFIRMATION
        }

    recent = waiting()
    assert len(recent) == 2  # rent and the transfer to 李秀英 this month; not last June's
    settings.set_setting(db, guarding.CONFIRM_WINDOW_KEY, 0)  # 0: the whole history
    assert len(waiting()) == 3 and recent < waiting()
