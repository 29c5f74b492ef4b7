"""The demo persona's accounts and the shared state every part of the story uses."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from okguard.demo.history import Draft, HistoryBuilder
from okguard.demo.ids import ReferenceMaker
from okguard.domain.money import Money
from okguard.domain.transaction import StatementAccount

BANK = StatementAccount(
    key="6214********8848",
    name="招商银行储蓄卡",
    currency="CNY",
    institution="招商银行",
    kind="checking",
)
ALIPAY = StatementAccount(
    key="138****6789",
    name="Alipay 支付宝",
    currency="CNY",
    institution="Alipay",
    kind="wallet",
)
WECHAT = StatementAccount(
    key="wxid_demo8848",
    name="WeChat Pay 微信支付",
    currency="CNY",
    institution="WeChat Pay",
    kind="wallet",
)
CHASE = StatementAccount(
    key="****4321",
    name="Chase Checking",
    currency="USD",
    institution="Chase",
    kind="checking",
)
ACCOUNTS = (BANK, ALIPAY, WECHAT, CHASE)

CARD_FUNDING = "招商银行储蓄卡(8848)"
_WALLET_BALANCE = {ALIPAY.key: "余额", WECHAT.key: "零钱"}
# How the card statement names a payment that went through each wallet.
_BANK_PREFIX = {ALIPAY.key: "支付宝", WECHAT.key: "财付通"}
CARD_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class Plan:
    """Where the deliberate mistakes go, decided before the routine is written."""

    double_rent_month: date
    lookalike_month: date
    phone_shift_month: date
    scam_day: date
    price_rise_from: date


class Story:
    def __init__(self, *, seed: int, start: date, end: date, scale: int) -> None:
        self.rng = random.Random(seed)
        self.ids = ReferenceMaker(self.rng)
        self.book = HistoryBuilder()
        self.start = start
        self.end = end
        self.scale = scale
        # Card-funded amounts recently used, so each card/wallet pair is unambiguous.
        self._card_amounts: dict[int, date] = {}

    # --- calendar -------------------------------------------------------------

    def days(self) -> Iterator[date]:
        day = self.start
        while day <= self.end:
            yield day
            day += timedelta(days=1)

    def months(self) -> Iterator[date]:
        month = self.start.replace(day=1)
        while month <= self.end:
            yield month
            month += relativedelta(months=1)

    def in_window(self, day: date) -> bool:
        return self.start <= day <= self.end

    def moment(self, day: date, earliest: str, latest: str) -> datetime:
        """A random second between two ``HH:MM`` times on ``day``."""
        lo = _seconds(earliest)
        hi = _seconds(latest)
        s = self.rng.randint(lo, hi)
        return datetime.combine(day, time(s // 3600, s // 60 % 60, s % 60))

    # --- amounts --------------------------------------------------------------

    def price(self, currency: str, lo: str, hi: str, step: int = 10) -> Money:
        """A random outflow between two major-unit amounts, in steps of ``step`` minor units."""
        lo_minor = Money.of(lo, currency).minor
        hi_minor = Money.of(hi, currency).minor
        minor = self.rng.randrange(lo_minor, hi_minor + 1, step)
        return Money(-minor, currency)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # --- rows -----------------------------------------------------------------

    def wallet_payment(
        self,
        wallet: StatementAccount,
        at: datetime,
        amount: Money,
        payee: str,
        *,
        kind: str,
        category: str,
        memo: str = "",
        card_share: float = CARD_SHARE,
        counterpart_ref: str | None = None,
    ) -> Draft:
        """A wallet payment; sometimes funded by the bank card, which then shows it too."""
        by_card = self.chance(card_share) and self._card_amount_free(amount, at.date())
        reference = self.ids.alipay(at) if wallet is ALIPAY else self.ids.wechat(at)
        draft = self.book.add(
            Draft(
                account=wallet.key,
                at=at,
                amount=amount,
                payee=payee,
                kind=kind,
                memo=memo,
                reference=reference,
                category=category,
                funding=CARD_FUNDING if by_card else _WALLET_BALANCE[wallet.key],
                counterpart_ref=counterpart_ref,
            )
        )
        if by_card:
            self._card_amounts[amount.minor] = at.date()
            posted = min(
                at + timedelta(seconds=self.rng.randint(0, 4)),
                datetime.combine(at.date(), time(23, 59, 59)),
            )
            card_row = self.book.add(
                Draft(
                    account=BANK.key,
                    at=posted,
                    amount=amount,
                    payee=f"{_BANK_PREFIX[wallet.key]}-{payee}",
                    kind="快捷支付",
                    memo=memo,
                    # Card statements often carry no id for these: fingerprinting must cope.
                    reference=None,
                )
            )
            self.book.pair(draft, card_row)
        return draft

    def _card_amount_free(self, amount: Money, day: date) -> bool:
        last = self._card_amounts.get(amount.minor)
        return last is None or abs((day - last).days) > 3


def _seconds(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 3600 + int(minutes) * 60
