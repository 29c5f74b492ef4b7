"""Which currency a file that names none is read in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from okguard.services.home_currency import home_currency, locale_currency, set_home_currency
from okguard.storage import Database, open_database


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "c.sqlite3")
    yield database
    database.close()


@pytest.mark.parametrize(
    ("name", "currency"),
    [("en_US.UTF-8", "USD"), ("de_DE", "EUR"), ("en_GB.UTF-8", "GBP"), ("zh_CN.UTF-8", "CNY"),
     ("zh_HK", "HKD"), ("C.UTF-8", None), ("POSIX", None), ("", None), ("en", None)],
)
def test_the_system_locale_names_the_currency_where_it_can(
    name: str, currency: str | None
) -> None:
    assert locale_currency(name) == currency


def test_the_users_choice_wins_and_bad_codes_are_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("LC_ALL", "LC_MONETARY"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert home_currency(db) == "GBP"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert home_currency(db) == "CNY"
    assert set_home_currency(db, " usd ") == "USD"
    assert home_currency(db) == "USD"
    with pytest.raises(ValueError):
        set_home_currency(db, "XYZ1")
    assert home_currency(db) == "USD"
