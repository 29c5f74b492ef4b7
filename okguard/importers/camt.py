"""ISO 20022 bank-to-customer messages: camt.053 statements (Stmt), camt.052
intraday reports (Rpt) and camt.054 notifications (Ntfctn), any schema version.

Elements are matched by local name, so every camt.05x.001.NN namespace reads alike.

Rows: one per entry (Ntry). When an entry is a batch whose several TxDtls each state
their own amount, it becomes one row per TxDtls instead, so each payment keeps its
payee; TxDtls without amounts only add detail to the one entry row.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from okguard.domain.importing import ImportFailure, RowRejection
from okguard.domain.money import Money
from okguard.domain.transaction import ParsedTransaction, StatementAccount, TxStatus
from okguard.i18n import Msg
from okguard.importers.base import Importer, ImportOptions, Row, SourceFile, Statement
from okguard.importers.struct_common import BadRecord, currency_code, parse_money
from okguard.importers.struct_xml import first, local, text_at, texts_at

_MESSAGES = {
    "BkToCstmrStmt": "Stmt",
    "BkToCstmrAcctRpt": "Rpt",
    "BkToCstmrDbtCdtNtfctn": "Ntfctn",
}
_NAMESPACE = re.compile(rb"urn:iso:std:iso:20022:tech:xsd:camt\.05[234]\.")
_ENTRY_START = re.compile(rb"<(?:[\w.-]+:)?Ntry[\s>]")
_KINDS = {"CACC": "checking", "SVGS": "savings", "CARD": "credit_card", "LOAN": "loan"}
_STATUS = {"BOOK": TxStatus.BOOKED, "PDNG": TxStatus.PENDING, "INFO": TxStatus.PENDING}


def _account(report: ET.Element, fallback_ccy: str) -> StatementAccount:
    acct = first(report, "Acct")
    key = text_at(acct, "Id/IBAN") or text_at(acct, "Id/Othr/Id")
    currency = text_at(acct, "Ccy")
    for path in ("Bal/Amt", "Ntry/Amt"):
        amount = first(report, path)
        if not currency and amount is not None:
            currency = amount.get("Ccy", "")
    return StatementAccount(
        key=key,
        name=text_at(acct, "Nm") or None,
        currency=currency.upper() or fallback_ccy,
        institution=text_at(acct, "Svcr/FinInstnId/BIC")
        or text_at(acct, "Svcr/FinInstnId/BICFI")
        or text_at(acct, "Svcr/FinInstnId/Nm")
        or None,
        kind=_KINDS.get(text_at(acct, "Tp/Cd"), "checking"),
    )


def _date(entry: ET.Element) -> tuple[datetime, bool]:
    for holder in ("BookgDt", "ValDt"):
        stamp = text_at(entry, f"{holder}/DtTm")
        if stamp:
            try:
                return datetime.fromisoformat(stamp.replace("Z", "+00:00")), True
            except ValueError:
                raise BadRecord(Msg("{value!r} is not a valid date", value=stamp)) from None
        day = text_at(entry, f"{holder}/Dt")
        if day:
            try:
                return datetime.fromisoformat(day[:10]), False
            except ValueError:
                raise BadRecord(Msg("{value!r} is not a valid date", value=day)) from None
    raise BadRecord(Msg("The entry has no booking or value date"))


def _bank_code(entry: ET.Element) -> str:
    domain = [
        text_at(entry, p)
        for p in ("BkTxCd/Domn/Cd", "BkTxCd/Domn/Fmly/Cd", "BkTxCd/Domn/Fmly/SubFmlyCd")
    ]
    if any(domain):
        return "/".join(part for part in domain if part)
    return text_at(entry, "BkTxCd/Prtry/Cd")


def _party(details: ET.Element | None, role: str) -> tuple[str, str | None]:
    """Name and account of the Cdtr or Dbtr (v2 'Cdtr/Nm', v8 'Cdtr/Pty/Nm')."""
    name = (
        text_at(details, f"RltdPties/{role}/Nm")
        or text_at(details, f"RltdPties/{role}/Pty/Nm")
        or text_at(details, f"RltdPties/Ultmt{role}/Nm")
        or text_at(details, f"RltdPties/Ultmt{role}/Pty/Nm")
    )
    account = text_at(details, f"RltdPties/{role}Acct/Id/IBAN") or text_at(
        details, f"RltdPties/{role}Acct/Id/Othr/Id"
    )
    return name, account or None


def _reference(*candidates: str) -> str | None:
    for value in candidates:
        if value and value.upper() != "NOTPROVIDED":
            return value
    return None


def _memo(details: list[ET.Element], entry: ET.Element) -> str:
    parts: list[str] = []
    for tx in details:
        parts.extend(texts_at(tx, "RmtInf/Ustrd"))
        if not parts:
            parts.extend(texts_at(tx, "RmtInf/Strd/CdtrRefInf/Ref"))
        parts.extend(texts_at(tx, "AddtlTxInf"))
    if not parts:
        parts.extend(texts_at(entry, "AddtlNtryInf"))
    return " ".join(dict.fromkeys(p for p in parts if p))


def _tx_amount(tx: ET.Element) -> ET.Element | None:
    return first(tx, "Amt") if first(tx, "Amt") is not None else first(tx, "AmtDtls/TxAmt/Amt")


class CamtImporter(Importer):
    format_id = "camt"
    label = "ISO 20022 CAMT (053/052/054)"

    def identify(self, source: SourceFile) -> int:
        head = source.head
        if head.startswith(b"PK\x03\x04"):
            return 0  # zip archives are expanded by the import service
        if _NAMESPACE.search(head):
            return 95
        if any(name.encode() in head for name in _MESSAGES) and b"<Document" in head:
            return 80
        return 0

    def open(self, source: SourceFile, options: ImportOptions) -> Statement:
        data = source.read_bytes()
        if data.startswith(b"PK\x03\x04"):
            raise ImportFailure(
                Msg("This is a zip archive, not a CAMT XML file; import the archive itself")
            )
        try:
            root = fromstring(data)
        except (ET.ParseError, DefusedXmlException, ValueError) as exc:
            raise ImportFailure(
                Msg("The CAMT file is not well-formed XML: {error}", error=str(exc))
            ) from None
        message = next((child for child in root if local(child.tag) in _MESSAGES), None)
        if local(root.tag) == "Document" and message is None and "camt.05" in root.tag:
            raise ImportFailure(Msg("This CAMT document holds no bank-to-customer message"))
        if local(root.tag) != "Document" or message is None:
            raise ImportFailure(
                Msg(
                    "This XML is not a CAMT bank-to-customer message (root {root})",
                    root=local(root.tag),
                )
            )
        reports = [child for child in message if local(child.tag) == _MESSAGES[local(message.tag)]]
        if not reports:
            raise ImportFailure(Msg("The CAMT file holds no statement, report or notification"))
        accounts = [_account(report, options.default_currency) for report in reports]
        entries = [
            (report, acct, e)
            for report, acct in zip(reports, accounts, strict=True)
            for e in report
            if local(e.tag) == "Ntry"
        ]
        if not entries:
            raise ImportFailure(Msg("The CAMT file holds statements but no entries"))
        lines = [data.count(b"\n", 0, m.start()) + 1 for m in _ENTRY_START.finditer(data)]
        if len(lines) != len(entries):
            lines = list(range(1, len(entries) + 1))  # not lined up (e.g. UTF-16): entry numbers
        unique = {acct.key: acct for acct in accounts}
        return Statement(
            format=self.format_id, accounts=list(unique.values()), rows=self._rows(entries, lines)
        )

    def _rows(
        self, entries: list[tuple[ET.Element, StatementAccount, ET.Element]], lines: list[int]
    ) -> Iterator[Row]:
        for (_report, account, entry), line in zip(entries, lines, strict=True):
            try:
                yield from _entry_rows(entry, account, line)
            except BadRecord as bad:
                yield RowRejection(line, bad.reason)


def _entry_rows(
    entry: ET.Element, account: StatementAccount, line: int
) -> Iterator[ParsedTransaction]:
    when, has_time = _date(entry)
    indicator = text_at(entry, "CdtDbtInd")
    if indicator not in ("CRDT", "DBIT"):
        raise BadRecord(Msg("The entry has no credit/debit indicator"))
    reversed_ = text_at(entry, "RvslInd").lower() in ("true", "1")
    status_code = text_at(entry, "Sts") or text_at(entry, "Sts/Cd")
    status = TxStatus.REVERSED if reversed_ else _STATUS.get(status_code, TxStatus.BOOKED)
    details = [tx for tx in entry.iter() if local(tx.tag) == "TxDtls"]
    fallback_ccy = account.currency or "EUR"
    kind = _bank_code(entry)
    entry_ref = text_at(entry, "AcctSvcrRef") or text_at(entry, "NtryRef")
    split = len(details) > 1 and all(_tx_amount(tx) is not None for tx in details)
    if not split:
        amount_el = first(entry, "Amt")
        amount = parse_money(
            amount_el.text if amount_el is not None else "",
            currency_code(amount_el.get("Ccy") if amount_el is not None else "", fallback_ccy),
        )
        tx = details[0] if details else None
        yield _build(
            entry,
            tx,
            details,
            indicator,
            amount,
            when,
            has_time,
            status,
            kind,
            account,
            line,
            _reference(
                entry_ref,
                text_at(tx, "Refs/AcctSvcrRef"),
                text_at(tx, "Refs/EndToEndId"),
                text_at(tx, "Refs/TxId"),
            ),
        )
        return
    for n, tx in enumerate(details, start=1):
        amount_el = _tx_amount(tx)
        assert amount_el is not None
        amount = parse_money(amount_el.text, currency_code(amount_el.get("Ccy"), fallback_ccy))
        tx_indicator = text_at(tx, "CdtDbtInd") or indicator
        reference = _reference(
            text_at(tx, "Refs/AcctSvcrRef"),
            text_at(tx, "Refs/EndToEndId"),
            text_at(tx, "Refs/TxId"),
        )
        if reference is None and entry_ref:
            reference = f"{entry_ref}/{n}"
        yield _build(
            entry,
            tx,
            [tx],
            tx_indicator,
            amount,
            when,
            has_time,
            status,
            kind,
            account,
            line,
            reference,
        )


def _build(
    entry: ET.Element,
    tx: ET.Element | None,
    details: list[ET.Element],
    indicator: str,
    amount: Money,
    when: datetime,
    has_time: bool,
    status: TxStatus,
    kind: str,
    account: StatementAccount,
    line: int,
    reference: str | None,
) -> ParsedTransaction:
    debit = indicator == "DBIT"
    # The payee is the other party: who received a debit, who sent a credit.
    payee, payee_account = _party(tx, "Cdtr" if debit else "Dbtr")
    return ParsedTransaction(
        line=line,
        occurred_at=when,
        has_time=has_time,
        amount=-abs(amount) if debit else abs(amount),
        payee=payee,
        payee_account=payee_account,
        memo=_memo(details, entry),
        reference=reference,
        status=status,
        kind=kind,
        account_key=account.key,
    )
