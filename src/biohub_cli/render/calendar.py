"""An iCalendar (RFC 5545) file of the timeline, written by hand: all-day events, folded lines, CRLF.

Only events whose day is known can be placed on a calendar; the others are left out (the caller
can list them with `undated`). An event whose year the text did not fix is marked TENTATIVE.
DTSTAMP, which RFC 5545 requires, is the event's own date, so the file never depends on the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from biohub_cli.models import Event
from biohub_cli.models.dates import PartialDate

PRODID = "-//biohub//biohub-cli//KO"
_FOLD_AT = 75  # octets per line, CRLF excluded


def placeable(ev: Event) -> bool:
    """True when year, month and day are all known."""
    return _day(ev.date) is not None


def undated(events: Sequence[Event]) -> list[Event]:
    """The events a calendar cannot hold."""
    return [e for e in events if not placeable(e)]


def to_ics(events: Sequence[Event], *, name: str = "biohub", describe: Callable[[Event], str] | None = None,
           categories: Callable[[Event], str] | None = None) -> str:
    """A VCALENDAR with one all-day VEVENT per placeable event, in the order given."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{escape_text(name)}"]
    for ev in events:
        start = _day(ev.date)
        if start is None:
            continue
        end = _day(ev.end_date) if ev.end_date else None
        stop = (end if end and end >= start else start) + dt.timedelta(days=1)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(ev.id)}@biohub",
            f"DTSTAMP:{start:%Y%m%d}T000000Z",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{stop:%Y%m%d}",
            f"SUMMARY:{escape_text(ev.title)}",
        ]
        if ev.venue:
            lines.append(f"LOCATION:{escape_text(ev.venue)}")
        if describe is not None:
            lines.append(f"DESCRIPTION:{escape_text(describe(ev))}")
        lines.append(f"CATEGORIES:{escape_text(categories(ev) if categories else ev.type)}")
        lines.append("STATUS:TENTATIVE" if not ev.date.year_certain else "STATUS:CONFIRMED")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


_CONTROLS = {c: None for c in (*range(0x20), *range(0x7F, 0xA0)) if c != 0x09}  # C0, DEL, C1; tab is kept


def escape_text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped; other controls dropped."""
    out = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    out = out.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    return out.translate(_CONTROLS)


def fold(line: str) -> str:
    """Fold at 75 octets without splitting a UTF-8 character; continuation lines start with a space."""
    data = line.encode("utf-8")
    if len(data) <= _FOLD_AT:
        return line
    parts: list[bytes] = []
    start, limit = 0, _FOLD_AT
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: the character starts before the cut
            cut -= 1
        parts.append(data[start:cut])
        start, limit = cut, _FOLD_AT - 1  # the leading space takes one octet
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8")


def _day(date: PartialDate | None) -> dt.date | None:
    if date is None or date.year is None or date.month is None or date.day is None:
        return None
    return dt.date(date.year, date.month, date.day)
