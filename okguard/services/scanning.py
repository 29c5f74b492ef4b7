"""Run the detectors over the stored history and keep what they find."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from okguard.detectors.columns import Columns
from okguard.detectors.engine import first_times, scan_columns
from okguard.detectors.settings import DetectorSettings
from okguard.storage.database import Database
from okguard.storage.repos import anomalies as anomaly_repo
from okguard.storage.repos import limits as limit_repo
from okguard.storage.repos import payees, settings
from okguard.storage.repos.scan_columns import ScanCancelled, load_scan_columns

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
    everything paid before. The history is read as columns straight from SQL; only
    the rows a detector reads become ``Transaction`` objects. A cancelled scan
    stores nothing.
    """
    built: list[Columns] = []

    def columns() -> Columns | None:
        table = load_scan_columns(db, cancelled=cancelled)
        built.append(Columns.from_table(table))
        return built[0]

    try:
        found = scan_columns(
            columns,
            settings=detector_settings(db),
            limits=limit_repo.list_limits(db),
            trusted_payees=payees.trusted_payees(db),
            focus=focus,
            progress=progress,
            cancelled=cancelled,
        )
    except ScanCancelled:
        return ScanResult(found=0, new_ids=[])
    if not found:
        return ScanResult(found=0, new_ids=[])
    first_at = {key: when.isoformat() for key, (when, _id) in
                first_times(built[0], found).items()}
    new_ids = anomaly_repo.store(db, found, first_tx_at=first_at)
    return ScanResult(found=len(found), new_ids=new_ids)
