"""Large payments the user should confirm ("yes, that was me, and it was right").

A payment at or above the user's confirmation threshold for its currency waits in a
queue until acknowledged; while it waits, a reminder comes back every few hours.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from okguard.domain.money import Money
from okguard.domain.transaction import Transaction
from okguard.guard.counting import LinkIndex, chronological, is_spending, wall
from okguard.guard.reminders import Reminder, ReminderKind
from okguard.i18n import Msg

DEFAULT_REMIND_EVERY = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class PendingConfirmation:
    transaction: Transaction
    threshold: Money

    @property
    def message(self) -> Msg:
        tx = self.transaction
        return Msg(
            "Confirm the payment of {amount} to {payee} on {day}: it is at or above your "
            "confirmation threshold of {threshold}",
            amount=abs(tx.amount), payee=tx.payee, day=wall(tx.occurred_at).date(),
            threshold=self.threshold,
        )


def payments_needing_confirmation(
    transactions: Sequence[Transaction],
    threshold_by_currency: Mapping[str, Money],
    acknowledged_ids: Collection[int],
    since: datetime | None = None,
) -> list[PendingConfirmation]:
    """Unacknowledged payments at or above the threshold of their currency, oldest first.

    A payment seen on two accounts waits once (acknowledging either row clears it).
    ``since`` keeps an imported history of years from filling the queue.
    """
    links = LinkIndex(transactions)
    acknowledged = set(acknowledged_ids)
    start = wall(since) if since is not None else None
    pending: list[PendingConfirmation] = []
    for tx in chronological(transactions):
        threshold = threshold_by_currency.get(tx.amount.currency)
        if threshold is None or threshold.minor <= 0 or not is_spending(tx, links):
            continue
        if not links.is_primary(tx) or (start is not None and wall(tx.occurred_at) < start):
            continue
        partner = links.partner(tx)
        if tx.id in acknowledged or (partner is not None and partner.id in acknowledged):
            continue
        if abs(tx.amount) >= threshold:
            pending.append(PendingConfirmation(tx, threshold))
    return pending


def next_confirmation_reminder(
    last_reminded: datetime | None, now: datetime, every: timedelta = DEFAULT_REMIND_EVERY
) -> datetime:
    """When to remind about an unacknowledged payment: now if never, else ``every`` later."""
    return now if last_reminded is None else last_reminded + every


def confirmation_reminders(
    pending: Sequence[PendingConfirmation],
    now: datetime,
    last_reminded: Mapping[int, datetime] | None = None,
    every: timedelta = DEFAULT_REMIND_EVERY,
) -> list[Reminder]:
    """One reminder per waiting payment, due as :func:`next_confirmation_reminder` says."""
    last = last_reminded or {}
    return [
        Reminder(
            kind=ReminderKind.CONFIRMATION,
            title=item.message,
            due=next_confirmation_reminder(last.get(item.transaction.id), now, every),
            transaction_id=item.transaction.id,
        )
        for item in pending
    ]
