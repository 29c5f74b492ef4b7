"""Reviewing transactions: what is still unreviewed and when to ask again.

Marking rows reviewed is storage's job; this module answers the questions around it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from dateutil.relativedelta import relativedelta

from okguard.domain.transaction import Transaction
from okguard.guard.counting import chronological, wall
from okguard.guard.reminders import Reminder, ReminderKind
from okguard.i18n import Msg

Cadence = Literal["weekly", "monthly"]
CADENCES: tuple[Cadence, ...] = ("weekly", "monthly")


@dataclass(frozen=True, slots=True)
class UnreviewedSummary:
    count: int
    oldest: date | None  # local date of the oldest unreviewed transaction

    def __iter__(self) -> Iterator[int | date | None]:
        """Unpacks as ``count, oldest``."""
        return iter((self.count, self.oldest))


def next_review_due(last_review: datetime | None, cadence: Cadence, now: datetime) -> datetime:
    """A week or a calendar month after the last review (Jan 31 -> Feb 28/29); now if never."""
    if last_review is None:
        return now
    if cadence == "weekly":
        return last_review + timedelta(days=7)
    if cadence == "monthly":
        return last_review + relativedelta(months=1)
    raise ValueError(f"unknown review cadence {cadence!r}; expected one of {CADENCES}")


def _is_reviewed(tx: Transaction, reviewed_ids: Collection[int]) -> bool:
    return tx.reviewed or tx.id in reviewed_ids


def unreviewed_summary(
    transactions: Sequence[Transaction], reviewed_ids: Collection[int] = frozenset()
) -> UnreviewedSummary:
    """How many transactions still wait for review, and since when."""
    reviewed = set(reviewed_ids)
    waiting = [wall(t.occurred_at).date() for t in transactions if not _is_reviewed(t, reviewed)]
    return UnreviewedSummary(len(waiting), min(waiting, default=None))


def ids_up_to(
    transactions: Sequence[Transaction],
    anchor: Transaction | datetime,
    reviewed_ids: Collection[int] = frozenset(),
) -> list[int]:
    """"Everything up to here": ids of the unreviewed transactions that happened at or
    before ``anchor`` (a transaction or a moment), oldest first."""
    limit = wall(anchor.occurred_at if isinstance(anchor, Transaction) else anchor)
    reviewed = set(reviewed_ids)
    return [
        t.id
        for t in chronological(transactions)
        if wall(t.occurred_at) <= limit and not _is_reviewed(t, reviewed)
    ]


def review_reminder(
    last_review: datetime | None,
    cadence: Cadence,
    now: datetime,
    summary: UnreviewedSummary | None = None,
) -> Reminder:
    """The next "review your transactions" reminder, naming what waits when known."""
    if summary is not None and summary.count and summary.oldest is not None:
        title = Msg("Review your transactions: {count} waiting, the oldest from {oldest}",
                    count=summary.count, oldest=summary.oldest)
    else:
        title = Msg("Review your transactions")
    return Reminder(kind=ReminderKind.REVIEW, title=title,
                    due=next_review_due(last_review, cadence, now))
