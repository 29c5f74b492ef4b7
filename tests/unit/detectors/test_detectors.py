"""Each detector on small hand-built histories, with the cases it must leave alone."""

from __future__ import annotations

from datetime import datetime, timedelta

from okguard.domain.anomaly import Severity
from okguard.domain.limits import Limit, LimitScope
from okguard.domain.money import Money
from okguard.domain.transaction import TxStatus

from .build import T0, kinds, later, monthly, run, tx


def test_rent_twice_within_minutes_is_a_high_duplicate() -> None:
    rows = [*monthly(1, "王芳", "-5500", 6), tx(100, datetime(2023, 6, 5, 9, 2), "-5500", "王芳")]
    found = [a for a in run(rows) if a.kind.value == "duplicate"]
    assert len(found) == 1 and found[0].severity is Severity.HIGH
    assert found[0].message.render("en") == "Paid CN¥5,500.00 to 王芳 twice within 2 minutes"
    assert found[0].message.render("zh_CN") == "2 分钟内向 王芳 支付了 ¥5,500.00，共两次"


def test_monthly_rent_salary_and_commute_fares_are_not_duplicates() -> None:
    rows = monthly(1, "王芳", "-5500", 12) + monthly(50, "Employer", "18000", 12, day=10)
    for d in range(20):  # the same metro fare morning and evening every day
        rows += [
            tx(200 + 2 * d, later(days=d, minutes=-240), "-4", "上海地铁"),
            tx(201 + 2 * d, later(days=d, minutes=360), "-4", "上海地铁"),
        ]
    assert "duplicate" not in kinds(run(rows))


def test_same_purchase_days_apart_is_medium_and_coffees_hours_apart_not_high() -> None:
    rows = [
        tx(1, T0, "-299", "京东"),
        tx(2, later(days=2), "-299", "京东"),
        tx(3, T0, "-19.90", "瑞幸咖啡"),
        tx(4, later(minutes=300), "-19.90", "瑞幸咖啡"),
    ]
    found = run(rows)
    assert [(a.kind.value, a.severity, a.transaction_ids) for a in found] == [
        ("duplicate", Severity.MEDIUM, (1, 2))
    ]


def test_linked_rows_of_one_payment_are_counted_once() -> None:
    rows = [
        tx(1, T0, "-800", "Shop A", account_id=1, link_id=2),
        tx(2, later(minutes=1), "-800", "Shop A", account_id=2, link_id=1, funding="card(1234)"),
    ]
    assert run(rows) == []


def test_phone_bill_with_an_extra_zero_is_an_amount_shift() -> None:
    rows = [
        *monthly(1, "中国移动", "-128", 10),
        tx(99, datetime(2023, 11, 12), "-1280", "中国移动"),
    ]
    found = run(rows)
    assert kinds(found) == ["amount_shift"]  # the outlier and price-change flags say less
    assert found[0].severity is Severity.HIGH
    assert "CN¥128.00" in found[0].explanation


def test_transposed_rent_is_flagged_but_ordinary_variation_is_not() -> None:
    rows = [*monthly(1, "王芳", "-5500", 10), tx(99, datetime(2023, 11, 6), "-5050", "王芳")]
    assert kinds(run(rows)) == ["amount_shift"]
    varied = [tx(i, later(days=3 * i), f"-{30 + (i * 37) % 300}", "盒马") for i in range(40)]
    assert run(varied) == []


def test_outlier_uses_robust_statistics() -> None:
    rows = [tx(i, later(days=2 * i), f"-{80 + (i * 13) % 90}", "盒马") for i in range(30)]
    rows.append(tx(99, later(days=70), "-2400", "盒马"))
    found = run(rows)
    assert kinds(found) == ["amount_outlier"] and found[0].transaction_ids == (99,)
    assert run(rows[:-1]) == []


def test_lookalike_names_and_accounts() -> None:
    acct = "6222020200001234"
    base = monthly(1, "王芳", "-5500", 6, payee_account=acct)
    base += monthly(20, "Netflix", "-15.49", 6, day=1, currency="USD")
    cases = {
        "王方": tx(90, datetime(2023, 8, 1, 10), "-5500", "王方"),
        "Netf1ix": tx(90, datetime(2023, 8, 1), "-15.49", "Netf1ix", currency="USD"),
        "new account": tx(
            90, datetime(2023, 8, 1), "-5500", "王芳", payee_account="6228480055550001"
        ),
        "digit off": tx(
            90, datetime(2023, 8, 1), "-5500", "Someone", payee_account="6222020200001235"
        ),
    }
    for name, row in cases.items():
        found = [a for a in run([*base, row]) if a.kind.value == "lookalike_payee"]
        assert [a.transaction_ids for a in found] == [(90,)], name
        assert found[0].severity is Severity.HIGH


def test_a_genuinely_different_name_is_not_a_lookalike() -> None:
    rows = [
        *monthly(1, "王芳", "-5500", 6),
        tx(90, datetime(2023, 8, 1), "-300", "李明"),
        tx(91, datetime(2023, 8, 2), "-300", "王刚"),
    ]
    assert "lookalike_payee" not in kinds(run(rows))


def test_new_payee_only_above_threshold_and_after_enough_history() -> None:
    rows = monthly(1, "王芳", "-5500", 6)
    found = run(
        [
            *rows,
            tx(90, datetime(2023, 7, 1, 14), "-15000", "孙丽华装修"),
            tx(91, datetime(2023, 7, 2, 14), "-120", "小店"),
        ]
    )
    assert [(a.kind.value, a.transaction_ids) for a in found] == [("new_payee", (90,))]
    assert run([tx(1, T0, "-15000", "First ever")]) == []


def test_scam_wording_bursts_and_refund_trick() -> None:
    rows = monthly(1, "王芳", "-5500", 6)
    night = datetime(2023, 7, 10, 23, 40)
    burst = [
        tx(
            90 + i,
            night + timedelta(minutes=30 * i),
            f"-{(i + 2) * 10000}",
            f"陌生人{i}",
            memo="转入安全账户",
        )
        for i in range(3)
    ]
    found = run(rows + burst)
    assert {a.kind.value for a in found} == {"scam_pattern"}
    assert any(a.transaction_ids == (90, 91, 92) for a in found)
    assert "安全账户" in found[0].message.render("zh_CN") or any(
        "安全账户" in a.explanation for a in found
    )
    refund = [
        tx(95, datetime(2023, 7, 20, 14), "3000", "淘宝客服", memo="退款"),
        tx(96, datetime(2023, 7, 20, 17), "-2800", "周明"),
    ]
    found = run(rows + refund)
    assert [(a.kind.value, a.transaction_ids) for a in found] == [("scam_pattern", (95, 96))]
    expected = [
        tx(97, datetime(2023, 7, 1), "-356", "淘宝"),
        tx(98, datetime(2023, 7, 3), "356", "淘宝", memo="退款"),
        tx(99, datetime(2023, 7, 3, 2), "-300", "Shop"),
    ]
    assert run(rows + expected) == []


def test_one_payment_with_two_scam_signs_gets_one_flag_the_most_severe() -> None:
    # Scam wording in the memo (high) and a round amount at night to someone new
    # (medium), both on this one payment: one warning, the high one.
    rows = monthly(1, "王芳", "-5500", 6)
    odd = tx(90, datetime(2023, 7, 10, 23, 40), "-5000", "陌生人", memo="转入安全账户")
    found = [a for a in run([*rows, odd]) if 90 in a.transaction_ids]
    assert [(a.kind.value, a.severity, a.transaction_ids) for a in found] == [
        ("scam_pattern", Severity.HIGH, (90,))]
    assert "安全账户" in found[0].message.render("zh_CN")
    # Without the wording the night payment is still flagged, as medium.
    plain = tx(90, datetime(2023, 7, 10, 23, 40), "-5000", "陌生人")
    found = [a for a in run([*rows, plain]) if 90 in a.transaction_ids]
    assert [(a.kind.value, a.severity) for a in found] == [("scam_pattern", Severity.MEDIUM)]


def test_one_payment_over_two_limits_keeps_a_flag_per_limit() -> None:
    rows = [*monthly(1, "王芳", "-500", 6), tx(90, datetime(2023, 7, 10, 12), "-3000", "王芳")]
    limits = [Limit(1, LimitScope.PER_PAYMENT, Money.of("1000", "CNY")),
              Limit(2, LimitScope.DAILY, Money.of("2000", "CNY"))]
    found = [a for a in run(rows, limits=limits) if a.kind.value == "limit_breach"]
    assert sorted(a.key for a in found if a.transaction_ids == (90,)) == [
        "limit_breach:90:limit:1", "limit_breach:90:limit:2"]


def test_system_errors() -> None:
    rows = monthly(1, "王芳", "-5500", 6)
    failed = [
        tx(
            90,
            datetime(2023, 7, 1),
            "-899",
            "苏宁易购",
            account_id=3,
            status=TxStatus.FAILED,
            funding="card",
            link_id=91,
        ),
        tx(91, datetime(2023, 7, 1, 0, 1), "-899", "财付通", link_id=90),
    ]
    assert [(a.kind.value, a.transaction_ids) for a in run(rows + failed)] == [
        ("system_error", (90, 91))
    ]
    pending = [tx(92, datetime(2023, 5, 20), "-459", "京东", status=TxStatus.PENDING)]
    assert kinds(run(rows + pending)) == ["system_error"]
    fresh = [tx(92, datetime(2023, 6, 3), "-459", "京东", status=TxStatus.PENDING)]
    assert run(rows + fresh) == []
    lonely = [tx(93, datetime(2023, 6, 1), "120", "Refund", status=TxStatus.REVERSED)]
    assert kinds(run(rows + lonely)) == ["system_error"]
    never = [tx(94, datetime(2023, 4, 1), "-356", "淘宝", status=TxStatus.REFUNDED)]
    assert kinds(run(rows + never)) == ["system_error"]
    arrived = [*never, tx(95, datetime(2023, 4, 4), "356", "淘宝")]
    assert run(rows + arrived) == []


def test_subscription_price_change_flagged_once() -> None:
    rows = monthly(1, "Spotify", "-10.99", 6, currency="USD")
    rows += monthly(20, "Spotify", "-12.99", 12, currency="USD")[6:]
    found = run(rows)
    assert [(a.kind.value, a.transaction_ids) for a in found] == [("recurring_change", (26,))]
    assert found[0].message.render("en") == "Spotify usually costs $10.99; this payment is $12.99"


def test_trusted_payees_silence_doubts_and_lower_duplicates() -> None:
    rows = [
        *monthly(1, "王芳", "-5500", 6),
        tx(90, datetime(2023, 8, 1, 10), "-5500", "王方"),
        tx(91, datetime(2023, 6, 5, 9, 1), "-5500", "王芳"),
    ]
    found = run(rows, trusted_payees=["王方", "王芳"])
    assert [(a.kind.value, a.severity) for a in found] == [("duplicate", Severity.MEDIUM)]
