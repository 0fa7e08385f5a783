"""A booking as an iCalendar file (RFC 5545), for the citizen's phone calendar.

Written by hand: one event is a dozen lines, and the rules that matter are few. Lines end in
CRLF and are folded at 75 octets (never inside a UTF-8 character, as Chinese text would be);
text values escape backslash, semicolon, comma and newline; times are in UTC, so no time zone
definition is needed.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from counterdesk.phrases import Bilingual

LINE_OCTETS = 75
CALENDAR_TYPE = "text/calendar; charset=utf-8"


def escaped(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def folded(line: str) -> str:
    """``line`` cut into pieces of at most 75 octets, each after the first led by a space
    (RFC 5545 3.1), with its CRLF."""
    pieces: list[str] = []
    piece, size, limit = "", 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append(piece)
            piece, size, limit = " ", 1, LINE_OCTETS
        piece += char
        size += octets
    pieces.append(piece)
    return "".join(piece + "\r\n" for piece in pieces)


def utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_event(
    *,
    token: str,
    start: dt.datetime,
    minutes: float,
    stamp: dt.datetime,
    summary: Bilingual,
    location: Bilingual,
    description: str,
    url: str,
    cancelled: bool,
) -> bytes:
    """The one-event calendar of a booking. Its UID is derived from the token without giving
    it away, so a calendar that imports the file again (moved, cancelled) updates the event."""
    uid = hashlib.sha256(token.encode("ascii")).hexdigest()[:32]
    end = start + dt.timedelta(minutes=minutes)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//counterdesk//appointments//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}@counterdesk",
        f"DTSTAMP:{utc(stamp)}",
        # The stamp orders the versions of one event: a moved booking's file is newer.
        f"SEQUENCE:{int(stamp.timestamp())}",
        f"DTSTART:{utc(start)}",
        f"DTEND:{utc(end)}",
        f"SUMMARY:{escaped(f'{summary.zh} {summary.en}')}",
        f"LOCATION:{escaped(f'{location.zh} {location.en}')}",
        f"DESCRIPTION:{escaped(description)}",
        f"URL:{url}",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(folded(line) for line in lines).encode("utf-8")
