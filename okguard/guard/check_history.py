"""What the history says about the people the user has paid, for check-before-paying."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from okguard.domain.anomaly import AnomalyKind, Severity
from okguard.domain.money import Money
from okguard.domain.transaction import Transaction
from okguard.guard.counting import (
    LinkIndex,
    chronological,
    is_spending,
    normalize_account,
    normalize_name,
    wall,
)
from okguard.i18n import Msg


@dataclass(slots=True)
class KnownPayee:
    name: str  # as last written on a statement
    count: int = 0
    accounts: dict[str, str] = field(default_factory=dict)  # display form -> normalised
    amounts: dict[str, list[int]] = field(default_factory=dict)  # currency -> minor units

    def has_account(self, account: str) -> bool:
        return normalize_account(account) in self.accounts.values()

    def accounts_text(self) -> str:
        return ", ".join(list(self.accounts)[:3])


@dataclass(slots=True)
class PayeeHistory:
    payees: dict[str, KnownPayee]  # normalised name -> payee
    account_owner: dict[str, KnownPayee]  # normalised account -> most paid payee there

    @staticmethod
    def normalized(name: str) -> str:
        return normalize_name(name)

    @classmethod
    def build(cls, history: Sequence[Transaction], until: datetime) -> PayeeHistory:
        links = LinkIndex(history)
        limit = wall(until)
        payees: dict[str, KnownPayee] = {}
        for tx in chronological(history):
            key = normalize_name(tx.payee)
            if (not key or wall(tx.occurred_at) > limit or not is_spending(tx, links)
                    or not links.is_primary(tx)):
                continue
            known = payees.setdefault(key, KnownPayee(tx.payee))
            known.name = tx.payee
            known.count += 1
            known.amounts.setdefault(tx.amount.currency, []).append(abs(tx.amount.minor))
            if tx.payee_account and normalize_account(tx.payee_account):
                known.accounts.setdefault(tx.payee_account, normalize_account(tx.payee_account))
        owners: dict[str, KnownPayee] = {}
        for known in sorted(payees.values(), key=lambda k: k.count):
            for normalized in known.accounts.values():
                owners[normalized] = known  # most paid payee written last wins
        return cls(payees, owners)

    def by_name(self, name: str) -> KnownPayee | None:
        return self.payees.get(normalize_name(name))

    def owner_of(self, account: str) -> KnownPayee | None:
        return self.account_owner.get(normalize_account(account))

    def most_paid_first(self) -> list[KnownPayee]:
        return sorted(self.payees.values(), key=lambda k: (-k.count, k.name))

    def all_accounts(self) -> list[str]:
        return [acc for known in self.most_paid_first() for acc in known.accounts]


def median_minor(values: Sequence[int]) -> Decimal:
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return Decimal(ordered[mid])
    return (Decimal(ordered[mid - 1]) + Decimal(ordered[mid])) / 2


def _times(ratio: Decimal) -> str:
    """``10`` or ``3.5``: a multiple a person reads at a glance."""
    one_place = ratio.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{one_place.to_integral_value():f}" if one_place == one_place.to_integral_value() \
        else f"{one_place:f}"


def usual_amount_reason(
    amount: Money,
    known: KnownPayee,
    review_multiple: int,
    stop_multiple: int,
    low_divisor: int,
    min_payments: int,
) -> tuple[AnomalyKind, Severity, Msg] | None:
    """How ``amount`` compares with the median of past payments to ``known``."""
    past = known.amounts.get(amount.currency, [])
    if len(past) < max(min_payments, 1):
        return None
    median = median_minor(past)
    if median <= 0:
        return None
    paying = Decimal(abs(amount.minor))
    ratio = paying / median
    usual = Money(int(median.to_integral_value(rounding=ROUND_HALF_UP)), amount.currency)
    params = {"amount": abs(amount), "payee": known.name, "usual": usual,
              "count": len(past), "times": _times(ratio)}
    if ratio >= stop_multiple:
        return AnomalyKind.AMOUNT_SHIFT, Severity.HIGH, Msg(
            "{amount} is {times} times what you usually pay {payee} ({usual}, the median of "
            "{count} payments) — check for an extra digit", **params)
    if ratio > review_multiple:
        return AnomalyKind.AMOUNT_OUTLIER, Severity.MEDIUM, Msg(
            "{amount} is {times} times what you usually pay {payee} ({usual}, the median of "
            "{count} payments)", **params)
    if paying * low_divisor <= median:
        return AnomalyKind.AMOUNT_SHIFT, Severity.MEDIUM, Msg(
            "{amount} is far less than you usually pay {payee} ({usual}, the median of "
            "{count} payments) — check for a missing digit", **params)
    return None
