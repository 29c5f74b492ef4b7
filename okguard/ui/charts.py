"""matplotlib charts embedded in Qt (object-oriented Figure API, never pyplot)."""

from __future__ import annotations

from matplotlib import rcParams
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QWidget

from okguard.domain.money import currency_exponent
from okguard.storage.repos.dashboard import MonthTotal, PayeeTotal

rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "WenQuanYi Micro Hei", "DejaVu Sans"]
rcParams["font.family"] = "sans-serif"
rcParams["axes.unicode_minus"] = False

COLOURS = ("#3b6ea5", "#d08c2a", "#5a9e6f", "#9b5aa5", "#a55a5a")


def _units(minor: int, currency: str) -> float:
    # Display only: chart heights need floats; stored amounts stay integer minor units.
    return float(minor) / float(10 ** currency_exponent(currency))


class _Chart(FigureCanvasQTAgg):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.figure = Figure(figsize=(5, 3), layout="constrained")
        super().__init__(self.figure)  # type: ignore[no-untyped-call]
        self.setParent(parent)
        self.setMinimumHeight(220)
        self.has_data = False

    def _redraw(self) -> None:
        self.draw_idle()  # type: ignore[no-untyped-call]


class MonthlySpendingChart(_Chart):
    """Bars per month; one panel per currency, since currencies are never added up."""

    MAX_CURRENCIES = 3

    def plot(self, totals: list[MonthTotal], months: list[str], title: str, empty: str) -> None:
        self.figure.clear()
        self.has_data = bool(totals)
        if not totals:
            ax = self.figure.add_subplot()
            ax.set_title(title, fontsize=10)
            ax.text(0.5, 0.5, empty, ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
            self._redraw()
            return
        spent: dict[str, int] = {}
        for t in totals:
            spent[t.currency] = spent.get(t.currency, 0) + t.minor
        currencies = sorted(spent, key=lambda c: -spent[c])[: self.MAX_CURRENCIES]
        axes = self.figure.subplots(len(currencies), 1, sharex=True, squeeze=False)[:, 0]
        positions = list(range(len(months)))
        for n, (ax, ccy) in enumerate(zip(axes, currencies, strict=True)):
            by_month = {t.month: t.minor for t in totals if t.currency == ccy}
            heights = [_units(by_month.get(m, 0), ccy) for m in months]
            ax.bar(positions, heights, 0.7, color=COLOURS[n % len(COLOURS)])
            ax.set_ylabel(ccy, fontsize=8)
            ax.tick_params(axis="y", labelsize=8)
            ax.yaxis.set_major_formatter("{x:,.0f}")
            ax.spines[["top", "right"]].set_visible(False)
        axes[0].set_title(title, fontsize=10)
        axes[-1].set_xticks(positions, [m[2:] for m in months], rotation=45, fontsize=8)
        self._redraw()


class TopPayeesChart(_Chart):
    def plot(self, payees: list[PayeeTotal], title: str, empty: str) -> None:
        self.figure.clear()
        ax = self.figure.add_subplot()
        ax.set_title(title, fontsize=10)
        self.has_data = bool(payees)
        if not payees:
            ax.text(0.5, 0.5, empty, ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
            self._redraw()
            return
        ordered = list(reversed(payees))
        labels = [p.payee[:18] or "—" for p in ordered]
        values = [_units(p.minor, p.currency) for p in ordered]
        ax.barh(range(len(ordered)), values, color=COLOURS[0])
        ax.set_yticks(range(len(ordered)), labels, fontsize=8)
        ax.tick_params(axis="x", labelsize=8)
        ax.xaxis.set_major_formatter("{x:,.0f}")
        ax.spines[["top", "right"]].set_visible(False)
        self._redraw()
