"""Which transactions count as money the user spent, each payment once.

Shared by limits, confirmations and check-before-paying so that they agree on
what "a payment" is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from okguard.domain.transaction import Transaction


def wall(moment: datetime) -> datetime:
    """The local wall-clock time as the statement wrote it.

    Limits run on calendar days "in the transaction's local date", and histories mix
    naive and zone-aware datetimes (which Python refuses to compare), so ordering and
    period maths use the wall clock.
    """
    return moment.replace(tzinfo=None)


def chronological(transactions: Iterable[Transaction]) -> list[Transaction]:
    return sorted(transactions, key=lambda t: (wall(t.occurred_at), t.id))


def normalize_name(name: str) -> str:
    """Payee identity for grouping: case, width of spaces and outer blanks ignored."""
    return " ".join(name.split()).casefold()


def normalize_account(account: str | None) -> str:
    """Account numbers compare without spaces and dashes (``6222 0202`` == ``6222-0202``)."""
    if not account:
        return ""
    return "".join(ch for ch in account if ch not in " -\t").casefold()


class LinkIndex:
    """Knows, for rows with ``link_id``, the row on the other account.

    ``link_id`` points each row of a pair at the other one. A card-funded wallet
    payment is an outflow on both accounts and must count once; a transfer between
    the user's own accounts (outflow here, inflow or neutral there) is not spending.
    """

    def __init__(self, transactions: Sequence[Transaction]) -> None:
        self._by_id = {t.id: t for t in transactions if t.link_id is not None}

    def partner(self, tx: Transaction) -> Transaction | None:
        if tx.link_id is None:
            return None
        return self._by_id.get(tx.link_id)

    def group(self, tx: Transaction) -> int:
        """Same number for both rows of a linked pair; the row's own id otherwise."""
        if tx.link_id is None:
            return tx.id
        return min(tx.id, tx.link_id)

    def is_own_transfer(self, tx: Transaction) -> bool:
        other = self.partner(tx)
        return other is not None and tx.is_outflow and not other.is_outflow

    def is_primary(self, tx: Transaction) -> bool:
        """For a pair that is an outflow on both sides, the row that names the real payee.

        The wallet row (funded by a card, so ``funding`` is filled) names the merchant;
        the bank row names the wallet. Without that hint the lower id wins.
        """
        other = self.partner(tx)
        if other is None or not other.is_outflow:
            return True
        if bool(tx.funding) != bool(other.funding):
            return bool(tx.funding)
        return tx.id < other.id


def is_spending(tx: Transaction, links: LinkIndex) -> bool:
    """Money that left the user: a money-moving outflow that is not an own transfer."""
    return tx.moves_money and tx.is_outflow and not links.is_own_transfer(tx)


def once_per_payment(transactions: Iterable[Transaction], links: LinkIndex) -> list[Transaction]:
    """Drop the second row of a linked pair, keeping the first one met (input order)."""
    seen: set[int] = set()
    kept: list[Transaction] = []
    for tx in transactions:
        key = links.group(tx)
        if key in seen:
            continue
        seen.add(key)
        kept.append(tx)
    return kept
