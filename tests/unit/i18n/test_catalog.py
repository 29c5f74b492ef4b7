"""Every sentence the code can show a user has a Simplified Chinese translation."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from okguard.i18n.messages import _catalog

ROOT = Path(__file__).resolve().parents[3] / "okguard"
FIELD = re.compile(r"{(\w+)[^}]*}")


def _templates() -> dict[str, str]:
    """English template -> where it is used, for Msg("...") and tr("...") literals."""
    found: dict[str, str] = {}
    for path in ROOT.rglob("*.py"):
        if "ui" in path.relative_to(ROOT).parts:  # Qt widgets use Qt's own tr()
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None)
            first = node.args[0]
            if name in ("Msg", "tr", "render") and isinstance(first, ast.Constant) and isinstance(
                first.value, str
            ):
                found.setdefault(first.value, f"{path.relative_to(ROOT.parent)}:{node.lineno}")
    return found


def test_every_template_is_translated() -> None:
    catalog = _catalog("zh_CN")
    missing = {t: where for t, where in _templates().items() if t not in catalog}
    assert not missing, "no zh_CN translation for:\n" + "\n".join(
        f"  {where}: {t!r}" for t, where in sorted(missing.items(), key=lambda kv: kv[1])
    )


@pytest.mark.parametrize("template", sorted(_templates()))
def test_translations_keep_the_placeholders(template: str) -> None:
    translated = _catalog("zh_CN").get(template)
    if translated is None:
        pytest.fail(f"missing translation: {template!r}")
    assert sorted(FIELD.findall(translated)) == sorted(FIELD.findall(template))
