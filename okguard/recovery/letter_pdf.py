"""Letter -> PDF (fpdf2) with an embedded CJK font, so the text layer is searchable
and copyable in both languages."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos
from fpdf.fonts import FontFace

from okguard.recovery.fonts import CjkFont, find_cjk_font
from okguard.recovery.letter import LetterContent

_FAMILY = "okguard-cjk"


def render_pdf(letter: LetterContent, target: Path, font: CjkFont | None = None) -> Path:
    font = font or find_cjk_font()
    pdf = FPDF(format="A4")
    pdf.set_creator("okguard")
    pdf.set_title(letter.title)
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=18)
    # One face for both languages: the CJK fonts carry Latin glyphs too.
    pdf.add_font(_FAMILY, "", str(font.path), collection_font_number=font.collection_index)
    pdf.add_page()

    # Chinese has no spaces between words: wrap at any character, not at spaces.
    wrap = WrapMode.CHAR if letter.lang == "zh_CN" else WrapMode.WORD

    def para(text: str, size: float = 10.5, gap: float = 1.5) -> None:
        pdf.set_font(_FAMILY, size=size)
        pdf.multi_cell(
            0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=wrap, align="L"
        )
        pdf.ln(gap)

    def section(key: str, lines: tuple[str, ...], bullet: str = "• ") -> None:
        if lines:
            para(letter.heading(key), size=12, gap=0.5)
            for line in lines:
                para(bullet + line)

    for line in letter.sender:
        para(line, gap=0)
    pdf.ln(4)
    para(letter.date)
    para(letter.addressee)
    para(letter.title, size=15, gap=1)
    para(letter.subject)
    para(letter.greeting)
    section("what", letter.what_went_wrong, "")
    section("requests", letter.requests)

    para(letter.heading("transactions"), size=12, gap=0.5)
    pdf.set_font(_FAMILY, size=9)
    # The CJK face has no bold variant: headings are shaded instead of emboldened.
    heading = FontFace(emphasis="", fill_color=(225, 225, 225))
    with pdf.table(
        col_widths=(22, 12, 26, 58, 52), text_align="LEFT", line_height=5, headings_style=heading
    ) as table:
        table.row(letter.table_header)
        for row in letter.rows:
            table.row(row)
    pdf.ln(3)

    section("legal", letter.legal_basis)
    section("deadlines", letter.deadlines)
    section("evidence", letter.evidence)
    for line in letter.closing:
        para(line, gap=0.5)
    pdf.ln(4)
    para(letter.disclaimer, size=8)
    pdf.output(str(target))
    return target
