"""Personal limits: which payments broke them, and how much of each is used now.

What counts toward a limit: money-moving outflows in the limit's currency (on the
limit's account when it names one), each payment once when it shows on two accounts,
and not transfers between the user's own accounts. Days and months are calendar
periods of the transaction's local (wall-clock) date.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from okguard.domain.anomaly import Anomaly, AnomalyKind, Severity, anomaly_key
from okguard.domain.limits import Limit, LimitPeriod, LimitScope
from okguard.domain.money import Money
from okguard.domain.transaction import Transaction
from okguard.guard.counting import (
    LinkIndex,
    chronological,
    is_spending,
    normalize_name,
    once_per_payment,
    wall,
)
from okguard.i18n import Msg


@dataclass(frozen=True, slots=True)
class LimitUsage:
    """How much of one limit the current period has used (for the dashboard)."""

    limit: Limit
    spent: Money  # positive; for per-payment limits: the largest single payment today
    remaining: Money  # never negative
    fraction: Decimal  # spent / limit, 4 places; above 1 when over
    percent: int  # fraction as a whole percent, rounded down
    period_start: date
    period_end: date  # inclusive
    over: bool


def effective_period(limit: Limit) -> LimitPeriod:
    """The period a limit totals over: fixed by the scope except for payee/category."""
    if limit.scope is LimitScope.DAILY:
        return LimitPeriod.DAY
    if limit.scope is LimitScope.MONTHLY:
        return LimitPeriod.MONTH
    if limit.scope in (LimitScope.PAYEE, LimitScope.CATEGORY):
        return limit.period
    return LimitPeriod.PAYMENT


def period_bounds(period: LimitPeriod, day: date) -> tuple[date, date]:
    """First and last calendar day (inclusive) of the period containing ``day``."""
    if period is LimitPeriod.MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    return day, day


def validate_limit(limit: Limit) -> list[Msg]:
    """Problems that make a limit meaningless; empty when it can be saved."""
    problems: list[Msg] = []
    if limit.amount.minor <= 0:
        problems.append(Msg("A limit must be an amount above zero"))
    if limit.scope is LimitScope.PAYEE and not (limit.payee or "").strip():
        problems.append(Msg("A payee limit needs the payee's name"))
    if limit.scope is LimitScope.CATEGORY and not (limit.category or "").strip():
        problems.append(Msg("A category limit needs the category"))
    return problems


def describe_limit(limit: Limit, account_name: str | None = None) -> Msg:
    """The limit in words ("daily limit of ¥5,000.00"), for lists and for check reasons."""
    period = effective_period(limit)
    params = {"amount": limit.amount, "payee": limit.payee or "", "category": limit.category or ""}
    texts: dict[tuple[LimitScope, LimitPeriod], str] = {
        (LimitScope.PER_PAYMENT, LimitPeriod.PAYMENT): "per-payment limit of {amount}",
        (LimitScope.DAILY, LimitPeriod.DAY): "daily limit of {amount}",
        (LimitScope.MONTHLY, LimitPeriod.MONTH): "monthly limit of {amount}",
        (LimitScope.NEW_PAYEE, LimitPeriod.PAYMENT): "limit of {amount} for a first payment "
        "to a new payee",
        (LimitScope.PAYEE, LimitPeriod.PAYMENT): "limit of {amount} per payment to {payee}",
        (LimitScope.PAYEE, LimitPeriod.DAY): "daily limit of {amount} for {payee}",
        (LimitScope.PAYEE, LimitPeriod.MONTH): "monthly limit of {amount} for {payee}",
        (LimitScope.CATEGORY, LimitPeriod.PAYMENT): "limit of {amount} per payment for "
        "{category}",
        (LimitScope.CATEGORY, LimitPeriod.DAY): "daily limit of {amount} for {category}",
        (LimitScope.CATEGORY, LimitPeriod.MONTH): "monthly limit of {amount} for {category}",
    }
    msg = Msg(texts[(limit.scope, period)], **params)
    if limit.account_id is not None:
        msg = Msg("{what} (account {account})", what=msg,
                  account=account_name or f"#{limit.account_id}")
    return msg


def first_payment_ids(transactions: Sequence[Transaction]) -> set[int]:
    """Ids of the first payment ever made to each payee (any account, any currency)."""
    links = LinkIndex(transactions)
    firsts: set[int] = set()
    seen: set[str] = set()
    for tx in chronological(transactions):
        name = normalize_name(tx.payee)
        if not name or name in seen or not is_spending(tx, links) or not links.is_primary(tx):
            continue
        seen.add(name)
        firsts.add(tx.id)
    return firsts


def applies(limit: Limit, tx: Transaction, links: LinkIndex, firsts: set[int]) -> bool:
    """Whether ``tx`` counts toward ``limit`` (before counting linked pairs once)."""
    return is_spending(tx, links) and _matches(limit, tx, links, firsts)


def _matches(limit: Limit, tx: Transaction, links: LinkIndex, firsts: set[int]) -> bool:
    """``applies`` for a transaction already known to be spending."""
    if tx.amount.currency != limit.amount.currency:
        return False
    if limit.scope is LimitScope.NEW_PAYEE:
        if tx.id not in firsts:
            return False
        # The first payment is judged on the wallet row; a limit on the funding
        # card account still covers it.
        partner = links.partner(tx)
        accounts = {tx.account_id} | ({partner.account_id} if partner else set())
        return limit.account_id is None or limit.account_id in accounts
    if limit.account_id is not None and tx.account_id != limit.account_id:
        return False
    if limit.scope is LimitScope.PAYEE:
        return normalize_name(tx.payee) == normalize_name(limit.payee or "")
    if limit.scope is LimitScope.CATEGORY:
        return normalize_name(tx.category) == normalize_name(limit.category or "")
    return True


def _period_label(period: LimitPeriod, day: date) -> str | date:
    return f"{day.year}-{day.month:02d}" if period is LimitPeriod.MONTH else day


def _severity(spent: Money, limit: Money) -> Severity:
    return Severity.HIGH if spent.minor >= 2 * limit.minor else Severity.MEDIUM


def breach_message(limit: Limit, tx: Transaction, spent: Money) -> Msg:
    """The sentence for a breach of ``limit`` reached at ``tx`` with ``spent`` in the period."""
    period = effective_period(limit)
    day = wall(tx.occurred_at).date()
    params = {"spent": spent, "limit": limit.amount, "day": day, "payee": tx.payee}
    when = {"when": _period_label(period, day)}
    msg: Msg
    if limit.scope is LimitScope.NEW_PAYEE:
        msg = Msg(
            "First payment to {payee}: {spent} on {day}, over your limit of {limit} "
            "for new payees",
            **params,
        )
    elif limit.scope is LimitScope.PER_PAYMENT:
        msg = Msg("Paid {spent} to {payee} on {day}, over your per-payment limit of {limit}",
                  **params)
    elif limit.scope is LimitScope.DAILY:
        msg = Msg("Spent {spent} on {day}, over your daily limit of {limit}", **params)
    elif limit.scope is LimitScope.MONTHLY:
        msg = Msg("Spent {spent} in {when}, over your monthly limit of {limit}",
                  **params, **when)
    elif limit.scope is LimitScope.PAYEE:
        target = {"payee": limit.payee or tx.payee}
        texts = {
            LimitPeriod.PAYMENT: "Paid {spent} to {payee} on {day}, over your limit of {limit} "
            "per payment to {payee}",
            LimitPeriod.DAY: "Paid {spent} to {payee} on {when}, over your daily limit of "
            "{limit} for {payee}",
            LimitPeriod.MONTH: "Paid {spent} to {payee} in {when}, over your monthly limit of "
            "{limit} for {payee}",
        }
        msg = Msg(texts[period], **{**params, **target, **when})
    else:
        category = {"category": limit.category or tx.category}
        texts = {
            LimitPeriod.PAYMENT: "Paid {spent} for {category} on {day}, over your limit of "
            "{limit} per payment for {category}",
            LimitPeriod.DAY: "Spent {spent} on {category} on {when}, over your daily limit of "
            "{limit} for {category}",
            LimitPeriod.MONTH: "Spent {spent} on {category} in {when}, over your monthly limit "
            "of {limit} for {category}",
        }
        msg = Msg(texts[period], **params, **category, **when)
    if limit.account_id is not None:
        msg = Msg("{what} (account {account})", what=msg, account=tx.account_name)
    return msg


def _anomaly(limit: Limit, crossing: Transaction, involved: list[Transaction],
             spent: Money) -> Anomaly:
    return Anomaly(
        kind=AnomalyKind.LIMIT_BREACH,
        severity=_severity(spent, limit.amount),
        transaction_ids=tuple(t.id for t in involved),
        message=breach_message(limit, crossing, spent),
        # Keyed on the payment that crossed the limit, not on the whole period, so
        # later payments in the same period do not turn a dismissed flag into a new one.
        key=anomaly_key(AnomalyKind.LIMIT_BREACH, (crossing.id,), detail=f"limit:{limit.id}"),
        payee=crossing.payee,
    )


def _breaches_of(limit: Limit, rows: list[Transaction], days: dict[int, date]) -> list[Anomaly]:
    period = effective_period(limit)
    cap, currency = limit.amount.minor, limit.amount.currency
    if period is LimitPeriod.PAYMENT:
        return [
            _anomaly(limit, tx, [tx], abs(tx.amount))
            for tx in rows
            if -tx.amount.minor > cap
        ]
    found: list[Anomaly] = []
    current: tuple[int, int, int] | None = None
    in_period: list[Transaction] = []
    total = 0
    crossed = False
    for tx in rows:
        day = days[tx.id]
        start = (day.year, day.month, 1 if period is LimitPeriod.MONTH else day.day)
        if start != current:
            current, in_period, total, crossed = start, [], 0, False
        in_period.append(tx)
        total += abs(tx.amount.minor)
        if not crossed and total > cap:
            crossed = True
            found.append(_anomaly(limit, tx, list(in_period), Money(total, currency)))
    return found


def detect_limit_breaches(
    transactions: Sequence[Transaction],
    limits: Sequence[Limit],
    focus: set[int] | None = None,
) -> list[Anomaly]:
    """One LIMIT_BREACH anomaly per payment over a per-payment limit and per period
    whose total went over a daily/monthly limit (naming the payments up to the one
    that crossed it). With ``focus``, only anomalies naming one of those ids.
    """
    usable = [lim for lim in limits if not validate_limit(lim)]
    if not usable:
        return []
    ordered = chronological(transactions)
    links = LinkIndex(ordered)
    firsts = first_payment_ids(ordered)
    spending = [t for t in ordered if is_spending(t, links)]
    days = {t.id: wall(t.occurred_at).date() for t in spending}
    found: list[Anomaly] = []
    for limit in usable:
        rows = once_per_payment((t for t in spending if _matches(limit, t, links, firsts)), links)
        found.extend(_breaches_of(limit, rows, days))
    if focus is not None:
        found = [a for a in found if focus.intersection(a.transaction_ids)]
    return found


def limit_usage(
    transactions: Sequence[Transaction], limits: Sequence[Limit], today: date
) -> list[LimitUsage]:
    """For each valid limit, the part used in the period that contains ``today``."""
    ordered = chronological(transactions)
    links = LinkIndex(ordered)
    firsts = first_payment_ids(ordered)
    # Every period (a day or a month) lies within today's month.
    month_start, month_end = period_bounds(LimitPeriod.MONTH, today)
    days = {t.id: wall(t.occurred_at).date() for t in ordered if is_spending(t, links)}
    recent = [t for t in ordered if t.id in days and month_start <= days[t.id] <= month_end]
    usages: list[LimitUsage] = []
    for limit in limits:
        if validate_limit(limit):
            continue
        period = effective_period(limit)
        start, end = period_bounds(period, today)
        rows = once_per_payment(
            (
                t
                for t in recent
                if start <= days[t.id] <= end and _matches(limit, t, links, firsts)
            ),
            links,
        )
        amounts = [abs(t.amount).minor for t in rows]
        spent_minor = (max(amounts, default=0) if period is LimitPeriod.PAYMENT
                       else sum(amounts))
        spent = Money(spent_minor, limit.amount.currency)
        exact = Decimal(spent_minor) / Decimal(limit.amount.minor)
        # Rounded down so a limit shows 100 % only once it is really used up.
        fraction = exact.quantize(Decimal("0.0001"), rounding=ROUND_FLOOR)
        usages.append(
            LimitUsage(
                limit=limit,
                spent=spent,
                remaining=Money(max(limit.amount.minor - spent_minor, 0), spent.currency),
                fraction=fraction,
                percent=int((exact * 100).to_integral_value(rounding=ROUND_FLOOR)),
                period_start=start,
                period_end=end,
                over=spent > limit.amount,
            )
        )
    return usages
