"""The demo history looks like a real bilingual year and a half, with planted mistakes."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta

import pytest

from okguard.demo import DemoHistory, generate_history
from okguard.domain.anomaly import AnomalyKind
from okguard.domain.money import Money
from okguard.domain.transaction import Direction, ParsedTransaction, TxStatus

END = date(2025, 3, 15)
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def history() -> DemoHistory:
    return generate_history(seed=7, months=14, end=END)


def _all(history: DemoHistory) -> list[ParsedTransaction]:
    return [tx for rows in history.rows.values() for tx in rows]


def _by_name(history: DemoHistory, name: str) -> list[ParsedTransaction]:
    account = next(a for a in history.accounts if a.name == name)
    return history.rows[account.key]


def _complete_months(end: date, months: int) -> list[tuple[int, int]]:
    first = end.replace(day=1)
    out = []
    for back in range(1, months):
        y, m = divmod(first.year * 12 + first.month - 1 - back, 12)
        out.append((y, m + 1))
    return out


def test_accounts_are_a_cn_card_two_wallets_and_a_foreign_account(history: DemoHistory) -> None:
    by_name = {a.name: a for a in history.accounts}
    assert {"招商银行储蓄卡", "Alipay 支付宝", "WeChat Pay 微信支付", "Chase Checking"} <= set(
        by_name
    )
    assert by_name["招商银行储蓄卡"].currency == "CNY"
    assert "*" in by_name["招商银行储蓄卡"].key  # a masked card number, not a real one
    assert by_name["Chase Checking"].currency == "USD"
    assert len({a.key for a in history.accounts}) == len(history.accounts)
    assert all(history.rows[a.key] for a in history.accounts)


def test_history_covers_the_requested_months_up_to_end(history: DemoHistory) -> None:
    rows = _all(history)
    months = {(tx.occurred_at.year, tx.occurred_at.month) for tx in rows}
    assert len(months) == 14
    assert max(tx.occurred_at.date() for tx in rows) <= END
    assert min(tx.occurred_at.date() for tx in rows) == date(2024, 2, 1)


def test_default_end_is_today_so_the_demo_looks_current() -> None:
    rows = _all(generate_history(months=2))
    latest = max(tx.occurred_at.date() for tx in rows)
    assert date.today() - timedelta(days=3) <= latest <= date.today()


def test_rows_are_sorted_numbered_and_timed(history: DemoHistory) -> None:
    for account in history.accounts:
        rows = history.rows[account.key]
        assert [tx.line for tx in rows] == list(range(1, len(rows) + 1))
        assert [tx.occurred_at for tx in rows] == sorted(tx.occurred_at for tx in rows)
        assert all(tx.has_time and tx.account_key == account.key for tx in rows)


def test_amounts_are_money_in_the_account_currency_and_add_up(history: DemoHistory) -> None:
    for account in history.accounts:
        assert account.currency is not None
        total = Money(0, account.currency)
        for tx in history.rows[account.key]:
            assert isinstance(tx.amount, Money) and isinstance(tx.amount.minor, int)
            assert tx.amount.currency == account.currency
            total = total + tx.amount
        assert total.currency == account.currency


def test_payees_are_both_chinese_and_english(history: DemoHistory) -> None:
    payees = {tx.payee for tx in _all(history)}
    assert any(CJK.search(p) for p in payees)
    assert any(p and not CJK.search(p) for p in payees)
    expected = {
        "深圳某某科技有限公司",
        "ACME Corp",
        "王芳",
        "国家电网",
        "深圳水务",
        "中国移动",
        "Netflix",
        "Spotify",
        "iCloud",
        "腾讯视频VIP",
        "爱奇艺",
        "盒马鲜生",
        "永辉超市",
        "Whole Foods",
        "瑞幸咖啡",
        "Starbucks",
        "深圳地铁",
        "美团外卖",
        "饿了么",
        "淘宝",
        "京东",
        "Amazon",
    }
    assert expected <= payees


def test_salary_and_rent_arrive_every_complete_month(history: DemoHistory) -> None:
    bank = _by_name(history, "招商银行储蓄卡")
    chase = _by_name(history, "Chase Checking")
    for year, month in _complete_months(END, 14):
        in_month = [
            tx for tx in bank if (tx.occurred_at.year, tx.occurred_at.month) == (year, month)
        ]
        assert any(
            tx.payee == "深圳某某科技有限公司" and tx.amount.minor > 0 and "工资" in tx.memo
            for tx in in_month
        ), (year, month)
        assert any(
            tx.payee == "王芳"
            and tx.amount == Money.of("-4500", "CNY")
            and tx.payee_account == "6222020200001234"
            for tx in in_month
        ), (year, month)
        assert any(
            tx.payee == "ACME Corp"
            and tx.amount.minor > 0
            and (tx.occurred_at.year, tx.occurred_at.month) == (year, month)
            for tx in chase
        ), (year, month)


def test_monthly_bills_family_and_metro_fares(history: DemoHistory) -> None:
    bank = _by_name(history, "招商银行储蓄卡")
    months = len(_complete_months(END, 14))
    phone = [tx for tx in bank if tx.payee == "中国移动"]
    assert len(phone) >= months
    assert Counter(tx.amount for tx in phone).most_common(1)[0][0] == Money.of("-128", "CNY")
    assert len([tx for tx in bank if "妈妈" in tx.memo]) >= months
    metro = [tx for tx in _by_name(history, "WeChat Pay 微信支付") if tx.payee == "深圳地铁"]
    assert {tx.amount for tx in metro} == {Money.of("-4", "CNY"), Money.of("-6", "CNY")}
    workdays = {tx.occurred_at.date() for tx in metro if tx.occurred_at.weekday() < 5}
    assert len(metro) >= 2 * len(workdays)


def test_red_packets_come_in_from_friends(history: DemoHistory) -> None:
    packets = [tx for tx in _by_name(history, "WeChat Pay 微信支付") if tx.kind == "微信红包"]
    assert len(packets) >= 5
    assert all(tx.amount.minor > 0 for tx in packets)


def test_refunds_match_an_earlier_purchase(history: DemoHistory) -> None:
    refunds = [
        tx for tx in _all(history) if tx.kind in ("退款", "CREDIT") and tx.payee != "ACME Corp"
    ]
    assert len(refunds) >= 3
    for refund in refunds:
        assert refund.amount.minor > 0
        originals = [
            tx
            for tx in history.rows[refund.account_key]
            if tx.payee == refund.payee
            and tx.amount == -refund.amount
            and tx.occurred_at < refund.occurred_at
        ]
        assert originals, refund


def test_linked_pairs_are_the_same_payment_on_card_and_wallet(history: DemoHistory) -> None:
    bank_key = next(a.key for a in history.accounts if a.name == "招商银行储蓄卡")
    wallet_keys = {a.key for a in history.accounts if a.kind == "wallet"}
    assert len(history.linked_pairs) >= 20
    seen: set[tuple[str, int]] = set()
    top_ups = 0
    for a, b in history.linked_pairs:
        assert a not in seen and b not in seen  # a row belongs to one pair at most
        seen.update((a, b))
        assert {a[0], b[0]} & {bank_key} and {a[0], b[0]} & wallet_keys
        left, right = history.row(a), history.row(b)
        assert left.occurred_at.date() == right.occurred_at.date()
        assert abs(left.amount) == abs(right.amount)
        card, wallet = (left, right) if a[0] == bank_key else (right, left)
        assert "卡" in wallet.funding  # the wallet says it was paid by the card
        assert card.payee.startswith(("支付宝-", "财付通-"))
        if wallet.direction is Direction.NEUTRAL:
            top_ups += 1
            assert card.amount.minor < 0 < wallet.amount.minor
        else:
            assert card.amount == wallet.amount
    assert top_ups >= 12


def test_card_rows_naming_a_wallet_are_all_in_a_pair(history: DemoHistory) -> None:
    bank_key = next(a.key for a in history.accounts if a.name == "招商银行储蓄卡")
    paired = {ref for pair in history.linked_pairs for ref in pair}
    for tx in history.rows[bank_key]:
        if tx.payee.startswith(("支付宝-", "财付通-")):
            assert (bank_key, tx.line) in paired, tx


def test_references_look_real_and_never_repeat(history: DemoHistory) -> None:
    refs = [tx.reference for tx in _all(history) if tx.reference is not None]
    assert len(refs) == len(set(refs))
    alipay = _by_name(history, "Alipay 支付宝")
    assert all(tx.reference and re.fullmatch(r"20\d{26}", tx.reference) for tx in alipay)
    wechat_payments = [
        tx for tx in _by_name(history, "WeChat Pay 微信支付") if tx.kind == "商户消费"
    ]
    assert all(tx.reference and re.fullmatch(r"4200\d{24}", tx.reference) for tx in wechat_payments)
    bank = _by_name(history, "招商银行储蓄卡")
    assert any(tx.reference is None for tx in bank)
    assert any(tx.reference is not None for tx in bank)


def test_closed_and_pending_orders_are_present(history: DemoHistory) -> None:
    alipay = _by_name(history, "Alipay 支付宝")
    assert any(tx.status is TxStatus.CLOSED for tx in alipay)
    pending = [tx for tx in _all(history) if tx.status is TxStatus.PENDING]
    assert pending
    assert all(END - tx.occurred_at.date() <= timedelta(days=3) for tx in pending)


def test_planted_double_rent_is_two_payments_two_minutes_apart(history: DemoHistory) -> None:
    first, second = (history.row(r) for r in history.planted[AnomalyKind.DUPLICATE])
    assert first.payee == second.payee == "王芳" and first.amount == second.amount
    assert timedelta(0) < second.occurred_at - first.occurred_at <= timedelta(minutes=2)
    # Two real payments, not one exported twice: the importer must keep both.
    assert first.reference and second.reference and first.reference != second.reference


def test_planted_phone_bill_has_an_extra_zero(history: DemoHistory) -> None:
    (ref,) = history.planted[AnomalyKind.AMOUNT_SHIFT]
    assert history.row(ref).payee == "中国移动"
    assert history.row(ref).amount == Money.of("-1280.00", "CNY")


def test_planted_lookalike_payee_has_a_different_account(history: DemoHistory) -> None:
    (ref,) = history.planted[AnomalyKind.LOOKALIKE_PAYEE]
    wrong = history.row(ref)
    assert wrong.payee == "王方" and wrong.amount == Money.of("-4500", "CNY")
    assert wrong.payee_account not in (None, "6222020200001234")


def test_planted_scam_is_a_midnight_safe_account_transfer(history: DemoHistory) -> None:
    (ref,) = history.planted[AnomalyKind.SCAM_PATTERN]
    scam = history.row(ref)
    assert "安全账户" in scam.memo and scam.amount.minor < 0
    assert scam.occurred_at.hour < 5
    known = {
        tx.payee for tx in _all(history) if tx is not scam and tx.occurred_at < scam.occurred_at
    }
    assert scam.payee not in known  # a stranger


def test_same_seed_same_history_other_seed_other_history() -> None:
    one = generate_history(seed=3, months=12, end=END)
    two = generate_history(seed=3, months=12, end=END)
    other = generate_history(seed=4, months=12, end=END)
    assert one.rows == two.rows
    assert one.linked_pairs == two.linked_pairs
    assert one.rows != other.rows


def test_scale_multiplies_everyday_spending_not_the_rent() -> None:
    small = generate_history(months=3, end=END)
    big = generate_history(months=3, end=END, scale=3)
    assert big.row_count > 2.5 * small.row_count

    def rent(h: DemoHistory) -> int:
        return sum(tx.payee == "王芳" for tx in _all(h))

    assert rent(big) == rent(small)


def test_even_a_one_month_history_is_consistent() -> None:
    h = generate_history(months=1, end=date(2025, 3, 2))
    assert all(tx.occurred_at <= datetime(2025, 3, 2, 23, 59, 59) for tx in _all(h))
    for refs in h.planted.values():
        for ref in refs:
            assert h.row(ref).occurred_at.date() <= date(2025, 3, 2)


@pytest.mark.parametrize(("months", "scale"), [(0, 1), (3, 0)])
def test_nonsense_sizes_are_refused(months: int, scale: int) -> None:
    with pytest.raises(ValueError):
        generate_history(months=months, scale=scale)
