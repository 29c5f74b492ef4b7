"""What the Limits & reminders page shows, gathered off the GUI thread in one go."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from okguard.guard.limits import LimitUsage
from okguard.services import guarding
from okguard.services.guarding import ReminderView
from okguard.storage import Database


@dataclass(frozen=True)
class GuardSnapshot:
    now: datetime
    usage: dict[int, LimitUsage] = field(default_factory=dict)  # by limit id
    reminders: list[ReminderView] = field(default_factory=list)


def load_guard(db: Database, now: datetime) -> GuardSnapshot:
    """Limit usage for the period containing ``now`` and the reminders open at ``now``."""
    return GuardSnapshot(
        now=now,
        usage={u.limit.id: u for u in guarding.usage(db, now.date())},
        reminders=guarding.current_reminders(db, now),
    )
