"""Namespace-blind element look-ups for ISO 20022 XML: paths of local names."""

from __future__ import annotations

import xml.etree.ElementTree as ET


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _walk(element: ET.Element, steps: list[str]) -> list[ET.Element]:
    current = [element]
    for step in steps:
        current = [child for parent in current for child in parent if local(child.tag) == step]
        if not current:
            break
    return current


def find_all(element: ET.Element | None, path: str) -> list[ET.Element]:
    """Children along ``path`` ('Acct/Id/IBAN'), ignoring namespaces."""
    if element is None:
        return []
    return _walk(element, path.split("/"))


def first(element: ET.Element | None, path: str) -> ET.Element | None:
    found = find_all(element, path)
    return found[0] if found else None


def text_at(element: ET.Element | None, path: str) -> str:
    found = first(element, path)
    return (found.text or "").strip() if found is not None else ""


def texts_at(element: ET.Element | None, path: str) -> list[str]:
    return [(e.text or "").strip() for e in find_all(element, path) if (e.text or "").strip()]
