"""Every sentence the guard shows has a Chinese translation with the same placeholders."""

from __future__ import annotations

import ast
import string
from datetime import datetime
from pathlib import Path

import pytest
import yaml

import okguard.guard
from okguard.domain.limits import Limit, LimitPeriod, LimitScope
from okguard.guard.check_limits import _PERIOD_WORDS
from okguard.guard.ics import _KIND_TEXT
from okguard.guard.limits import breach_message, describe_limit
from okguard.resources import resource_path

from .factory import cny, tx

GUARD_SOURCES = sorted(Path(okguard.guard.__file__).parent.glob("*.py"))


def catalog() -> dict[str, str]:
    with resource_path("i18n", "zh_CN", "guard.yaml").open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict)
    return {str(k): str(v) for k, v in data.items()}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def msg_literals() -> set[str]:
    found: set[str] = set()
    for path in GUARD_SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "Msg" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return found


def source_strings() -> set[str]:
    return {
        node.value
        for path in GUARD_SOURCES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_translations_keep_placeholders() -> None:
    for english, chinese in catalog().items():
        assert fields(english) == fields(chinese), english
        assert chinese != english


def test_every_literal_message_is_translated() -> None:
    missing = msg_literals() - set(catalog())
    assert not missing


def test_every_table_message_is_translated() -> None:
    texts = {*(_KIND_TEXT.values()), *(_PERIOD_WORDS.values())}
    for scope in LimitScope:
        for period in LimitPeriod:
            limit = Limit(id=1, scope=scope, amount=cny("100"), period=period,
                          payee="王芳", category="餐饮", account_id=2)
            row = tx(1, datetime(2024, 3, 1), "-150", payee="王芳", category="餐饮")
            for msg in (describe_limit(limit), breach_message(limit, row, cny("150"))):
                texts.add(msg.template)
                texts.update(p.template for p in msg.params.values() if hasattr(p, "template"))
    assert not texts - set(catalog())


def test_no_stale_translations() -> None:
    # Templates split over source lines are one constant in the AST.
    stale = set(catalog()) - source_strings()
    assert not stale


@pytest.mark.parametrize("scope", list(LimitScope))
def test_limit_words_render_in_chinese(scope: LimitScope) -> None:
    limit = Limit(id=1, scope=scope, amount=cny("100"), payee="王芳", category="餐饮")
    assert describe_limit(limit).render("zh_CN") != describe_limit(limit).render("en")
