"""English-keyed message catalog with per-language YAML translations
(``resources/i18n/<lang>/*.yaml``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import yaml

from okguard.domain.formatting import format_money, format_when
from okguard.domain.money import Money
from okguard.resources import resource_path

_state = {"lang": "en"}


def set_default_lang(lang: str) -> None:
    _state["lang"] = lang if lang in ("en", "zh_CN") else "en"


def default_lang() -> str:
    return _state["lang"]


@lru_cache(maxsize=8)
def _catalog(lang: str) -> Mapping[str, str]:
    if lang == "en":
        return {}
    # One YAML file per area (importers.yaml, detectors.yaml, ...) so areas do not collide.
    folder = resource_path("i18n", lang)
    merged: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected a mapping of English text to translations")
        merged.update({str(k): str(v) for k, v in data.items()})
    return merged


def translate(template: str, lang: str | None = None) -> str:
    """The translation of an English template, or the template itself."""
    return _catalog(lang or default_lang()).get(template, template)


def _format_param(value: Any, lang: str) -> Any:
    if isinstance(value, Money):
        return format_money(value, lang)
    if isinstance(value, datetime):
        return format_when(value, lang)
    if isinstance(value, date):
        return format_when(value, lang, with_time=False)
    if isinstance(value, Msg):
        return value.render(lang)
    return value


@dataclass(frozen=True, slots=True)
class Msg:
    """A user-visible sentence: English template plus named parameters."""

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __init__(self, template: str, /, **params: Any) -> None:
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "params", dict(params))

    def render(self, lang: str | None = None) -> str:
        lang = lang or default_lang()
        text = translate(self.template, lang)
        values = {k: _format_param(v, lang) for k, v in self.params.items()}
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            # A broken translation must never hide the message: fall back to English.
            return self.template.format(
                **{k: _format_param(v, "en") for k, v in self.params.items()}
            )

    def __str__(self) -> str:
        return self.render()


def render(template: str, lang: str | None = None, /, **params: Any) -> str:
    return Msg(template, **params).render(lang)
