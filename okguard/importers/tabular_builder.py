"""One table row -> ParsedTransaction or RowRejection, with parsers decided once
per file. The per-row path of million-row CSV files runs through ``build``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal

from okguard.domain.importing import RowRejection
from okguard.domain.money import Money, MoneyError, currency_exponent
from okguard.domain.transaction import Direction, ParsedTransaction, TxStatus
from okguard.i18n import Msg
from okguard.importers.base import Row
from okguard.importers.tabular_cn_bank import card_credit_text
from okguard.importers.tabular_dialect import Dialect
from okguard.importers.tabular_table import non_empty
from okguard.importers.tabular_values import (
    DateStyle,
    clean,
    currency_code,
    fast_minor,
    is_empty,
    number_from_cell,
    parse_amount,
    parse_datetime,
    parse_time,
    parse_timezone,
)

_PAD = " \t\r\n\u00a0\u3000\ufeff"


class _RowError(Exception):
    def __init__(self, message: Msg) -> None:
        super().__init__(message.template)
        self.message = message


@dataclass
class RowBuilder:
    roles: dict[str, int]
    header: list[str]
    date_style: DateStyle
    decimal_comma: bool
    currency: str
    dialect: Dialect = field(default_factory=Dialect)
    memo_cols: list[int] = field(default_factory=list)
    inverse_sign: bool = False  # card statements: a positive amount is a purchase
    account_key: str = ""
    formula_cells: bool = False  # ="..." quoting: clean every cell, not just strip
    payee_memo: int | None = None  # without a payee column: the memo column naming it

    def __post_init__(self) -> None:
        r = self.roles
        self._date = r.get("datetime", r.get("date"))
        self._date_fb = r.get("date_fallback") if "datetime" not in r else r.get("date")
        self._time = r.get("time")
        self._tz = r.get("timezone")
        self._amount = r.get("amount")
        self._debit = r.get("debit")
        self._credit = r.get("credit")
        self._direction = r.get("direction")
        self._currency = r.get("currency")
        self._payee = r.get("payee", r.get("payee_fallback"))
        self._payee_fb = r.get("payee_fallback") if "payee" in r else None
        if self._payee is None and self.memo_cols:
            # Card statements: the description is the merchant.
            self._payee = self.payee_memo if self.payee_memo is not None else self.memo_cols[0]
        self._simple = {
            name: r.get(name)
            for name in (
                "payee_account",
                "reference",
                "counterpart_ref",
                "status",
                "type",
                "category",
                "funding",
            )
        }
        self._exponent = currency_exponent(self.currency)

    def column_name(self, index: int | None) -> str:
        if index is None or index >= len(self.header):
            return "" if index is None else f"#{index + 1}"
        return self.header[index]

    def _text(self, cells: Sequence[object], index: int | None) -> str:
        if index is None or index >= len(cells):
            return ""
        value = cells[index]
        if type(value) is str and not self.formula_cells:
            return value.strip(_PAD)
        return clean(value)

    # ------------------------------------------------------------ parts of a row

    def _when(self, cells: Sequence[object]) -> tuple[datetime, bool]:
        index = self._date
        value = cells[index] if index is not None and index < len(cells) else ""
        if type(value) is str:
            value = value.strip(_PAD)
            if not value and self._date_fb is not None and self._date_fb < len(cells):
                value = cells[self._date_fb]
                if type(value) is str:
                    value = value.strip(_PAD)
        if value == "" or value is None:
            raise _RowError(
                Msg(
                    "The date is missing in column {column!r}; expected a date like 2024-01-31",
                    column=self.column_name(index),
                )
            )
        style = self.date_style
        try:
            if style.iso and type(value) is str:
                moment = datetime.fromisoformat(value)
                has_time = len(value) > 10
            else:
                moment, has_time = parse_datetime(value, style)
            if self._time is not None and self._time < len(cells):
                raw_time = cells[self._time]
                if type(raw_time) is str and len(raw_time) == 8 and raw_time[2] == ":":
                    moment = datetime.combine(moment.date(), time.fromisoformat(raw_time))
                    has_time = True
                else:
                    at = parse_time(raw_time)
                    if at is not None:
                        moment, has_time = datetime.combine(moment.date(), at), True
        except (ValueError, IndexError, OverflowError, TypeError) as exc:
            raise _RowError(
                Msg(
                    "Date {value!r} is not a date; expected a date like 2024-01-31 or 31.01.2024",
                    value=clean(value),
                )
            ) from exc
        if self._tz is not None:
            zone = parse_timezone(self._text(cells, self._tz))
            if zone is not None:
                moment = moment.replace(tzinfo=zone)
        return moment, has_time

    def _number(
        self, cells: Sequence[object], index: int | None
    ) -> tuple[Decimal, str | None] | None:
        if index is None or index >= len(cells):
            return None
        value = cells[index]
        exact = number_from_cell(value)
        if exact is not None:
            return exact, None
        try:
            parsed = parse_amount(clean(value), self.decimal_comma)
        except ValueError as exc:
            raise _RowError(
                Msg(
                    "Amount {value!r} is not a number; expected something like -12.34",
                    value=clean(value),
                )
            ) from exc
        return None if parsed is None else (parsed.value, parsed.currency)

    def _row_currency(self, cells: Sequence[object]) -> str:
        if self._currency is None:
            return self.currency
        text = self._text(cells, self._currency)
        if not text:
            return self.currency
        code = currency_code(text)
        if code is None:
            raise _RowError(
                Msg(
                    "Currency {value!r} is not known; expected an ISO code like CNY or EUR",
                    value=text,
                )
            )
        return code

    def _money(self, cells: Sequence[object]) -> tuple[Money, Direction | None, bool]:
        """(signed amount, direction column's word, direction unknown)."""
        direction: Direction | None = None
        unknown = False
        if self._direction is not None:
            direction, unknown = self.dialect.direction(self._text(cells, self._direction))
        ccy = self._row_currency(cells)
        if self._amount is not None:
            raw = cells[self._amount] if self._amount < len(cells) else ""
            if type(raw) is str and not self.decimal_comma and ccy == self.currency:
                minor = fast_minor(raw, self._exponent)
                if minor is not None:
                    return self._signed(Money(minor, ccy), direction, cells), direction, unknown
            found = self._number(cells, self._amount)
            if found is None:
                raise _RowError(
                    Msg(
                        "The amount is missing in column {column!r}; expected a number like -12.34",
                        column=self.column_name(self._amount),
                    )
                )
            value, cell_ccy = found
        else:
            debit = self._number(cells, self._debit)
            credit = self._number(cells, self._credit)
            if debit is None and credit is None:
                raise _RowError(
                    Msg(
                        "Both {debit!r} and {credit!r} are empty; expected an amount in one",
                        debit=self.column_name(self._debit),
                        credit=self.column_name(self._credit),
                    )
                )
            value = Decimal(0)
            cell_ccy = None
            if credit is not None:
                value, cell_ccy = credit
            if debit is not None and debit[0] != 0:
                value = value - abs(debit[0])
                cell_ccy = debit[1] or cell_ccy
        try:
            money = Money.of(value, cell_ccy or ccy)
        except MoneyError as exc:
            raise _RowError(
                Msg(
                    "Amount {value} has more decimal places than {currency} allows",
                    value=str(value),
                    currency=cell_ccy or ccy,
                )
            ) from exc
        return self._signed(money, direction, cells), direction, unknown

    def _signed(self, money: Money, direction: Direction | None, cells: Sequence[object]) -> Money:
        if direction is Direction.OUT:
            return Money(-abs(money.minor), money.currency)
        if direction is Direction.IN:
            return Money(abs(money.minor), money.currency)
        if self.inverse_sign:
            if money.minor > 0 and any(
                card_credit_text(self._text(cells, i)) for i in self.memo_cols
            ):
                return money
            return Money(-money.minor, money.currency)
        return money

    # ------------------------------------------------------------ the row

    def build(self, line: int, cells: Sequence[object]) -> Row:
        try:
            when, has_time = self._when(cells)
            amount, direction, unknown = self._money(cells)
        except _RowError as err:
            width = len(self.header)
            if width and len(non_empty(cells)) and len(cells) < width:
                return RowRejection(
                    line,
                    Msg(
                        "{reason} (the row has {found} cells, the header has {expected})",
                        reason=err.message,
                        found=len(cells),
                        expected=width,
                    ),
                )
            return RowRejection(line, err.message)
        except (ArithmeticError, TypeError, ValueError) as exc:  # a cell shape no rule foresaw
            return RowRejection(
                line,
                Msg(
                    "This row could not be read ({error}); expected a date and an amount",
                    error=f"{type(exc).__name__}: {exc}",
                ),
            )
        text = self._text
        simple = self._simple
        memo_cols = self.memo_cols
        if len(memo_cols) == 1:
            memo = text(cells, memo_cols[0])
        else:
            memo = " | ".join(
                t for t in (text(cells, i) for i in memo_cols) if t and not is_empty(t)
            )
        payee = text(cells, self._payee)
        if is_empty(payee) and self._payee_fb is not None:
            payee = text(cells, self._payee_fb)
        status = TxStatus.BOOKED
        if simple["status"] is not None:
            status, unknown_status = self.dialect.status(text(cells, simple["status"]))
            unknown = unknown or (unknown_status and self.dialect.wallet)
        account = text(cells, simple["payee_account"])
        reference = text(cells, simple["reference"])
        counterpart = text(cells, simple["counterpart_ref"])
        tx = ParsedTransaction(
            line=line,
            occurred_at=when,
            has_time=has_time,
            amount=amount,
            payee="" if is_empty(payee) else payee,
            payee_account=None if is_empty(account) else account,
            memo="" if memo[:1] in ("-", "/") and is_empty(memo) else memo,
            reference=None if is_empty(reference) else reference,
            status=status,
            direction=direction,
            kind=text(cells, simple["type"]),
            category=text(cells, simple["category"]),
            account_key=self.account_key,
            counterpart_ref=None if is_empty(counterpart) else counterpart,
            funding=""
            if simple["funding"] is None
            else _blank_slash(text(cells, simple["funding"])),
            unknown_type=unknown and self.dialect.wallet,
            raw=tuple(c if type(c) is str else clean(c) for c in cells),
        )
        if self.dialect.has_finish:
            return self.dialect.finish(tx, cells)
        return tx


def _blank_slash(text: str) -> str:
    return "" if text == "/" else text
