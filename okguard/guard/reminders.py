"""Reminders and when they are due. Time is always passed in (``now``), never read."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from okguard.i18n import Msg


class ReminderKind(StrEnum):
    CONFIRMATION = "confirmation"  # acknowledge a large payment
    REVIEW = "review"  # periodic "review your transactions"
    CASE_FOLLOWUP = "case_followup"  # chase a recovery case
    RECOVERY_DEADLINE = "recovery_deadline"  # a legal / provider deadline is near


@dataclass(frozen=True, slots=True)
class Reminder:
    kind: ReminderKind
    title: Msg
    due: datetime
    id: int | None = None  # set once stored
    transaction_id: int | None = None
    case_id: int | None = None
    done: bool = False

    @property
    def key(self) -> str:
        """Identity that survives snoozing and re-creation (used as the calendar UID)."""
        if self.id is not None:
            return f"reminder-{self.id}"
        # Unstored reminders are rebuilt on every run with fresh figures in the title
        # (a count, a total), so only what they are about names them. A case has
        # several warnings ahead of one deadline, told apart by their time.
        when = self.due.isoformat() if self.kind is ReminderKind.RECOVERY_DEADLINE else ""
        facts = repr((self.kind.value, self.transaction_id, self.case_id, self.title.template,
                      when))
        return f"{self.kind.value}-" + hashlib.sha256(facts.encode("utf-8")).hexdigest()[:16]


def comparable(moment: datetime) -> datetime:
    """Naive local time, so stored naive times and zone-aware ``now`` can be compared."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def due_reminders(reminders: Iterable[Reminder], now: datetime) -> list[Reminder]:
    """Open reminders whose time has come, oldest first."""
    at = comparable(now)
    return sorted((r for r in reminders if not r.done and comparable(r.due) <= at),
                  key=lambda r: comparable(r.due))


def upcoming_reminders(
    reminders: Iterable[Reminder], now: datetime, days: int = 7
) -> list[Reminder]:
    """Open reminders due after ``now`` and within ``days`` days, soonest first."""
    at = comparable(now)
    until = at + timedelta(days=days)
    return sorted((r for r in reminders if not r.done and at < comparable(r.due) <= until),
                  key=lambda r: comparable(r.due))


def snooze(reminder: Reminder, now: datetime, duration: timedelta) -> Reminder:
    """The reminder moved to ``now + duration``."""
    if duration <= timedelta(0):
        raise ValueError("a snooze must last longer than zero")
    return replace(reminder, due=now + duration)


def mark_done(reminder: Reminder) -> Reminder:
    return replace(reminder, done=True)


def deadline_reminders(
    deadline: datetime,
    title: Msg,
    now: datetime,
    *,
    case_id: int | None = None,
    transaction_id: int | None = None,
    warn_before: Sequence[timedelta] = (timedelta(days=7), timedelta(days=1)),
) -> list[Reminder]:
    """Warnings ahead of a recovery deadline, skipping those already in the past.

    When every warning time has passed but the deadline has not, one warning is due now:
    a deadline must never run out unannounced.
    """
    at = comparable(now)
    times = sorted({deadline - before for before in warn_before}, key=comparable)
    future = [t for t in times if comparable(t) > at]
    if not future and comparable(deadline) > at:
        future = [now]
    return [
        Reminder(kind=ReminderKind.RECOVERY_DEADLINE, title=title, due=t, case_id=case_id,
                 transaction_id=transaction_id)
        for t in future
    ]


def followup_reminder(
    case_id: int, last_contact: datetime, title: Msg, after: timedelta = timedelta(days=7)
) -> Reminder:
    """Chase the provider ``after`` the last contact logged on a case."""
    return Reminder(kind=ReminderKind.CASE_FOLLOWUP, title=title, due=last_contact + after,
                    case_id=case_id)
