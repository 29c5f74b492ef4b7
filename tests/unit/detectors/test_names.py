"""The name/account API shared with check-before-paying."""

from __future__ import annotations

from okguard.detectors.names import (
    NameMatch,
    account_near_miss,
    is_scam_wording,
    lookalike,
    normalise_name,
)


def test_normalise_name_ignores_case_width_and_spacing() -> None:
    assert normalise_name(" Wang  FANG ") == normalise_name("ｗａｎｇ fang") == "wang fang"


def test_lookalike_reasons() -> None:
    assert lookalike("王方", "王芳") == NameMatch("same_pinyin", 95)
    assert lookalike("Netf1ix", "Netflix") == NameMatch("homoglyph", 100)
    assert lookalike("Nеtflix", "Netflix") == NameMatch("homoglyph", 100)  # Cyrillic е
    match = lookalike("Jonathon Smith", "Jonathan Smith")
    assert match is not None and match.reason == "typo"


def test_different_names_and_same_names_are_not_lookalikes() -> None:
    assert lookalike("王刚", "王芳") is None
    assert lookalike("Mark Lee", "Mary Lee") is None
    assert lookalike("7-Eleven 1234", "7-Eleven 1235") is None
    assert lookalike("Netflix", "NETFLIX") is None


def test_account_near_miss() -> None:
    assert account_near_miss("6222 0202 0000 1235", "6222-0202-0000-1234") == "one_digit"
    assert account_near_miss("6222020200001243", "6222020200001234") == "transposed"
    assert account_near_miss("6222020200001234", "6222 0202 0000 1234") is None
    assert account_near_miss("6222020200004321", "6222020200001234") is None


def test_scam_wording() -> None:
    assert is_scam_wording("请转入安全账户配合调查") == "安全账户"
    assert is_scam_wording("Buy a Google Play card now") == "google play card"
    assert is_scam_wording("房租 3月") is None
