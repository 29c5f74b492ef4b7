"""The rows that make a history worth guarding: refunds, a closed order, pending
payments, and a night-time "safe account" scam transfer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from okguard.demo.history import Draft
from okguard.demo.story import ALIPAY, BANK, CHASE, WECHAT, Plan, Story
from okguard.domain.anomaly import AnomalyKind
from okguard.domain.money import Money
from okguard.domain.transaction import TxStatus


def incidents(story: Story, plan: Plan) -> None:
    _refunds(story)
    _closed_order(story)
    _pending(story)
    _scam(story, plan)


def _refundable(story: Story, account: str, payee: str) -> list[Draft]:
    # Only balance-funded ones: a refund to the card would need its own bank row.
    return [
        d
        for d in story.book.drafts
        if d.account == account
        and d.payee == payee
        and d.amount.minor < 0
        and d.funding in ("", "余额", "零钱")
        and d.at.date() + timedelta(days=7) <= story.end
    ]


def _refunds(story: Story) -> None:
    wanted = ((ALIPAY.key, "淘宝", 3), (WECHAT.key, "京东", 1), (CHASE.key, "Amazon", 1))
    for account, payee, count in wanted:
        candidates = _refundable(story, account, payee)
        for original in story.rng.sample(candidates, min(count, len(candidates))):
            _refund(story, original)


def _refund(story: Story, original: Draft) -> None:
    day = original.at.date() + timedelta(days=story.rng.randint(2, 7))
    at = story.moment(day, "09:00", "22:00")
    if original.account == ALIPAY.key:
        reference: str | None = story.ids.alipay(at)
    elif original.account == WECHAT.key:
        reference = story.ids.wechat(at)
    else:
        reference = None
    story.book.add(
        replace(
            original,
            at=at,
            amount=-original.amount,
            kind="退款" if original.account != CHASE.key else "CREDIT",
            memo=f"退款-{original.memo}" if original.account != CHASE.key else "AMAZON REFUND",
            reference=reference,
        )
    )


def _last_days(story: Story, n: int) -> date:
    return max(story.start, story.end - timedelta(days=story.rng.randint(0, n)))


def _closed_order(story: Story) -> None:
    day = _last_days(story, 25)
    at = story.moment(day, "20:00", "23:00")
    story.book.add(
        Draft(
            account=ALIPAY.key,
            at=at,
            amount=Money(-25_900, "CNY"),
            payee="淘宝",
            kind="商品",
            memo="淘宝-落地灯 (交易关闭)",
            reference=story.ids.alipay(at),
            status=TxStatus.CLOSED,
            category="网购",
            funding="余额",
            counterpart_ref=story.ids.taobao_order(at),
        )
    )


def _pending(story: Story) -> None:
    day = _last_days(story, 2)
    at = story.moment(day, "09:00", "12:00")
    story.book.add(
        Draft(
            account=ALIPAY.key,
            at=at,
            amount=Money(-18_800, "CNY"),
            payee="淘宝",
            kind="商品",
            memo="淘宝-登山包 等待确认收货",
            reference=story.ids.alipay(at),
            status=TxStatus.PENDING,
            category="网购",
            funding="余额",
            counterpart_ref=story.ids.taobao_order(at),
        )
    )
    day = _last_days(story, 1)
    story.book.add(
        Draft(
            account=CHASE.key,
            at=story.moment(day, "08:00", "11:00"),
            amount=Money(-6_499, "USD"),
            payee="Amazon",
            kind="DEBIT",
            memo="AMAZON MKTPL*PENDING",
            status=TxStatus.PENDING,
            category="Shopping",
        )
    )


def _scam(story: Story, plan: Plan) -> None:
    # A caller posing as the police talked the user into "protecting" the savings.
    at = datetime.combine(plan.scam_day, time(0, 37, story.rng.randint(0, 59)))
    row = story.book.add(
        Draft(
            account=BANK.key,
            at=at,
            amount=Money(-2_000_000, "CNY"),
            payee="陈明",
            payee_account="6230580000123456789",
            kind="转账汇款",
            memo="转入安全账户 配合调查",
            reference=story.ids.bank(at),
            category="转账",
        )
    )
    story.book.plant(AnomalyKind.SCAM_PATTERN, row)
