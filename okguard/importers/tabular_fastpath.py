"""A specialised row function for plain machine-written CSV (ISO dates, one
signed ``-123.45`` amount column): the path a million-row import runs through.
Anything unusual in a row falls back to the careful RowBuilder.build."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from itertools import product

from okguard.domain.money import Money, MoneyError, currency_exponent
from okguard.domain.transaction import ParsedTransaction, TxStatus
from okguard.importers.base import Row
from okguard.importers.tabular_builder import RowBuilder
from okguard.importers.tabular_values import EMPTY_MARKS

RowFunction = Callable[[int, Sequence[object]], Row]


def _every_casing(words: frozenset[str]) -> frozenset[str]:
    # The careful path compares casefolded text; a set lookup here must agree with it.
    variants: set[str] = set()
    for word in words:
        for combo in product(*({ch.lower(), ch.upper()} for ch in word)):
            variants.add("".join(combo))
    return frozenset(variants)


EMPTY_CELLS = _every_casing(EMPTY_MARKS)
_CACHE_LIMIT = 200_000


def plain_layout(builder: RowBuilder) -> bool:
    """True for tables the fast paths handle: ISO dates, one signed amount column,
    no direction/status/timezone columns, no dialect rules."""
    r = builder.roles
    return not (
        not builder.date_style.iso
        or builder.decimal_comma
        or builder.inverse_sign
        or builder.formula_cells
        or builder.dialect.has_finish
        or builder._amount is None
        or any(
            k in r for k in ("direction", "debit", "credit", "timezone", "status", "payee_fallback")
        )
        or len(builder.memo_cols) > 1
    )


def compile_fast(builder: RowBuilder) -> RowFunction | None:
    """The fast row function for this table, or None when its layout needs the full path."""
    if not plain_layout(builder):
        return None
    slow = builder.build
    date_col = builder._date
    assert date_col is not None
    time_col = builder._time
    amount_col = builder._amount
    assert amount_col is not None
    ccy_col = builder._currency
    payee_col = builder._payee
    memo_col = builder.memo_cols[0] if builder.memo_cols else None
    simple = builder._simple
    account_col, ref_col, cref_col = (
        simple["payee_account"],
        simple["reference"],
        simple["counterpart_ref"],
    )
    type_col, cat_col, fund_col = simple["type"], simple["category"], simple["funding"]
    used = [
        c
        for c in (
            date_col,
            time_col,
            amount_col,
            ccy_col,
            payee_col,
            memo_col,
            account_col,
            ref_col,
            cref_col,
            type_col,
            cat_col,
            fund_col,
        )
        if c is not None
    ]
    width = max(used) + 1
    default_ccy = builder.currency
    account_key = builder.account_key
    booked = TxStatus.BOOKED
    fromiso = datetime.fromisoformat
    # Amount text -> Money: statements repeat amounts, and Money is immutable.
    money_cache: dict[tuple[str, str], Money] = {}
    exponents: dict[str, int] = {default_ccy: currency_exponent(default_ccy), "": -1}
    tx = ParsedTransaction

    def fast(line: int, cells: Sequence[object]) -> Row:
        if len(cells) < width:
            return slow(line, cells)
        raw_date = cells[date_col]
        raw_time = cells[time_col] if time_col is not None else ""
        try:
            if raw_time:
                when = fromiso(f"{raw_date}T{raw_time}")
                has_time = True
            else:
                when = fromiso(raw_date)  # type: ignore[arg-type]
                has_time = len(raw_date) > 10  # type: ignore[arg-type]
        except (ValueError, TypeError):
            return slow(line, cells)
        ccy = str(cells[ccy_col]).strip() if ccy_col is not None else default_ccy
        ccy = ccy or default_ccy
        raw_amount = cells[amount_col]
        key = (raw_amount, ccy)
        money = money_cache.get(key)  # type: ignore[arg-type]
        if money is None:
            exponent = exponents.get(ccy)
            if exponent is None:
                if len(ccy) != 3 or not ccy.isupper():
                    return slow(line, cells)
                try:
                    exponent = exponents[ccy] = currency_exponent(ccy)
                except MoneyError:
                    return slow(line, cells)
            minor = minor_units(raw_amount, exponent)  # type: ignore[arg-type]
            if minor is None:
                return slow(line, cells)
            money = Money(minor, ccy)
            if len(money_cache) > _CACHE_LIMIT:
                money_cache.clear()
            money_cache[key] = money  # type: ignore[index]
        # Inline (not a helper call per cell): this runs for every row of huge files.
        account = cells[account_col].strip() if account_col is not None else ""  # type: ignore[attr-defined]
        reference = cells[ref_col].strip() if ref_col is not None else ""  # type: ignore[attr-defined]
        counterpart = cells[cref_col].strip() if cref_col is not None else ""  # type: ignore[attr-defined]
        payee = cells[payee_col].strip() if payee_col is not None else ""  # type: ignore[attr-defined]
        memo = cells[memo_col].strip() if memo_col is not None else ""  # type: ignore[attr-defined]
        kind = cells[type_col].strip() if type_col is not None else ""  # type: ignore[attr-defined]
        category = cells[cat_col].strip() if cat_col is not None else ""  # type: ignore[attr-defined]
        funding = cells[fund_col].strip() if fund_col is not None else ""  # type: ignore[attr-defined]
        return tx(
            line,
            when,
            has_time,
            money,
            "" if payee in EMPTY_CELLS else payee,
            None if account in EMPTY_CELLS else account,
            memo,
            None if reference in EMPTY_CELLS else reference,
            booked,
            None,
            kind,
            category,
            account_key,
            None if counterpart in EMPTY_CELLS else counterpart,
            funding,
            False,
            tuple(cells),  # type: ignore[arg-type]
        )

    return fast


def minor_units(text: str, exponent: int) -> int | None:
    if exponent < 0:
        return None
    negative = text[:1] == "-"
    body = text[1:] if negative else text
    whole, dot, frac = body.partition(".")
    if not (whole.isascii() and whole.isdecimal()) or (
        dot and not (frac.isascii() and frac.isdecimal())
    ):
        return None
    if len(frac) > exponent:
        return None  # let the careful path decide (exact zeros are fine, others rejected)
    minor = int(whole + frac + "0" * (exponent - len(frac)))
    return -minor if negative else minor
