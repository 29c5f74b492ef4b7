"""Text encoding of statement files.

Order matters: a byte-order mark is certain; then strict decodes from the most to
the least specific. Statistical guessers misread short GB18030 files (a 40-byte
GB18030 sample came back as cp874), and a naive "try GB18030 before Latin-1"
decodes German cp1252 exports into nonsense hanzi, so GB18030 is only chosen when
the high bytes actually pair up the way double-byte Chinese text does.
"""

from __future__ import annotations

import codecs

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _strict_ok(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding, errors="strict")
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _looks_utf16_without_bom(sample: bytes) -> str | None:
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > half * 0.3 and even_nuls < half * 0.05:
        return "utf-16-le"
    if even_nuls > half * 0.3 and odd_nuls < half * 0.05:
        return "utf-16-be"
    return None


def _chinese_pairing_ratio(data: bytes) -> float:
    """Share of high bytes that sit in a lead/trail pair typical of GB2312 text."""
    high = paired = 0
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            i += 1
            continue
        high += 1
        if 0x81 <= b <= 0xFE and i + 1 < n and 0xA1 <= data[i + 1] <= 0xFE:
            paired += 1
            high += 1
            i += 2
            continue
        i += 1
    return paired * 2 / high if high else 0.0


def detect_encoding(data: bytes) -> str:
    """The encoding to decode ``data`` with. Always returns something that decodes."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    utf16 = _looks_utf16_without_bom(data[:4096])
    if utf16 and _strict_ok(data, utf16):
        return utf16
    if _strict_ok(data, "utf-8"):
        return "utf-8"
    if _chinese_pairing_ratio(data) >= 0.9 and _strict_ok(data, "gb18030"):
        return "gb18030"
    if _strict_ok(data, "cp1252"):
        return "cp1252"
    return "latin-1"


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used). Strips a BOM; never raises for a detected encoding."""
    name = encoding or detect_encoding(data)
    return data.decode(name, errors="strict" if encoding is None else "replace"), name
