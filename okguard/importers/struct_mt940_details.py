"""The :86: details field of MT940: German ?NN subfields are split by the mt940
library; the Dutch /KEY/value/ layout (Rabobank, ING SEPA) is split here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_DUTCH_KEYS = (
    "EREF|BENM|ORDP|NAME|REMI|CNTP|IBAN|BIC|ADDR|TRCD|ISDT|CSID|MARF|SVCL|ULTB|ULTD|"
    "PURP|RTRN|PREF|ID|NRTX|TXT|CDTRREF|CDTRREFTP|CD|ISSR|USTD|STRD|ACCW|ULTC|EXCH|CHGS|OCMT"
)
_DUTCH = re.compile(r"/(" + _DUTCH_KEYS + r")/")
_IBAN = re.compile(r"\b([A-Z]{2}\d{2}[A-Z0-9]{10,30})\b")


@dataclass(frozen=True, slots=True)
class Details:
    payee: str = ""
    payee_account: str | None = None
    memo: str = ""


def _clean(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip()


def _dutch(text: str) -> Details | None:
    # Lines wrap mid-word at 65 characters: 'CONTRA ACCOUN\nT HOLDER'.
    flat = text.replace("\r", "").replace("\n", "")
    if not _DUTCH.search(flat) or (
        "/NAME/" not in flat and "/REMI/" not in flat and "/CNTP/" not in flat
    ):
        return None
    fields: dict[str, str] = {}
    parts = _DUTCH.split(flat)
    for key, value in zip(parts[1::2], parts[2::2], strict=False):
        fields.setdefault(key, value.strip("/ "))
    name = fields.get("NAME", "")
    account = fields.get("IBAN") or None
    if "CNTP" in fields:  # /CNTP/account/BIC/name/city/
        cntp = fields["CNTP"].split("/")
        account = account or (cntp[0] or None)
        name = name or (cntp[2] if len(cntp) > 2 else "")
    memo = fields.get("REMI", "")
    if memo.startswith(("USTD//", "STRD/")):
        memo = memo.split("/", 2)[-1].lstrip("/")
    return Details(payee=_clean(name), payee_account=account, memo=_clean(memo))


def parse_details(data: dict[str, Any]) -> Details:
    """Payee, counterparty account and purpose from one transaction's parsed data."""
    if data.get("transaction_code") is not None or data.get("posting_text") is not None:
        payee = _clean(data.get("applicant_name"))
        account = data.get("applicant_iban") or data.get("gvc_applicant_iban")
        memo = _clean(data.get("purpose")) or _clean(data.get("posting_text"))
        return Details(payee=payee, payee_account=_clean(account) or None, memo=memo)
    free = str(data.get("transaction_details") or "")
    dutch = _dutch(free)
    if dutch is not None:
        return dutch
    memo = _clean(free) or _clean(data.get("extra_details"))
    found = _IBAN.search(free.replace("\n", ""))
    return Details(payee="", payee_account=found.group(1) if found else None, memo=memo)
