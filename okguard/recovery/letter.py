"""The support / dispute letter: content built from a case and its rules, in English or
Chinese, and its plain-text form (for pasting into an online form or a chat).
PDF and DOCX renderers (``letter_pdf``, ``letter_docx``) draw the same content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from okguard.domain.case import Case, mask_account
from okguard.domain.formatting import format_money, format_when
from okguard.i18n import Msg
from okguard.recovery.deadlines import case_deadlines
from okguard.recovery.rule_types import ContactRole, Duty, PeriodUnit, RuleBundle

_UNIT = {
    PeriodUnit.CALENDAR_DAYS: "{n} calendar days",
    PeriodUnit.BUSINESS_DAYS: "{n} business days",
    PeriodUnit.MONTHS: "{n} months",
}
_UNIT_ONE = {
    PeriodUnit.CALENDAR_DAYS: "{n} calendar day",
    PeriodUnit.BUSINESS_DAYS: "{n} business day",
    PeriodUnit.MONTHS: "{n} month",
}
_DUTY = {Duty.PROVIDER: "your duty", Duty.CONSUMER: "my duty"}
_FROM = {
    "transaction": "from the transaction date",
    "statement": "from the statement date",
    "report": "from the date of my report",
}


@dataclass(frozen=True, slots=True)
class LetterContent:
    lang: str
    title: str
    addressee: str
    date: str
    sender: tuple[str, ...]  # name, address, phone, email, account (masked)
    subject: str
    greeting: str
    what_went_wrong: tuple[str, ...]
    requests: tuple[str, ...]
    legal_basis: tuple[str, ...]
    deadlines: tuple[str, ...]
    evidence: tuple[str, ...]
    table_header: tuple[str, str, str, str, str]
    rows: tuple[tuple[str, str, str, str, str], ...]  # date, time, amount, payee, transaction id
    closing: tuple[str, ...]
    disclaimer: str

    def heading(self, key: str) -> str:
        return Msg(_HEADINGS[key]).render(self.lang)


_HEADINGS = {
    "what": "What happened",
    "requests": "What I ask you to do",
    "legal": "Legal basis",
    "deadlines": "Deadlines",
    "evidence": "Evidence enclosed",
    "transactions": "Transactions concerned",
}


def _fill(template: str, values: dict[str, str]) -> str:
    return template.format(**values)


def build_letter(
    case: Case,
    bundle: RuleBundle,
    lang: str,
    today: date,
    *,
    addressee: str | None = None,
    mask: bool = True,
) -> LetterContent:
    """Everything the letter says, already in ``lang`` ("en" or "zh_CN")."""
    lost = case.lost_amount
    ids = [t.reference or str(t.id or "") for t in case.transactions]
    first = case.first_transaction_date
    # The provider as the reader knows it ("支付宝" in a Chinese letter), not as typed.
    provider = bundle.provider_name.render(lang) if bundle.provider_name else case.provider
    values = {
        "amount": format_money(lost, lang) if lost else "",
        "date": format_when(first, lang, with_time=False) if first else "",
        "payee": ", ".join(dict.fromkeys(t.payee for t in case.transactions if t.payee)),
        "provider": provider or "",
        "transaction_ids": ", ".join(i for i in ids if i),
    }
    statements = [_fill(s.render(lang), values) for s in bundle.statements]
    show = mask_account if mask else (lambda n: n or "")
    if addressee is None:
        providers = [c.who.render(lang) for c in bundle.contacts if c.role is ContactRole.PROVIDER]
        addressee = provider or (providers[0] if providers else "")

    deadline_lines: list[str] = []
    for status in case_deadlines(case, bundle.deadlines, today):
        if status.due is None:  # the date it runs from is not known: nothing to cite yet
            continue
        rule = status.rule
        unit = _UNIT_ONE[rule.unit] if rule.period == 1 else _UNIT[rule.unit]
        period = Msg(unit, n=rule.period).render(lang)
        if rule.period == 0:
            period = Msg("immediately").render(lang)
        who = Msg(_DUTY[rule.duty]).render(lang)
        due = format_when(status.due, lang, with_time=False)
        line = Msg(
            "{title}: {period} {counted_from} ({who}), due {due}",
            title=rule.title.render(lang),
            period=period,
            counted_from=Msg(_FROM[rule.counted_from.value]),
            who=who,
            due=due,
        ).render(lang)
        if not rule.verified:
            line += Msg(" [unverified]").render(lang)
        deadline_lines.append(line)

    legal = [
        b.text.render(lang) + ("" if b.verified else Msg(" [unverified]").render(lang))
        for b in bundle.legal_basis
    ]
    evidence = [
        e.label.render(lang) if not isinstance(e.label, str) else e.label
        for e in case.evidence
        if e.done
    ]
    rows = tuple(
        (
            format_when(t.occurred_at, lang, with_time=False),
            t.occurred_at.strftime("%H:%M"),
            format_money(t.amount, lang),
            t.payee + (f" ({show(t.payee_account)})" if t.payee_account else ""),
            t.reference or "—",
        )
        for t in sorted(case.transactions, key=lambda t: t.occurred_at)
    )
    contact = case.contact
    sender = tuple(
        line
        for line in (
            contact.name,
            contact.address,
            contact.phone,
            contact.email,
            Msg("Account: {number}", number=show(contact.account_number)).render(lang)
            if contact.account_number
            else "",
            Msg("ID number (last 4): {digits}", digits=contact.id_last4).render(lang)
            if contact.id_last4
            else "",
        )
        if line
    )
    return LetterContent(
        lang=lang,
        title=Msg(_TITLES[case.type.value]).render(lang),
        addressee=addressee,
        date=format_when(today, lang, with_time=False),
        sender=sender,
        subject=Msg(
            "Re: {amount}, transaction(s) {ids}",
            amount=values["amount"],
            ids=values["transaction_ids"] or "—",
        ).render(lang),
        greeting=Msg("Dear Sir or Madam,").render(lang),
        what_went_wrong=tuple(statements[:1]),
        requests=tuple(statements[1:]),
        legal_basis=tuple(legal),
        deadlines=tuple(deadline_lines),
        evidence=tuple(evidence),
        table_header=tuple(  # type: ignore[arg-type]
            Msg(h).render(lang) for h in ("Date", "Time", "Amount", "Payee", "Transaction ID")
        ),
        rows=rows,
        closing=(
            Msg("Please reply in writing and quote my case reference in any reply.").render(lang),
            Msg("Yours faithfully,").render(lang),
            contact.name,
        ),
        disclaimer=bundle.disclaimer.render(lang),
    )


_TITLES = {
    "wrong_recipient": "Request to recover a payment sent to the wrong recipient",
    "duplicate": "Request to refund a duplicate payment",
    "wrong_amount": "Request to correct a payment made for the wrong amount",
    "scam": "Fraud report and request to stop and recover a payment",
    "unauthorised": "Notice of unauthorised transactions and refund request",
    "system_error": "Notice of a payment processing error and correction request",
}


def render_text(letter: LetterContent) -> str:
    """Plain text, one blank line between blocks; paste-ready for web forms and chats."""
    out: list[str] = [*letter.sender, "", letter.date, "", letter.addressee, "", letter.title]
    out += [letter.subject, "", letter.greeting, ""]

    def block(key: str, lines: tuple[str, ...], bullet: str = "- ") -> None:
        if lines:
            out.extend([letter.heading(key), *(bullet + line for line in lines), ""])

    block("what", letter.what_went_wrong, "")
    block("requests", letter.requests)
    out.append(letter.heading("transactions"))
    out.append(" | ".join(letter.table_header))
    out.extend(" | ".join(row) for row in letter.rows)
    out.append("")
    block("legal", letter.legal_basis)
    block("deadlines", letter.deadlines)
    block("evidence", letter.evidence)
    out += [*letter.closing, "", "—", letter.disclaimer]
    return "\n".join(out).rstrip() + "\n"
