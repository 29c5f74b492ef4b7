from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from okguard.domain.anomaly import AnomalyKind, Severity
from okguard.domain.limits import Limit, LimitPeriod, LimitScope
from okguard.domain.money import Money
from okguard.domain.transaction import Direction, TxStatus
from okguard.guard.limits import detect_limit_breaches, limit_usage, validate_limit

from .factory import cny, tx

D = datetime


def daily(amount: str, **kw: object) -> Limit:
    return Limit(id=7, scope=LimitScope.DAILY, amount=cny(amount), **kw)  # type: ignore[arg-type]


def test_per_payment_limit_flags_only_payments_strictly_over_it() -> None:
    limit = Limit(id=1, scope=LimitScope.PER_PAYMENT, amount=cny("1000"))
    rows = [
        tx(1, D(2024, 3, 1, 10), "-1000.00", payee="王芳"),
        tx(2, D(2024, 3, 1, 11), "-1000.01", payee="李雷"),
        tx(3, D(2024, 3, 1, 12), "2000", payee="工资"),  # income never counts
    ]
    found = detect_limit_breaches(rows, [limit])
    assert [a.transaction_ids for a in found] == [(2,)]
    breach = found[0]
    assert breach.kind is AnomalyKind.LIMIT_BREACH
    assert breach.key == "limit_breach:2:limit:1"
    assert breach.message.render("en") == (
        "Paid CN¥1,000.01 to 李雷 on 2024-03-01, over your per-payment limit of CN¥1,000.00"
    )
    assert "单笔限额" in breach.message.render("zh_CN")


def test_daily_limit_resets_at_midnight() -> None:
    limit = daily("500")
    late = tx(1, D(2024, 3, 1, 23, 59), "-300")
    early = tx(2, D(2024, 3, 2, 0, 0), "-300")
    assert detect_limit_breaches([late, early], [limit]) == []

    third = tx(3, D(2024, 3, 2, 0, 1), "-300")
    found = detect_limit_breaches([third, late, early], [limit])
    assert len(found) == 1
    # Names the payments of 2 March up to the one that crossed the limit.
    assert found[0].transaction_ids == (2, 3)
    assert found[0].key == "limit_breach:3:limit:7"
    assert found[0].message.render("en") == (
        "Spent CN¥600.00 on 2024-03-02, over your daily limit of CN¥500.00"
    )


def test_later_payments_the_same_day_keep_the_flag_identity() -> None:
    limit = daily("500")
    rows = [tx(1, D(2024, 3, 2, 9), "-400"), tx(2, D(2024, 3, 2, 10), "-200")]
    before = detect_limit_breaches(rows, [limit])
    after = detect_limit_breaches([*rows, tx(3, D(2024, 3, 2, 18), "-900")], [limit])
    assert [a.key for a in after] == [a.key for a in before]


def test_monthly_limit_across_month_end_and_leap_day() -> None:
    limit = Limit(id=3, scope=LimitScope.MONTHLY, amount=cny("1000"))
    rows = [
        tx(1, D(2024, 1, 31, 23, 59), "-900"),
        tx(2, D(2024, 2, 1, 0, 0), "-600"),
        tx(3, D(2024, 2, 29, 23, 59), "-500"),  # leap day belongs to February
        tx(4, D(2024, 3, 1, 0, 0), "-999"),
    ]
    found = detect_limit_breaches(rows, [limit])
    assert [a.transaction_ids for a in found] == [(2, 3)]
    assert found[0].message.render("en") == (
        "Spent CN¥1,100.00 in 2024-02, over your monthly limit of CN¥1,000.00"
    )


def test_limit_in_cny_ignores_payments_in_other_currencies() -> None:
    rows = [
        tx(1, D(2024, 3, 1, 9), "-9000", currency="USD"),
        tx(2, D(2024, 3, 1, 10), "-100"),
    ]
    assert detect_limit_breaches(rows, [daily("500")]) == []
    usd = Limit(id=8, scope=LimitScope.DAILY, amount=Money.of("500", "USD"))
    assert [a.transaction_ids for a in detect_limit_breaches(rows, [usd])] == [(1,)]


def test_only_money_that_moved_out_counts() -> None:
    rows = [
        tx(1, D(2024, 3, 1, 9), "-400", status=TxStatus.FAILED),
        tx(2, D(2024, 3, 1, 9), "-400", status=TxStatus.CLOSED),
        tx(3, D(2024, 3, 1, 9), "-400", direction=Direction.NEUTRAL),
        tx(4, D(2024, 3, 1, 9), "5000"),
        tx(5, D(2024, 3, 1, 9), "-400", status=TxStatus.PENDING),
    ]
    assert detect_limit_breaches(rows, [daily("500")]) == []
    rows.append(tx(6, D(2024, 3, 1, 10), "-101"))
    assert [a.transaction_ids for a in detect_limit_breaches(rows, [daily("500")])] == [(5, 6)]


def test_overall_limit_sums_accounts_per_account_limit_does_not() -> None:
    rows = [
        tx(1, D(2024, 3, 1, 9), "-400", account_id=1, account_name="招商银行"),
        tx(2, D(2024, 3, 1, 10), "-400", account_id=2, account_name="支付宝"),
    ]
    assert [a.transaction_ids for a in detect_limit_breaches(rows, [daily("500")])] == [(1, 2)]
    assert detect_limit_breaches(rows, [daily("500", account_id=1)]) == []
    on_card = detect_limit_breaches(rows, [daily("300", account_id=1)])
    assert [a.transaction_ids for a in on_card] == [(1,)]
    assert "招商银行" in on_card[0].message.render("en")


def test_same_payment_on_card_and_wallet_counts_once() -> None:
    wallet = tx(1, D(2024, 3, 1, 9, 0), "-400", account_id=2, payee="王芳",
                funding="招商银行储蓄卡(1234)", link_id=2)
    card = tx(2, D(2024, 3, 1, 9, 1), "-400", account_id=1, payee="支付宝-王芳", link_id=1)
    assert detect_limit_breaches([wallet, card], [daily("500")]) == []
    # The same two rows without the link are two payments and go over.
    unlinked = [
        tx(1, D(2024, 3, 1, 9, 0), "-400", account_id=2),
        tx(2, D(2024, 3, 1, 9, 1), "-400", account_id=1),
    ]
    assert len(detect_limit_breaches(unlinked, [daily("500")])) == 1


def test_transfer_between_own_accounts_is_not_spending() -> None:
    out = tx(1, D(2024, 3, 1, 9), "-5000", account_id=1, payee="转出到余额宝", link_id=2)
    into = tx(2, D(2024, 3, 1, 9), "5000", account_id=2, payee="转入", link_id=1)
    assert detect_limit_breaches([out, into], [daily("1000")]) == []


def test_payee_limit_per_month_matches_names_loosely() -> None:
    limit = Limit(id=4, scope=LimitScope.PAYEE, amount=cny("6000"), period=LimitPeriod.MONTH,
                  payee="Wang Fang")
    rows = [
        tx(1, D(2024, 1, 5), "-5500", payee="Wang Fang"),
        tx(2, D(2024, 2, 5), "-5500", payee="wang  fang"),
        tx(3, D(2024, 2, 6), "-3000", payee="Li Lei"),
    ]
    assert detect_limit_breaches(rows, [limit]) == []
    rows.append(tx(4, D(2024, 2, 20), "-1000", payee="WANG FANG"))
    found = detect_limit_breaches(rows, [limit])
    assert [a.transaction_ids for a in found] == [(2, 4)]
    assert found[0].message.render("en") == (
        "Paid CN¥6,500.00 to Wang Fang in 2024-02, over your monthly limit of CN¥6,000.00 "
        "for Wang Fang"
    )


def test_category_limit_per_day() -> None:
    limit = Limit(id=5, scope=LimitScope.CATEGORY, amount=cny("200"), period=LimitPeriod.DAY,
                  category="餐饮")
    rows = [
        tx(1, D(2024, 3, 1, 12), "-150", category="餐饮"),
        tx(2, D(2024, 3, 1, 13), "-900", category="交通"),
        tx(3, D(2024, 3, 1, 19), "-80", category="餐饮"),
    ]
    found = detect_limit_breaches(rows, [limit])
    assert [a.transaction_ids for a in found] == [(1, 3)]
    assert "餐饮" in found[0].message.render("zh_CN")


def test_new_payee_limit_applies_to_the_first_payment_only() -> None:
    limit = Limit(id=6, scope=LimitScope.NEW_PAYEE, amount=cny("1000"))
    rows = [
        tx(1, D(2024, 3, 1), "-1500", payee="陌生人"),
        tx(2, D(2024, 3, 2), "-1500", payee="陌生人"),
        tx(3, D(2024, 3, 3), "-800", payee="新房东"),
    ]
    found = detect_limit_breaches(rows, [limit])
    assert [a.transaction_ids for a in found] == [(1,)]
    assert found[0].message.render("en").startswith("First payment to 陌生人")


def test_severity_rises_at_twice_the_limit() -> None:
    limit = Limit(id=1, scope=LimitScope.PER_PAYMENT, amount=cny("100"))
    found = detect_limit_breaches(
        [tx(1, D(2024, 3, 1), "-150"), tx(2, D(2024, 3, 1), "-200")], [limit]
    )
    assert [a.severity for a in found] == [Severity.MEDIUM, Severity.HIGH]


def test_focus_keeps_only_flags_naming_those_transactions() -> None:
    limit = Limit(id=1, scope=LimitScope.PER_PAYMENT, amount=cny("100"))
    rows = [tx(1, D(2024, 3, 1), "-150"), tx(2, D(2024, 3, 2), "-150")]
    assert [a.transaction_ids for a in detect_limit_breaches(rows, [limit], focus={2})] == [(2,)]
    assert detect_limit_breaches(rows, [limit], focus={99}) == []


def test_mixed_naive_and_aware_times_use_the_statement_local_date() -> None:
    shanghai = timezone(timedelta(hours=8))
    rows = [
        tx(1, D(2024, 3, 1, 23, 30, tzinfo=shanghai), "-300"),
        tx(2, D(2024, 3, 2, 0, 30), "-300"),
    ]
    assert detect_limit_breaches(rows, [daily("500")]) == []


def test_invalid_limits_are_reported_and_ignored() -> None:
    zero = Limit(id=1, scope=LimitScope.DAILY, amount=cny("0"))
    nameless = Limit(id=2, scope=LimitScope.PAYEE, amount=cny("10"), payee=" ")
    assert validate_limit(zero) and validate_limit(nameless)
    assert validate_limit(daily("1")) == []
    assert detect_limit_breaches([tx(1, D(2024, 3, 1), "-50")], [zero, nameless]) == []


def test_usage_for_today_and_this_month() -> None:
    rows = [
        tx(1, D(2024, 2, 28, 23, 59), "-1000"),
        tx(2, D(2024, 2, 29, 8), "-200"),
        tx(3, D(2024, 2, 29, 9), "-100"),
        tx(4, D(2024, 2, 29, 9), "-70", currency="USD"),
    ]
    monthly = Limit(id=2, scope=LimitScope.MONTHLY, amount=cny("1000"))
    per_payment = Limit(id=3, scope=LimitScope.PER_PAYMENT, amount=cny("250"))
    day, month, single = limit_usage(rows, [daily("500"), monthly, per_payment], date(2024, 2, 29))

    assert (day.spent, day.remaining, day.percent) == (cny("300"), cny("200"), 60)
    assert day.fraction == Decimal("0.6")
    assert (day.period_start, day.period_end, day.over) == (date(2024, 2, 29),) * 2 + (False,)

    assert (month.spent, month.remaining, month.over) == (cny("1300"), cny("0"), True)
    assert month.percent == 130
    assert (month.period_start, month.period_end) == (date(2024, 2, 1), date(2024, 2, 29))

    assert (single.spent, single.percent) == (cny("200"), 80)


def test_usage_shows_100_percent_only_when_used_up() -> None:
    rows = [tx(1, D(2024, 3, 1), "-499.99")]
    (usage,) = limit_usage(rows, [daily("500")], date(2024, 3, 1))
    assert usage.percent == 99
    assert usage.fraction < 1
    assert limit_usage(rows, [daily("500")], date(2024, 3, 2))[0].spent == cny("0")
