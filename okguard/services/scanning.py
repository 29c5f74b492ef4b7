"""Run the detectors over the stored history and keep what they find."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass

from okguard.detectors.engine import scan
from okguard.detectors.settings import DetectorSettings
from okguard.storage.database import Database
from okguard.storage.repos import anomalies as anomaly_repo
from okguard.storage.repos import limits as limit_repo
from okguard.storage.repos import payees, settings, transactions

SETTINGS_KEY = "detectors"


@dataclass(frozen=True, slots=True)
class ScanResult:
    found: int  # anomalies the detectors reported (before dismissals)
    new_ids: list[int]  # stored now, not seen before


def detector_settings(db: Database) -> DetectorSettings:
    return DetectorSettings.from_dict(settings.get_setting(db, SETTINGS_KEY, {}) or {})


def run_scan(
    db: Database,
    *,
    focus: set[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ScanResult:
    """Full scan (``focus`` None) or one limited to flags that involve ``focus`` ids.

    Either way the whole history is the context: a new payment is judged against
    everything paid before.
    """
    # A million freshly built rows would make the cyclic GC walk them again and again
    # (about a third of the load time, measured); none of them form cycles, so the
    # collector is paused while loading and they are frozen out of later passes.
    gc.disable()
    try:
        history = list(transactions.iter_for_scan(db))
        gc.freeze()
    finally:
        gc.enable()
    try:
        found = scan(
            history,
            settings=detector_settings(db),
            limits=limit_repo.list_limits(db),
            trusted_payees=payees.trusted_payees(db),
            focus=focus,
            progress=progress,
            cancelled=cancelled,
        )
    finally:
        gc.unfreeze()
    by_id = {t.id: t for t in history} if found else {}
    first_at = {
        a.key: min(by_id[i].occurred_at.replace(tzinfo=None) for i in a.transaction_ids).isoformat()
        for a in found
        if a.transaction_ids and all(i in by_id for i in a.transaction_ids)
    }
    new_ids = anomaly_repo.store(db, found, first_tx_at=first_at)
    return ScanResult(found=len(found), new_ids=new_ids)
