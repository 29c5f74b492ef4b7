"""Keep a recovery case's stored reminders in step with its rules and its timeline."""

from __future__ import annotations

from datetime import datetime

from okguard.domain.case import Case
from okguard.recovery import case_deadlines, reminders_for, rules_for
from okguard.storage.database import Database
from okguard.storage.repos import reminders as reminder_repo
from okguard.storage.repos.anomalies import encode_params


def sync_case_reminders(
    db: Database, case: Case, now: datetime, *, contact_logged: bool = False
) -> None:
    """Make the stored reminders of ``case`` match what the rules ask for now.

    Existing reminders are never duplicated (same kind, title and parameters). A logged
    contact replaces the "follow up" nudge, which then counts from that contact; a
    closed case has nothing left to remind of."""
    assert case.id is not None
    stored = [r for r in reminder_repo.open_reminders(db) if r.case_id == case.id]
    if case.status.is_closed:
        for r in stored:
            reminder_repo.complete(db, r.id)
        return
    bundle = rules_for(case.type, case.jurisdiction, case.provider or None)
    specs = reminders_for(case, case_deadlines(case, bundle.deadlines, now.date()), now)
    nudges = {(s.kind.value, s.title.template) for s in specs if s.deadline_id is None}
    have: set[tuple[str, str, str]] = set()
    for r in stored:
        if contact_logged and (r.kind, r.title_template) in nudges:
            reminder_repo.complete(db, r.id)
            continue
        have.add((r.kind, r.title_template, encode_params(r.title_params)))
    for spec in specs:
        key = (spec.kind.value, spec.title.template, encode_params(dict(spec.title.params)))
        if key in have:
            continue
        reminder_repo.add_reminder(
            db,
            kind=key[0],
            title_template=key[1],
            title_params=dict(spec.title.params),
            due_at=spec.due,
            case_id=case.id,
        )
        have.add(key)
