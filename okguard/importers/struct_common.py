"""Small pieces the structured importers (OFX, QIF, CAMT, MT940) share."""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal, InvalidOperation

from okguard.domain.money import Money, MoneyError, currency_exponent
from okguard.i18n import Msg


class BadRecord(Exception):
    """A record that cannot become a transaction; becomes a RowRejection."""

    def __init__(self, reason: Msg) -> None:
        super().__init__(reason.render("en"))
        self.reason = reason


def parse_decimal(text: str | None) -> Decimal:
    """An amount as banks write it: '+1,234.50', '-20', '1.234,50', '12,5'."""
    raw = (text or "").strip().replace(" ", "").replace("\u00a0", "").replace("'", "")
    if not raw:
        raise BadRecord(Msg("The amount is missing"))
    if "," in raw and "." in raw:
        # Whichever separator comes last is the decimal point.
        raw = (
            raw.replace(".", "").replace(",", ".")
            if raw.rfind(",") > raw.rfind(".")
            else raw.replace(",", "")
        )
    elif raw.count(",") == 1 and len(raw.rsplit(",", 1)[1]) != 3:
        raw = raw.replace(",", ".")
    elif "," in raw:
        raw = raw.replace(",", "")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise BadRecord(Msg("{amount!r} is not an amount", amount=(text or "").strip())) from None
    if not value.is_finite():
        raise BadRecord(Msg("{amount!r} is not an amount", amount=(text or "").strip()))
    return value


def currency_code(text: str | None, fallback: str) -> str:
    code = (text or "").strip().upper()
    if not code:
        return fallback
    try:
        currency_exponent(code)
    except MoneyError:
        raise BadRecord(Msg("{currency!r} is not a currency code", currency=code)) from None
    return code


def make_money(value: Decimal, currency: str) -> Money:
    """Money from an exact Decimal; trailing zeros beyond the currency's digits are fine."""
    try:
        exponent = currency_exponent(currency)
        digits = value.as_tuple().exponent
        if isinstance(digits, int) and digits < -exponent:
            quantized = value.quantize(Decimal(1).scaleb(-exponent))
            if quantized == value:
                value = quantized
        return Money.of(value, currency)
    except (MoneyError, InvalidOperation):
        raise BadRecord(
            Msg(
                "{amount} has more decimal places than {currency} allows",
                amount=str(value),
                currency=currency,
            )
        ) from None


def parse_money(text: str | None, currency: str) -> Money:
    return make_money(parse_decimal(text), currency)


class LineIndex:
    """Maps character offsets of a text to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_of(self, offset: int) -> int:
        return bisect_right(self._starts, offset)
