"""The Monday-morning reminder as an iCalendar file (RFC 5545): pure functions, no Django."""

import datetime as dt
from zoneinfo import ZoneInfo

REMINDER_TIME = dt.time(8, 0)
REMINDER_MINUTES = 30
ALARM_BEFORE = "-PT15M"


def monday_after(day: dt.date) -> dt.date:
    """The first Monday after the day (a week later when the day is a Monday)."""
    return day + dt.timedelta(days=7 - day.weekday())


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after CRLF and a space (3.1)."""
    data = line.encode("utf-8")
    parts, start, limit = [], 0, 75
    while len(data) - start > limit:
        end = start + limit
        while (data[end] & 0xC0) == 0x80:  # never split a UTF-8 character
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines start with a space
    parts.append(data[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def utc_stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def reminder(
    *, uid: str, last_day: dt.date, zone: str, summary: str, description: str, now: dt.datetime
) -> str:
    """A VCALENDAR with one event at 08:00 (local time in `zone`) on the Monday after `last_day`,
    and a display alarm before it. Times are written in UTC, so no VTIMEZONE is needed."""
    start = dt.datetime.combine(monday_after(last_day), REMINDER_TIME, tzinfo=ZoneInfo(zone))
    end = start + dt.timedelta(minutes=REMINDER_MINUTES)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//seminar//goals//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{utc_stamp(now)}",
        f"DTSTART:{utc_stamp(start)}",
        f"DTEND:{utc_stamp(end)}",
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(description)}",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER:{ALARM_BEFORE}",
        f"DESCRIPTION:{escape(summary)}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)
