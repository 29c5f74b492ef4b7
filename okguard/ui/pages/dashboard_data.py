"""Everything the dashboard shows, gathered in one go off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass, field

from okguard.guard.limits import LimitUsage
from okguard.services import guarding
from okguard.storage import Database
from okguard.storage.repos import accounts, anomalies, dashboard, transactions
from okguard.storage.repos.anomalies import StoredAnomaly
from okguard.storage.repos.dashboard import MonthTotal, PayeeTotal


@dataclass(frozen=True)
class DashboardData:
    total: int
    open_flags: dict[str, int]
    unreviewed: int
    unreviewed_since: str | None
    months: list[str] = field(default_factory=list)
    monthly: list[MonthTotal] = field(default_factory=list)
    main_currency: str | None = None
    top_payees: list[PayeeTotal] = field(default_factory=list)
    latest_flags: list[StoredAnomaly] = field(default_factory=list)
    limit_usage: list[LimitUsage] = field(default_factory=list)
    account_names: dict[int, str] = field(default_factory=dict)


def month_range(first_day: str, last_month: str) -> list[str]:
    year, month = int(first_day[:4]), int(first_day[5:7])
    out: list[str] = []
    while True:
        label = f"{year:04d}-{month:02d}"
        out.append(label)
        if label >= last_month or len(out) > 240:
            return out
        month += 1
        if month > 12:
            year, month = year + 1, 1


def load_dashboard(db: Database, months: int = 12) -> DashboardData:
    unreviewed, since = transactions.unreviewed(db)
    data = DashboardData(
        total=transactions.count(db),
        open_flags=anomalies.open_count(db),
        unreviewed=unreviewed,
        unreviewed_since=since,
        latest_flags=anomalies.list_anomalies(db)[:6],
        limit_usage=guarding.usage(db),
        account_names={a.id: a.name for a in accounts.list_accounts(db)},
    )
    window = dashboard.spending_window(db, months)
    if window is None:
        return data
    first_day, last_month = window
    monthly = dashboard.monthly_spending(db, first_day)
    spent: dict[str, int] = {}
    for t in monthly:
        spent[t.currency] = spent.get(t.currency, 0) + t.minor
    main = max(spent, key=lambda c: spent[c]) if spent else None
    return DashboardData(
        total=data.total,
        open_flags=data.open_flags,
        unreviewed=unreviewed,
        unreviewed_since=since,
        months=month_range(first_day, last_month),
        monthly=monthly,
        main_currency=main,
        top_payees=dashboard.top_payees(db, first_day, main) if main else [],
        latest_flags=data.latest_flags,
        limit_usage=data.limit_usage,
        account_names=data.account_names,
    )
