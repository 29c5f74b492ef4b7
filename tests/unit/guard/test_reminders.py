from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from okguard.domain.money import Money
from okguard.domain.transaction import TxStatus
from okguard.guard.confirmations import (
    confirmation_reminders,
    next_confirmation_reminder,
    payments_needing_confirmation,
)
from okguard.guard.reminders import (
    Reminder,
    ReminderKind,
    deadline_reminders,
    due_reminders,
    followup_reminder,
    mark_done,
    snooze,
    upcoming_reminders,
)
from okguard.guard.review import (
    ids_up_to,
    next_review_due,
    review_reminder,
    unreviewed_summary,
)
from okguard.i18n import Msg

from .factory import cny, tx

NOW = datetime(2024, 3, 5, 9, 0)


def reminder(due: datetime, *, id: int | None = None, done: bool = False) -> Reminder:
    return Reminder(kind=ReminderKind.CASE_FOLLOWUP, title=Msg("Review your transactions"),
                    due=due, id=id, case_id=1, done=done)


def test_due_and_upcoming_split_open_reminders_by_time() -> None:
    overdue = reminder(NOW - timedelta(days=2), id=1)
    exactly_now = reminder(NOW, id=2)
    tomorrow = reminder(NOW + timedelta(days=1), id=3)
    next_month = reminder(NOW + timedelta(days=30), id=4)
    finished = reminder(NOW - timedelta(days=1), id=5, done=True)
    everything = [next_month, tomorrow, finished, exactly_now, overdue]

    assert due_reminders(everything, NOW) == [overdue, exactly_now]
    assert upcoming_reminders(everything, NOW, days=7) == [tomorrow]
    assert upcoming_reminders(everything, NOW, days=30) == [tomorrow, next_month]


def test_zone_aware_now_compares_with_naive_stored_times() -> None:
    utc_now = NOW.astimezone(UTC)  # the same instant, zone-aware
    assert due_reminders([reminder(NOW - timedelta(minutes=1))], utc_now)
    assert not due_reminders([reminder(NOW + timedelta(minutes=1))], utc_now)


def test_snooze_moves_the_reminder_and_keeps_its_identity() -> None:
    original = reminder(NOW - timedelta(hours=1))
    later = snooze(original, NOW, timedelta(hours=3))
    assert later.due == NOW + timedelta(hours=3)
    assert later.key == original.key
    assert due_reminders([later], NOW) == []
    assert due_reminders([later], NOW + timedelta(hours=3)) == [later]
    with pytest.raises(ValueError):
        snooze(original, NOW, timedelta(0))
    assert due_reminders([mark_done(original)], NOW) == []


def test_deadline_warnings_a_week_and_a_day_ahead() -> None:
    deadline = NOW + timedelta(days=10)
    title = Msg("A recovery deadline is near")
    warnings = deadline_reminders(deadline, title, NOW, case_id=4)
    assert [r.due for r in warnings] == [deadline - timedelta(days=7), deadline - timedelta(days=1)]
    assert len({r.key for r in warnings}) == 2
    # Both warning times passed, deadline still ahead: warn now rather than never.
    close = deadline_reminders(NOW + timedelta(hours=5), title, NOW, case_id=4)
    assert [r.due for r in close] == [NOW]
    assert deadline_reminders(NOW - timedelta(days=1), title, NOW, case_id=4) == []


def test_followup_after_last_contact() -> None:
    item = followup_reminder(9, NOW, Msg("Follow up on a recovery case"), timedelta(days=5))
    assert (item.kind, item.case_id, item.due) == (ReminderKind.CASE_FOLLOWUP, 9,
                                                   NOW + timedelta(days=5))


def test_large_payments_wait_for_confirmation_per_currency() -> None:
    rows = [
        tx(1, datetime(2024, 3, 1), "-4999.99"),
        tx(2, datetime(2024, 3, 2), "-5000"),  # at the threshold: confirm
        tx(3, datetime(2024, 3, 3), "-800", currency="USD"),
        tx(4, datetime(2024, 3, 4), "-1200", currency="USD"),
        tx(5, datetime(2024, 3, 4), "-9000", currency="EUR"),  # no threshold set
        tx(6, datetime(2024, 3, 4), "-9000", status=TxStatus.FAILED),
        tx(7, datetime(2024, 3, 4), "9000"),  # income
        tx(8, datetime(2024, 3, 5), "-6000"),
    ]
    thresholds = {"CNY": cny("5000"), "USD": Money.of("1000", "USD")}
    pending = payments_needing_confirmation(rows, thresholds, acknowledged_ids={8})
    assert [p.transaction.id for p in pending] == [2, 4]
    assert pending[0].message.render("en") == (
        "Confirm the payment of CN¥5,000.00 to Shop on 2024-03-02: it is at or above your "
        "confirmation threshold of CN¥5,000.00"
    )
    recent = payments_needing_confirmation(rows, thresholds, (), since=datetime(2024, 3, 3))
    assert [p.transaction.id for p in recent] == [4, 8]


def test_a_payment_seen_on_two_accounts_waits_once() -> None:
    wallet = tx(1, datetime(2024, 3, 1), "-6000", account_id=2, funding="招商银行储蓄卡(1234)",
                link_id=2)
    card = tx(2, datetime(2024, 3, 1), "-6000", account_id=1, payee="支付宝", link_id=1)
    thresholds = {"CNY": cny("5000")}
    assert [p.transaction.id for p in payments_needing_confirmation(
        [card, wallet], thresholds, ())] == [1]
    assert payments_needing_confirmation([card, wallet], thresholds, {2}) == []


def test_confirmation_reminders_come_back_after_the_interval() -> None:
    rows = [tx(1, datetime(2024, 3, 1), "-6000"), tx(2, datetime(2024, 3, 2), "-7000")]
    pending = payments_needing_confirmation(rows, {"CNY": cny("5000")}, ())
    every = timedelta(hours=6)
    reminders = confirmation_reminders(pending, NOW, {1: NOW - timedelta(hours=2)}, every)
    assert [(r.transaction_id, r.due) for r in reminders] == [
        (1, NOW + timedelta(hours=4)),
        (2, NOW),  # never reminded: right away
    ]
    assert [r.transaction_id for r in due_reminders(reminders, NOW)] == [2]
    assert [r.transaction_id for r in due_reminders(reminders, NOW + every)] == [2, 1]
    assert next_confirmation_reminder(None, NOW) == NOW


@pytest.mark.parametrize(
    "last, cadence, due",
    [
        (None, "weekly", NOW),
        (datetime(2024, 2, 27, 20), "weekly", datetime(2024, 3, 5, 20)),
        (datetime(2024, 1, 31, 20), "monthly", datetime(2024, 2, 29, 20)),
        (datetime(2023, 1, 31, 20), "monthly", datetime(2023, 2, 28, 20)),
        (datetime(2023, 12, 15), "monthly", datetime(2024, 1, 15)),
    ],
)
def test_next_review_due(last: datetime | None, cadence: str, due: datetime) -> None:
    assert next_review_due(last, cadence, NOW) == due  # type: ignore[arg-type]


def test_unknown_cadence_is_refused() -> None:
    with pytest.raises(ValueError):
        next_review_due(NOW, "daily", NOW)  # type: ignore[arg-type]


def test_unreviewed_summary_and_everything_up_to_here() -> None:
    rows = [
        tx(1, datetime(2024, 3, 1, 9), "-10", reviewed=True),
        tx(2, datetime(2024, 3, 2, 9), "-10"),
        tx(3, datetime(2024, 3, 3, 9), "-10"),
        tx(4, datetime(2024, 3, 3, 9), "-10"),  # same moment as 3
        tx(5, datetime(2024, 3, 4, 9), "-10"),
    ]
    count, oldest = unreviewed_summary(rows, reviewed_ids={2})
    assert (count, oldest) == (3, date(2024, 3, 3))
    assert unreviewed_summary([], ()) == unreviewed_summary(rows, {2, 3, 4, 5})
    assert unreviewed_summary([], ()).oldest is None

    assert ids_up_to(rows, rows[2]) == [2, 3, 4]
    assert ids_up_to(rows, rows[2], reviewed_ids={2}) == [3, 4]
    assert ids_up_to(rows, datetime(2024, 3, 1, 23)) == []


def test_review_reminder_names_what_waits() -> None:
    rows = [tx(1, datetime(2024, 2, 20), "-10"), tx(2, datetime(2024, 3, 1), "-10")]
    item = review_reminder(datetime(2024, 2, 5, 9), "monthly", NOW, unreviewed_summary(rows))
    assert item.due == datetime(2024, 3, 5, 9)
    assert item.title.render("en") == (
        "Review your transactions: 2 waiting, the oldest from 2024-02-20"
    )
    assert item.title.render("zh_CN") == "请核对您的交易：还有 2 笔未核对，最早的在 2024-02-20"
    assert due_reminders([item], NOW) == [item]
