"""``okguard case show``: one case as text or JSON."""

from __future__ import annotations

from typing import Any

from okguard.domain.case import (
    Case,
    CaseEvent,
    CaseStatus,
    CaseType,
    EventKind,
    LocalText,
)
from okguard.domain.formatting import format_money, format_when
from okguard.i18n import Msg
from okguard.i18n.cli_text import tr
from okguard.recovery import DeadlineStatus, RuleBundle
from okguard.services.cases import CaseView, contact_script

TYPE_NAMES = {
    CaseType.WRONG_RECIPIENT: Msg("wrong recipient"),
    CaseType.DUPLICATE: Msg("duplicate payment"),
    CaseType.WRONG_AMOUNT: Msg("wrong amount"),
    CaseType.SCAM: Msg("scam"),
    CaseType.UNAUTHORISED: Msg("unauthorised transactions"),
    CaseType.SYSTEM_ERROR: Msg("system error"),
}
STATUS_NAMES = {
    CaseStatus.OPEN: Msg("in progress"),
    CaseStatus.WAITING_PROVIDER: Msg("waiting for the provider"),
    CaseStatus.ESCALATED: Msg("escalated"),
    CaseStatus.RESOLVED: Msg("resolved"),
    CaseStatus.CLOSED_UNRECOVERED: Msg("closed, not recovered"),
}
_KIND_NAMES = {
    EventKind.CONTACT: Msg("contact"),
    EventKind.STATUS: Msg("status"),
    EventKind.EVIDENCE: Msg("evidence"),
    EventKind.NOTE: Msg("note"),
    EventKind.LETTER: Msg("letter"),
    EventKind.ESCALATION: Msg("escalation"),
}
_STATUS_BY_VALUE = {s.value: s for s in CaseStatus}

_NEEDS = {
    "statement": Msg("starts at the statement date; enter it in the wizard"),
    "report": Msg("starts when you first report it to the provider"),
    "transaction": Msg("starts at the transaction date"),
}


def _label(label: LocalText | str, lang: str) -> str:
    return label if isinstance(label, str) else label.render(lang)


def _sources(bundle: RuleBundle, ids: tuple[str, ...]) -> list[dict[str, Any]]:
    out = []
    for source_id in ids:
        try:
            src = bundle.source(source_id)
        except KeyError:
            continue
        out.append({"id": src.id, "title": src.title, "url": src.url, "verified": src.verified})
    return out


def _countdown(status: DeadlineStatus) -> Msg:
    if status.due is None:
        return _NEEDS[status.rule.counted_from.value]
    left = status.days_left or 0
    if status.overdue:
        return Msg("due {due}, passed {days} days ago", due=status.due, days=-left)
    if left == 0:
        return Msg("due today ({due})", due=status.due)
    return Msg("due {due}, {days} days left", due=status.due, days=left)


def case_json(view: CaseView, statuses: tuple[DeadlineStatus, ...], lang: str) -> dict[str, Any]:
    case, state = view.case, view.state
    bundle = state.bundle()
    lost = case.lost_amount
    return {
        "id": view.id,
        "type": case.type.value,
        "jurisdiction": case.jurisdiction.value,
        "provider": case.provider,
        "status": case.status.value,
        "step": state.step.value,
        "opened_at": case.opened_at.isoformat(),
        "closed_at": case.closed_at.isoformat() if case.closed_at else None,
        "currency": case.currency,
        "amount": lost.plain() if lost else None,
        "recovered": case.recovered.plain() if case.recovered else None,
        "from_flag": view.anomaly_key,
        "transactions": [
            {
                "id": t.id,
                "date": t.occurred_at.isoformat(),
                "amount": t.amount.plain(),
                "currency": t.amount.currency,
                "payee": t.payee,
                "reference": t.reference,
            }
            for t in case.transactions
        ],
        "urgent": [
            {
                "id": s.id,
                "title": s.title.render(lang),
                "text": s.text.render(lang),
                "done": s.id in state.urgent_done,
                "verified": s.verified,
            }
            for s in bundle.urgent
        ],
        "deadlines": [
            {
                "id": d.rule.id,
                "title": d.rule.title.render(lang),
                "duty": d.duty.value,
                "due": d.due.isoformat() if d.due else None,
                "days_left": d.days_left,
                "overdue": d.overdue,
                "needs_date": d.needs_date.value if d.needs_date else None,
                "verified": d.verified,
                "sources": _sources(bundle, d.sources),
            }
            for d in statuses
        ],
        "contacts": [
            {
                "who": c.who.render(lang),
                "role": c.role.value,
                "channel": c.channel.render(lang),
                "value": c.value.render(lang),
                "say": contact_script(case, c.say, lang),
                "verified": c.verified,
            }
            for c in bundle.contacts
        ],
        "contact_log": [_event_json(e) for e in case.events if e.kind is EventKind.CONTACT],
        "evidence": [
            {
                "key": e.key,
                "label": _label(e.label, lang),
                "done": e.done,
                "file_name": e.file_name,
                "sha256": e.sha256,
            }
            for e in case.evidence
        ],
        "timeline": [_event_json(e) for e in case.events],
        "disclaimer": bundle.disclaimer.render(lang),
    }


def _event_json(e: CaseEvent) -> dict[str, Any]:
    return {
        "when": e.when.isoformat(),
        "kind": e.kind.value,
        "channel": e.channel,
        "contact": e.contact,
        "reference": e.reference_no,
        "note": e.note,
    }


def _heading(text: str) -> None:
    print()
    print(text)


def print_case(view: CaseView, statuses: tuple[DeadlineStatus, ...], lang: str) -> None:
    case, state = view.case, view.state
    bundle = state.bundle()
    unverified = tr("[unverified]")
    print(
        Msg(
            "Case {id}: {type}, {jurisdiction}, {provider}",
            id=view.id,
            type=TYPE_NAMES[case.type],
            jurisdiction=case.jurisdiction.value,
            provider=case.provider or "-",
        ).render(lang)
    )
    print(
        Msg(
            "Status: {status}; opened {opened}",
            status=STATUS_NAMES[case.status],
            opened=case.opened_at,
        ).render(lang)
    )
    _print_money(case, lang)

    _heading(tr("Transactions"))
    for t in case.transactions:
        print(
            f"  #{t.id}  {format_when(t.occurred_at, lang)}  "
            f"{format_money(t.amount, lang, signed=True)}  {t.payee}  {t.reference or ''}"
        )

    _heading(tr("Urgent first moves"))
    for s in bundle.urgent:
        mark = "[x]" if s.id in state.urgent_done else "[ ]"
        flag = "" if s.verified else f" {unverified}"
        print(f"  {mark} {s.title.render(lang)}: {s.text.render(lang)}{flag}")

    _heading(tr("Deadlines"))
    for d in statuses:
        flag = "" if d.verified else f" {unverified}"
        print(f"  - {d.rule.title.render(lang)}: {_countdown(d).render(lang)}{flag}")
        for src in _sources(bundle, d.sources):
            mark = "" if src["verified"] else f" {unverified}"
            print(f"      {tr('source')}: {src['title']}{mark}")

    _heading(tr("Whom to contact, in this order"))
    for n, c in enumerate(bundle.contacts, start=1):
        flag = "" if c.verified else f" {unverified}"
        print(f"  {n}. {c.who.render(lang)} ({c.channel.render(lang)}: {c.value.render(lang)})")
        print(f"     {tr('say')}: {contact_script(case, c.say, lang)}{flag}")

    _heading(tr("Contact log"))
    contacts = [e for e in case.events if e.kind is EventKind.CONTACT]
    if not contacts:
        print("  " + tr("nothing logged yet: okguard case log ID --channel phone --note ..."))
    for e in contacts:
        ref = f"  #{e.reference_no}" if e.reference_no else ""
        who = f" {e.contact}" if e.contact else ""
        print(f"  {format_when(e.when, lang)}  {e.channel}{who}{ref}  {e.note}")

    _heading(tr("Evidence checklist"))
    for item in case.evidence:
        mark = "[x]" if item.done else "[ ]"
        stored = f"  ({item.file_name}, SHA-256 {item.sha256[:12]})" if item.sha256 else ""
        print(f"  {mark} {item.key}: {_label(item.label, lang)}{stored}")

    _heading(tr("Timeline"))
    for e in case.events:
        note = e.note
        if e.kind is EventKind.STATUS and note in _STATUS_BY_VALUE:
            note = STATUS_NAMES[_STATUS_BY_VALUE[note]].render(lang)
        parts = [e.channel, e.contact, f"#{e.reference_no}" if e.reference_no else "", note]
        kind = _KIND_NAMES[e.kind].render(lang)
        print(f"  {format_when(e.when, lang)}  {kind}  {'  '.join(p for p in parts if p)}")

    print()
    print(bundle.disclaimer.render(lang))


def _print_money(case: Case, lang: str) -> None:
    lost = case.lost_amount
    if lost is not None:
        print(Msg("Amount in question: {amount}", amount=lost).render(lang))
    if case.recovered is not None:
        print(Msg("Recovered: {amount}", amount=case.recovered).render(lang))
