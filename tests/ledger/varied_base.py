"""Building blocks of the varied labelled ledgers (:mod:`tests.ledger.varied`).

A :class:`Life` collects statement rows for one person over several accounts; the
archetype modules fill it with ordinary life, then inject labelled mistakes and
label traps (ordinary rows that look like mistakes). ``Life.finish`` turns the rows
into stored-style :class:`Transaction` values with ids in time order.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from okguard.domain.limits import Limit
from okguard.domain.money import Money
from okguard.domain.transaction import Direction, Transaction, TxStatus


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    key: str
    name: str
    currency: str
    export: str  # "csv" (timed), "csv_date" (dates only), "alipay", "wechat"
    institution: str = ""


@dataclass(frozen=True, slots=True)
class Label:
    """A mistake (``kind`` is an AnomalyKind value) or a trap (``kind`` == "trap")."""

    kind: str
    what: str
    transaction_ids: tuple[int, ...]


@dataclass
class Row:
    when: datetime
    account: Account
    amount: Decimal  # signed: outflow negative
    payee: str
    memo: str = ""
    payee_account: str | None = None
    status: TxStatus = TxStatus.BOOKED
    direction: Direction | None = None  # None: from the sign
    category: str = ""
    kind: str = ""  # provider's transaction type
    funding: str = ""
    link: Row | None = field(default=None, repr=False)  # the same payment elsewhere
    ref: str = ""

    @property
    def has_time(self) -> bool:
        return self.account.export != "csv_date"


@dataclass
class VariedLedger:
    archetype: str
    seed: int
    accounts: list[Account]
    transactions: list[Transaction]
    rows: list[Row]  # aligned with ``transactions``
    mistakes: list[Label]
    traps: list[Label]
    limits: list[Limit]

    @property
    def mistake_ids(self) -> set[int]:
        return {i for m in self.mistakes for i in m.transaction_ids}


def d(text: str | float | int | Decimal) -> Decimal:
    return Decimal(str(text)).quantize(Decimal("0.01"))


class Life:
    def __init__(self, archetype: str, seed: int, start: date, months: int) -> None:
        self.archetype = archetype
        self.seed = seed
        self.rng = random.Random(f"{archetype}:{seed}")
        self.start = start
        end_month = start.month - 1 + months
        self.end = date(start.year + end_month // 12, end_month % 12 + 1, 1)
        self.accounts: list[Account] = []
        self.rows: list[Row] = []
        self.labels: list[tuple[str, str, list[Row]]] = []
        self.limits: list[Limit] = []

    # -- setting up ---------------------------------------------------------------
    def account(self, key: str, name: str, currency: str, export: str,
                institution: str = "") -> Account:
        acc = Account(len(self.accounts) + 1, key, name, currency, export, institution)
        self.accounts.append(acc)
        return acc

    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days)]

    def month_starts(self) -> list[date]:
        out, m = [], self.start
        while m < self.end:
            out.append(m)
            m = date(m.year + m.month // 12, m.month % 12 + 1, 1)
        return out

    @staticmethod
    def first_weekday(day: date) -> bool:
        """The first Monday-to-Friday of its month: when monthly bills get paid."""
        return day.weekday() < 5 and all(day.replace(day=k).weekday() >= 5
                                         for k in range(1, day.day))

    # -- randomness -------------------------------------------------------------------
    def money(self, low: float, high: float) -> Decimal:
        return d(self.rng.randint(round(low * 100), round(high * 100)) / 100)

    def at(self, day: date, hour: int, minute: int | None = None,
           second: int | None = None) -> datetime:
        return datetime(day.year, day.month, day.day, hour,
                        self.rng.randint(0, 59) if minute is None else minute,
                        self.rng.randint(0, 59) if second is None else second)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # -- rows -------------------------------------------------------------------------
    def add(self, when: datetime, account: Account, amount: Decimal | str, payee: str,
            **kw: object) -> Row:
        row = Row(when=when, account=account, amount=d(amount), payee=payee, **kw)  # type: ignore[arg-type]
        if not row.has_time:
            row.when = datetime(when.year, when.month, when.day)
        self.rows.append(row)
        return row

    def card_funded(self, wallet_row: Row, bank: Account, bank_payee: str,
                    delay_minutes: int = 0) -> Row:
        """The bank-card side of a wallet payment funded by that card, linked to it."""
        bank_row = self.add(wallet_row.when + timedelta(minutes=delay_minutes), bank,
                            wallet_row.amount, bank_payee, memo=wallet_row.payee,
                            category=wallet_row.category, kind="快捷支付")
        wallet_row.link, bank_row.link = bank_row, wallet_row
        return bank_row

    def mistake(self, kind: str, what: str, *rows: Row) -> None:
        self.labels.append((kind, what, list(rows)))

    def trap(self, what: str, *rows: Row) -> None:
        self.labels.append(("trap", what, list(rows)))

    def in_month(self, index: int, day: int, hour: int, minute: int | None = None) -> datetime:
        """A moment in the ``index``-th month of the history (negative: from the end)."""
        starts = self.month_starts()
        m = starts[max(-len(starts), min(index, len(starts) - 1))]
        return self.at(date(m.year, m.month, min(day, 28)), hour, minute)

    def first_row(self, payee: str, from_month: int) -> Row:
        """The first row paid to ``payee`` from the ``from_month``-th month on."""
        since = self.month_starts()[from_month]
        rows = [r for r in self.rows if r.payee == payee]
        return next((r for r in rows if r.when.date() >= since), rows[-1])

    # -- finishing ----------------------------------------------------------------------
    def finish(self) -> VariedLedger:
        rows = sorted(self.rows, key=lambda r: (r.when, r.account.id, r.payee, str(r.amount)))
        ids = {id(r): i for i, r in enumerate(rows, start=1)}
        txs: list[Transaction] = []
        for r in rows:
            tx_id = ids[id(r)]
            r.ref = r.ref or f"{self.archetype[:2].upper()}{self.seed:02d}{tx_id:07d}"
            money = Money.of(str(r.amount), r.account.currency)
            direction = r.direction or (Direction.OUT if money.minor < 0 else Direction.IN)
            txs.append(Transaction(
                id=tx_id, account_id=r.account.id, account_name=r.account.name,
                occurred_at=r.when, has_time=r.has_time, amount=money, payee=r.payee,
                payee_account=r.payee_account, memo=r.memo, reference=r.ref, status=r.status,
                direction=direction, kind=r.kind, category=r.category, funding=r.funding,
                link_id=ids[id(r.link)] if r.link is not None else None))
        mistakes: list[Label] = []
        traps: list[Label] = []
        for kind, what, members in self.labels:
            label = Label(kind, what, tuple(sorted(ids[id(r)] for r in members)))
            (traps if kind == "trap" else mistakes).append(label)
        return VariedLedger(self.archetype, self.seed, self.accounts, txs, rows, mistakes,
                            traps, self.limits)
