"""Provider transaction ids that look like the real ones and never repeat."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime


class ReferenceMaker:
    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._seen: set[str] = set()

    def _digits(self, n: int) -> str:
        return f"{self._rng.randrange(10**n):0{n}d}"

    def _unique(self, make: Callable[[], str]) -> str:
        while True:
            ref = make()
            if ref not in self._seen:
                self._seen.add(ref)
                return ref

    def alipay(self, at: datetime) -> str:
        """28 digits: trade date, ``2200``, 16 digits (支付宝交易号)."""
        return self._unique(lambda: f"{at:%Y%m%d}2200{self._digits(16)}")

    def alipay_transfer(self, at: datetime) -> str:
        return self._unique(lambda: f"{at:%Y%m%d}2000{self._digits(16)}")

    def taobao_order(self, at: datetime) -> str:
        """The merchant's order number (商家订单号) that a refund repeats."""
        return self._unique(lambda: f"T200P{at:%Y%m%d}{self._digits(11)}")

    def wechat(self, at: datetime) -> str:
        """28 digits starting ``4200`` (微信支付交易单号)."""
        return self._unique(lambda: f"42000{self._digits(5)}{at:%Y%m%d}{self._digits(10)}")

    def wechat_transfer(self, at: datetime) -> str:
        """Red packets and transfers use the ``1000…`` series."""
        return self._unique(lambda: f"10000{self._digits(5)}{at:%y%m%d}{self._digits(12)}")

    def bank(self, at: datetime) -> str:
        return self._unique(lambda: f"{at:%Y%m%d}{self._digits(12)}")

    def card(self, at: datetime) -> str:
        """Chase-style FITID."""
        return self._unique(lambda: f"{at:%Y%m%d}{self._digits(6)}")
