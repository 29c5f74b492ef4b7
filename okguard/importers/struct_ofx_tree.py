"""OFX bytes -> an element tree: ofxtools' parser where it accepts the file, a small
tolerant tag-soup reader where it does not (no header, unclosed aggregates, one line,
empty leaves)."""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET

from okguard.importers.encoding import decode

_SGML_CHARSET = re.compile(rb"^\s*CHARSET\s*:\s*([A-Za-z0-9_-]+)", re.M)
_SGML_ENCODING = re.compile(rb"^\s*ENCODING\s*:\s*([A-Za-z0-9_-]+)", re.M)
_XML_ENCODING = re.compile(rb"<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9_.-]+)[\"']", re.I)
_CHARSETS = {
    "1252": "cp1252",
    "WINDOWS-1252": "cp1252",
    "8859-1": "latin-1",
    "ISO-8859-1": "latin-1",
    "ISO8859-1": "latin-1",
    "LATIN1": "latin-1",
    "UTF-8": "utf-8",
    "UTF8": "utf-8",
    "USASCII": "ascii",
    "US-ASCII": "ascii",
    "ASCII": "ascii",
}
_TOKEN = re.compile(
    r"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[.*?\]\]>|<(/?)([A-Za-z][A-Za-z0-9_.]*)[^<>]*>", re.S
)


def header_charset(data: bytes) -> str | None:
    """The codec an OFX header names, if it names one Python knows."""
    head = data[:2048]
    found = _XML_ENCODING.search(head)
    names = [found.group(1)] if found else []
    for pattern in (_SGML_CHARSET, _SGML_ENCODING):
        m = pattern.search(head)
        if m:
            names.append(m.group(1))
    for name in names:
        codec = _CHARSETS.get(name.decode("ascii", "replace").upper())
        if codec:
            return codec
    return None


def decode_ofx(data: bytes) -> tuple[str, str]:
    """(text, codec). The header's charset wins unless the bytes are valid UTF-8 with
    non-ASCII in them: many banks label UTF-8 exports 'CHARSET:1252'."""
    named = header_charset(data)
    if named == "ascii":
        named = "cp1252"  # 'USASCII' files routinely carry accented 1252 text
    try:
        if not data.isascii():
            return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if named:
        try:
            return data.decode(named), named
        except UnicodeDecodeError:
            pass
    return decode(data)


def _parse_with_ofxtools(data: bytes) -> ET.Element | None:
    # Imported here: ofxtools takes a quarter of a second to load, which every import
    # (of any format) would otherwise pay because the registry loads all importers.
    from ofxtools.Parser import OFXTree

    tree = OFXTree()
    try:
        tree.parse(io.BytesIO(data))
    except Exception:  # any ofxtools complaint means: use the tolerant reader
        return None
    root = tree.getroot()
    return root if isinstance(root, ET.Element) else None


def parse_soup(text: str) -> ET.Element:
    """Read OFX tags without trusting the closing tags: a tag followed by text (or
    directly by its own close tag) is a leaf; any other open tag is an aggregate that
    lasts until its close tag, or until an enclosing aggregate closes."""
    top = ET.Element("DOCUMENT")
    stack = [top]
    tokens = list(_TOKEN.finditer(text))
    skip_next_close = False
    for i, m in enumerate(tokens):
        if m.group(2) is None:
            continue
        tag = m.group(2).upper()
        if m.group(1):
            if skip_next_close:
                skip_next_close = False
                continue
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth].tag == tag:
                    del stack[depth:]
                    break
            continue
        skip_next_close = False
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        value = html.unescape(text[m.end() : nxt.start() if nxt else len(text)]).strip()
        element = ET.SubElement(stack[-1], tag)
        own_close = nxt is not None and nxt.group(1) == "/" and (nxt.group(2) or "").upper() == tag
        if value or own_close:
            element.text = value
            skip_next_close = own_close
        else:
            stack.append(element)
    found = top.find(".//OFX") if top.tag != "OFX" else top
    return found if found is not None else top


def parse_ofx(data: bytes) -> tuple[ET.Element, str]:
    """(root element, decoded text). The text is what line numbers refer to."""
    text, codec = decode_ofx(data)
    named = header_charset(data)
    root = None
    if named in (None, codec) or data.isascii():
        root = _parse_with_ofxtools(data)
    if root is None:
        root = parse_soup(text)
    return root, text
