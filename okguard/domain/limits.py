"""Personal limits the user sets."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from okguard.domain.money import Money


class LimitScope(StrEnum):
    PER_PAYMENT = "per_payment"  # any single outgoing payment
    DAILY = "daily"  # total outflow per calendar day
    MONTHLY = "monthly"  # total outflow per calendar month
    PAYEE = "payee"  # total per period to one payee (period: daily|monthly|per_payment)
    CATEGORY = "category"  # total per period in one category
    NEW_PAYEE = "new_payee"  # a first payment to someone never paid before


class LimitPeriod(StrEnum):
    PAYMENT = "payment"
    DAY = "day"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class Limit:
    id: int
    scope: LimitScope
    amount: Money  # positive; compared with outflows in the same currency
    period: LimitPeriod = LimitPeriod.PAYMENT
    account_id: int | None = None  # None: over all accounts in amount.currency
    payee: str | None = None  # for LimitScope.PAYEE
    category: str | None = None  # for LimitScope.CATEGORY
    label: str = ""
