"""Transaction identity for de-duplication.

The provider's transaction id when there is one, else a fingerprint of date/time,
amount, currency and payee. The storage layer appends the row's position among
identical rows of the same file, so two genuinely identical coffees stay two and
re-importing the file (or an overlapping one) matches them one to one.
"""

from __future__ import annotations

import hashlib

from okguard.domain.transaction import ParsedTransaction


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def base_fingerprint(tx: ParsedTransaction, occurred_at_text: str) -> str:
    if tx.reference and tx.reference.strip():
        ref = tx.reference.strip()
        if len(ref) <= 60:
            return f"ref:{ref}:{tx.amount.minor}"
        key = ref
        prefix = "refh"
    else:
        key = "\x1f".join(
            (occurred_at_text, str(tx.amount.minor), tx.amount.currency, _norm(tx.payee))
        )
        prefix = "fp"
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=12).hexdigest()
    return f"{prefix}:{digest}"
