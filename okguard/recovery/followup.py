"""After the case is open: reminders for deadlines and follow-ups, and spotting the
refund that resolves it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from okguard.domain.case import Case, EventKind, LocalText
from okguard.domain.transaction import Direction, Transaction
from okguard.i18n import Msg
from okguard.recovery.deadlines import DeadlineStatus
from okguard.recovery.rule_types import Duty

REMIND_AT = time(9, 0)
WARN_DAYS_BEFORE = 3  # a consumer deadline is announced this many days ahead
FOLLOW_UP_AFTER = timedelta(days=7)  # nudge when nothing was logged for a week


class ReminderKind(StrEnum):
    CASE_FOLLOWUP = "case_followup"
    RECOVERY_DEADLINE = "recovery_deadline"


@dataclass(frozen=True, slots=True)
class ReminderSpec:
    due: datetime
    title: Msg
    kind: ReminderKind
    case_id: int | None
    deadline_id: str | None = None
    detail: LocalText | None = None  # the deadline's own title, from the rule data


def reminders_for(
    case: Case, deadlines: Iterable[DeadlineStatus], now: datetime
) -> list[ReminderSpec]:
    """Reminders still ahead of ``now`` for an open case, soonest first."""
    if case.status.is_closed:
        return []
    specs: list[ReminderSpec] = []
    for status in deadlines:
        if status.due is None or status.overdue:
            continue
        if status.duty is Duty.CONSUMER:
            day = max(status.due - timedelta(days=WARN_DAYS_BEFORE), now.date())
            msg = Msg("Recovery deadline on {due}", due=status.due)
            kind = ReminderKind.RECOVERY_DEADLINE
        else:
            # The provider's time is up at the end of the due day: ask the day after.
            day = status.due + timedelta(days=1)
            msg = Msg(
                "Has {provider} answered? Their deadline was {due}",
                provider=case.provider or Msg("the provider"),
                due=status.due,
            )
            kind = ReminderKind.CASE_FOLLOWUP
        when = datetime.combine(day, REMIND_AT)
        specs.append(ReminderSpec(when, msg, kind, case.id, status.rule.id, status.rule.title))
    last = max((e.when for e in case.events if e.kind is EventKind.CONTACT), default=case.opened_at)
    nudge = max(last + FOLLOW_UP_AFTER, now)
    specs.append(
        ReminderSpec(
            datetime.combine(nudge.date(), REMIND_AT),
            Msg(
                "Follow up on your recovery case with {provider}",
                provider=case.provider or Msg("the provider"),
            ),
            ReminderKind.CASE_FOLLOWUP,
            case.id,
        )
    )
    return sorted(
        (s for s in specs if s.due >= now.replace(hour=0, minute=0, second=0, microsecond=0)),
        key=lambda s: s.due,
    )


def _norm(text: str | None) -> str:
    return "".join((text or "").split()).casefold()


def match_refund(case: Case, incoming: Iterable[Transaction]) -> Transaction | None:
    """The first incoming payment after the case opened that looks like the money coming
    back: same counterparty (name or account) or same reference, and an amount equal to
    or part of what was lost. The app offers it; the user confirms."""
    lost = case.lost_amount
    if lost is None:
        return None
    payees = {_norm(t.payee) for t in case.transactions} - {""}
    accounts = {_norm(t.payee_account) for t in case.transactions} - {""}
    refs = {_norm(t.reference) for t in case.transactions} - {""}
    candidates = sorted(incoming, key=lambda t: t.occurred_at)
    for tx in candidates:
        if tx.direction is not Direction.IN or not tx.moves_money:
            continue
        if tx.amount.currency != lost.currency or not 0 < abs(tx.amount.minor) <= lost.minor:
            continue
        # Statements often carry dates only, so "after the case opened" is by day.
        if tx.occurred_at.date() < case.opened_at.date():
            continue
        same_party = _norm(tx.payee) in payees or _norm(tx.payee_account) in accounts
        same_ref = any(r and (r in _norm(tx.reference) or r in _norm(tx.memo)) for r in refs)
        if same_party or same_ref:
            return tx
    return None
