"""Quicken Interchange Format (QIF): bank, cash, card, asset/liability and the
cash-moving records of investment sections.

A split transaction stays one row (its total); the split lines go into the memo.
QIF has no transaction ids, so reference is None. Investment records that move
shares but not cash (ShrsIn, ReinvDiv, StkSplit ...) are not rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from okguard.domain.importing import ImportFailure, RowRejection
from okguard.domain.transaction import ParsedTransaction, StatementAccount
from okguard.i18n import Msg
from okguard.importers.base import Importer, ImportOptions, Row, SourceFile, Statement
from okguard.importers.encoding import decode
from okguard.importers.struct_common import BadRecord, parse_money
from okguard.importers.struct_qif_dates import infer_dayfirst, parse_qif_date

_TX_SECTIONS = {
    "bank": "checking",
    "cash": "cash",
    "ccard": "credit_card",
    "invst": "investment",
    "oth a": "asset",
    "oth l": "liability",
}
_ACCOUNT_KINDS = {
    **_TX_SECTIONS,
    "port": "investment",
    "401(k)/403(b)": "investment",
    "mutual": "investment",
}
_NO_CASH = {
    "shrsin",
    "shrsout",
    "reinvdiv",
    "reinvint",
    "reinvlg",
    "reinvmd",
    "reinvsh",
    "stksplit",
    "reminder",
}
_CASH_OUT = {"buy", "buyx", "miscexp", "miscexpx", "xout", "margint", "margintx", "shtsell", "cash"}
_HEADER = re.compile(r"^\s*!(Type:|Account|Option:|Clear:)", re.I | re.M)


@dataclass
class _Record:
    line: int
    fields: list[tuple[str, str]] = field(default_factory=list)
    splits: list[dict[str, str]] = field(default_factory=list)

    def get(self, code: str) -> str:
        return next((v for c, v in self.fields if c == code), "")


@dataclass
class _Parsed:
    accounts: dict[str, StatementAccount] = field(default_factory=dict)
    records: list[tuple[_Record, str, str]] = field(
        default_factory=list
    )  # record, section, account


def _scan(text: str, fallback_ccy: str) -> _Parsed:
    parsed = _Parsed()
    section = ""
    account = ""
    autoswitch = False
    record: _Record | None = None

    def close() -> None:
        nonlocal record, account
        if record is None or not record.fields:
            record = None
            return
        if section == "account":
            name = record.get("N")
            kind = _ACCOUNT_KINDS.get(record.get("T").lower(), record.get("T").lower() or None)
            if name:
                parsed.accounts.setdefault(
                    name, StatementAccount(key=name, name=name, currency=fallback_ccy, kind=kind)
                )
                if not autoswitch:
                    account = name
        elif section in _TX_SECTIONS:
            parsed.records.append((record, section, account))
        record = None

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("!"):
            close()
            head = line[1:].strip().lower()
            if head.startswith("type:"):
                section = head[5:].strip()
            elif head == "account":
                section = "account"
            elif head == "option:autoswitch":
                autoswitch = True
            elif head == "clear:autoswitch":
                autoswitch = False
            continue
        if line.startswith("^"):
            close()
            continue
        code, value = line[0], line[1:].strip()
        if record is None:
            record = _Record(number)
        if code == "S":
            record.splits.append({"S": value})
        elif code in "E$%" and record.splits and code not in record.splits[-1]:
            record.splits[-1][code] = value
        elif code == "$" and not record.splits:
            record.fields.append(("$", value))
        elif not record.splits or code not in "DE$":
            record.fields.append((code, value))
    close()
    return parsed


def _text(source: SourceFile, encoding: str | None) -> str:
    try:
        return decode(source.read_bytes(), encoding)[0]
    except LookupError:  # an encoding name Python does not know: detect instead
        return decode(source.read_bytes())[0]


class QifImporter(Importer):
    format_id = "qif"
    label = "Quicken QIF"

    def identify(self, source: SourceFile) -> int:
        head = source.head[:4096].decode("latin-1")
        if _HEADER.search(head):
            return 90
        return 0

    def open(self, source: SourceFile, options: ImportOptions) -> Statement:
        text = _text(source, options.encoding)
        if not _HEADER.search(text):
            raise ImportFailure(Msg("This is not a QIF file: no !Type or !Account header"))
        parsed = _scan(text, options.default_currency)
        if not parsed.records:
            raise ImportFailure(
                Msg(
                    "The QIF file holds no transactions "
                    "(only lists of accounts, categories or securities)"
                )
            )
        dayfirst = options.dayfirst
        if dayfirst is None:
            dayfirst = infer_dayfirst([r.get("D") for r, _, _ in parsed.records])
        accounts = dict(parsed.accounts)
        for _record, section, name in parsed.records:
            if name not in accounts:
                accounts[name] = StatementAccount(
                    key=name, currency=options.default_currency, kind=_TX_SECTIONS[section]
                )
        used = [accounts[name] for name in dict.fromkeys(name for _, _, name in parsed.records)]
        rows = _rows(parsed, dayfirst, options.default_currency)
        return Statement(format=self.format_id, accounts=used, rows=rows)


def _rows(parsed: _Parsed, dayfirst: bool, currency: str) -> Iterator[Row]:
    for record, section, account in parsed.records:
        action = record.get("N") if section == "invst" else ""
        if action.lower() in _NO_CASH:
            continue
        try:
            yield _row(record, section, account, action, dayfirst, currency)
        except BadRecord as bad:
            yield RowRejection(record.line, bad.reason)


def _row(
    record: _Record, section: str, account: str, action: str, dayfirst: bool, currency: str
) -> ParsedTransaction:
    when = parse_qif_date(record.get("D"), dayfirst)
    amount = parse_money(record.get("T") or record.get("U") or record.get("$"), currency)
    if section == "invst":
        # Investment amounts are unsigned; the action says which way cash went.
        amount = -abs(amount) if action.lower() in _CASH_OUT else abs(amount)
    category = record.get("L")
    transfer = category[1:-1] if category.startswith("[") and category.endswith("]") else None
    memo_parts = [record.get("M")]
    for split in record.splits:
        piece = " ".join(
            p for p in (split.get("S", ""), split.get("E", ""), split.get("$", "")) if p
        )
        memo_parts.append(piece)
    security = record.get("Y")
    payee = record.get("P") or security
    check = record.get("N") if section != "invst" else ""
    return ParsedTransaction(
        line=record.line,
        occurred_at=when,
        has_time=False,
        amount=amount,
        payee=payee,
        payee_account=transfer,
        memo="; ".join(p for p in memo_parts if p),
        reference=None,
        kind=action or ("transfer" if transfer else ""),
        category=category,
        account_key=account,
        counterpart_ref=check or None,
    )
