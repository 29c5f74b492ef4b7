"""The detail pane beside the transactions table: fields and the flags explaining it."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from okguard.domain.formatting import format_money, format_when
from okguard.domain.transaction import Transaction
from okguard.storage.repos.anomalies import StoredAnomaly
from okguard.ui.labels import kind_text, severity_text
from okguard.ui.models.transactions_model import status_text


class TransactionDetail(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setMinimumWidth(240)
        self.setMaximumWidth(420)
        self._tx: Transaction | None = None
        self._flags: list[StoredAnomaly] = []
        self._lang = "en"
        self.retranslateUi()

    def show_transaction(
        self, tx: Transaction | None, flags: list[StoredAnomaly], lang: str
    ) -> None:
        self._tx, self._flags, self._lang = tx, flags, lang
        self.retranslateUi()

    def retranslateUi(self) -> None:
        tx = self._tx
        if tx is None:
            hint = self.tr("Select a transaction to see its details.")
            self.setHtml(f"<p>{escape(hint)}</p>")
            return
        lang = self._lang
        fields = [
            (self.tr("Date"), format_when(tx.occurred_at, lang, with_time=tx.has_time)),
            (self.tr("Amount"), format_money(tx.amount, lang, signed=True)),
            (self.tr("Account"), tx.account_name),
            (self.tr("Payee"), tx.payee),
            (self.tr("Payee account"), tx.payee_account or ""),
            (self.tr("Memo"), tx.memo),
            (self.tr("Reference"), tx.reference or ""),
            (self.tr("Status"), status_text(tx.status.value)),
            (self.tr("Type"), tx.kind),
            (self.tr("Category"), tx.category),
            (self.tr("Paid with"), tx.funding),
            (self.tr("Reviewed"), self.tr("yes") if tx.reviewed else self.tr("no")),
        ]
        rows = "".join(
            f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in fields if v
        )
        html = f"<table cellspacing='4'>{rows}</table>"
        if self._flags:
            heading = self.tr("Flags")
            html += f"<h4>{escape(heading)}</h4><ul>"
            for stored in self._flags:
                a = stored.anomaly
                html += (
                    f"<li><b>{escape(severity_text(a.severity.value))} · "
                    f"{escape(kind_text(a.kind.value))}</b><br>"
                    f"{escape(a.message.render(lang))}</li>"
                )
            html += "</ul>"
        else:
            none = self.tr("No open flags on this transaction.")
            html += f"<p>{escape(none)}</p>"
        self.setHtml(html)
