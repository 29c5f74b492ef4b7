"""Turn the first rows of a table into a RowBuilder: header, mapping, parsers,
currency and account. Shared by the CSV, Excel, Alipay and WeChat importers."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from babel.numbers import is_currency

from okguard.domain.importing import ImportFailure
from okguard.domain.transaction import StatementAccount
from okguard.i18n import Msg
from okguard.importers.base import ImportOptions
from okguard.importers.tabular_builder import RowBuilder
from okguard.importers.tabular_cn_bank import is_card_statement, statement_month
from okguard.importers.tabular_dialect import Dialect
from okguard.importers.tabular_headers import HeaderMap, map_header, normalise
from okguard.importers.tabular_table import find_header, guess_by_shape, is_separator, is_summary
from okguard.importers.tabular_values import (
    clean,
    currency_code,
    infer_date_style,
    infer_decimal_comma,
    looks_like_time_only,
)

SAMPLE_ROWS = 200
_ACCOUNT_LABELS = (
    "iban",
    "卡号",
    "账号",
    "accountnumber",
    "支付宝账户",
    "微信昵称",
    "kontonummer",
    "konto",
)
_CURRENCY_LABELS = ("währung", "waehrung", "currency", "币种", "devise", "moneda")
_LABEL_VALUE = re.compile(r"^\s*([^:：]{1,20})[:：]\s*\[?([^\]]*)\]?\s*$")


@dataclass
class Table:
    header_index: int  # index into the given rows; -1: no header
    header: list[str]
    mapping: HeaderMap
    builder: RowBuilder
    uncertain: bool
    account: StatementAccount

    def role_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for role, col in self.mapping.roles.items():
            names[role] = self.header[col] if col < len(self.header) else f"#{col + 1}"
        return names


def _from_options(column_mapping: Mapping[str, int]) -> HeaderMap:
    mapped = HeaderMap(roles={k: int(v) for k, v in column_mapping.items() if k != "memo_extra"})
    if "memo" in mapped.roles:
        mapped.memo = [mapped.roles["memo"]]
    return mapped


def _choose_header(
    rows: Sequence[Sequence[object]], options: ImportOptions
) -> tuple[int, HeaderMap, bool]:
    """(header index or -1, mapping, uncertain).

    ``options.header_row`` is the 0-based index of the header among the file's
    records (CSV records, blank lines included; spreadsheet rows); -1 means the
    file has no header. ``options.column_mapping`` maps roles to 0-based column
    indexes and replaces auto-mapping entirely."""
    if options.column_mapping:
        index = options.header_row
        if index is None:
            found = find_header(rows)
            index = found[0] if found else -1
        return index, _from_options(options.column_mapping), False
    if options.header_row is not None and 0 <= options.header_row < len(rows):
        mapped = map_header(rows[options.header_row])
        return options.header_row, mapped, not mapped.complete
    found = find_header(rows)
    if found is not None:
        return found[0], found[1], False
    data = [r for r in rows[:SAMPLE_ROWS] if not is_separator(r)]
    guessed = guess_by_shape(data)
    if guessed is None or not guessed.complete:
        raise ImportFailure(
            Msg(
                "No header row with a date and an amount column was found in the first rows, "
                "and the columns could not be guessed; expected a table of transactions"
            )
        )
    return -1, guessed, True


def _fix_time_roles(mapped: HeaderMap, sample: Sequence[Sequence[object]]) -> None:
    """交易时间 is a full date-time in e-wallet bills but only a time in bank files."""
    roles = mapped.roles
    col = roles.get("datetime")
    if col is None or "date" not in roles:
        return
    values = [clean(r[col]) for r in sample if col < len(r) and clean(r[col])]
    if values and all(looks_like_time_only(v) or v.isdigit() for v in values):
        del roles["datetime"]
        roles.setdefault("time", col)


def _column(sample: Sequence[Sequence[object]], col: int | None) -> list[object]:
    if col is None:
        return []
    return [r[col] for r in sample if col < len(r) and r[col] not in (None, "")]


def _preamble_facts(preamble: Sequence[Sequence[object]]) -> tuple[str, str | None]:
    """(account key, currency) named by lines above the header."""
    key, currency = "", None
    for row in preamble:
        cells = [clean(c) for c in row]
        for i, cell in enumerate(cells):
            m = _LABEL_VALUE.match(cell)
            label, value = (
                (m.group(1), m.group(2))
                if m
                else (cell, cells[i + 1] if i + 1 < len(cells) else "")
            )
            if not key and normalise(label) in _ACCOUNT_LABELS and value.strip():
                key = value.strip()
            if currency is None:
                if "人民币" in cell:
                    currency = "CNY"
                elif normalise(label) in _CURRENCY_LABELS:
                    currency = currency_code(value)
    return key, currency


def plan_table(
    rows: Sequence[Sequence[object]],
    options: ImportOptions,
    dialect: Dialect | None = None,
    institution: str | None = None,
) -> Table:
    """Decide everything about a table from its first rows (the whole table for
    small files). Raises ImportFailure when no transaction table can be found."""
    dialect = dialect or Dialect()
    index, mapped, uncertain = _choose_header(rows, options)
    header = [clean(c) for c in rows[index]] if index >= 0 else []
    preamble = rows[:index] if index > 0 else []
    sample = [r for r in rows[index + 1 : index + 1 + SAMPLE_ROWS] if not is_separator(r)]
    if not options.column_mapping:
        _fix_time_roles(mapped, sample)
    roles = mapped.roles
    key, file_currency = _preamble_facts(preamble)
    if not key and "account" in roles:
        values = _column(sample, roles["account"])
        key = clean(values[0]) if values else ""
    amount_cols = [roles[r] for r in ("amount", "debit", "credit") if r in roles]
    amount_values = [
        clean(v) for col in amount_cols for v in _column(sample, col) if isinstance(v, str)
    ]
    date_col = roles.get("datetime", roles.get("date"))
    currency = file_currency or currency_in_header(header, amount_cols) or (
        options.default_currency
    )
    decimal_comma = infer_decimal_comma(amount_values)
    formula = any(isinstance(c, str) and c.startswith('="') for r in sample[:20] for c in r)
    builder = RowBuilder(
        roles=roles,
        header=header,
        # A decimal comma is a European file: ambiguous 01/04/20 is then 1 April.
        date_style=infer_date_style(
            _column(sample, date_col), options.dayfirst, statement_month(preamble), decimal_comma
        ),
        decimal_comma=decimal_comma,
        currency=currency,
        dialect=dialect,
        memo_cols=list(mapped.memo),
        inverse_sign=is_card_statement(preamble, header, mapped, _amount_texts(sample, mapped)),
        payee_memo=mapped.describes,
        account_key=key,
        formula_cells=formula,
    )
    account = StatementAccount(
        key=key, currency=file_currency, institution=institution or dialect.institution
    )
    uncertain = uncertain or not mapped.complete
    return Table(index, header, mapped, builder, uncertain, account)


def _amount_texts(
    sample: Sequence[Sequence[object]], mapped: HeaderMap
) -> list[tuple[str, str]]:
    """(amount, description) of the sample rows, for telling a card export by its signs."""
    amount = mapped.roles.get("amount")
    if amount is None:
        return []
    text_cols = [c for c in (mapped.roles.get("payee"), *mapped.memo) if c is not None]
    return [
        (
            clean(row[amount]) if amount < len(row) else "",
            " ".join(clean(row[c]) for c in text_cols if c < len(row)),
        )
        for row in sample
    ]


def currency_in_header(header: Sequence[object], amount_cols: Sequence[int]) -> str | None:
    """The currency an amount header names: "Amount (EUR)", "Betrag in EUR", "金额(USD)"."""
    for col in amount_cols:
        if col < len(header):
            for found in re.findall(r"(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])", clean(header[col])):
                code = str(found)
                if is_currency(code):
                    return code
    return None


def require_data(body: Sequence[Sequence[object]]) -> None:
    """Refuse a table whose header is followed by nothing but blanks and totals."""
    if not any(not is_separator(cells) and not is_summary(cells) for cells in body):
        raise ImportFailure(Msg("The file has a header but no transactions"))
