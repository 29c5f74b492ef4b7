"""Zip archives of statements (banks ship a month of camt.053 files as one zip)."""

from __future__ import annotations

import io
import zipfile

from okguard.domain.importing import ImportFailure
from okguard.i18n import Msg
from okguard.importers.base import SourceFile

MAX_MEMBERS = 1000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


def is_zip(source: SourceFile) -> bool:
    return source.head.startswith(b"PK\x03\x04")


def expand_zip(source: SourceFile) -> list[SourceFile]:
    """One SourceFile per file in the archive, in archive order, named
    ``archive.zip!member``. Folders, and macOS resource forks, are left out."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(source.read_bytes()))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportFailure(Msg("The zip archive is damaged and cannot be opened")) from None
    with archive:
        members = [
            info
            for info in archive.infolist()
            if not info.is_dir() and not info.filename.startswith("__MACOSX/")
        ]
        if len(members) > MAX_MEMBERS:
            raise ImportFailure(
                Msg(
                    "The zip archive holds {count} files; okguard reads at most {limit}",
                    count=len(members),
                    limit=MAX_MEMBERS,
                )
            )
        # The sizes in the directory can lie, so the real bytes are counted too.
        declared = sum(info.file_size for info in members)
        if declared > MAX_UNPACKED_BYTES:
            raise _too_big()
        expanded: list[SourceFile] = []
        total = 0
        for info in members:
            try:
                with archive.open(info) as fh:
                    data = fh.read(MAX_UNPACKED_BYTES - total + 1)
            except (
                zipfile.BadZipFile,
                OSError,
                ValueError,
                NotImplementedError,
                RuntimeError,
                EOFError,
            ):
                raise ImportFailure(
                    Msg("The zip archive is damaged and cannot be opened")
                ) from None
            total += len(data)
            if total > MAX_UNPACKED_BYTES:
                raise _too_big()
            expanded.append(SourceFile.from_bytes(data, name=f"{source.name}!{info.filename}"))
    return expanded


def _too_big() -> ImportFailure:
    return ImportFailure(
        Msg("The zip archive unpacks to more than 200 MB; okguard refuses it as unsafe")
    )
