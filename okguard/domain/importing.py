"""What an import produces and reports."""

from __future__ import annotations

from dataclasses import dataclass, field

from okguard.i18n import Msg


class ImportFailure(Exception):
    """A file okguard refuses as a whole: not a statement, broken, or empty.

    ``message`` says what was found and what was expected; ``line`` points at the
    place in the file when there is one.
    """

    def __init__(self, message: Msg, *, line: int | None = None) -> None:
        super().__init__(message.render("en"))
        self.message = message
        self.line = line


@dataclass(frozen=True, slots=True)
class RowRejection:
    """A data row that could not be imported, with the reason."""

    line: int
    reason: Msg


@dataclass(frozen=True, slots=True)
class ImportReport:
    file: str
    format: str
    account: str
    rows_read: int
    imported: int
    skipped_duplicates: int
    rejected: tuple[RowRejection, ...] = ()
    batch_id: int | None = None
    linked: int = 0  # rows linked to the same payment on another account
    unknown_types: int = 0
    accounts: tuple[str, ...] = field(default=())

    @property
    def balanced(self) -> bool:
        return self.rows_read == self.imported + self.skipped_duplicates + len(self.rejected)
