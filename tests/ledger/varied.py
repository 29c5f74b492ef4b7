"""A second, independent family of labelled ledgers: several kinds of user with the
mess of real statements, mistakes injected in varied forms, and traps — ordinary
rows that look like mistakes.

``generate_varied(archetype, seed)`` gives the ledger; ``evaluate`` scores what a
scan found against its labels, by the bar the product is judged on: every mistake
found with its kind, and at most 2 false high flags per 1,000 ordinary transactions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from okguard.domain.anomaly import Anomaly, Severity
from tests.ledger.varied_base import Account, Label, Life, Row, VariedLedger
from tests.ledger.varied_biz import biz_life
from tests.ledger.varied_cn import cn_life
from tests.ledger.varied_uk import uk_life
from tests.ledger.varied_us import us_life

ARCHETYPES: dict[str, Callable[[int, int], Life]] = {
    "us": us_life,
    "uk_eu": uk_life,
    "cn": cn_life,
    "smallbiz": biz_life,
}


def generate_varied(archetype: str, seed: int, months: int = 14) -> VariedLedger:
    return ARCHETYPES[archetype](seed, months).finish()


@dataclass
class Score:
    missed: list[Label]
    false_high: list[Anomaly]  # high flags that name no injected mistake
    traps_high: list[tuple[Label, Anomaly]]
    ordinary: int  # transactions that are not part of a mistake
    total: int  # mistakes injected

    @property
    def recall(self) -> float:
        return 1 - len(self.missed) / max(1, self.total)

    @property
    def false_high_per_1000(self) -> float:
        return 1000 * len(self.false_high) / max(1, self.ordinary)

    def summary(self) -> str:
        lines = [f"recall {self.recall:.0%} ({self.total - len(self.missed)}/{self.total}), "
                 f"false high {self.false_high_per_1000:.2f}/1000 "
                 f"({len(self.false_high)} of {self.ordinary} ordinary)"]
        lines += [f"  missed {m.kind}: {m.what} {m.transaction_ids}" for m in self.missed]
        lines += [f"  false high {a.kind.value}: {a.explanation} {a.transaction_ids}"
                  for a in self.false_high]
        return "\n".join(lines)


def evaluate(mistakes: Sequence[Label], traps: Sequence[Label], transactions: int,
             found: Sequence[Anomaly], partner: Mapping[int, int] | None = None) -> Score:
    """A mistake counts as found when anomalies of its kind name all its transactions;
    a row shown on two statements (``partner``: the linked row) is one payment, so
    naming either of its rows names it."""
    partner = partner or {}
    by_kind: dict[str, set[int]] = {}
    for a in found:
        named = by_kind.setdefault(a.kind.value, set())
        named.update(a.transaction_ids)
        named.update(partner[i] for i in a.transaction_ids if i in partner)
    missed = [m for m in mistakes if not set(m.transaction_ids) <= by_kind.get(m.kind, set())]
    bad = {i for m in mistakes for i in m.transaction_ids}
    bad |= {partner[i] for i in bad if i in partner}
    high = [a for a in found if a.severity is Severity.HIGH]
    false_high = [a for a in high if bad.isdisjoint(a.transaction_ids)]
    traps_high = [(t, a) for t in traps for a in false_high
                  if not set(t.transaction_ids).isdisjoint(a.transaction_ids)]
    return Score(missed, false_high, traps_high, transactions - len(bad), len(mistakes))


__all__ = ["ARCHETYPES", "Account", "Label", "Row", "Score", "VariedLedger", "evaluate",
           "generate_varied"]
