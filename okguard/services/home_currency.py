"""The currency of files that do not say which: the user's choice, else the one of the
system's locale (en_US -> USD, de_DE -> EUR), else CNY."""

from __future__ import annotations

import os

from babel.core import Locale, UnknownLocaleError
from babel.numbers import get_territory_currencies, is_currency

from okguard.storage.database import Database
from okguard.storage.repos import settings

SETTING_KEY = "import.default_currency"
FALLBACK = "CNY"
# Offered first in the Settings list; any ISO 4217 code can be stored.
COMMON = ("CNY", "USD", "EUR", "GBP", "HKD", "JPY", "CAD", "AUD", "SGD", "CHF", "TWD", "KRW")


def locale_currency(locale_name: str | None = None) -> str | None:
    """The currency of the locale's territory, or None when the locale says nothing."""
    name = locale_name if locale_name is not None else _environment_locale()
    # The bare C/POSIX locale of servers and containers says nothing about where the
    # user banks.
    if not name or name.split(".")[0] in ("C", "POSIX", "en_US_POSIX"):
        return None
    try:
        territory = Locale.parse(name.split(".")[0]).territory
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    found = get_territory_currencies(territory) if territory else []
    return str(found[0]) if found else None


def _environment_locale() -> str | None:
    # Not LC_CTYPE: Python itself sets it to C.UTF-8 when the user's locale is missing.
    for variable in ("LC_ALL", "LC_MONETARY", "LANG"):
        value = os.environ.get(variable, "")
        if value and value.split(".")[0] not in ("C", "POSIX"):
            return value
    return None


def home_currency(db: Database) -> str:
    stored = settings.get_setting(db, SETTING_KEY)
    if isinstance(stored, str) and is_currency(stored):
        return stored
    return locale_currency() or FALLBACK


def set_home_currency(db: Database, code: str) -> str:
    code = code.strip().upper()
    if not is_currency(code):
        raise ValueError(f"{code!r} is not an ISO 4217 currency code")
    settings.set_setting(db, SETTING_KEY, code)
    return code
