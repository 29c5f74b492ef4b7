"""Letters. Golden files: tests/unit/recovery/golden/. After an intended wording change,
regenerate them with
    OKGUARD_REGEN_GOLDEN=1 /tmp/venv/bin/pytest -q tests/unit/recovery/test_letter.py
and read the diff before committing."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from okguard.recovery import build_letter, render_docx, render_pdf, render_text
from okguard.recovery.fonts import find_cjk_font
from okguard.recovery.wizard import WizardState

GOLDEN = Path(__file__).parent / "golden"
TODAY = date(2024, 2, 9)


def letter_text(state: WizardState, lang: str) -> str:
    return render_text(build_letter(state.case, state.bundle(), lang, TODAY))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_text_letter_matches_golden(cn_state: WizardState, lang: str) -> None:
    text = letter_text(cn_state, lang)
    golden = GOLDEN / f"cn_wrong_recipient_alipay.{lang}.txt"
    if os.environ.get("OKGUARD_REGEN_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_letter_masks_accounts_unless_asked(cn_state: WizardState) -> None:
    masked = letter_text(cn_state, "en")
    assert "6222 **** **** 1234" in masked and "6222021234561234" not in masked
    assert "6222029876544321" not in masked
    plain = render_text(build_letter(cn_state.case, cn_state.bundle(), "en", TODAY, mask=False))
    assert "6222021234561234" in plain


def test_docx_has_transactions_table_with_masked_account(
    cn_state: WizardState, tmp_path: Path
) -> None:
    for lang, header in (("en", "Transaction ID"), ("zh_CN", "交易单号")):
        path = render_docx(
            build_letter(cn_state.case, cn_state.bundle(), lang, TODAY), tmp_path / f"l.{lang}.docx"
        )
        doc = Document(str(path))
        table = doc.tables[0]
        assert [c.text for c in table.rows[0].cells][-1] == header
        row = [c.text for c in table.rows[1].cells]
        assert row[0] == "2024-02-08" and row[1] == "21:14"
        assert "5,500.00" in row[2] and row[3] == "张三 (6222 **** **** 1234)"
        assert row[4] == "2024020822001400001234567890"
        fonts = doc.styles["Normal"].element.rPr.rFonts
        assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed"
)
@pytest.mark.parametrize(("lang", "words"), [("en", "What happened"), ("zh_CN", "事情经过")])
def test_pdf_text_layer_has_amount_id_and_dates(
    cn_state: WizardState, tmp_path: Path, lang: str, words: str
) -> None:
    try:
        find_cjk_font()
    except RuntimeError as exc:
        pytest.skip(str(exc))
    path = render_pdf(
        build_letter(cn_state.case, cn_state.bundle(), lang, TODAY), tmp_path / "l.pdf"
    )
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for needle in (
        words,
        "5,500.00",
        "2024020822001400001234567890",
        "2024-02-08",
        "2024-02-09",
        "张三",
    ):
        assert needle in text, needle
    assert "6222021234561234" not in text


def _golden_lines(lang: str) -> list[str]:
    """The golden letter as content: bullets, table pipes and spacing are layout, which
    each format draws its own way."""
    text = (GOLDEN / f"cn_wrong_recipient_alipay.{lang}.txt").read_text(encoding="utf-8")
    cells = [part for line in text.splitlines() for part in line.split(" | ")]
    return [_squash(c.removeprefix("- ")) for c in cells if _squash(c) not in ("", "—")]


def _squash(text: str) -> str:
    return "".join(text.split()).replace("•", "")


def _in_order(needles: list[str], haystack: str) -> list[str]:
    """The needles missing from ``haystack`` or found out of order."""
    missing, at = [], 0
    for needle in needles:
        found = haystack.find(needle, at)
        if found < 0:
            missing.append(needle)
        else:
            at = found + len(needle)
    return missing


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_docx_letter_says_what_the_golden_letter_says(
    cn_state: WizardState, tmp_path: Path, lang: str
) -> None:
    path = render_docx(
        build_letter(cn_state.case, cn_state.bundle(), lang, TODAY), tmp_path / "l.docx"
    )
    doc = Document(str(path))
    body = doc.element.body
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    # Paragraphs and table cells in document order.
    texts = ["".join(t.text or "" for t in p.iter(f"{ns}t")) for p in body.iter(f"{ns}p")]
    assert _in_order(_golden_lines(lang), _squash("\n".join(texts))) == []


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed"
)
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_pdf_letter_says_what_the_golden_letter_says(
    cn_state: WizardState, tmp_path: Path, lang: str
) -> None:
    try:
        find_cjk_font()
    except RuntimeError as exc:
        pytest.skip(str(exc))
    path = render_pdf(
        build_letter(cn_state.case, cn_state.bundle(), lang, TODAY), tmp_path / "l.pdf"
    )
    text = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert _in_order(_golden_lines(lang), _squash(text)) == []
