"""Check before paying, against a small history built here.

The name and account near-miss reasons rely on ``okguard.detectors.names`` (written
by another area); these tests exercise it through ``check_payment``.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from okguard.domain.anomaly import AnomalyKind
from okguard.domain.limits import Limit, LimitScope
from okguard.domain.money import Money
from okguard.domain.transaction import Transaction
from okguard.guard.check import CheckResult, CheckSettings, PaymentCheck, Verdict, check_payment

from .factory import cny, tx

LANDLORD_ACCOUNT = "6222020200001234"
NOW = datetime(2024, 3, 5, 10, 0)


def history() -> list[Transaction]:
    rows: list[Transaction] = []
    for i in range(12):  # rent, March 2023 to February 2024
        year, month = (2023, 3 + i) if i < 10 else (2024, i - 9)
        rows.append(tx(100 + i, datetime(year, month, 5, 9), "-5500", payee="王芳",
                       payee_account=LANDLORD_ACCOUNT, category="住房"))
        rows.append(tx(200 + i, datetime(year, month, 10, 12), "-100", payee="中国移动"))
    rows.append(tx(300, datetime(2024, 3, 5, 8), "-420", payee="盒马鲜生", category="餐饮"))
    rows.append(tx(301, datetime(2024, 3, 1, 8), "3000", payee="公司工资"))
    return rows


def check(payee: str, amount: str, *, account: str | None = None, memo: str = "",
          limits: list[Limit] | None = None, trusted: tuple[str, ...] = (),
          when: datetime = NOW) -> CheckResult:
    request = PaymentCheck(payee=payee, amount=cny(amount), account=account, memo=memo,
                           when=when)
    return check_payment(request, history(), limits or [], trusted)


def kinds(result: CheckResult) -> list[AnomalyKind]:
    return [r.kind for r in result.reasons]


def test_usual_rent_to_the_usual_account_is_ok() -> None:
    assert check("王芳", "5500", account=LANDLORD_ACCOUNT) == CheckResult(Verdict.OK, [])
    assert check("王芳", "5500").verdict is Verdict.OK


def test_lookalike_name_of_the_landlord_stops() -> None:
    result = check("王方", "5500")
    assert result.verdict is Verdict.STOP
    assert kinds(result) == [AnomalyKind.LOOKALIKE_PAYEE]
    assert result.reasons[0].message.render("en") == (
        "王方 looks like 王芳, whom you have paid 12 times — check the name and account"
    )
    assert result.reasons[0].message.render("zh_CN") == (
        "王方 与您付过 12 次款的 王芳 很像——请核对姓名和账号"
    )


def test_transposed_digits_in_the_landlord_account_stop() -> None:
    result = check("王芳", "5500", account="6222020200001243")
    assert result.verdict is Verdict.STOP
    assert kinds(result) == [AnomalyKind.LOOKALIKE_PAYEE]
    text = result.reasons[0].message.render("en")
    assert "6222020200001243" in text and LANDLORD_ACCOUNT in text and "12 times" in text


def test_known_name_at_an_unrelated_account_stops() -> None:
    result = check("王芳", "5500", account="6217000011112222")
    assert result.verdict is Verdict.STOP
    assert "never to 6217000011112222" in result.reasons[0].message.render("en")


def test_ten_times_the_usual_rent_stops_and_names_the_median() -> None:
    result = check("王芳", "55000")
    assert result.verdict is Verdict.STOP
    assert kinds(result) == [AnomalyKind.AMOUNT_SHIFT]
    assert result.reasons[0].message.render("en") == (
        "CN¥55,000.00 is 10 times what you usually pay 王芳 (CN¥5,500.00, the median of "
        "12 payments) — check for an extra digit"
    )


def test_a_few_times_the_usual_amount_asks_for_a_second_look() -> None:
    result = check("王芳", "20000")
    assert result.verdict is Verdict.REVIEW
    assert kinds(result) == [AnomalyKind.AMOUNT_OUTLIER]
    assert "3.6 times" in result.reasons[0].message.render("en")
    assert check("王芳", "16500").verdict is Verdict.OK  # exactly 3x is still usual


def test_a_missing_digit_asks_for_a_second_look() -> None:
    result = check("王芳", "550")
    assert result.verdict is Verdict.REVIEW
    assert kinds(result) == [AnomalyKind.AMOUNT_SHIFT]


def test_new_payee_asks_for_a_second_look_unless_trusted() -> None:
    result = check("李雷", "300")
    assert result.verdict is Verdict.REVIEW
    assert kinds(result) == [AnomalyKind.NEW_PAYEE]
    assert result.reasons[0].message.render("en").startswith("You have never paid 李雷 before")
    assert check("李雷", "300", trusted=("李雷",)).verdict is Verdict.OK


def test_safe_account_wording_in_the_memo_stops() -> None:
    result = check("王芳", "5500", memo="转到安全账户")
    assert result.verdict is Verdict.STOP
    assert kinds(result) == [AnomalyKind.SCAM_PATTERN]
    assert "安全账户" in result.reasons[0].message.render("zh_CN")


def test_only_past_payments_count_as_history() -> None:
    # Checked as of a day before the first rent, the landlord is someone new.
    result = check("王芳", "5500", when=datetime(2023, 3, 1))
    assert kinds(result) == [AnomalyKind.NEW_PAYEE]


def test_over_a_per_payment_limit_stops() -> None:
    limit = Limit(id=1, scope=LimitScope.PER_PAYMENT, amount=cny("10000"))
    result = check("王芳", "12000", limits=[limit])
    assert result.verdict is Verdict.STOP
    assert kinds(result) == [AnomalyKind.LIMIT_BREACH]
    assert result.reasons[0].message.render("en") == (
        "This payment of CN¥12,000.00 is over your per-payment limit of CN¥10,000.00"
    )


def test_pushing_todays_total_over_the_daily_limit_asks_for_a_look() -> None:
    limit = Limit(id=2, scope=LimitScope.DAILY, amount=cny("500"))
    result = check("中国移动", "100", limits=[limit])
    assert result.verdict is Verdict.REVIEW
    assert result.reasons[0].message.render("en") == (
        "This payment would bring the total today to CN¥520.00, over your daily limit of "
        "CN¥500.00"
    )
    assert result.reasons[0].message.render("zh_CN") == (
        "这笔付款会使今天的合计达到 ¥520.00，超过您的单日限额 ¥500.00"
    )
    assert check("中国移动", "80", limits=[limit]).verdict is Verdict.OK


def test_new_payee_limit_stops_a_large_first_payment() -> None:
    limit = Limit(id=3, scope=LimitScope.NEW_PAYEE, amount=cny("200"))
    result = check("李雷", "300", limits=[limit])
    assert result.verdict is Verdict.STOP
    assert set(kinds(result)) == {AnomalyKind.NEW_PAYEE, AnomalyKind.LIMIT_BREACH}
    assert check("王芳", "5500", limits=[limit]).verdict is Verdict.OK


def test_limits_in_another_currency_do_not_apply() -> None:
    limit = Limit(id=4, scope=LimitScope.PER_PAYMENT, amount=Money.of("10", "USD"))
    assert check("王芳", "5500", limits=[limit]).verdict is Verdict.OK


def test_json_shape_for_the_command_line() -> None:
    result = check("王芳", "55000", memo="解冻保证金")
    data = result.to_json("en")
    assert data["verdict"] == "stop"
    assert [r["kind"] for r in data["reasons"]] == ["scam_pattern", "amount_shift"]
    assert all(set(r) >= {"kind", "explanation"} for r in data["reasons"])
    assert all(isinstance(r["explanation"], str) and r["explanation"] for r in data["reasons"])


@pytest.mark.parametrize("amount, verdict", [("11000", Verdict.STOP), ("8250", Verdict.REVIEW)])
def test_thresholds_come_from_settings(amount: str, verdict: Verdict) -> None:
    settings = CheckSettings.from_dict({"review_multiple": 1, "stop_multiple": 2, "other": 9})
    request = PaymentCheck(payee="王芳", amount=cny(amount), when=NOW)
    assert check_payment(request, history(), [], (), settings).verdict is verdict
    assert settings.to_dict()["stop_multiple"] == 2


def test_a_lookalike_paid_once_by_mistake_still_stops_the_next_payment() -> None:
    slip = tx(400, datetime(2024, 2, 20, 9), "-5500", payee="王方",
              payee_account="6222020200001243")
    request = PaymentCheck(payee="王方", amount=cny("5500"), account="6222020200001243",
                           when=NOW)
    result = check_payment(request, [*history(), slip], [])
    assert result.verdict is Verdict.STOP
    assert kinds(result) == [AnomalyKind.LOOKALIKE_PAYEE, AnomalyKind.LOOKALIKE_PAYEE]
    # Once the user keeps paying 王方 deliberately, 王方 is established and stops being doubted.
    regular = [tx(410 + i, datetime(2023, 6 + i, 20, 9), "-300", payee="王方") for i in range(3)]
    settled = check_payment(PaymentCheck(payee="王方", amount=cny("300"), when=NOW),
                            [*history(), *regular], [])
    assert settled.verdict is Verdict.OK
