"""Which of the user's limits a payment about to be made would break."""

from __future__ import annotations

from collections.abc import Sequence

from okguard.domain.anomaly import Severity
from okguard.domain.limits import Limit, LimitPeriod
from okguard.domain.money import Money
from okguard.domain.transaction import Transaction
from okguard.guard.counting import LinkIndex, once_per_payment, wall
from okguard.guard.limits import (
    applies,
    describe_limit,
    effective_period,
    first_payment_ids,
    period_bounds,
    validate_limit,
)
from okguard.i18n import Msg

_PERIOD_WORDS = {LimitPeriod.DAY: "today", LimitPeriod.MONTH: "this month"}


def limit_reasons(
    candidate: Transaction, history: Sequence[Transaction], limits: Sequence[Limit]
) -> list[tuple[Severity, Msg]]:
    """A reason per limit ``candidate`` would break.

    Going over a per-payment limit (including the new-payee limit) is severe; pushing a
    day's or month's total over is worth another look. Per-account limits apply only
    when the candidate says which account pays (``account_id`` is not -1).
    """
    links = LinkIndex(history)
    firsts = first_payment_ids([*history, candidate])
    day = wall(candidate.occurred_at).date()
    amount = abs(candidate.amount)
    reasons: list[tuple[Severity, Msg]] = []
    for limit in limits:
        if validate_limit(limit) or (limit.account_id is not None and candidate.account_id == -1):
            continue
        if not applies(limit, candidate, links, firsts):
            continue
        words = describe_limit(limit)
        period = effective_period(limit)
        if period is LimitPeriod.PAYMENT:
            if amount > limit.amount:
                reasons.append((Severity.HIGH, Msg(
                    "This payment of {amount} is over your {limit}", amount=amount, limit=words)))
            continue
        start, end = period_bounds(period, day)
        before = once_per_payment(
            (t for t in history
             if start <= wall(t.occurred_at).date() <= end and applies(limit, t, links, firsts)),
            links,
        )
        spent = Money(sum(abs(t.amount.minor) for t in before), limit.amount.currency)
        total = spent + amount
        if total <= limit.amount:
            continue
        when = Msg(_PERIOD_WORDS[period])
        if spent > limit.amount:
            msg = Msg("You have already paid {spent} {period}, over your {limit}",
                      spent=spent, period=when, limit=words)
        else:
            msg = Msg("This payment would bring the total {period} to {total}, over your {limit}",
                      period=when, total=total, limit=words)
        reasons.append((Severity.MEDIUM, msg))
    return reasons
