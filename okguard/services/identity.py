"""Transaction identity for de-duplication.

The provider's transaction id when there is one, else a fingerprint of date/time,
amount, currency and payee. The storage layer appends the row's position among
identical rows of the same file, so two genuinely identical coffees stay two and
re-importing the file (or an overlapping one) matches them one to one.
"""

from __future__ import annotations

from hashlib import blake2b

from okguard.domain.transaction import ParsedTransaction


def base_fingerprint(tx: ParsedTransaction, occurred_at_text: str) -> str:
    ref = tx.reference
    if ref:
        ref = ref.strip()
        if ref and len(ref) <= 60:
            # The amount is part of it because a few formats repeat one id over the
            # parts of a batch booking; those parts are different money.
            return f"ref:{ref}:{tx.amount.minor}"
        if ref:
            digest = blake2b(ref.encode("utf-8"), digest_size=12).hexdigest()
            return f"refh:{digest}:{tx.amount.minor}"
    key = "\x1f".join(
        (
            occurred_at_text,
            str(tx.amount.minor),
            tx.amount.currency,
            " ".join(tx.payee.split()).casefold(),
        )
    )
    return "fp:" + blake2b(key.encode("utf-8"), digest_size=12).hexdigest()
