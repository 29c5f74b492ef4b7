"""Recovery core: rules, deadlines, wizard, follow-ups and letters. Plain Python.

API for the storage / CLI / GUI layers:

Rules (data in ``resources/recovery/``; see :mod:`okguard.recovery.rules`)
    ``rules_for(case_type, jurisdiction, provider=None) -> RuleBundle`` with ``urgent``,
    ``steps``, ``deadlines``, ``contacts`` (+ ``escalation``), ``evidence``,
    ``statements``, ``legal_basis``, ``sources`` (each with ``verified``) and
    ``disclaimer``. Texts are :class:`~okguard.domain.case.LocalText` (``.render(lang)``).
    Malformed data raises :class:`RulesError` naming the file and the key.
Deadlines
    ``case_deadlines(case, bundle.deadlines, today) -> tuple[DeadlineStatus]`` (due date,
    ``days_left``, ``overdue``, ``duty``, ``sources``, ``verified``; ``needs_date`` when
    the statement/report date is still missing). ``add_business_days``, ``is_business_day``.
Wizard
    ``start_wizard(...)`` / ``prefill_from_anomaly(anomaly, refs, jurisdiction, ...)`` ->
    immutable :class:`WizardState`; ``next()``, ``back()``, ``can_advance()``,
    ``blockers()`` (Msg reasons); edits return new states; ``to_dict()`` /
    ``WizardState.from_dict()`` for storage. ``case_to_dict`` / ``case_from_dict`` for a
    bare :class:`~okguard.domain.case.Case`.
Evidence
    ``attach_file(item, source_path, case_folder) -> EvidenceItem`` (copy + sha256; the
    caller chooses the folder), then ``state.add_evidence(item)``.
Follow-up
    ``reminders_for(case, deadline_statuses, now) -> list[ReminderSpec]`` (kinds
    ``case_followup`` / ``recovery_deadline``); ``match_refund(case, incoming)``.
Letters
    ``build_letter(case, bundle, lang, today, mask=True) -> LetterContent``;
    ``render_text``, ``render_pdf(letter, path)``, ``render_docx(letter, path)``.
    ``render_pdf`` raises :class:`FontNotFoundError` (says what to install) without a
    CJK font.
"""

from okguard.recovery.bundle import rules_for
from okguard.recovery.case_codec import case_from_dict, case_to_dict
from okguard.recovery.deadlines import (
    DeadlineStatus,
    add_business_days,
    case_deadlines,
    is_business_day,
)
from okguard.recovery.evidence import attach_file
from okguard.recovery.followup import ReminderKind, ReminderSpec, match_refund, reminders_for
from okguard.recovery.fonts import FontNotFoundError, find_cjk_font
from okguard.recovery.letter import LetterContent, build_letter, render_text
from okguard.recovery.letter_docx import render_docx
from okguard.recovery.letter_pdf import render_pdf
from okguard.recovery.rule_types import RuleBundle
from okguard.recovery.rules import RulesError, load_rules
from okguard.recovery.wizard import (
    WizardError,
    WizardState,
    WizardStep,
    prefill_from_anomaly,
    start_wizard,
)

__all__ = [
    "DeadlineStatus",
    "FontNotFoundError",
    "LetterContent",
    "ReminderKind",
    "ReminderSpec",
    "RuleBundle",
    "RulesError",
    "WizardError",
    "WizardState",
    "WizardStep",
    "add_business_days",
    "attach_file",
    "build_letter",
    "case_deadlines",
    "case_from_dict",
    "case_to_dict",
    "find_cjk_font",
    "is_business_day",
    "load_rules",
    "match_refund",
    "prefill_from_anomaly",
    "reminders_for",
    "render_docx",
    "render_pdf",
    "render_text",
    "rules_for",
    "start_wizard",
]
