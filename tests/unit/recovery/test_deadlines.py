from __future__ import annotations

from datetime import date

import pytest

from okguard.domain.case import Jurisdiction, LocalText
from okguard.recovery.deadlines import (
    add_business_days,
    add_months,
    deadline_status,
    is_business_day,
)
from okguard.recovery.rule_types import CountedFrom, DeadlineRule, Duty, PeriodUnit


def rule(
    period: int, unit: PeriodUnit, counted_from: CountedFrom = CountedFrom.TRANSACTION
) -> DeadlineRule:
    return DeadlineRule(
        "r", LocalText("t", "t"), period, unit, counted_from, Duty.PROVIDER, ("x",), False
    )


def test_cn_make_up_working_days_count_and_spring_festival_does_not() -> None:
    assert is_business_day(date(2024, 2, 4), Jurisdiction.CN)  # Sunday, 调休 working day
    assert is_business_day(date(2024, 2, 18), Jurisdiction.CN)  # Sunday, 调休 working day
    assert not is_business_day(date(2024, 2, 12), Jurisdiction.CN)  # Monday, Spring Festival
    assert not is_business_day(date(2024, 2, 4), Jurisdiction.UK)  # a Sunday elsewhere


def test_cn_business_days_across_spring_festival() -> None:
    # 2024 notice: 02-10 .. 02-17 off; Sun 02-04 and Sun 02-18 are make-up working days.
    assert add_business_days(date(2024, 2, 9), 1, Jurisdiction.CN) == date(2024, 2, 18)
    assert add_business_days(date(2024, 2, 9), 2, Jurisdiction.CN) == date(2024, 2, 19)
    assert add_business_days(date(2024, 2, 2), 1, Jurisdiction.CN) == date(2024, 2, 4)


@pytest.mark.parametrize(
    ("jurisdiction", "start", "count", "due"),
    [
        (Jurisdiction.US, date(2024, 7, 3), 1, date(2024, 7, 5)),  # Independence Day
        (Jurisdiction.UK, date(2024, 12, 24), 1, date(2024, 12, 27)),  # Christmas, Boxing Day
        (
            Jurisdiction.EU,
            date(2024, 3, 28),
            1,
            date(2024, 4, 2),
        ),  # TARGET2 Good Friday/Easter Monday
        (Jurisdiction.HK, date(2024, 6, 7), 1, date(2024, 6, 11)),  # weekend + Tuen Ng
        (Jurisdiction.CRYPTO, date(2024, 12, 24), 1, date(2024, 12, 25)),  # weekends only
        (Jurisdiction.US, date(2024, 3, 1), 10, date(2024, 3, 15)),  # two weekends
    ],
)
def test_business_days_skip_weekends_and_public_holidays(
    jurisdiction: Jurisdiction, start: date, count: int, due: date
) -> None:
    assert add_business_days(start, count, jurisdiction) == due


def test_months_clamp_to_month_end() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 1, 31), 13) == date(2024, 2, 29)
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)


def test_status_counts_days_left_and_overdue_from_injected_today() -> None:
    sixty = rule(60, PeriodUnit.CALENDAR_DAYS, CountedFrom.STATEMENT)
    status = deadline_status(
        sixty,
        Jurisdiction.US,
        today=date(2024, 3, 1),
        transaction_date=date(2024, 1, 5),
        statement_date=date(2024, 1, 31),
    )
    assert status.due == date(2024, 3, 31) and status.days_left == 30 and not status.overdue
    late = deadline_status(
        sixty,
        Jurisdiction.US,
        today=date(2024, 4, 2),
        transaction_date=None,
        statement_date=date(2024, 1, 31),
    )
    assert late.overdue and late.days_left == -2
    assert late.duty is Duty.PROVIDER and late.verified is False and late.sources == ("x",)


def test_missing_start_date_is_reported_not_guessed() -> None:
    status = deadline_status(
        rule(13, PeriodUnit.MONTHS, CountedFrom.REPORT),
        Jurisdiction.UK,
        today=date(2024, 1, 1),
        transaction_date=date(2023, 12, 1),
    )
    assert status.due is None and status.needs_date is CountedFrom.REPORT and not status.overdue
