"""Cases page: flags the user chose to pursue, each with the payments it is about."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from okguard.domain.formatting import format_money, format_when
from okguard.domain.transaction import Transaction
from okguard.storage.repos.anomalies import StoredAnomaly
from okguard.ui.context import UiContext
from okguard.ui.labels import kind_text, severity_text


class CasesPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._cases: list[tuple[StoredAnomaly, list[Transaction]]] = []
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setColumnWidth(0, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        layout.addStretch(0)  # takes the space while the list is hidden
        ctx.lang_changed.connect(lambda _lang: self._rebuild())
        self.retranslateUi()
        self._rebuild()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Cases"))
        self.intro.setText(
            self.tr(
                "A case starts from a flag: the payments below are what you will ask your "
                "bank or payment provider about. Cases opened here are kept until you close "
                "okguard."
            )
        )
        self.empty.setText(
            self.tr(
                "No cases yet. On the Flags page, pick a flag and choose "
                "\u201cOpen a recovery case\u201d."
            )
        )
        self.tree.setHeaderLabels([self.tr("Case"), self.tr("Amount")])

    def add_case(self, stored: StoredAnomaly, txs: list[Transaction]) -> None:
        if all(s.id != stored.id for s, _ in self._cases):
            self._cases.append((stored, txs))
        self._rebuild()
        self.select_case(stored.id)

    def case_ids(self) -> list[int]:
        return [s.id for s, _ in self._cases]

    def select_case(self, anomaly_id: int) -> None:
        for i, (stored, _txs) in enumerate(self._cases):
            item = self.tree.topLevelItem(i)
            if stored.id == anomaly_id and item is not None:
                self.tree.setCurrentItem(item)

    def _rebuild(self) -> None:
        lang = self.ctx.lang
        self.tree.clear()
        for stored, txs in self._cases:
            a = stored.anomaly
            top = QTreeWidgetItem(
                [
                    f"{severity_text(a.severity.value)} · {kind_text(a.kind.value)}: "
                    f"{a.message.render(lang)}"
                ]
            )
            top.setToolTip(0, a.message.render(lang))
            self.tree.addTopLevelItem(top)
            for tx in txs:
                when = format_when(tx.occurred_at, lang, with_time=tx.has_time)
                child = QTreeWidgetItem(
                    [
                        f"{when}  {tx.account_name}  {tx.payee}",
                        format_money(tx.amount, lang, signed=True),
                    ]
                )
                child.setTextAlignment(
                    1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                top.addChild(child)
            top.setExpanded(True)
        self.empty.setVisible(not self._cases)
        self.tree.setVisible(bool(self._cases))
