"""Letter -> DOCX (python-docx), editable by the user before sending."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles.style import ParagraphStyle

from okguard.recovery.letter import LetterContent

# Word picks the font for Chinese characters from w:eastAsia, not from font.name.
_FONTS = {"en": ("Calibri", "Microsoft YaHei"), "zh_CN": ("Microsoft YaHei", "Microsoft YaHei")}


def _set_font(style: ParagraphStyle, latin: str, east_asia: str) -> None:
    style.font.name = latin
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)


def render_docx(letter: LetterContent, target: Path) -> Path:
    doc = Document()
    latin, east_asia = _FONTS.get(letter.lang, _FONTS["en"])
    for name in ("Normal", "Title", "Heading 2", "List Bullet"):
        style = doc.styles[name]
        assert isinstance(style, ParagraphStyle)
        _set_font(style, latin, east_asia)
    normal = doc.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    normal.font.size = Pt(10.5)

    for line in letter.sender:
        doc.add_paragraph(line)
    doc.add_paragraph(letter.date)
    doc.add_paragraph(letter.addressee)
    doc.add_heading(letter.title, level=0)
    doc.add_paragraph(letter.subject)
    doc.add_paragraph(letter.greeting)

    def section(key: str, lines: tuple[str, ...], bulleted: bool = True) -> None:
        if lines:
            doc.add_heading(letter.heading(key), level=2)
            for line in lines:
                doc.add_paragraph(line, style="List Bullet" if bulleted else None)

    section("what", letter.what_went_wrong, bulleted=False)
    section("requests", letter.requests)
    doc.add_heading(letter.heading("transactions"), level=2)
    table = doc.add_table(rows=1, cols=len(letter.table_header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, letter.table_header, strict=True):
        cell.text = text
    for row in letter.rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    section("legal", letter.legal_basis)
    section("deadlines", letter.deadlines)
    section("evidence", letter.evidence)
    for line in letter.closing:
        doc.add_paragraph(line)
    footer = doc.add_paragraph(letter.disclaimer)
    for run in footer.runs:
        run.font.size = Pt(8)
    doc.save(str(target))
    return target
