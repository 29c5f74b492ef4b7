"""Find a font that can draw Simplified Chinese, for PDF letters."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


class FontNotFoundError(RuntimeError):
    """No CJK font on this machine; the message says what to install."""


@dataclass(frozen=True, slots=True)
class CjkFont:
    path: Path
    collection_index: int  # face inside a .ttc collection


def _windows_fonts() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


# Most specific first. Noto Sans CJK .ttc index 2 is the Simplified Chinese face.
CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc", 0),
    ("/System/Library/Fonts/Supplemental/Songti.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    ("/System/Library/Fonts/STHeiti Medium.ttc", 0),
)
WINDOWS_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("simhei.ttf", 0),
    ("msyh.ttc", 0),
    ("simsun.ttc", 0),
)


def find_cjk_font(extra: tuple[Path, ...] = ()) -> CjkFont:
    """The first installed CJK font; ``extra`` paths (e.g. a user setting) win."""
    candidates = [(p, 0) for p in extra]
    candidates += [(Path(p), i) for p, i in CANDIDATES]
    candidates += [(_windows_fonts() / name, i) for name, i in WINDOWS_CANDIDATES]
    for path, index in candidates:
        if path.is_file():
            return CjkFont(path, index)
    raise FontNotFoundError(
        "No font with Chinese characters was found for the PDF letter. Install "
        "Noto Sans CJK (Debian/Ubuntu: apt install fonts-noto-cjk; Fedora: "
        "google-noto-sans-cjk-fonts) or WenQuanYi Micro Hei (fonts-wqy-microhei); on "
        "Windows SimHei or Microsoft YaHei; on macOS Songti or STHeiti. Or export DOCX "
        "or text instead."
    )
