"""Locale-aware display of money and dates; used at the edges (CLI, GUI, letters)."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency

from okguard.domain.money import Money

LANGS = ("en", "zh_CN")
_BABEL_LOCALE = {"en": "en_US", "zh_CN": "zh_Hans_CN"}


def babel_locale(lang: str) -> str:
    return _BABEL_LOCALE.get(lang, "en_US")


def format_money(money: Money, lang: str = "en", *, signed: bool = False) -> str:
    """``¥5,500.00`` / ``-€12.30``. Unsigned by default: sentences say "paid", not "-"."""
    value = money.amount if signed else abs(money.amount)
    return str(format_currency(value, money.currency, locale=babel_locale(lang)))


def format_when(value: date | datetime, lang: str = "en", *, with_time: bool = True) -> str:
    if isinstance(value, datetime) and with_time:
        return str(format_datetime(value, "yyyy-MM-dd HH:mm", locale=babel_locale(lang)))
    day = value.date() if isinstance(value, datetime) else value
    return str(format_date(day, "yyyy-MM-dd", locale=babel_locale(lang)))
