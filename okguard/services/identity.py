"""Transaction identity for de-duplication.

The provider's transaction id (with the amount) when there is one, else a
fingerprint of date/time, amount, currency and payee. A row's identity is the
first 8 bytes of that key's BLAKE2b digest as a signed little-endian integer (what
SQLite stores and compares cheapest; the default digest size, because passing
``digest_size`` costs a third of the hash in keyword parsing), changed by the row's
position among identical rows of the same file: two genuinely identical coffees
stay two, and re-importing the file (or an overlapping one) matches them one to
one. Two different rows of an account share an identity with a chance of about
n²/2⁶⁵ (3e-8 for a million rows); the later one would count as a duplicate.

The plain-CSV path (okguard.services.import_rows.FlatBases) inlines the same
formula for speed; tests import files through both paths and compare identities.
Migration 0002 holds a frozen copy for converting older databases.
"""

from __future__ import annotations

import struct
from collections import Counter
from collections.abc import Sequence
from hashlib import blake2b

from okguard.domain.transaction import ParsedTransaction

SEP = "\x1f"  # the ASCII unit separator: statement text does not contain it
FIRST_INT64 = struct.Struct("<q").unpack_from


def identity_key(
    occurred_at_text: str, minor: int, currency: str, payee: str, reference: str | None
) -> str:
    ref = reference.strip() if reference else ""
    if ref:
        # The amount is part of it because a few formats repeat one id over the
        # parts of a batch booking; those parts are different money.
        return f"ref{SEP}{ref}{SEP}{minor}"
    return f"{occurred_at_text}{SEP}{minor}{SEP}{currency}{SEP}{normal_payee(payee)}"


def normal_payee(payee: str) -> str:
    return " ".join(payee.split()).casefold()


def digest(key: str) -> int:
    value: int = FIRST_INT64(blake2b(key.encode()).digest())[0]
    return value


def nth(base: int, occurrence: int) -> int:
    """The identity of the ``occurrence``-th (0-based) row with identity ``base``."""
    if not occurrence:
        return base
    data = base.to_bytes(8, "little", signed=True) + f"{SEP}{occurrence}".encode()
    value: int = FIRST_INT64(blake2b(data).digest())[0]
    return value


def base_identity(tx: ParsedTransaction, occurred_at_text: str) -> int:
    amount = tx.amount
    return digest(
        identity_key(occurred_at_text, amount.minor, amount.currency, tx.payee, tx.reference)
    )


class Occurrences:
    """Numbers the rows of one account that share a base identity, in file order."""

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.more: dict[int, int] = {}  # base -> occurrence of its next row, once it repeats

    def identity(self, base: int) -> int:
        if base not in self.seen:
            self.seen.add(base)
            return base
        occurrence = self.more.get(base, 1)
        self.more[base] = occurrence + 1
        return nth(base, occurrence)

    def identities(self, bases: list[int]) -> list[int]:
        """The identities of rows with ``bases``, the rows following all earlier ones."""
        seen = self.seen
        add = seen.add
        # A comprehension, not a loop: this runs for every row of big files.
        repeated = [b in seen or add(b) for b in bases]  # True where the base came before
        if True not in repeated:
            return bases
        out = list(bases)
        more = self.more
        for i in [i for i, again in enumerate(repeated) if again]:
            base = bases[i]
            occurrence = more.get(base, 1)
            more[base] = occurrence + 1
            out[i] = nth(base, occurrence)
        return out


def renumbering(bases: Sequence[int]) -> tuple[list[int], list[int]]:
    """For the rows of one account with ``bases``, in file order, all at once: the
    positions of the rows whose identity is not their base (repeats), and those
    identities; what :class:`Occurrences` gives row by row."""
    counts = Counter(bases)  # counted in C: the common case, no repeat, costs little
    if len(counts) == len(bases):
        return [], []
    repeated = {base for base, n in counts.items() if n > 1}
    positions: list[int] = []
    identities: list[int] = []
    seen: dict[int, int] = {}
    for at in [at for at, base in enumerate(bases) if base in repeated]:
        base = bases[at]
        occurrence = seen.get(base, 0)
        seen[base] = occurrence + 1
        if occurrence:
            positions.append(at)
            identities.append(nth(base, occurrence))
    return positions, identities
