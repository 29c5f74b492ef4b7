"""Exact money: integer minor units plus an ISO 4217 code. Never float."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel.numbers import UnknownCurrencyError, get_currency_precision


class MoneyError(ValueError):
    """An amount that cannot be represented exactly in its currency."""


@lru_cache(maxsize=512)
def currency_exponent(currency: str) -> int:
    """Digits after the decimal point for ``currency`` (2 for CNY, 0 for JPY, 3 for KWD)."""
    if len(currency) != 3 or not currency.isalpha() or not currency.isupper():
        raise MoneyError(f"{currency!r} is not an ISO 4217 currency code")
    try:
        return int(get_currency_precision(currency))
    except UnknownCurrencyError:
        return 2


def to_minor(amount: Decimal, currency: str) -> int:
    """Convert an exact decimal amount to minor units, refusing to round."""
    if not isinstance(amount, Decimal):
        raise TypeError(f"amount must be Decimal, not {type(amount).__name__}")
    if not amount.is_finite():
        raise MoneyError(f"{amount} is not a finite amount")
    exponent = currency_exponent(currency)
    try:
        scaled = amount.scaleb(exponent)
        minor = scaled.to_integral_value()
    except InvalidOperation as exc:  # pragma: no cover - Decimal context overflow
        raise MoneyError(f"{amount} is too large") from exc
    if minor != scaled:
        raise MoneyError(f"{amount} has more decimal places than {currency} allows ({exponent})")
    return int(minor)


@dataclass(frozen=True, slots=True)
class Money:
    """A signed amount in integer minor units. Outflows are negative."""

    minor: int
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.minor, bool) or not isinstance(self.minor, int):
            raise TypeError(f"Money.minor must be int, not {type(self.minor).__name__}")
        currency_exponent(self.currency)

    @classmethod
    def of(cls, amount: Decimal | str | int, currency: str) -> Money:
        """Build from a Decimal, an exact decimal string or a whole number of major units."""
        if isinstance(amount, float):
            raise TypeError("Money refuses float amounts; pass Decimal or str")
        if isinstance(amount, str):
            try:
                amount = Decimal(amount)
            except InvalidOperation as exc:
                raise MoneyError(f"{amount!r} is not a number") from exc
        if isinstance(amount, int):
            amount = Decimal(amount)
        return cls(to_minor(amount, currency), currency)

    @property
    def amount(self) -> Decimal:
        return Decimal(self.minor).scaleb(-currency_exponent(self.currency))

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __abs__(self) -> Money:
        return Money(abs(self.minor), self.currency)

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise MoneyError(f"cannot combine {self.currency} with {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor < other.minor

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.minor <= other.minor

    def __gt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor > other.minor

    def __ge__(self, other: Money) -> bool:
        self._same(other)
        return self.minor >= other.minor

    @property
    def is_outflow(self) -> bool:
        return self.minor < 0

    def plain(self) -> str:
        """Signed decimal string with the currency's places, e.g. ``-5500.00``."""
        return f"{self.amount:f}"

    def __str__(self) -> str:
        return f"{self.plain()} {self.currency}"
