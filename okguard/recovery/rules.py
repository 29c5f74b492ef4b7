"""Load and validate the recovery rule data (``resources/recovery/*.yaml``).

Layout: ``sources.yaml`` (id -> title, url, verified), ``common.yaml`` (disclaimer,
contact scripts), ``jurisdictions/<code>.yaml`` (per case type: urgent, steps,
deadlines, contacts, evidence, letter) and ``providers/<id>.yaml`` (overlays such as
Alipay, WeChat Pay and card chargebacks, merged on top of a jurisdiction).
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from okguard.domain.case import CaseType, Jurisdiction, LocalText
from okguard.recovery.rule_types import (
    Contact,
    ContactRole,
    CountedFrom,
    DeadlineRule,
    Duty,
    EvidenceRule,
    LegalBasis,
    PeriodUnit,
    Source,
    Step,
)
from okguard.resources import resource_path

PLACEHOLDERS = frozenset({"amount", "date", "payee", "provider", "transaction_ids"})


class RulesError(ValueError):
    """Malformed rule data; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class _Part:
    urgent: tuple[Step, ...] = ()
    steps: tuple[Step, ...] = ()
    deadlines: tuple[DeadlineRule, ...] = ()
    contacts: tuple[Contact, ...] = ()
    evidence: tuple[EvidenceRule, ...] = ()
    statements: tuple[LocalText, ...] = ()
    legal_basis: tuple[LegalBasis, ...] = ()


@dataclass(frozen=True, slots=True)
class _Overlay:
    id: str
    name: LocalText
    aliases: tuple[str, ...]
    applies_to: frozenset[Jurisdiction]
    parts: Mapping[CaseType, _Part]


class _Reader:
    """Typed access to one YAML file, raising errors that point at the bad key."""

    def __init__(self, path: Path, sources: Mapping[str, Source], common: Mapping[str, Any]):
        self.path = path
        self.sources = sources
        self.common = common

    def fail(self, key: str, expected: str) -> RulesError:
        return RulesError(f"{self.path}: {key.lstrip('.')}: {expected}")

    def get(self, node: Any, name: str, key: str) -> Any:
        if not isinstance(node, dict) or name not in node:
            raise self.fail(f"{key}.{name}" if key else name, "missing")
        return node[name]

    def items(self, node: Any, key: str) -> list[Any]:
        if node is None:
            return []
        if not isinstance(node, list):
            raise self.fail(key, "expected a list")
        return node

    def text(self, node: Any, key: str, *, placeholders: bool = False) -> LocalText:
        if not isinstance(node, dict) or not all(
            isinstance(node.get(k), str) for k in ("en", "zh_CN")
        ):
            raise self.fail(key, "expected {en: ..., zh_CN: ...} with both languages")
        for lang in ("en", "zh_CN"):
            names = {f for _, f, _, _ in string.Formatter().parse(node[lang]) if f}
            allowed = PLACEHOLDERS if placeholders else frozenset()
            if names - allowed:
                raise self.fail(
                    f"{key}.{lang}", f"unknown placeholder(s) {sorted(names - allowed)}"
                )
        return LocalText(en=node["en"], zh_CN=node["zh_CN"])

    def flag(self, node: Any, key: str) -> bool:
        value = self.get(node, "verified", key)
        if not isinstance(value, bool):
            raise self.fail(f"{key}.verified", "expected true or false")
        return value

    def source_ids(self, node: Any, key: str) -> tuple[str, ...]:
        ids = self.items(self.get(node, "sources", key), f"{key}.sources")
        if not ids:
            raise self.fail(f"{key}.sources", "every rule needs at least one source")
        for sid in ids:
            if sid not in self.sources:
                raise self.fail(f"{key}.sources", f"unknown source id {sid!r}")
        return tuple(str(s) for s in ids)

    def enum(self, kind: type[Any], node: Any, name: str, key: str) -> Any:
        value = self.get(node, name, key)
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            raise self.fail(f"{key}.{name}", f"{value!r} is not one of {allowed}") from None

    def step(self, node: Any, key: str) -> Step:
        return Step(
            id=str(self.get(node, "id", key)),
            title=self.text(self.get(node, "title", key), f"{key}.title"),
            text=self.text(self.get(node, "text", key), f"{key}.text"),
            sources=self.source_ids(node, key),
            verified=self.flag(node, key),
        )

    def deadline(self, node: Any, key: str) -> DeadlineRule:
        period = self.get(node, "period", key)
        if isinstance(period, bool) or not isinstance(period, int) or period < 0:
            raise self.fail(f"{key}.period", "expected a whole number >= 0")
        return DeadlineRule(
            id=str(self.get(node, "id", key)),
            title=self.text(self.get(node, "title", key), f"{key}.title"),
            period=period,
            unit=self.enum(PeriodUnit, node, "unit", key),
            counted_from=self.enum(CountedFrom, node, "from", key),
            duty=self.enum(Duty, node, "duty", key),
            sources=self.source_ids(node, key),
            verified=self.flag(node, key),
        )

    def contact(self, node: Any, key: str, case_type: CaseType) -> Contact:
        role: ContactRole = self.enum(ContactRole, node, "role", key)
        if "say" in node:
            say = self.text(node["say"], f"{key}.say", placeholders=True)
        elif role.value in self.common["role_scripts"]:
            say = self.common["role_scripts"][role.value]
        else:
            say = self.common["scripts"][case_type.value]
        return Contact(
            who=self.text(self.get(node, "who", key), f"{key}.who"),
            role=role,
            channel=self.text(self.get(node, "channel", key), f"{key}.channel"),
            value=self.text(self.get(node, "value", key), f"{key}.value"),
            say=say,
            sources=self.source_ids(node, key),
            verified=self.flag(node, key),
        )

    def part(self, node: Any, key: str, case_type: CaseType) -> _Part:
        if not isinstance(node, dict):
            raise self.fail(key, "expected a mapping")
        letter = node.get("letter") or {}
        return _Part(
            urgent=tuple(
                self.step(s, f"{key}.urgent[{i}]")
                for i, s in enumerate(self.items(node.get("urgent"), f"{key}.urgent"))
            ),
            steps=tuple(
                self.step(s, f"{key}.steps[{i}]")
                for i, s in enumerate(self.items(node.get("steps"), f"{key}.steps"))
            ),
            deadlines=tuple(
                self.deadline(d, f"{key}.deadlines[{i}]")
                for i, d in enumerate(self.items(node.get("deadlines"), f"{key}.deadlines"))
            ),
            contacts=tuple(
                self.contact(c, f"{key}.contacts[{i}]", case_type)
                for i, c in enumerate(self.items(node.get("contacts"), f"{key}.contacts"))
            ),
            evidence=tuple(
                EvidenceRule(
                    key=str(self.get(e, "key", f"{key}.evidence[{i}]")),
                    label=self.text(
                        self.get(e, "label", f"{key}.evidence[{i}]"), f"{key}.evidence[{i}].label"
                    ),
                )
                for i, e in enumerate(self.items(node.get("evidence"), f"{key}.evidence"))
            ),
            statements=tuple(
                self.text(s, f"{key}.letter.statements[{i}]", placeholders=True)
                for i, s in enumerate(
                    self.items(letter.get("statements"), f"{key}.letter.statements")
                )
            ),
            legal_basis=tuple(
                LegalBasis(
                    text=self.text(self.get(b, "text", k), f"{k}.text"),
                    sources=self.source_ids(b, k),
                    verified=self.flag(b, k),
                )
                for i, b in enumerate(
                    self.items(letter.get("legal_basis"), f"{key}.letter.legal_basis")
                )
                for k in [f"{key}.letter.legal_basis[{i}]"]
            ),
        )

    def case_types(self, node: Any) -> dict[CaseType, _Part]:
        raw = self.get(node, "case_types", "")
        if not isinstance(raw, dict):
            raise self.fail("case_types", "expected a mapping")
        parts: dict[CaseType, _Part] = {}
        for name, body in raw.items():
            try:
                case_type = CaseType(name)
            except ValueError:
                raise self.fail(f"case_types.{name}", "unknown case type") from None
            parts[case_type] = self.part(body, f"case_types.{name}", case_type)
        return parts


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: not valid YAML: {exc}") from exc


@dataclass(frozen=True, slots=True)
class RuleSet:
    sources: Mapping[str, Source]
    disclaimer: LocalText
    jurisdictions: Mapping[Jurisdiction, Mapping[CaseType, _Part]]
    overlays: tuple[_Overlay, ...]

    def overlay_for(self, provider: str | None) -> _Overlay | None:
        needle = (provider or "").strip().casefold()
        if not needle:
            return None
        for overlay in self.overlays:
            if needle == overlay.id or any(alias in needle for alias in overlay.aliases):
                return overlay
        return None  # a bank with no overlay of its own: the jurisdiction's rules apply


def load_rules(folder: Path | None = None) -> RuleSet:
    """Read every rule file under ``folder`` (default: the bundled resources)."""
    return _load(folder or resource_path("recovery"))


@lru_cache(maxsize=4)
def _load(folder: Path) -> RuleSet:
    src_path = folder / "sources.yaml"
    raw_sources = _read_yaml(src_path)
    if not isinstance(raw_sources, dict) or not isinstance(raw_sources.get("sources"), dict):
        raise RulesError(f"{src_path}: sources: expected a mapping of source ids")
    sources: dict[str, Source] = {}
    for sid, body in raw_sources["sources"].items():
        if (
            not isinstance(body, dict)
            or not isinstance(body.get("verified"), bool)
            or "title" not in body
        ):
            raise RulesError(f"{src_path}: sources.{sid}: expected title, url and verified")
        sources[str(sid)] = Source(str(sid), str(body["title"]), body.get("url"), body["verified"])

    common_path = folder / "common.yaml"
    raw_common = _read_yaml(common_path)
    reader = _Reader(common_path, sources, {})
    scripts = reader.get(raw_common, "scripts", "")
    roles = reader.get(raw_common, "role_scripts", "")
    common = {
        "scripts": {
            ct.value: reader.text(
                reader.get(scripts, ct.value, "scripts"), f"scripts.{ct.value}", placeholders=True
            )
            for ct in CaseType
        },
        "role_scripts": {
            str(name): reader.text(body, f"role_scripts.{name}", placeholders=True)
            for name, body in (roles or {}).items()
        },
    }
    disclaimer = reader.text(reader.get(raw_common, "disclaimer", ""), "disclaimer")

    jurisdictions: dict[Jurisdiction, Mapping[CaseType, _Part]] = {}
    for path in sorted((folder / "jurisdictions").glob("*.yaml")):
        reader = _Reader(path, sources, common)
        node = _read_yaml(path)
        code: Jurisdiction = reader.enum(Jurisdiction, node, "jurisdiction", "")
        reader.source_ids(node, "")  # the jurisdiction's overview sources must exist too
        jurisdictions[code] = reader.case_types(node)

    overlays: list[_Overlay] = []
    for path in sorted((folder / "providers").glob("*.yaml")):
        reader = _Reader(path, sources, common)
        node = _read_yaml(path)
        overlays.append(
            _Overlay(
                id=str(reader.get(node, "provider", "")),
                name=reader.text(reader.get(node, "name", ""), "name"),
                aliases=tuple(
                    str(a).casefold() for a in reader.items(node.get("aliases"), "aliases")
                ),
                applies_to=frozenset(
                    Jurisdiction(j)
                    for j in reader.items(reader.get(node, "applies_to", ""), "applies_to")
                ),
                parts=reader.case_types(node),
            )
        )
    return RuleSet(sources, disclaimer, jurisdictions, tuple(overlays))
