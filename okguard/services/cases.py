"""Recovery cases as use cases: open, resume, log contacts, attach evidence, close,
spot the refund, write the letter. Shared by the command line and the desktop app.

Every change goes through the stored wizard state (see ``storage.repos.cases``) and
then re-syncs the case's reminders, so the follow-ups never depend on which screen or
command made the change.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from platformdirs import user_data_dir

from okguard.domain.case import (
    Case,
    CaseEvent,
    CaseType,
    EventKind,
    EvidenceItem,
    Jurisdiction,
    LocalText,
    TransactionRef,
)
from okguard.domain.formatting import format_money, format_when
from okguard.domain.money import Money
from okguard.domain.transaction import Direction, Transaction
from okguard.i18n import Msg
from okguard.recovery import (
    DeadlineStatus,
    WizardState,
    attach_file,
    case_deadlines,
    match_refund,
    prefill_from_anomaly,
    start_wizard,
)
from okguard.recovery.evidence import custom_item
from okguard.services.case_reminders import sync_case_reminders
from okguard.storage.database import Database, default_db_path
from okguard.storage.repos import anomalies as anomaly_repo
from okguard.storage.repos import cases as case_repo
from okguard.storage.repos import transactions as tx_repo
from okguard.storage.repos.cases import CaseSummary

# A case without --jurisdiction is most likely where its money is.
_HOME_BY_CURRENCY = {
    "CNY": Jurisdiction.CN,
    "USD": Jurisdiction.US,
    "GBP": Jurisdiction.UK,
    "EUR": Jurisdiction.EU,
    "HKD": Jurisdiction.HK,
}


class CaseError(ValueError):
    """Something the user asked for cannot be done; ``message`` says what and why."""

    def __init__(self, message: Msg):
        super().__init__(message.template)
        self.message = message

    def __str__(self) -> str:
        return self.message.render()


@dataclasses.dataclass(frozen=True, slots=True)
class CaseView:
    id: int
    state: WizardState
    anomaly_key: str | None

    @property
    def case(self) -> Case:
        return self.state.case


def _ids_text(ids: Sequence[int]) -> str:
    return ", ".join(str(i) for i in ids)


def parse_case_type(value: CaseType | str) -> CaseType:
    try:
        return CaseType(str(value).strip().lower())
    except ValueError:
        raise CaseError(
            Msg(
                "Unknown case type {value!r}; use one of {choices}",
                value=str(value),
                choices=", ".join(t.value for t in CaseType),
            )
        ) from None


def parse_jurisdiction(value: Jurisdiction | str) -> Jurisdiction:
    try:
        return Jurisdiction(str(value).strip().upper())
    except ValueError:
        raise CaseError(
            Msg(
                "Unknown jurisdiction {value!r}; use one of {choices}",
                value=str(value),
                choices=", ".join(j.value for j in Jurisdiction),
            )
        ) from None


def case_folder(db: Database, case_id: int) -> Path:
    """Where a case's attached files live: beside the database it belongs to, or in the
    user data folder for the default database."""
    if db.path.resolve() == default_db_path().resolve():
        base = Path(user_data_dir("okguard", appauthor=False)) / "cases"
    else:
        base = db.path.with_name(db.path.name + ".cases")
    return base / str(case_id)


# -- opening and reading ---------------------------------------------------------------


def home_jurisdiction(currency: str | None) -> Jurisdiction:
    """Where a case is most likely handled when the user has not said: the home of its
    money (mainland China when the currency says nothing)."""
    return _HOME_BY_CURRENCY.get(currency or "", Jurisdiction.CN)


@dataclasses.dataclass(frozen=True, slots=True)
class CaseDraft:
    """A case ready to be stored: the wizard's first state and the flag it came from."""

    state: WizardState
    anomaly_key: str | None


def draft_case(
    db: Database,
    case_type: CaseType | str | None,
    transaction_ids: Sequence[int],
    jurisdiction: Jurisdiction | str | None,
    provider: str,
    now: datetime,
    anomaly_id: int | None = None,
) -> CaseDraft:
    """Everything :func:`open_case` checks and fills in, without storing anything (the
    desktop wizard stores the case once the user moves past its first page).

    With ``anomaly_id`` the flag supplies the transactions (when none are named) and the
    case type (when none is given)."""
    flag = None
    if anomaly_id is not None:
        found = anomaly_repo.list_anomalies(db, include_dismissed=True, ids=[anomaly_id])
        if not found:
            raise CaseError(Msg("No flag with id {id}", id=anomaly_id))
        flag = found[0].anomaly
    ids = list(dict.fromkeys(transaction_ids))
    if not ids and flag is not None:
        ids = list(flag.transaction_ids)
    if not ids:
        raise CaseError(Msg("Name at least one transaction for the case"))
    txs = tx_repo.get_many(db, ids)
    missing = sorted(set(ids) - {t.id for t in txs})
    if missing:
        raise CaseError(Msg("No transaction with id {ids}", ids=_ids_text(missing)))
    currencies = sorted({t.amount.currency for t in txs})
    if len(currencies) > 1:
        raise CaseError(
            Msg(
                "The transactions are in different currencies ({currencies});"
                " open one case per currency",
                currencies=", ".join(currencies),
            )
        )
    if case_type is None and flag is None:
        raise CaseError(Msg("Say what went wrong with --type"))
    where = parse_jurisdiction(jurisdiction) if jurisdiction else home_jurisdiction(currencies[0])
    refs = [TransactionRef.from_transaction(t) for t in txs]
    if flag is not None and not transaction_ids:
        state = prefill_from_anomaly(flag, refs, where, opened_at=now, provider=provider)
        if case_type is not None:
            state = state.classify(parse_case_type(case_type), where, provider)
    else:
        assert case_type is not None
        state = start_wizard(
            parse_case_type(case_type), where, opened_at=now, provider=provider, transactions=refs
        )
    return CaseDraft(state, flag.key if flag is not None else None)


def store_case(
    db: Database, state: WizardState, anomaly_key: str | None, now: datetime
) -> WizardState:
    """Store a case not stored before (its id is None) with its first reminders; returns
    the state carrying the new id."""
    if state.case.id is not None:
        raise CaseError(Msg("Case {id} is already stored", id=state.case.id))
    case_id = case_repo.insert_case(db, state.case, state.to_dict(), anomaly_key)
    stored = _with_id(state, case_id)
    sync_case_reminders(db, stored.case, now)
    return stored


def open_case(
    db: Database,
    case_type: CaseType | str | None,
    transaction_ids: Sequence[int],
    jurisdiction: Jurisdiction | str | None,
    provider: str,
    now: datetime,
    anomaly_id: int | None = None,
) -> int:
    """Store a new case and its first reminders; returns its id (see :func:`draft_case`)."""
    draft = draft_case(db, case_type, transaction_ids, jurisdiction, provider, now, anomaly_id)
    case_id = store_case(db, draft.state, draft.anomaly_key, now).case.id
    assert case_id is not None
    return case_id


def list_cases(db: Database) -> list[CaseSummary]:
    return case_repo.list_cases(db)


def _with_id(state: WizardState, case_id: int) -> WizardState:
    return dataclasses.replace(state, case=dataclasses.replace(state.case, id=case_id))


def get_case(db: Database, case_id: int) -> CaseView:
    stored = case_repo.load_case(db, case_id)
    if stored is None:
        raise CaseError(Msg("No case with id {id}", id=case_id))
    state = WizardState.from_dict(stored.wizard_state)
    return CaseView(stored.id, _with_id(state, stored.id), stored.anomaly_key)


def deadlines(view: CaseView, today: date) -> tuple[DeadlineStatus, ...]:
    return case_deadlines(view.case, view.state.bundle().deadlines, today)


def contact_script(case: Case, script: LocalText, lang: str) -> str:
    """What to say to a contact, with this case's amount, date, payee and ids filled in."""
    lost = case.lost_amount
    first = case.first_transaction_date
    values = {
        "amount": format_money(lost, lang) if lost else "",
        "date": format_when(first, lang, with_time=False) if first else "",
        "payee": ", ".join(dict.fromkeys(t.payee for t in case.transactions if t.payee)),
        "provider": case.provider,
        "transaction_ids": ", ".join(
            t.reference or str(t.id or "") for t in case.transactions if t.reference or t.id
        ),
    }
    try:
        return script.render(lang).format(**values)
    except (KeyError, IndexError, ValueError):
        # Rule data with an unknown placeholder still shows, unfilled.
        return script.render(lang)


# -- changes ---------------------------------------------------------------------------


def save_wizard(
    db: Database,
    case_id: int,
    state: WizardState,
    now: datetime | None = None,
    *,
    contact_logged: bool = False,
) -> WizardState:
    """Store the wizard as it is now (the GUI calls this after every step)."""
    state = _with_id(state, case_id)
    if not case_repo.save_case(db, case_id, state.case, state.to_dict()):
        raise CaseError(Msg("No case with id {id}", id=case_id))
    sync_case_reminders(db, state.case, now or datetime.now(), contact_logged=contact_logged)
    return state


def log_contact(
    db: Database, case_id: int, event: CaseEvent, now: datetime | None = None
) -> WizardState:
    view = get_case(db, case_id)
    _refuse_closed(view)
    return save_wizard(db, case_id, view.state.log_contact(event), now, contact_logged=True)


def attach_evidence(
    db: Database,
    case_id: int,
    item_key: str,
    source_path: Path,
    now: datetime | None = None,
    *,
    label: str | None = None,
) -> EvidenceItem:
    """Copy ``source_path`` into the case folder, hash it and tick ``item_key``; with
    ``label`` an unknown key becomes the user's own checklist item."""
    view = get_case(db, case_id)
    if not source_path.is_file():
        raise CaseError(Msg("No file at {path}", path=str(source_path)))
    item = next((e for e in view.case.evidence if e.key == item_key), None)
    if item is None:
        if not label:
            raise CaseError(
                Msg(
                    "No evidence item {key!r} in case {id}; use one of {choices}"
                    " or give a --label for your own item",
                    key=item_key,
                    id=case_id,
                    choices=", ".join(e.key for e in view.case.evidence),
                )
            )
        item = custom_item(item_key, label)
    try:
        attached = attach_file(item, source_path, case_folder(db, case_id))
    except OSError as exc:
        raise CaseError(
            Msg("Cannot copy {path}: {problem}", path=str(source_path), problem=exc.strerror)
        ) from exc
    when = now or datetime.now()
    state = view.state.add_evidence(attached).add_event(
        CaseEvent(when, EventKind.EVIDENCE, note=attached.file_name or "")
    )
    save_wizard(db, case_id, state, when)
    return attached


def _refuse_closed(view: CaseView) -> None:
    if view.case.status.is_closed:
        raise CaseError(Msg("Case {id} is already closed", id=view.id))


def set_outcome(
    db: Database, case_id: int, recovered: Money | None, now: datetime | None = None
) -> WizardState:
    """Close the case: resolved when any money came back, otherwise unrecovered."""
    view = get_case(db, case_id)
    _refuse_closed(view)
    currency = view.case.currency
    if recovered is not None and currency is not None and recovered.currency != currency:
        raise CaseError(
            Msg(
                "The recovered amount must be in the case currency ({currency})",
                currency=currency,
            )
        )
    when = now or datetime.now()
    return save_wizard(db, case_id, view.state.close(when, recovered), when)


# -- refunds ---------------------------------------------------------------------------


def refund_candidates(db: Database, case_id: int) -> list[Transaction]:
    """Incoming payments since the case opened that look like the money coming back."""
    case = get_case(db, case_id).case
    if case.currency is None or case.status.is_closed:
        return []
    own = {t.id for t in case.transactions}
    ids = case_repo.incoming_transaction_ids(
        db, currency=case.currency, since=case.opened_at.date()
    )
    txs = tx_repo.get_many(db, [i for i in ids if i not in own])
    return [t for t in txs if match_refund(case, [t]) is not None]


def resolve_with_refund(
    db: Database, case_id: int, tx_id: int, now: datetime | None = None
) -> WizardState:
    """The user confirms ``tx_id`` is the money back: record it and close as resolved."""
    view = get_case(db, case_id)
    _refuse_closed(view)
    found = tx_repo.get_many(db, [tx_id])
    if not found:
        raise CaseError(Msg("No transaction with id {ids}", ids=str(tx_id)))
    tx = found[0]
    currency = view.case.currency
    if tx.direction is not Direction.IN or tx.amount.currency != currency:
        raise CaseError(
            Msg(
                "Transaction {id} is not money coming back in {currency}",
                id=tx_id,
                currency=currency or "?",
            )
        )
    got = abs(tx.amount)
    if view.case.recovered is not None:
        got = Money(got.minor + view.case.recovered.minor, got.currency)
    when = now or datetime.now()
    note = Msg("Refund received: transaction {id}, {amount}", id=tx_id, amount=abs(tx.amount))
    state = view.state.add_event(
        CaseEvent(when, EventKind.NOTE, reference_no=tx.reference or "", note=note.render())
    )
    return save_wizard(db, case_id, state.close(when, got), when)
