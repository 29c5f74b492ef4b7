"""Case <-> plain dict (JSON-safe), so a case or a wizard draft can be stored as text."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from okguard.domain.case import (
    Case,
    CaseEvent,
    CaseStatus,
    CaseType,
    ContactDetails,
    EventKind,
    EvidenceItem,
    Jurisdiction,
    LocalText,
    TransactionRef,
)
from okguard.domain.money import Money


def money_to_dict(money: Money | None) -> dict[str, Any] | None:
    return None if money is None else {"minor": money.minor, "currency": money.currency}


def money_from_dict(data: dict[str, Any] | None) -> Money | None:
    return None if data is None else Money(int(data["minor"]), str(data["currency"]))


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _when(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def case_to_dict(case: Case) -> dict[str, Any]:
    return {
        "id": case.id,
        "type": case.type.value,
        "jurisdiction": case.jurisdiction.value,
        "provider": case.provider,
        "status": case.status.value,
        "opened_at": case.opened_at.isoformat(),
        "transactions": [
            {
                "id": t.id,
                "occurred_at": t.occurred_at.isoformat(),
                "amount": money_to_dict(t.amount),
                "payee": t.payee,
                "reference": t.reference,
                "account_name": t.account_name,
                "payee_account": t.payee_account,
            }
            for t in case.transactions
        ],
        "events": [
            {
                "when": e.when.isoformat(),
                "kind": e.kind.value,
                "channel": e.channel,
                "reference_no": e.reference_no,
                "note": e.note,
                "contact": e.contact,
            }
            for e in case.events
        ],
        "evidence": [
            {
                "key": e.key,
                "label": {"en": e.label.en, "zh_CN": e.label.zh_CN}
                if isinstance(e.label, LocalText)
                else e.label,
                "done": e.done,
                "file_name": e.file_name,
                "sha256": e.sha256,
            }
            for e in case.evidence
        ],
        "recovered": money_to_dict(case.recovered),
        "contact": {
            "name": case.contact.name,
            "address": case.contact.address,
            "phone": case.contact.phone,
            "email": case.contact.email,
            "account_number": case.contact.account_number,
            "id_last4": case.contact.id_last4,
        },
        "statement_date": case.statement_date.isoformat() if case.statement_date else None,
        "report_date": case.report_date.isoformat() if case.report_date else None,
        "closed_at": case.closed_at.isoformat() if case.closed_at else None,
        "note": case.note,
    }


def case_from_dict(data: dict[str, Any]) -> Case:
    opened = _when(data["opened_at"])
    assert opened is not None
    return Case(
        id=data.get("id"),
        type=CaseType(data["type"]),
        jurisdiction=Jurisdiction(data["jurisdiction"]),
        provider=str(data.get("provider", "")),
        status=CaseStatus(data["status"]),
        opened_at=opened,
        transactions=tuple(
            TransactionRef(
                id=t.get("id"),
                occurred_at=datetime.fromisoformat(t["occurred_at"]),
                amount=Money(int(t["amount"]["minor"]), str(t["amount"]["currency"])),
                payee=str(t.get("payee", "")),
                reference=t.get("reference"),
                account_name=str(t.get("account_name", "")),
                payee_account=t.get("payee_account"),
            )
            for t in data.get("transactions", [])
        ),
        events=tuple(
            CaseEvent(
                when=datetime.fromisoformat(e["when"]),
                kind=EventKind(e["kind"]),
                channel=e.get("channel", ""),
                reference_no=e.get("reference_no", ""),
                note=e.get("note", ""),
                contact=e.get("contact", ""),
            )
            for e in data.get("events", [])
        ),
        evidence=tuple(
            EvidenceItem(
                key=e["key"],
                label=LocalText(**e["label"]) if isinstance(e["label"], dict) else e["label"],
                done=bool(e.get("done", False)),
                file_name=e.get("file_name"),
                sha256=e.get("sha256"),
            )
            for e in data.get("evidence", [])
        ),
        recovered=money_from_dict(data.get("recovered")),
        contact=ContactDetails(**data.get("contact", {})),
        statement_date=_day(data.get("statement_date")),
        report_date=_day(data.get("report_date")),
        closed_at=_when(data.get("closed_at")),
        note=str(data.get("note", "")),
    )
