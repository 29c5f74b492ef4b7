"""OFX 1.x (SGML), OFX 2.x (XML) and QFX statements: bank, credit card and the
cash-moving part of investment statements.

Investment choice: a trade or income record with a TOTAL moves cash (BUY*, SELL*,
INCOME, REINVEST, RETOFCAP, MARGININTEREST, INVEXPENSE) and becomes a row with the
security name as payee; INVBANKTRAN is read like a bank STMTTRN. Records without a
TOTAL (TRANSFER, SPLIT, JRNLSEC ...) move shares, not money, and are not rows.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_EVEN, Decimal

from okguard.domain.importing import ImportFailure, RowRejection
from okguard.domain.money import Money, currency_exponent
from okguard.domain.transaction import ParsedTransaction, StatementAccount
from okguard.i18n import Msg
from okguard.importers.base import Importer, ImportOptions, Row, SourceFile, Statement
from okguard.importers.struct_common import (
    BadRecord,
    LineIndex,
    currency_code,
    make_money,
    parse_decimal,
)
from okguard.importers.struct_ofx_tree import parse_ofx

_INVEST_TX = frozenset(
    {
        *("BUYDEBT", "BUYMF", "BUYOPT", "BUYOTHER", "BUYSTOCK"),
        *("SELLDEBT", "SELLMF", "SELLOPT", "SELLOTHER", "SELLSTOCK"),
        *("INCOME", "REINVEST", "RETOFCAP", "MARGININTEREST", "INVEXPENSE"),
        *("CLOSUREOPT", "JRNLFUND", "JRNLSEC", "SPLIT", "TRANSFER"),
    }
)
_RECORD_TAGS = _INVEST_TX | {"STMTTRN"}
_RECORD_START = re.compile(r"<(" + "|".join(sorted(_RECORD_TAGS)) + r")\s*>", re.I)
_STATEMENTS = {"STMTRS": "BANKACCTFROM", "CCSTMTRS": "CCACCTFROM", "INVSTMTRS": "INVACCTFROM"}
_DATE = re.compile(
    r"^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?(?:\.\d+)?)?\s*"
    r"(?:\[\s*([+-]?\d+(?:\.\d+)?)?\s*(?::[^\]]*)?\])?\s*$"
)
_HEADER = re.compile(rb"OFXHEADER\s*[:=]|<OFX[\s>]", re.I)


def _text(element: ET.Element | None, path: str) -> str:
    if element is None:
        return ""
    found = element.find(path)
    if found is None or found.text is None:
        return ""
    return html.unescape(found.text).strip()


def parse_ofx_date(text: str) -> tuple[datetime, bool]:
    """``YYYYMMDD[HHMMSS[.XXX]][[+-]TZ:NAME]``; a zone makes the datetime aware."""
    m = _DATE.match(text.strip())
    if not m:
        raise BadRecord(Msg("{value!r} is not an OFX date", value=text.strip()))
    year, month, day, hour, minute, second, offset = m.groups()
    try:
        when = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
        if offset is not None:
            when = when.replace(tzinfo=timezone(timedelta(hours=float(offset))))
    except ValueError:
        raise BadRecord(Msg("{value!r} is not a valid date", value=text.strip())) from None
    has_time = hour is not None and (hour, minute, second or "00") != ("00", "00", "00")
    return when, has_time


def _record_date(record: ET.Element, *paths: str) -> tuple[datetime, bool]:
    for path in paths:
        value = _text(record, path)
        if value:
            return parse_ofx_date(value)
    raise BadRecord(Msg("The transaction has no date"))


def _refuse_without_statements(root: ET.Element) -> ImportFailure:
    if root.find(".//PROFRS") is not None:
        return ImportFailure(Msg("This OFX file is a profile response (PROFRS), not a statement"))
    if root.find(".//ACCTINFORS") is not None:
        return ImportFailure(Msg("This OFX file is an account list (ACCTINFORS), not a statement"))
    for status in root.iter("STATUS"):
        code = _text(status, "CODE")
        if code and code != "0":
            return ImportFailure(
                Msg(
                    "This OFX file holds an error response: {code} {message}",
                    code=code,
                    message=_text(status, "MESSAGE"),
                )
            )
    if root.find(".//SONRS") is not None:
        return ImportFailure(Msg("This OFX file is a sign-on response with no statement in it"))
    return ImportFailure(Msg("This OFX file holds no statement"))


class _Statement:
    def __init__(self, element: ET.Element, fallback_ccy: str, institution: str) -> None:
        self.element = element
        acct = element.find(_STATEMENTS[element.tag])
        self.currency = _text(element, "CURDEF").upper() or fallback_ccy
        kind = {"CCSTMTRS": "credit_card", "INVSTMTRS": "investment"}.get(element.tag)
        self.account = StatementAccount(
            key=_text(acct, "ACCTID"),
            currency=self.currency,
            institution=_text(acct, "BANKID") or _text(acct, "BROKERID") or institution or None,
            kind=kind or (_text(acct, "ACCTTYPE").lower() or "checking"),
        )


class OfxImporter(Importer):
    format_id = "ofx"
    label = "OFX / QFX"

    def identify(self, source: SourceFile) -> int:
        head = source.head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
        if _HEADER.search(head) or re.search(rb"<OFX\s*>", source.head, re.I):
            return 90
        return 0

    def open(self, source: SourceFile, options: ImportOptions) -> Statement:
        try:
            root, text = parse_ofx(source.read_bytes())
        except (RecursionError, ValueError):
            raise ImportFailure(Msg("This OFX file cannot be read")) from None
        institution = _text(root, ".//SONRS/FI/ORG")
        statements = [
            _Statement(el, options.default_currency, institution)
            for el in root.iter()
            if el.tag in _STATEMENTS
        ]
        if not statements:
            raise _refuse_without_statements(root)
        ordinals = {
            id(el): n for n, el in enumerate(e for e in root.iter() if e.tag in _RECORD_TAGS)
        }
        if not ordinals:
            raise ImportFailure(Msg("The OFX statement holds no transactions"))
        lines = _record_lines(text, len(ordinals))
        securities = {
            _text(info, "SECINFO/SECID/UNIQUEID"): _text(info, "SECINFO/SECNAME")
            or _text(info, "SECINFO/TICKER")
            for info in root.iter()
            if info.tag.endswith("INFO") and info.find("SECINFO") is not None
        }
        accounts: dict[str, StatementAccount] = {}
        for stmt in statements:
            accounts.setdefault(stmt.account.key, stmt.account)
        rows = self._rows(statements, ordinals, lines, securities)
        return Statement(format=self.format_id, accounts=list(accounts.values()), rows=rows)

    def _rows(
        self,
        statements: list[_Statement],
        ordinals: dict[int, int],
        lines: list[int],
        securities: dict[str, str],
    ) -> Iterator[Row]:
        for stmt in statements:
            for record in stmt.element.iter():
                if record.tag not in _RECORD_TAGS:
                    continue
                if record.tag != "STMTTRN" and record.find(".//TOTAL") is None:
                    continue  # moves shares, not cash
                line = lines[ordinals[id(record)]]
                try:
                    if record.tag == "STMTTRN":
                        yield _bank_row(record, stmt, line)
                    else:
                        yield _invest_row(record, stmt, line, securities)
                except BadRecord as bad:
                    yield RowRejection(line, bad.reason)


def _record_lines(text: str, count: int) -> list[int]:
    """Line where each record starts. A one-line file (or one whose tags the regex
    cannot line up with the tree) numbers records 1, 2, 3 ... instead."""
    index = LineIndex(text)
    found = [index.line_of(m.start()) for m in _RECORD_START.finditer(text)]
    if len(found) != count or len(set(found)) != len(found):
        return list(range(1, count + 1))
    return found


def _currency(record: ET.Element, stmt: _Statement) -> str:
    return currency_code(
        _text(record, "CURRENCY/CURSYM") or _text(record, "ORIGCURRENCY/CURSYM"), stmt.currency
    )


def _cash(text: str, currency: str, memo: str) -> tuple[Money, str]:
    """Brokers (and their cash sweeps) state amounts to 4 decimals (115.8331): the
    cash that moved is that rounded to the currency's minor unit; the exact figure is
    kept in the memo so nothing is lost silently."""
    exact = parse_decimal(text)
    rounded = exact.quantize(Decimal(1).scaleb(-currency_exponent(currency)), ROUND_HALF_EVEN)
    if rounded != exact:
        memo = f"{memo} (exact amount {exact})".strip()
    return make_money(rounded, currency), memo


def _bank_row(record: ET.Element, stmt: _Statement, line: int) -> ParsedTransaction:
    when, has_time = _record_date(record, "DTPOSTED", "DTUSER", "DTAVAIL")
    amount, memo = _cash(_text(record, "TRNAMT"), _currency(record, stmt), _text(record, "MEMO"))
    payee = _text(record, "NAME") or _text(record, "PAYEE/NAME") or _text(record, "EXTDNAME")
    to_account = record.find("BANKACCTTO")
    if to_account is None:
        to_account = record.find("CCACCTTO")
    return ParsedTransaction(
        line=line,
        occurred_at=when,
        has_time=has_time,
        amount=amount,
        payee=payee,
        payee_account=_text(to_account, "ACCTID") or None,
        memo=memo,
        reference=_text(record, "FITID") or None,
        kind=_text(record, "TRNTYPE"),
        account_key=stmt.account.key,
        counterpart_ref=_text(record, "CHECKNUM") or _text(record, "REFNUM") or None,
    )


def _invest_row(
    record: ET.Element, stmt: _Statement, line: int, securities: dict[str, str]
) -> ParsedTransaction:
    when, has_time = _record_date(record, ".//INVTRAN/DTTRADE", ".//INVTRAN/DTSETTLE")
    amount, memo = _cash(
        _text(record, ".//TOTAL"), _currency(record, stmt), _text(record, ".//INVTRAN/MEMO")
    )
    security = securities.get(_text(record, ".//SECID/UNIQUEID"), "")
    subtype = (
        _text(record, ".//BUYTYPE")
        or _text(record, ".//SELLTYPE")
        or _text(record, ".//INCOMETYPE")
    )
    return ParsedTransaction(
        line=line,
        occurred_at=when,
        has_time=has_time,
        amount=amount,
        payee=security or memo,
        memo=memo,
        reference=_text(record, ".//INVTRAN/FITID") or None,
        kind=f"{record.tag} {subtype}".strip(),
        account_key=stmt.account.key,
    )
