"""Attach a file to a case: copy it into the case folder the caller chose, hash it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from okguard.domain.case import EvidenceItem, LocalText


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def attach_file(item: EvidenceItem, source: Path, case_folder: Path) -> EvidenceItem:
    """Copy ``source`` into ``case_folder`` and return ``item`` ticked, with the stored
    name and the SHA-256 (which shows later that the file was not changed).

    An existing file of the same name with other content is never overwritten: the copy
    gets a ``-2``, ``-3`` ... suffix. The same content attached twice is stored once.
    """
    case_folder.mkdir(parents=True, exist_ok=True)
    digest = sha256_of(source)
    target = case_folder / source.name
    counter = 2
    while target.exists() and sha256_of(target) != digest:
        target = case_folder / f"{source.stem}-{counter}{source.suffix}"
        counter += 1
    if not target.exists():
        shutil.copy2(source, target)
    return EvidenceItem(item.key, item.label, True, target.name, digest)


def custom_item(key: str, label: str | LocalText) -> EvidenceItem:
    """An evidence item the user adds to the checklist themselves."""
    return EvidenceItem(key=key, label=label)
