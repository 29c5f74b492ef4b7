"""The generated history and the builder that numbers its rows.

Rows are collected as mutable drafts in any order, then sorted per account by
time; only then are line numbers known, so pairs and planted mistakes are kept
as draft references and resolved to ``(account_key, line)`` at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from okguard.domain.anomaly import AnomalyKind
from okguard.domain.money import Money
from okguard.domain.transaction import Direction, ParsedTransaction, StatementAccount, TxStatus

RowRef = tuple[str, int]  # (StatementAccount.key, ParsedTransaction.line)


@dataclass(frozen=True, slots=True)
class DemoHistory:
    """A generated personal history, one list of rows per account, each sorted by time.

    ``linked_pairs`` are the rows the importer should link as one payment seen from
    two sources: card-funded wallet payments (same signed amount on both sides) and
    top-ups from the bank card to a wallet (debit on the card, neutral credit on the
    wallet). ``planted`` names the deliberate mistakes, by the anomaly kind a
    detector should raise for them.
    """

    accounts: list[StatementAccount]
    rows: dict[str, list[ParsedTransaction]]
    linked_pairs: list[tuple[RowRef, RowRef]]
    planted: dict[AnomalyKind, list[RowRef]] = field(default_factory=dict)

    def row(self, ref: RowRef) -> ParsedTransaction:
        key, line = ref
        return self.rows[key][line - 1]

    @property
    def row_count(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


@dataclass(eq=False, slots=True)
class Draft:
    """A row before it has its line number. Identity (not equality) matters."""

    account: str
    at: datetime
    amount: Money
    payee: str
    kind: str = ""
    memo: str = ""
    payee_account: str | None = None
    reference: str | None = None
    status: TxStatus = TxStatus.BOOKED
    direction: Direction | None = None
    category: str = ""
    funding: str = ""
    counterpart_ref: str | None = None


class HistoryBuilder:
    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self._pairs: list[tuple[Draft, Draft]] = []
        self._planted: dict[AnomalyKind, list[Draft]] = {}

    def add(self, draft: Draft) -> Draft:
        self.drafts.append(draft)
        return draft

    def pair(self, a: Draft, b: Draft) -> None:
        self._pairs.append((a, b))

    def plant(self, kind: AnomalyKind, *drafts: Draft) -> None:
        self._planted.setdefault(kind, []).extend(drafts)

    def finish(self, accounts: list[StatementAccount]) -> DemoHistory:
        refs: dict[int, RowRef] = {}
        rows: dict[str, list[ParsedTransaction]] = {}
        for account in accounts:
            mine = [d for d in self.drafts if d.account == account.key]
            # sorted() is stable, so rows at the same second keep their creation order.
            mine.sort(key=lambda d: d.at)
            out: list[ParsedTransaction] = []
            for line, draft in enumerate(mine, start=1):
                refs[id(draft)] = (account.key, line)
                out.append(_parsed(draft, line))
            rows[account.key] = out
        return DemoHistory(
            accounts=list(accounts),
            rows=rows,
            linked_pairs=[(refs[id(a)], refs[id(b)]) for a, b in self._pairs],
            planted={k: [refs[id(d)] for d in ds] for k, ds in self._planted.items()},
        )


def _parsed(d: Draft, line: int) -> ParsedTransaction:
    return ParsedTransaction(
        line=line,
        occurred_at=d.at,
        has_time=True,
        amount=d.amount,
        payee=d.payee,
        payee_account=d.payee_account,
        memo=d.memo,
        reference=d.reference,
        status=d.status,
        direction=d.direction,
        kind=d.kind,
        category=d.category,
        account_key=d.account,
        counterpart_ref=d.counterpart_ref,
        funding=d.funding,
    )
