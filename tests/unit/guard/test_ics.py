from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar

from okguard.guard.ics import reminder_uid, reminders_to_ics, write_ics
from okguard.guard.reminders import Reminder, ReminderKind, snooze
from okguard.i18n import Msg

from .factory import cny

STAMP = datetime(2024, 3, 5, 1, 0, tzinfo=UTC)
DUE = datetime(2024, 3, 6, 9, 30)


def reminders() -> list[Reminder]:
    long_title = Msg(
        "Confirm the payment of {amount} to {payee} on {day}: it is at or above your "
        "confirmation threshold of {threshold}",
        amount=cny("55000"), payee="王芳; 房东, 北京\\朝阳\n二号", day=DUE.date(),
        threshold=cny("5000"),
    )
    return [
        Reminder(kind=ReminderKind.CONFIRMATION, title=long_title, due=DUE, id=11,
                 transaction_id=101),
        Reminder(kind=ReminderKind.REVIEW, title=Msg("Review your transactions"),
                 due=DUE + timedelta(days=7)),
        Reminder(kind=ReminderKind.CASE_FOLLOWUP, title=Msg("Follow up on a recovery case"),
                 due=DUE, id=12, done=True),
    ]


def test_calendar_has_one_event_with_an_alarm_per_open_reminder() -> None:
    data = reminders_to_ics(reminders(), dtstamp=STAMP, lang="zh_CN",
                            alarm_before=timedelta(minutes=15))
    calendar = Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 2  # the done reminder is left out
    first = events[0]
    assert str(first["uid"]) == "reminder-11@okguard"
    assert first.decoded("dtstart") == DUE
    assert first.decoded("dtstamp") == STAMP
    summary = str(first["summary"])
    # Special characters survive the round trip through escaping.
    assert "王芳; 房东, 北京\\朝阳\n二号" in summary
    assert summary.startswith("请确认 2024-03-06 向 王芳")
    alarms = list(first.walk("VALARM"))
    assert len(alarms) == 1
    assert str(alarms[0]["action"]) == "DISPLAY"
    assert alarms[0].decoded("trigger") == -timedelta(minutes=15)
    assert str(events[1]["summary"]) == "请核对您的交易"


def test_lines_are_crlf_and_folded_at_75_octets() -> None:
    data = reminders_to_ics(reminders(), dtstamp=STAMP, lang="zh_CN")
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")
    assert b"\n" not in b"".join(lines)  # no bare LF anywhere
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the long summary was folded
    for line in lines:
        line.decode("utf-8")  # folding never splits a Chinese character
    assert b"\\;" in data and b"\\," in data and b"\\n" in data and b"\\\\" in data


def test_uids_are_stable_across_exports_and_snoozes() -> None:
    first = reminders()
    snoozed = [snooze(r, DUE, timedelta(hours=2)) for r in first]
    assert [reminder_uid(r) for r in first] == [reminder_uid(r) for r in snoozed]
    assert len({reminder_uid(r) for r in first}) == 3
    later_stamp = STAMP + timedelta(days=1)
    uids = [
        [str(e["uid"]) for e in Calendar.from_ical(
            reminders_to_ics(first, dtstamp=stamp)).walk("VEVENT")]
        for stamp in (STAMP, later_stamp)
    ]
    assert uids[0] == uids[1]


def test_write_ics_creates_a_parseable_file(tmp_path: Path) -> None:
    path = tmp_path / "okguard.ics"
    write_ics(path, reminders(), dtstamp=STAMP, lang="en")
    calendar = Calendar.from_ical(path.read_bytes())
    assert str(calendar["prodid"]).startswith("-//okguard//")
    assert str(calendar["version"]) == "2.0"
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert summaries[1] == "Review your transactions"
