"""Findings of the detectors: data, not exceptions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from okguard.i18n import Msg


class AnomalyKind(StrEnum):
    DUPLICATE = "duplicate"
    AMOUNT_SHIFT = "amount_shift"
    AMOUNT_OUTLIER = "amount_outlier"
    LOOKALIKE_PAYEE = "lookalike_payee"
    NEW_PAYEE = "new_payee"
    SCAM_PATTERN = "scam_pattern"
    LIMIT_BREACH = "limit_breach"
    SYSTEM_ERROR = "system_error"
    RECURRING_CHANGE = "recurring_change"


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        return {"high": 3, "medium": 2, "low": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Anomaly:
    kind: AnomalyKind
    severity: Severity
    transaction_ids: tuple[int, ...]
    message: Msg
    # Stable identity across scans, so a dismissal sticks: kind + the transactions
    # (+ a detail such as the limit id). Built by :func:`anomaly_key`.
    key: str
    payee: str = ""

    @property
    def explanation(self) -> str:
        return self.message.render()


def anomaly_key(
    kind: AnomalyKind, transaction_ids: tuple[int, ...] | list[int], detail: str = ""
) -> str:
    ids = ",".join(str(i) for i in sorted(transaction_ids))
    return f"{kind.value}:{ids}:{detail}" if detail else f"{kind.value}:{ids}"
