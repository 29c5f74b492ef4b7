"""Hand-built transactions for detector tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from okguard.detectors.engine import scan
from okguard.detectors.settings import DetectorSettings
from okguard.domain.anomaly import Anomaly
from okguard.domain.money import Money
from okguard.domain.transaction import Direction, Transaction, TxStatus

T0 = datetime(2024, 1, 1, 12, 0)


def tx(id: int, when: datetime, amount: str, payee: str = "Shop", *, currency: str = "CNY",
       account_id: int = 1, status: TxStatus = TxStatus.BOOKED, payee_account: str | None = None,
       memo: str = "", category: str = "", link_id: int | None = None, funding: str = "",
       account_name: str = "招商银行储蓄卡") -> Transaction:
    money = Money.of(amount, currency)
    return Transaction(id=id, account_id=account_id, account_name=account_name, occurred_at=when,
                       has_time=True, amount=money, payee=payee, payee_account=payee_account,
                       memo=memo, reference=f"r{id}", status=status,
                       direction=Direction.OUT if money.minor < 0 else Direction.IN, kind="",
                       category=category, funding=funding, link_id=link_id)


def monthly(start_id: int, payee: str, amount: str, months: int, *, day: int = 5,
            currency: str = "CNY", payee_account: str | None = None) -> list[Transaction]:
    return [tx(start_id + i, datetime(2023 + (i // 12), 1 + i % 12, day, 9), amount, payee,
               currency=currency, payee_account=payee_account) for i in range(months)]


def run(rows: list[Transaction], **kw: object) -> list[Anomaly]:
    rows = sorted(rows, key=lambda t: (t.occurred_at, t.id))
    return scan(rows, settings=DetectorSettings(), **kw)  # type: ignore[arg-type]


def kinds(found: list[Anomaly]) -> list[str]:
    return [a.kind.value for a in found]


def later(minutes: int = 0, days: int = 0) -> datetime:
    return T0 + timedelta(minutes=minutes, days=days)
