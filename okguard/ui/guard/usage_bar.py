"""A progress bar that says how much of one limit this period has used."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QWidget

from okguard.domain.formatting import format_money
from okguard.domain.limits import LimitPeriod
from okguard.guard.limits import LimitUsage, effective_period
from okguard.ui.guard.texts import OVER_COLOUR

# One style sheet for every bar (a sheet on some bars only would change how those
# draw their text); an over-limit bar is always full, so its text can be white.
_STYLE = (
    "QProgressBar {{ border: 1px solid palette(mid); border-radius: 3px; text-align: center;"
    " background: palette(base); color: {text}; }}"
    " QProgressBar::chunk {{ background-color: {chunk}; border-radius: 2px; }}"
)
NORMAL_STYLE = _STYLE.format(text="palette(text)", chunk="#8cc0ee")
OVER_STYLE = _STYLE.format(text="#ffffff", chunk=OVER_COLOUR)


class UsageBar(QProgressBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 100)
        self.setTextVisible(True)
        self.over = False
        self.setStyleSheet(NORMAL_STYLE)

    def set_usage(self, usage: LimitUsage, lang: str) -> None:
        spent = format_money(usage.spent, lang)
        amount = format_money(usage.limit.amount, lang)
        if effective_period(usage.limit) is LimitPeriod.PAYMENT:
            text = self.tr("Today's largest: {0} of {1}").format(spent, amount)
        else:
            text = self.tr("{0} of {1} ({2}%)").format(spent, amount, usage.percent)
        self.setValue(min(usage.percent, 100))
        # QProgressBar would replace %p, %v and %m in the format; "40%)" has none of them.
        self.setFormat(text)
        self.setToolTip(text)
        self.over = usage.over
        self.setStyleSheet(OVER_STYLE if usage.over else NORMAL_STYLE)
