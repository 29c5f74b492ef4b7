"""Reminders as an iCalendar (.ics) file, so they reach the user's own calendar.

The ``icalendar`` library does the RFC 5545 work (75-octet line folding, escaping of
``, ; \\`` and newlines, CRLF line ends, UTF-8).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from okguard.guard.reminders import Reminder, ReminderKind
from okguard.i18n import Msg

PRODID = "-//okguard//okguard reminders//EN"

_KIND_TEXT = {
    ReminderKind.CONFIRMATION: "Confirm a large payment",
    ReminderKind.REVIEW: "Review your transactions",
    ReminderKind.CASE_FOLLOWUP: "Follow up on a recovery case",
    ReminderKind.RECOVERY_DEADLINE: "A recovery deadline is near",
}


def reminder_uid(reminder: Reminder) -> str:
    """The same UID for the same reminder on every export, so calendars update, not duplicate."""
    return f"{reminder.key}@okguard"


def _calendar_time(moment: datetime) -> datetime:
    # Naive times are the user's wall clock: written as floating local time.
    return moment.astimezone(UTC) if moment.tzinfo else moment


def reminders_to_ics(
    reminders: Iterable[Reminder],
    *,
    dtstamp: datetime,
    lang: str | None = None,
    alarm_before: timedelta = timedelta(0),
    duration: timedelta = timedelta(minutes=30),
    include_done: bool = False,
) -> bytes:
    """A VCALENDAR with one VEVENT (and a display VALARM) per open reminder."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    stamp = dtstamp.astimezone(UTC)  # DTSTAMP must be UTC (RFC 5545 3.8.7.2)
    for reminder in reminders:
        if reminder.done and not include_done:
            continue
        title = reminder.title.render(lang)
        start = _calendar_time(reminder.due)
        event = Event()
        event.add("uid", reminder_uid(reminder))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + duration)
        event.add("summary", title)
        event.add("description", Msg(_KIND_TEXT[reminder.kind]).render(lang))
        event.add("categories", [reminder.kind.value])
        if reminder.done:
            event.add("status", "CANCELLED")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", -alarm_before)
        event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def write_ics(path: Path, reminders: Iterable[Reminder], *, dtstamp: datetime,
              lang: str | None = None) -> None:
    path.write_bytes(reminders_to_ics(reminders, dtstamp=dtstamp, lang=lang))
