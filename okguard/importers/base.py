"""The one small interface every statement importer implements."""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from okguard.domain.importing import RowRejection
from okguard.domain.transaction import ParsedTransaction, StatementAccount

HEAD_BYTES = 64 * 1024

Row = ParsedTransaction | RowRejection


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file to import. ``head`` is enough to identify the format; ``read_bytes``
    gives the whole file for parsers that need it."""

    path: Path
    head: bytes
    size: int
    display_name: str = ""  # e.g. "statements.zip!march.xml" for archive members
    _data: bytes | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_path(cls, path: Path) -> SourceFile:
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
        return cls(path=path, head=head, size=path.stat().st_size, display_name=path.name)

    @classmethod
    def from_bytes(cls, data: bytes, name: str, path: Path | None = None) -> SourceFile:
        return cls(
            path=path or Path(name),
            head=data[:HEAD_BYTES],
            size=len(data),
            display_name=name,
            _data=data,
        )

    @property
    def name(self) -> str:
        return self.display_name or self.path.name

    def read_bytes(self) -> bytes:
        if self._data is not None:
            return self._data
        return self.path.read_bytes()

    def sha256(self) -> str:
        digest = hashlib.sha256()
        if self._data is not None:
            digest.update(self._data)
        else:
            with self.path.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
        return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """Choices the user (or a saved profile) makes; importers fill the rest."""

    default_currency: str = "CNY"
    dayfirst: bool | None = None  # None: infer per file
    # Column mapping for tabular files: role -> column index, chosen in the mapping
    # dialog or loaded from a saved profile. Empty: auto-map from the header.
    column_mapping: Mapping[str, int] = field(default_factory=dict)
    header_row: int | None = None  # 0-based row index of the header in the table
    encoding: str | None = None  # force an encoding instead of detecting it


@dataclass
class Statement:
    """An opened statement: the accounts it names and a lazy stream of rows."""

    format: str
    accounts: list[StatementAccount]
    rows: Iterator[Row]
    # Tabular formats report how they mapped columns (for the preview and the
    # mapping dialog): role -> header text. Empty for structured formats.
    mapping: dict[str, str] = field(default_factory=dict)
    header: list[str] = field(default_factory=list)
    # True when auto-mapping had to guess; the GUI then asks the user.
    mapping_uncertain: bool = False
    encoding: str | None = None


class Importer(ABC):
    format_id: ClassVar[str]
    label: ClassVar[str]

    @abstractmethod
    def identify(self, source: SourceFile) -> int:
        """0 when the file is not this format; higher means more confident (max 100)."""

    @abstractmethod
    def open(self, source: SourceFile, options: ImportOptions) -> Statement:
        """Parse headers and return the statement; raise ImportFailure for a file
        that is broken, empty or not a statement. Row problems are yielded as
        RowRejection items, never raised."""


def iter_rows(statement: Statement) -> Iterator[Row]:
    yield from statement.rows
