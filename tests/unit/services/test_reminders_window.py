"""Current reminders read only the recent rows, yet say what the whole history says."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from okguard.guard.confirmations import payments_needing_confirmation
from okguard.guard.reminders import ReminderKind
from okguard.guard.review import unreviewed_summary
from okguard.services import guarding
from okguard.services.demo import load_demo
from okguard.storage import Database, open_database
from okguard.storage.repos import reminders as reminder_repo
from okguard.storage.repos import transactions


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = open_database(Path(tmp_path_factory.mktemp("rw")) / "demo.db")
    load_demo(db, months=4)
    return db


def _now(db: Database) -> datetime:
    latest = max(t.occurred_at for t in transactions.iter_for_scan(db))
    return latest.replace(tzinfo=None) + timedelta(hours=1)


def test_recent_rows_come_with_their_linked_partners(demo: Database) -> None:
    since = _now(demo) - timedelta(days=30)
    recent = list(transactions.iter_for_scan(demo, since=since))
    ids = {t.id for t in recent}
    assert recent and len(recent) < sum(1 for _ in transactions.iter_for_scan(demo))
    linked = [t for t in recent if t.link_id is not None]
    assert linked and all(t.link_id in ids for t in linked)


def test_windowed_reminders_match_the_whole_history(demo: Database) -> None:
    now = _now(demo)
    since = now - timedelta(days=guarding.CONFIRM_WINDOW_DAYS)
    history = list(transactions.iter_for_scan(demo))
    expected = {
        p.transaction.id
        for p in payments_needing_confirmation(
            history, guarding.confirm_thresholds(demo), reminder_repo.acknowledged_ids(demo),
            since=since,
        )
    }
    views = guarding.current_reminders(demo, now)
    got = {v.reminder.transaction_id for v in views
           if v.reminder.kind is ReminderKind.CONFIRMATION}
    assert expected and got == expected
    summary = unreviewed_summary(history, transactions.reviewed_ids(demo))
    (review,) = [v for v in views if v.reminder.kind is ReminderKind.REVIEW]
    assert str(summary.count) in review.reminder.title.render("en")
