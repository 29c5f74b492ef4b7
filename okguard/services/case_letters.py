"""The support letter for a case, as text, PDF or DOCX."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from okguard.i18n import Msg
from okguard.recovery import FontNotFoundError, build_letter, render_docx, render_pdf, render_text
from okguard.services.cases import CaseError, get_case, save_wizard
from okguard.storage.database import Database

LETTER_FORMATS = ("txt", "pdf", "docx")
LETTER_LANGS = ("en", "zh_CN")


def render_letter(
    db: Database,
    case_id: int,
    lang: str,
    fmt: str,
    out_path: Path | None,
    today: date,
    now: datetime | None = None,
    *,
    mask: bool = True,
) -> str:
    """Write the letter to ``out_path`` (required for pdf / docx) and return its plain
    text. Account numbers are masked unless ``mask`` is False. The wizard's letter step
    counts as done afterwards."""
    if lang not in LETTER_LANGS:
        raise CaseError(Msg("Unknown letter language {value!r}; use en or zh_CN", value=lang))
    if fmt not in LETTER_FORMATS:
        raise CaseError(Msg("Unknown letter format {value!r}; use pdf, docx or txt", value=fmt))
    if fmt != "txt" and out_path is None:
        raise CaseError(Msg("A {format} letter needs an output file (-o FILE)", format=fmt))
    view = get_case(db, case_id)
    letter = build_letter(view.case, view.state.bundle(), lang, today, mask=mask)
    text = render_text(letter)
    try:
        if out_path is not None:
            if fmt == "txt":
                out_path.write_text(text, encoding="utf-8")
            elif fmt == "pdf":
                render_pdf(letter, out_path)
            else:
                render_docx(letter, out_path)
    except FontNotFoundError as exc:
        raise CaseError(Msg("Cannot write the PDF letter: {problem}", problem=str(exc))) from exc
    except OSError as exc:
        raise CaseError(
            Msg("Cannot write {path}: {problem}", path=str(out_path), problem=exc.strerror)
        ) from exc
    when = now or datetime.now()
    note = f"{fmt} {lang}" + (f" {out_path.name}" if out_path is not None else "")
    save_wizard(db, case_id, view.state.letter_generated(when, note), when)
    return text
