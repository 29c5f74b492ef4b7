"""Check before paying: what is unusual about a payment the user is about to make.

Each reason says what it found in one sentence; the verdict is ``stop`` when any
reason is severe (scam wording, a look-alike of someone already paid, ten times the
usual amount, over a per-payment limit), ``review`` for anything else, ``ok`` when
nothing is unusual.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from okguard.domain.anomaly import AnomalyKind, Severity
from okguard.domain.limits import Limit
from okguard.domain.money import Money
from okguard.domain.transaction import Direction, Transaction, TxStatus
from okguard.guard.check_history import KnownPayee, PayeeHistory, usual_amount_reason
from okguard.guard.check_limits import limit_reasons
from okguard.i18n import Msg


class Verdict(StrEnum):
    OK = "ok"
    REVIEW = "review"  # "look again"
    STOP = "stop"


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentCheck:
    """A payment the user is about to make."""

    payee: str
    amount: Money  # the amount to pay; the sign is ignored
    when: datetime  # now, injected
    account: str | None = None  # the payee's account / card number / wallet address
    memo: str = ""
    category: str = ""  # lets category limits apply
    from_account_id: int | None = None  # the user's paying account; per-account limits need it


@dataclass(frozen=True, slots=True)
class CheckReason:
    kind: AnomalyKind
    severity: Severity
    message: Msg

    @property
    def explanation(self) -> str:
        return self.message.render()


@dataclass(frozen=True, slots=True)
class CheckResult:
    verdict: Verdict
    reasons: list[CheckReason] = field(default_factory=list)

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        """The ``okguard check --json`` object (product.md section 6)."""
        return {
            "verdict": self.verdict.value,
            "reasons": [
                {
                    "kind": r.kind.value,
                    "severity": r.severity.value,
                    "explanation": r.message.render(lang),
                }
                for r in self.reasons
            ],
        }


@dataclass(frozen=True, slots=True)
class CheckSettings:
    review_multiple: int = 3  # above this many times the usual amount: look again
    stop_multiple: int = 10  # at or above: stop (an extra digit)
    low_divisor: int = 10  # at or below usual / this: a missing digit, look again
    min_usual_payments: int = 2  # fewer past payments say nothing about "usual"
    # A payee paid fewer times than this may itself be the earlier mistake (paying 王方
    # once instead of 王芳 does not make 王方 safe): look-alikes are still reported.
    established_payments: int = 3

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CheckSettings:
        known = {k: int(v) for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def to_dict(self) -> dict[str, int]:
        return {k: int(getattr(self, k)) for k in self.__dataclass_fields__}


def verdict_for(reasons: Sequence[CheckReason]) -> Verdict:
    if any(r.severity is Severity.HIGH for r in reasons):
        return Verdict.STOP
    return Verdict.REVIEW if reasons else Verdict.OK


def _scam_reasons(request: PaymentCheck) -> list[CheckReason]:
    from okguard.detectors.names import is_scam_wording

    reasons: list[CheckReason] = []
    seen: set[str] = set()
    places = (
        (request.payee, "The payee name contains “{phrase}”, wording scammers use — do not "
         "pay until you have checked with someone you trust"),
        (request.memo, "The memo contains “{phrase}”, wording scammers use — do not pay until "
         "you have checked with someone you trust"),
    )
    for text, template in places:
        phrase = is_scam_wording(text) if text.strip() else None
        if phrase and phrase not in seen:
            seen.add(phrase)
            reasons.append(CheckReason(AnomalyKind.SCAM_PATTERN, Severity.HIGH,
                                       Msg(template, phrase=phrase)))
    return reasons


def _account_reason(request: PaymentCheck, known: KnownPayee) -> CheckReason | None:
    """A known payee's name with an account they were never paid at."""
    if not request.account or not known.accounts or known.has_account(request.account):
        return None
    near = _nearest_account(request.account, known.accounts)
    if near is not None:
        msg = Msg(
            "Account {account} is almost {known_account}, where you have paid {payee} {count} "
            "times — a digit differs or two are swapped; check the number",
            account=request.account, known_account=near, payee=known.name, count=known.count,
        )
    else:
        msg = Msg(
            "You have paid {payee} {count} times, always to {known_account}, never to "
            "{account} — confirm the new account with {payee} by phone before paying",
            payee=known.name, count=known.count, known_account=known.accounts_text(),
            account=request.account,
        )
    return CheckReason(AnomalyKind.LOOKALIKE_PAYEE, Severity.HIGH, msg)


def _nearest_account(candidate: str, accounts: Iterable[str]) -> str | None:
    """The first known account ``candidate`` is one digit off or a transposition of."""
    from okguard.detectors.names import account_near_miss

    for account in accounts:
        if account_near_miss(candidate, account) is not None:
            return account
    return None


def _lookalike_reasons(
    request: PaymentCheck, payees: PayeeHistory, paid_before: KnownPayee | None
) -> list[CheckReason]:
    """The name or account looks like that of someone paid more often than the payee
    typed (``paid_before``: that payee's own history, if any)."""
    from okguard.detectors.names import lookalike

    floor = paid_before.count if paid_before is not None else 0
    others = [k for k in payees.most_paid_first() if k is not paid_before and k.count > floor]
    reasons: list[CheckReason] = []
    for known in others:
        if lookalike(request.payee, known.name) is not None:
            reasons.append(CheckReason(AnomalyKind.LOOKALIKE_PAYEE, Severity.HIGH, Msg(
                "{payee} looks like {known}, whom you have paid {count} times — check the "
                "name and account",
                payee=request.payee, known=known.name, count=known.count,
            )))
            break
    if request.account:
        near = _nearest_account(request.account, [a for k in others for a in k.accounts])
        owner = payees.owner_of(near) if near is not None else None
        if near is not None and owner is not None:
            reasons.append(CheckReason(AnomalyKind.LOOKALIKE_PAYEE, Severity.HIGH, Msg(
                "Account {account} is almost {known_account}, the account of {known}, whom you "
                "have paid {count} times — check the number",
                account=request.account, known_account=near, known=owner.name,
                count=owner.count,
            )))
    return reasons


def _unknown_payee_reasons(request: PaymentCheck, payees: PayeeHistory) -> list[CheckReason]:
    reasons = _lookalike_reasons(request, payees, None)
    if not reasons:
        reasons.append(CheckReason(AnomalyKind.NEW_PAYEE, Severity.MEDIUM, Msg(
            "You have never paid {payee} before — make sure you know who they are",
            payee=request.payee,
        )))
    return reasons


def as_transaction(request: PaymentCheck) -> Transaction:
    """The payment as if it had been made, for limit totals (id -1: never stored)."""
    return Transaction(
        id=-1,
        account_id=request.from_account_id if request.from_account_id is not None else -1,
        account_name="",
        occurred_at=request.when,
        has_time=True,
        amount=-abs(request.amount),
        payee=request.payee,
        payee_account=request.account,
        memo=request.memo,
        reference=None,
        status=TxStatus.BOOKED,
        direction=Direction.OUT,
        kind="",
        category=request.category,
    )


def check_payment(
    request: PaymentCheck,
    history: Sequence[Transaction],
    limits: Sequence[Limit],
    trusted_payees: Collection[str] = (),
    settings: CheckSettings | None = None,
) -> CheckResult:
    """Judge ``request`` against everything paid before ``request.when``.

    ``trusted_payees`` are names the user vouched for: no new-payee or name look-alike
    reason for them (an unknown account for a known name is still reported).
    """
    settings = settings or CheckSettings()
    payees = PayeeHistory.build(history, until=request.when)
    reasons = _scam_reasons(request)
    known = payees.by_name(request.payee) or (
        payees.owner_of(request.account) if request.account else None
    )
    trusted = payees.normalized(request.payee) in {payees.normalized(t) for t in trusted_payees}
    if known is not None:
        if payees.by_name(request.payee) is None:
            # Reached through the account: the right account under another name.
            reasons.append(CheckReason(AnomalyKind.LOOKALIKE_PAYEE, Severity.MEDIUM, Msg(
                "Account {account} belongs to {known}, whom you have paid {count} times, but "
                "the name you typed is {payee} — check the name",
                account=request.account, known=known.name, count=known.count,
                payee=request.payee,
            )))
        account_reason = _account_reason(request, known)
        if account_reason is not None:
            reasons.append(account_reason)
        usual = usual_amount_reason(request.amount, known, settings.review_multiple,
                                    settings.stop_multiple, settings.low_divisor,
                                    settings.min_usual_payments)
        if usual is not None:
            kind, severity, msg = usual
            reasons.append(CheckReason(kind, severity, msg))
        if known.count < settings.established_payments and not trusted:
            reasons.extend(_lookalike_reasons(request, payees, known))
    elif not trusted:
        reasons.extend(_unknown_payee_reasons(request, payees))
    for severity, msg in limit_reasons(as_transaction(request), history, limits):
        reasons.append(CheckReason(AnomalyKind.LIMIT_BREACH, severity, msg))
    reasons.sort(key=lambda r: -r.severity.rank)
    return CheckResult(verdict=verdict_for(reasons), reasons=reasons)
