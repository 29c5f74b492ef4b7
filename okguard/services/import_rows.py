"""How rows become what is stored: the values of a ParsedTransaction row, the
layout of flat CSV records, and the base identities of a batch of flat records.
"""

from __future__ import annotations

import json
from datetime import datetime
from hashlib import blake2b
from typing import TYPE_CHECKING

from okguard.domain.transaction import ParsedTransaction
from okguard.importers.tabular_flat import FLAT_VALUES, PLAIN_FIELDS, FlatLayout, FlatRecord
from okguard.services.identity import FIRST_INT64, SEP
from okguard.storage.repos.import_writer import TX_COLUMNS, RowLayout

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

_CACHE_LIMIT = 100_000

GENERAL = RowLayout(columns=TX_COLUMNS, keep_empty=True)


def flat_row_layout(layout: FlatLayout, account_id: int) -> RowLayout:
    head = tuple("source_line" if name == "line" else name for name in FLAT_VALUES)
    absent = tuple((name, "") for name in PLAIN_FIELDS if name not in layout.plain)
    return RowLayout(
        columns=(*head, *layout.plain, "fingerprint"),
        constants=(
            ("account_id", account_id),
            ("counterpart_ref", None),
            ("utc_offset_min", None),
            ("status", "booked"),
            ("unknown_type", 0),
            ("raw", None),
            *absent,
        ),
    )


def row_when(row: ParsedTransaction) -> tuple[str, int | None]:
    """(naive local ISO text to the second, UTC offset in minutes or None)."""
    when: datetime = row.occurred_at
    offset: int | None = None
    if when.tzinfo is not None:
        delta = when.utcoffset()
        offset = int(delta.total_seconds() // 60) if delta is not None else None
        when = when.replace(tzinfo=None)
    return when.replace(microsecond=0).isoformat(), offset


def row_values(row: ParsedTransaction, account_id: int, identity: int) -> tuple[object, ...]:
    text, offset = row_when(row)
    amount = row.amount
    direction = row.direction or ("out" if amount.minor < 0 else "in")
    return (
        account_id,
        text,
        offset,
        1 if row.has_time else 0,
        amount.minor,
        amount.currency,
        row.payee,
        row.payee_account,
        row.memo,
        row.reference,
        row.counterpart_ref,
        str(row.status),
        str(direction),
        row.kind,
        row.category,
        row.funding,
        1 if row.unknown_type else 0,
        identity,
        row.line,
        # The source cells are kept only where okguard could not interpret the row
        # type, so the user can see what the provider wrote.
        json.dumps(row.raw, ensure_ascii=False) if row.raw and row.unknown_type else None,
    )


class NormalPayees(dict[str, str]):
    """Payee -> identity.normal_payee(payee), computed once per distinct payee."""

    def __missing__(self, payee: str) -> str:
        if len(self) > _CACHE_LIMIT:
            self.clear()
        normal = self[payee] = " ".join(payee.split()).casefold()
        return normal


class FlatBases:
    """identity.identity_key and digest for batches of flat records, inlined:
    comprehensions over a batch cost a fraction of a loop with statements per row."""

    def __init__(self) -> None:
        self._payees = NormalPayees()

    def __call__(self, batch: list[FlatRecord]) -> list[int]:
        payees, b2, first_int64 = self._payees, blake2b, FIRST_INT64
        return [
            first_int64(
                b2(
                    (
                        f"ref{SEP}{r[5]}{SEP}{r[2]}"
                        if r[5]
                        else f"{r[0]}{SEP}{r[2]}{SEP}{r[3]}{SEP}{payees[r[4]]}"
                    ).encode()
                ).digest()
            )[0]
            for r in batch
        ]


def not_in(values: npt.NDArray[np.int64], stored: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """Which ``values`` are not in ``stored`` (sorted)."""
    import numpy as np

    if not len(stored):
        return np.ones(len(values), dtype=bool)
    order = np.argsort(values)
    ranked = values[order]
    at = np.minimum(np.searchsorted(stored, ranked), len(stored) - 1)
    missing = np.empty(len(values), dtype=bool)
    missing[order] = stored[at] != ranked
    return missing
