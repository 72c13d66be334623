"""Dates and times as pages print them next to a story ("2025-07-09 16:55:30", "2025. 9. 19.(금) 11:00")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_WEEKDAY = r"(?:\s*[(（]\s*[월화수목금토일](?:요일)?\s*[)）]|\s*[월화수목금토일]요일)?"
_AMPM = r"(?:(?P<ampm>오전|오후|AM|PM|am|pm|a\.m\.|p\.m\.)\s*)?"
_TIME = (  # after a space, a comma, an ISO "T" or inside brackets ("2025/10/22 [15:10]")
    r"(?:(?:\s*,?\s*|T)[\[(]?\s*" + _AMPM
    + r"(?:(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    + r"|(?P<h2>\d{1,2})\s*시(?!간)(?:\s*(?P<mi2>\d{1,2})\s*분)?(?:\s*(?P<s2>\d{1,2})\s*초)?))?"
)
# 2025-07-09, 2025.07.09, 2025. 9. 19., 2025/7/9, 2025년 7월 9일
_FULL = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-./]\s*|년\s*)(?P<m>\d{1,2})\s*(?:[-./]\s*|월\s*)(?P<d>\d{1,2})"
    r"(?!\d)(?:\s*일|\s*\.)?" + _WEEKDAY + _TIME
)
# 25-09-02, 25.09.02 (two-digit year; only trusted next to a label)
_SHORT = re.compile(
    r"(?<![\d.])(?P<y>\d{2})\s*[-./]\s*(?P<m>\d{1,2})\s*[-./]\s*(?P<d>\d{1,2})(?![\d])\.?" + _WEEKDAY + _TIME
)


@dataclass(frozen=True)
class FoundDate:
    """A calendar date found in a line; `start`/`end` are offsets into that line."""

    year: int
    month: int
    day: int
    time: str | None
    start: int
    end: int


def find_dates(text: str, *, short_years: bool = False) -> list[FoundDate]:
    """Every full date in `text` (in order); two-digit years only when `short_years` is set."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    patterns = (_FULL, _SHORT) if short_years else (_FULL,)
    for pattern in patterns:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            year = int(m.group("y"))
            if year < 100:
                year += 2000 if year < 70 else 1900
            date = _valid(year, int(m.group("m")), int(m.group("d")))
            if date is None:
                continue
            end = m.end()
            while end > m.start() and text[end - 1].isspace():
                end -= 1
            found.append(FoundDate(date.year, date.month, date.day, _time(m), m.start(), end))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def is_bare_date(text: str) -> bool:
    """The whole text is one date (maybe with weekday and time): a page header or a dateline alone."""
    stripped = text.strip().strip("[]<>|·").strip()
    if not stripped or len(stripped) > 40:
        return False
    dates = find_dates(stripped, short_years=True)
    return len(dates) == 1 and dates[0].start == 0 and dates[0].end >= len(stripped.rstrip(". "))


def _valid(year: int, month: int, day: int) -> dt.date | None:
    if not 1900 <= year <= 2200:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _time(m: re.Match[str]) -> str | None:
    hour_text = m.group("h") or m.group("h2")
    if hour_text is None:
        return None
    hour = int(hour_text)
    minute_text = m.group("mi") or m.group("mi2")
    second_text = m.group("s") or m.group("s2")
    ampm = (m.group("ampm") or "").lower()
    if ampm in ("오후", "pm", "p.m.") and hour < 12:
        hour += 12
    elif ampm in ("오전", "am", "a.m.") and hour == 12:
        hour = 0
    minute = int(minute_text) if minute_text else 0
    if hour > 23 or minute > 59:
        return None
    if second_text is not None:
        second = int(second_text)
        return f"{hour:02d}:{minute:02d}:{second:02d}" if second <= 59 else f"{hour:02d}:{minute:02d}"
    return f"{hour:02d}:{minute:02d}"
