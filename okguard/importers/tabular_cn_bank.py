"""Quirks of bank exports (mostly Chinese card statements) that a header alone
does not reveal: the statement month of year-less dates and card statements
where a positive amount is a purchase."""

from __future__ import annotations

import re
from collections.abc import Sequence

from okguard.importers.tabular_headers import HeaderMap, normalise
from okguard.importers.tabular_values import clean

_YEAR_MONTH = re.compile(r"(20\d{2})\s*年\s*(\d{1,2})\s*月")
_CARD_WORDS = ("信用卡", "credit card", "creditcard", "本期账单", "kreditkarte", "carte de crédit")
# Headers of card layouts whose single amount column counts purchases as positive.
_CARD_HEADERS = (
    frozenset({"入账币种/金额"}),  # BoCom credit card
    frozenset({"item", "card"}),  # BMO credit card ("Item #", "Card #")
    frozenset({"卡号末四位", "人民币金额"}),  # CMB credit card
    frozenset({"卡末四位", "结算金额"}),  # CITIC credit card
)
# A card statement line that gives money back to the card holder.
_CARD_CREDIT_WORDS = ("退货", "退款", "还款", "返现", "payment", "refund", "return")
# Stricter: what only a card's money-in lines say ("Bill payment" leaves a checking account).
_CARD_ONLY_CREDIT_WORDS = ("退货", "退款", "还款", "返现", "thank you", "autopay", "auto pay",
                           "payment received", "refund", "return", "statement credit")


def statement_month(preamble: Sequence[Sequence[object]]) -> tuple[int, int] | None:
    """(year, month) named by a title like 招商银行信用卡对账单（2024年01月）."""
    for row in preamble:
        for cell in row:
            m = _YEAR_MONTH.search(clean(cell))
            if m and 1 <= int(m.group(2)) <= 12:
                return int(m.group(1)), int(m.group(2))
    return None


def is_card_statement(
    preamble: Sequence[Sequence[object]],
    header: Sequence[object],
    mapping: HeaderMap,
    sample: Sequence[tuple[str, str]] = (),
) -> bool:
    """True when a single unsigned-looking amount column counts purchases as positive.

    ``sample``: (amount, description) of the first rows. Card exports without a telling
    header or title (Amex, Apple Card, Discover) still give themselves away: more amounts
    are positive than negative, and every negative one is a payment, refund or return.
    """
    roles = mapping.roles
    if "amount" not in roles or "direction" in roles or "debit" in roles or "credit" in roles:
        return False
    names = {normalise(h) for h in header}
    if any(layout <= names for layout in _CARD_HEADERS):
        return True
    text = " ".join(clean(c).lower() for row in preamble for c in row)
    if any(word in text for word in _CARD_WORDS):
        return True
    signed = [(a.strip().startswith(("-", "(")), d) for a, d in sample if a.strip()]
    negatives = [d for negative, d in signed if negative]
    positives = len(signed) - len(negatives)
    return (
        positives >= 3
        and positives > len(negatives) > 0
        and all(any(w in d.lower() for w in _CARD_ONLY_CREDIT_WORDS) for d in negatives)
    )


def card_credit_text(text: str) -> bool:
    """A card line described as a refund/repayment is money in, whatever its sign."""
    lowered = text.lower()
    return any(word in lowered for word in _CARD_CREDIT_WORDS)
