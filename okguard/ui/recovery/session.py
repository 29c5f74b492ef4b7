"""The recovery UI's link to the case service. Task functions here run on the worker
thread: they get plain values, call :mod:`okguard.services.cases` and return a result
object; none of them touches a widget."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from okguard.domain.case import CaseEvent
from okguard.domain.money import Money
from okguard.domain.transaction import Transaction
from okguard.recovery import DeadlineStatus, WizardState
from okguard.services import case_letters
from okguard.services import cases as svc
from okguard.storage import Database
from okguard.storage.repos.cases import CaseSummary
from okguard.ui.workers import TaskFn


def now() -> datetime:
    """The wizard's clock (tests replace it to get fixed countdowns)."""
    return datetime.now()


def today() -> date:
    return now().date()


@dataclass(frozen=True, slots=True)
class Refused:
    """The service said no (a :class:`~okguard.services.cases.CaseError`): shown as is."""

    text: str


@dataclass(frozen=True, slots=True)
class LetterResult:
    state: WizardState
    text: str
    path: Path | None


def _guarded(fn: Callable[[], Any]) -> TaskFn:
    def run(_progress: Callable[[int], None], _cancelled: Callable[[], bool]) -> Any:
        try:
            return fn()
        except svc.CaseError as exc:
            return Refused(str(exc))

    return run


def persist(db: Database, state: WizardState, anomaly_key: str | None) -> WizardState:
    """Store the wizard as it is: a new case the first time, an update afterwards."""
    at = now()
    if state.case.id is None:
        return svc.store_case(db, state, anomaly_key, at)
    return svc.save_wizard(db, state.case.id, state, at)


def _stored(db: Database, state: WizardState, anomaly_key: str | None) -> int:
    case_id = persist(db, state, anomaly_key).case.id
    assert case_id is not None
    return case_id


# Each action first stores what the user changed on the page, then asks the service,
# so nothing typed before the click is lost when the service reloads the case.


def save_task(db: Database, state: WizardState, anomaly_key: str | None) -> TaskFn:
    return _guarded(lambda: persist(db, state, anomaly_key))


def log_contact_task(
    db: Database, state: WizardState, anomaly_key: str | None, event: CaseEvent
) -> TaskFn:
    def run() -> WizardState:
        case_id = _stored(db, state, anomaly_key)
        return svc.log_contact(db, case_id, event, now())

    return _guarded(run)


def attach_task(
    db: Database, state: WizardState, anomaly_key: str | None, key: str, path: Path, label: str
) -> TaskFn:
    def run() -> WizardState:
        case_id = _stored(db, state, anomaly_key)
        svc.attach_evidence(db, case_id, key, path, now(), label=label or None)
        return svc.get_case(db, case_id).state

    return _guarded(run)


def letter_task(
    db: Database,
    state: WizardState,
    anomaly_key: str | None,
    *,
    lang: str,
    fmt: str,
    path: Path | None,
    mask: bool,
) -> TaskFn:
    def run() -> LetterResult:
        case_id = _stored(db, state, anomaly_key)
        text = case_letters.render_letter(db, case_id, lang, fmt, path, today(), now(), mask=mask)
        return LetterResult(svc.get_case(db, case_id).state, text, path)

    return _guarded(run)


def outcome_task(
    db: Database, state: WizardState, anomaly_key: str | None, recovered: Money | None
) -> TaskFn:
    def run() -> WizardState:
        case_id = _stored(db, state, anomaly_key)
        return svc.set_outcome(db, case_id, recovered, now())

    return _guarded(run)


def refund_task(db: Database, case_id: int, tx_id: int) -> TaskFn:
    return _guarded(lambda: svc.resolve_with_refund(db, case_id, tx_id, now()))


def refunds_lookup_task(db: Database, case_id: int) -> TaskFn:
    def run() -> list[Transaction]:
        return svc.refund_candidates(db, case_id)

    return _guarded(run)


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One line of the Cases page."""

    summary: CaseSummary
    lost: Money | None
    next_deadline: DeadlineStatus | None
    refund: Transaction | None  # an incoming payment that looks like the money back


def next_deadline(statuses: tuple[DeadlineStatus, ...]) -> DeadlineStatus | None:
    """The soonest deadline still ahead; when all have passed, the latest one passed."""
    upcoming = [s for s in statuses if s.due is not None and not s.overdue]
    if upcoming:
        return upcoming[0]
    passed = [s for s in statuses if s.overdue]
    return passed[-1] if passed else None


def load_rows_task(db: Database, day: date) -> TaskFn:
    def run() -> list[CaseRow]:
        rows = []
        for summary in svc.list_cases(db):
            view = svc.get_case(db, summary.id)
            closed = summary.status.is_closed
            statuses = () if closed else svc.deadlines(view, day)
            refunds = [] if closed else svc.refund_candidates(db, summary.id)
            rows.append(
                CaseRow(
                    summary,
                    view.case.lost_amount,
                    next_deadline(statuses),
                    refunds[0] if refunds else None,
                )
            )
        return rows

    return _guarded(run)
