"""``rules_for``: one case type in one jurisdiction, with a provider overlay on top."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from okguard.domain.case import CaseType, Jurisdiction
from okguard.recovery.rule_types import RuleBundle, Source, Step
from okguard.recovery.rules import RulesError, RuleSet, _Part, load_rules

T = TypeVar("T")


def _unique(items: Iterable[T], key: Callable[[T], Hashable]) -> tuple[T, ...]:
    seen: set[Hashable] = set()
    out: list[T] = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return tuple(out)


def _steps(
    base: tuple[Step, ...], extra: tuple[Step, ...], *, extra_first: bool
) -> tuple[Step, ...]:
    """Overlay steps replace base steps with the same id; new ones go first (the
    provider's own route is the most concrete) or last (urgent moves keep base order)."""
    replaced = {s.id: s for s in extra}
    merged = [replaced.get(s.id, s) for s in base]
    new = [s for s in extra if s.id not in {b.id for b in base}]
    return _unique([*new, *merged] if extra_first else [*merged, *new], key=lambda s: s.id)


def _merge(base: _Part, top: _Part) -> _Part:
    urgent = _steps(base.urgent, top.urgent, extra_first=False)
    urgent_ids = {s.id for s in urgent}
    steps = tuple(
        s for s in _steps(base.steps, top.steps, extra_first=True) if s.id not in urgent_ids
    )
    return _Part(
        urgent=urgent,
        steps=steps,
        deadlines=_unique([*base.deadlines, *top.deadlines], key=lambda d: d.id),
        # The provider's own support is the first call to make.
        contacts=_unique([*top.contacts, *base.contacts], key=lambda c: c.who.en),
        evidence=_unique([*base.evidence, *top.evidence], key=lambda e: e.key),
        statements=_unique([*top.statements, *base.statements], key=lambda t: t.en),
        legal_basis=_unique([*base.legal_basis, *top.legal_basis], key=lambda b: b.text.en),
    )


def rules_for(
    case_type: CaseType | str,
    jurisdiction: Jurisdiction | str,
    provider: str | None = None,
    *,
    ruleset: RuleSet | None = None,
) -> RuleBundle:
    """The rules for ``case_type`` in ``jurisdiction``; ``provider`` ("Alipay", "微信支付",
    "Visa card" ...) adds the matching overlay when one exists for that jurisdiction."""
    rs = ruleset or load_rules()
    case_type = CaseType(case_type)
    jurisdiction = Jurisdiction(jurisdiction)
    try:
        part = rs.jurisdictions[jurisdiction][case_type]
    except KeyError:
        raise RulesError(f"no recovery rules for {case_type} in {jurisdiction}") from None
    overlay = rs.overlay_for(provider)
    applied: str | None = None
    if overlay is not None and jurisdiction in overlay.applies_to:
        top = overlay.parts.get(case_type)
        if top is not None:
            part = _merge(part, top)
        applied = overlay.id

    cited: list[str] = []
    for group in (part.urgent, part.steps, part.deadlines, part.contacts, part.legal_basis):
        for item in group:
            cited.extend(item.sources)
    sources: tuple[Source, ...] = tuple(rs.sources[s] for s in dict.fromkeys(cited))
    return RuleBundle(
        case_type=case_type,
        jurisdiction=jurisdiction,
        provider=applied,
        urgent=part.urgent,
        steps=part.steps,
        deadlines=part.deadlines,
        contacts=part.contacts,
        evidence=part.evidence,
        statements=part.statements,
        legal_basis=part.legal_basis,
        sources=sources,
        disclaimer=rs.disclaimer,
        provider_name=overlay.name if applied is not None and overlay is not None else None,
    )
