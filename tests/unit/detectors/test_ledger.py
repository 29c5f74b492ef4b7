"""The labelled ledger: every injected mistake is found, no trap is flagged high."""

from __future__ import annotations

import pytest

from okguard.detectors.engine import scan
from okguard.detectors.settings import DetectorSettings
from okguard.domain.anomaly import Anomaly, Severity
from tests.ledger import Ledger, generate_ledger


@pytest.fixture(scope="module", params=[1, 2, 3])
def scanned(request: pytest.FixtureRequest) -> tuple[Ledger, list[Anomaly]]:
    ledger = generate_ledger(request.param, months=18, activity=2)
    return ledger, scan(ledger.transactions, settings=DetectorSettings())


def test_every_injected_mistake_is_found_with_its_kind(
        scanned: tuple[Ledger, list[Anomaly]]) -> None:
    ledger, found = scanned
    assert {m.kind for m in ledger.mistakes} >= {
        "duplicate", "amount_shift", "amount_outlier", "lookalike_payee", "new_payee",
        "scam_pattern", "system_error", "recurring_change"}
    for mistake in ledger.mistakes:
        assert any(a.kind.value == mistake.kind
                   and set(mistake.transaction_ids) <= set(a.transaction_ids)
                   for a in found), mistake


def test_no_trap_is_flagged_high(scanned: tuple[Ledger, list[Anomaly]]) -> None:
    ledger, found = scanned
    mistake_ids = {i for m in ledger.mistakes for i in m.transaction_ids}
    assert len(ledger.traps) > 20
    for trap in ledger.traps:
        for a in found:
            # The first rent of a month paid twice is rightly part of the double payment.
            if a.severity is Severity.HIGH and mistake_ids.isdisjoint(a.transaction_ids):
                assert set(trap.transaction_ids).isdisjoint(a.transaction_ids), (trap, a)


@pytest.mark.parametrize("seed", [11, 12, 13, 14])
def test_ordinary_history_has_at_most_two_false_high_flags_per_thousand(seed: int) -> None:
    ledger = generate_ledger(seed, months=24, activity=2, inject=False)
    found = scan(ledger.transactions, settings=DetectorSettings())
    high = [a for a in found if a.severity is Severity.HIGH]
    assert len(ledger.transactions) > 2500
    assert len(high) * 1000 <= 2 * len(ledger.transactions), [a.explanation for a in high]


def test_keys_are_stable_across_scans(scanned: tuple[Ledger, list[Anomaly]]) -> None:
    ledger, found = scanned
    again = scan(list(ledger.transactions), settings=DetectorSettings())
    assert [a.key for a in again] == [a.key for a in found]
    assert len({a.key for a in found}) == len(found)


def test_focus_returns_only_flags_naming_focus_ids(
        scanned: tuple[Ledger, list[Anomaly]]) -> None:
    ledger, found = scanned
    lookalike = next(m for m in ledger.mistakes if m.kind == "lookalike_payee")
    focus = set(lookalike.transaction_ids)
    focused = scan(ledger.transactions, settings=DetectorSettings(), focus=focus)
    assert focused
    assert all(not focus.isdisjoint(a.transaction_ids) for a in focused)
    assert {a.key for a in focused} == {a.key for a in found
                                         if not focus.isdisjoint(a.transaction_ids)}


def test_order_is_severity_then_time(scanned: tuple[Ledger, list[Anomaly]]) -> None:
    _ledger, found = scanned
    ranks = [a.severity.rank for a in found]
    assert ranks == sorted(ranks, reverse=True)


def test_progress_and_cancel() -> None:
    ledger = generate_ledger(5, months=6)
    seen: list[tuple[int, int]] = []
    found = scan(ledger.transactions, settings=DetectorSettings(),
                 progress=lambda d, t: seen.append((d, t)))
    assert found and seen[-1][0] == seen[-1][1]
    assert scan(ledger.transactions, settings=DetectorSettings(), cancelled=lambda: True) == []
