"""Deadline maths: calendar days, months (end-of-month clamped) and business days on
each jurisdiction's real public-holiday calendar.

Calendars (from the ``holidays`` library):
- CN: ``holidays.China``; its ``is_working_day`` honours 调休 make-up working days
  (weekend days declared working days), so counting follows the State Council notice.
- US: federal holidays (``holidays.US``), the usual Regulation E "business day" proxy.
- UK: England and Wales bank holidays (``holidays.UK(subdiv="ENG")``).
- EU: the ECB / TARGET2 closing days (``holidays.financial_holidays("ECB")``); national
  bank holidays can add more, which only makes real deadlines later, not earlier.
- HK: ``holidays.HK`` general holidays, with Saturday treated as a bank closing day.
- CRYPTO: exchanges never close; business days fall back to Monday-Friday.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from okguard.domain.case import Case, Jurisdiction
from okguard.recovery.rule_types import CountedFrom, DeadlineRule, Duty, PeriodUnit


@lru_cache(maxsize=8)
def _calendar(jurisdiction: Jurisdiction) -> holidays.HolidayBase:
    if jurisdiction is Jurisdiction.CN:
        return holidays.country_holidays("CN")
    if jurisdiction is Jurisdiction.US:
        return holidays.country_holidays("US")
    if jurisdiction is Jurisdiction.UK:
        return holidays.country_holidays("GB", subdiv="ENG")
    if jurisdiction is Jurisdiction.EU:
        return holidays.financial_holidays("ECB")
    if jurisdiction is Jurisdiction.HK:
        # The library's HK weekend is Sunday only (general holidays); banks also close
        # on Saturdays (Banking Ordinance "business day").
        hk = holidays.country_holidays("HK")
        hk.weekend = {5, 6}
        return hk
    return holidays.HolidayBase()  # CRYPTO: weekends only


def is_business_day(day: date, jurisdiction: Jurisdiction) -> bool:
    return bool(_calendar(jurisdiction).is_working_day(day))


def add_business_days(start: date, count: int, jurisdiction: Jurisdiction) -> date:
    """The ``count``-th business day after ``start`` (``start`` itself is not counted;
    0 gives ``start``)."""
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_business_day(day, jurisdiction):
            remaining -= 1
    return day


def add_months(start: date, months: int) -> date:
    """Same day ``months`` later; 31 Jan + 1 month is the last day of February."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def due_date(rule: DeadlineRule, start: date, jurisdiction: Jurisdiction) -> date:
    if rule.unit is PeriodUnit.MONTHS:
        return add_months(start, rule.period)
    if rule.unit is PeriodUnit.BUSINESS_DAYS:
        return add_business_days(start, rule.period, jurisdiction)
    return start + timedelta(days=rule.period)


@dataclass(frozen=True, slots=True)
class DeadlineStatus:
    """One running deadline as the countdown shows it."""

    rule: DeadlineRule
    start: date | None  # None: the date it counts from is not known yet
    due: date | None
    days_left: int | None  # calendar days from ``today``; negative once passed
    overdue: bool

    @property
    def duty(self) -> Duty:
        return self.rule.duty

    @property
    def verified(self) -> bool:
        return self.rule.verified

    @property
    def sources(self) -> tuple[str, ...]:
        return self.rule.sources

    @property
    def needs_date(self) -> CountedFrom | None:
        """Which date the user still has to enter for this deadline to run."""
        return self.rule.counted_from if self.start is None else None


def start_date(
    rule: DeadlineRule,
    *,
    transaction_date: date | None,
    statement_date: date | None = None,
    report_date: date | None = None,
) -> date | None:
    return {
        CountedFrom.TRANSACTION: transaction_date,
        CountedFrom.STATEMENT: statement_date,
        CountedFrom.REPORT: report_date,
    }[rule.counted_from]


def deadline_status(
    rule: DeadlineRule,
    jurisdiction: Jurisdiction,
    *,
    today: date,
    transaction_date: date | None,
    statement_date: date | None = None,
    report_date: date | None = None,
) -> DeadlineStatus:
    start = start_date(
        rule,
        transaction_date=transaction_date,
        statement_date=statement_date,
        report_date=report_date,
    )
    if start is None:
        return DeadlineStatus(rule, None, None, None, False)
    due = due_date(rule, start, jurisdiction)
    left = (due - today).days
    return DeadlineStatus(rule, start, due, left, left < 0)


def case_deadlines(
    case: Case, rules: tuple[DeadlineRule, ...], today: date
) -> tuple[DeadlineStatus, ...]:
    """Every deadline of ``rules`` for ``case``, soonest first; unknown start dates last."""
    statuses = [
        deadline_status(
            rule,
            case.jurisdiction,
            today=today,
            transaction_date=case.first_transaction_date,
            statement_date=case.statement_date,
            report_date=case.report_date,
        )
        for rule in rules
    ]
    return tuple(sorted(statuses, key=lambda s: (s.due is None, s.due or today)))
