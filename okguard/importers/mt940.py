"""SWIFT MT940 statements and MT942 interim reports, read with the ``mt940`` library.

The file is cut into statements at each ``:20:`` so every statement keeps its own
account (:25:) and currency (:60F:); SWIFT envelopes ({1:..}{2:..}{4: ... -}) are
blanked out first, keeping line numbers. When the library refuses a statement, its
:61: records are parsed one by one so one broken line costs one RowRejection.
MT942 lines (a statement with :34F: or :13D:) are not final: status PENDING.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import mt940

from okguard.domain.importing import ImportFailure, RowRejection
from okguard.domain.transaction import ParsedTransaction, StatementAccount, TxStatus
from okguard.i18n import Msg
from okguard.importers.base import Importer, ImportOptions, Row, SourceFile, Statement
from okguard.importers.encoding import decode
from okguard.importers.struct_common import BadRecord, LineIndex, currency_code, make_money
from okguard.importers.struct_mt940_details import parse_details

_ENVELOPE = re.compile(r"\{[1235]:[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\{4:|^-\}?\s*$|^\}\s*$", re.M)
_STATEMENT_START = re.compile(r"^[ \t]*:20:", re.M)
_RECORD = re.compile(r"^[ \t]*:61:", re.M)
_RECORD_END = re.compile(r"^[ \t]*:(?:61|62[FM]|64|65|90[CD]):", re.M)
_INTERIM = re.compile(r"^[ \t]*:(?:34F|13D?):", re.M)
_CURRENCY_25 = re.compile(r"([A-Z]{3})\s*$")
# The library logs every unparsable tag at ERROR with its regex; we report those
# lines as rejections, so without a handler of the app's own they must not reach
# stderr through logging's last-resort handler.
logging.getLogger("mt940").addHandler(logging.NullHandler())
_OPTIONS = mt940.Options(applicant_iban=True, case_insensitive_marks=True)


def _blank(match: re.Match[str]) -> str:
    return "\n" * match.group().count("\n")


def _parse(text: str) -> mt940.models.Transactions:
    parsed = mt940.models.Transactions(options=_OPTIONS)
    parsed.parse(text)
    return parsed


def _text(source: SourceFile, encoding: str | None) -> str:
    try:
        return decode(source.read_bytes(), encoding)[0]
    except LookupError:  # an encoding name Python does not know: detect instead
        return decode(source.read_bytes())[0]


class _Chunk:
    """One statement: its text, its offset in the file and what the library made of it."""

    def __init__(self, text: str, offset: int, fallback_ccy: str) -> None:
        self.text = text
        self.offset = offset
        self.interim = bool(_INTERIM.search(text))
        self.records = [m.start() for m in _RECORD.finditer(text)]
        header = text[: self.records[0]] if self.records else text
        try:
            self.parsed: mt940.models.Transactions | None = _parse(text)
        except Exception:  # the library raises many kinds on bad input
            self.parsed = None
        try:
            data: dict[str, Any] = (self.parsed or _parse(header)).data
        except Exception:
            data = {}
        key = str(data.get("account_identification") or "").strip()
        ccy = None
        for name in ("final_opening_balance", "opening_balance", "intermediate_opening_balance"):
            balance = data.get(name)
            ccy = ccy or getattr(getattr(balance, "amount", None), "currency", None)
        for name in ("d_floor_limit", "c_floor_limit"):  # MT942 has limits, not balances
            ccy = ccy or getattr(data.get(name), "currency", None)
        m = _CURRENCY_25.search(key)
        ccy = ccy or (m.group(1) if m and not key[-4:-3].isalpha() else None)
        self.account = StatementAccount(key=key, currency=ccy or fallback_ccy, kind="checking")

    def record_text(self, n: int) -> str:
        start = self.records[n]
        end = _RECORD_END.search(self.text, start + 4)
        stop = end.start() if end else len(self.text)
        return self.text[: self.records[0]] + self.text[start:stop]


def _when(data: dict[str, Any]) -> tuple[datetime, bool]:
    day = data.get("guessed_entry_date") or data.get("entry_date") or data.get("date")
    if not isinstance(day, date):
        raise BadRecord(Msg("The statement line has no date"))
    return datetime(day.year, day.month, day.day), False


def _row(data: dict[str, Any], chunk: _Chunk, line: int) -> ParsedTransaction:
    amount = data.get("amount")
    value = getattr(amount, "amount", None)
    if value is None:
        raise BadRecord(Msg("The statement line has no amount"))
    mark = str(data.get("status") or "").upper()
    if mark not in ("C", "D", "RC", "RD"):
        raise BadRecord(Msg("The statement line has no debit/credit mark"))
    ccy = currency_code(
        data.get("currency") or getattr(amount, "currency", None), chunk.account.currency or "EUR"
    )
    money = make_money(abs(value), ccy)
    # D and RC (reversal of a credit) take money out; C and RD put it in.
    if mark in ("D", "RC"):
        money = -money
    when, has_time = _when(data)
    details = parse_details(data)
    reference = data.get("bank_reference") or data.get("customer_reference")
    if str(reference or "").upper() == "NONREF":
        reference = None
    reference = re.sub(r"\s+", "", str(reference)) if reference else None
    status = (
        TxStatus.REVERSED
        if mark.startswith("R")
        else TxStatus.PENDING
        if chunk.interim
        else TxStatus.BOOKED
    )
    return ParsedTransaction(
        line=line,
        occurred_at=when,
        has_time=has_time,
        amount=money,
        payee=details.payee,
        payee_account=details.payee_account,
        memo=details.memo,
        reference=reference or None,
        status=status,
        kind=str(data.get("id") or ""),
        account_key=chunk.account.key,
    )


class Mt940Importer(Importer):
    format_id = "mt940"
    label = "SWIFT MT940 / MT942"

    def identify(self, source: SourceFile) -> int:
        head = source.head.decode("latin-1")
        tags = set(
            re.findall(r"^\s*(?:\{4:)?\s*:(20|25|28C?|60[FM]|61|62[FM]|86|34F):", head, re.M)
        )
        if {"20", "25"} <= tags and tags & {"61", "60F", "60M", "62F", "34F"}:
            return 90
        if len(tags) >= 2 and tags & {"61", "60F", "25"}:
            return 60
        return 0

    def open(self, source: SourceFile, options: ImportOptions) -> Statement:
        text = _text(source, options.encoding)
        text = _ENVELOPE.sub(_blank, text.replace("\r\n", "\n").replace("\r", "\n"))
        starts = [m.start() for m in _STATEMENT_START.finditer(text)] or [0]
        starts[0] = 0
        chunks = [
            _Chunk(text[a:b], a, options.default_currency)
            for a, b in zip(starts, [*starts[1:], len(text)], strict=True)
        ]
        if not any(chunk.records for chunk in chunks):
            raise ImportFailure(Msg("This MT940 file holds no statement lines (:61:)"))
        index = LineIndex(text)
        accounts = {c.account.key: c.account for c in chunks if c.records}
        return Statement(
            format=self.format_id, accounts=list(accounts.values()), rows=self._rows(chunks, index)
        )

    def _rows(self, chunks: list[_Chunk], index: LineIndex) -> Iterator[Row]:
        for chunk in chunks:
            parsed = list(chunk.parsed) if chunk.parsed is not None else None
            if parsed is not None and len(parsed) != len(chunk.records):
                parsed = None  # cannot line the library's records up with ours
            for n, start in enumerate(chunk.records):
                line = index.line_of(chunk.offset + start)
                raw = chunk.record_text(n)
                try:
                    if parsed is not None:
                        data = parsed[n].data
                    else:
                        one = list(_parse(raw))
                        if len(one) != 1:
                            raise BadRecord(Msg("The statement line cannot be read"))
                        data = one[0].data
                    yield _row(data, chunk, line)
                except BadRecord as bad:
                    yield RowRejection(line, bad.reason)
                except Exception:  # the library's many error kinds for one bad line
                    text = chunk.text[start:].strip().split("\n", 1)[0][:80]
                    yield RowRejection(
                        line, Msg("The statement line {text!r} cannot be read", text=text)
                    )
