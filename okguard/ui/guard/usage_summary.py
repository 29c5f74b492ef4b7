"""The dashboard's compact view of limit usage: one bar per limit, red when over."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from okguard.guard.limits import LimitUsage, describe_limit
from okguard.ui.guard.usage_bar import UsageBar

SHOWN = 6
PAIRS_PER_ROW = 2  # name and bar, twice a row, to leave the charts their height


class LimitUsageSummary(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.grid = QGridLayout()
        for column in range(2 * PAIRS_PER_ROW):
            self.grid.setColumnStretch(column, 1)
        self.names: list[QLabel] = []
        self.bars: list[UsageBar] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self.grid)
        self.retranslateUi()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Limits this period"))

    def show_usage(
        self, usage: Sequence[LimitUsage], account_names: Mapping[int, str], lang: str
    ) -> None:
        for widget in (*self.names, *self.bars):
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self.names, self.bars = [], []
        # The most used first; a handful is enough here, the page lists them all.
        shown = sorted(usage, key=lambda u: -u.fraction)[:SHOWN]
        for index, used in enumerate(shown):
            row, column = divmod(index, PAIRS_PER_ROW)
            limit = used.limit
            account = account_names.get(limit.account_id) if limit.account_id else None
            name = QLabel(limit.label or describe_limit(limit, account).render(lang))
            name.setWordWrap(True)
            bar = UsageBar()
            bar.set_usage(used, lang)
            self.grid.addWidget(name, row, 2 * column)
            self.grid.addWidget(bar, row, 2 * column + 1)
            self.names.append(name)
            self.bars.append(bar)
        self.setVisible(bool(usage))
