"""Which year (and month) a written date means: from the text, the publication date, or its weekday.

Nothing here reads a clock: a date the text and the stated publication date do not fix keeps its
unknown parts unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass

from biohub_cli.extract.dates.scan import RawDate
from biohub_cli.models.dates import PartialDate, YearBasis

_LONGEST = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
WEEKDAY_WINDOW = 1  # years either side of those the document mentions
_FUTURE = re.compile(r"(?:예정|계획|방침)(?:이|으로|임|\s*중)|할\s*것|될\s*것|한다고|된다고|린다고|연다고|는다고"
                     r"|한다\.|린다\.|연다\.|개최한다|앞두고")
_PLANNED = re.compile(r"([가-힣])\s*(?:예정|계획|방침)")


@dataclass(frozen=True)
class Context:
    """What a date is read against: stated publication, a year the sentence fixes, the story's day."""

    published: PartialDate | None
    sentence_year: int | None = None
    doc_years: Collection[int] = ()
    anchor: PartialDate | None = None   # the day the story is about, for 이날
    future: bool = False                # the clause after the date speaks of what is to come
    day_before_of: PartialDate | None = None  # the day 전날 counts back from (the release day)


def future_tense(text_after: str) -> bool:
    """True when the rest of the clause announces something to come (개최할 예정, 열릴 계획이다, 연다고
    밝혔다); a plan that is only talked about (`추진 계획을 발표했다`, `구축 예정지`) is no future."""
    if _FUTURE.search(text_after):
        return True
    return any((ord(m.group(1)) - 0xAC00) % 28 == 8 for m in _PLANNED.finditer(text_after))  # …ㄹ 예정


def resolve(raw: RawDate, ctx: Context) -> tuple[PartialDate, PartialDate | None] | None:
    """The date and, for a range, its end; None when the expression says nothing usable."""
    try:
        date = _start(raw, ctx)
    except ValueError:  # 2월 30일, or 2월 29일 in a year without one
        if raw.year is not None or raw.month is None or raw.day is None or raw.day > _LONGEST[raw.month - 1]:
            return None
        date = _of(None, raw.month, raw.day, None)
    if date is None:
        return None
    date = _check_weekday(raw, date, ctx)
    end = _end(raw, date)
    return date, end


def _pub(ctx: Context) -> dt.date | None:
    p = ctx.published
    if p is None or p.year is None or p.month is None or p.day is None or not p.year_certain:
        return None
    return dt.date(p.year, p.month, p.day)


def _pub_year(ctx: Context) -> int | None:
    p = ctx.published
    return p.year if p is not None and p.year_certain else None


def _start(raw: RawDate, ctx: Context) -> PartialDate | None:
    if raw.day_before:
        base = ctx.day_before_of
        if base is None:
            pub = _pub(ctx)
            base = PartialDate.of(pub.year, pub.month, pub.day) if pub else None
        return _previous_day(base) if base is not None else None
    if raw.anaphor:
        if ctx.anchor is not None:
            return ctx.anchor
        pub = _pub(ctx)
        return _of(pub.year, pub.month, pub.day, "relative") if pub else None
    if raw.rel_day is not None:
        pub = _pub(ctx)
        if pub is None:
            return None
        d = pub + dt.timedelta(days=raw.rel_day)
        return _of(d.year, d.month, d.day, "relative")
    if raw.year is not None:
        return _of(raw.year, raw.month, raw.day, "text")
    if raw.rel_year is not None:
        year = _pub_year(ctx)
        if year is None:
            return _of(None, raw.month, raw.day, None) if raw.month is not None else None
        return _of(year + raw.rel_year, raw.month, raw.day, "relative")
    if raw.month is None and raw.day is not None:
        return _day_only(raw, ctx)
    if raw.month is None:
        return None
    if ctx.sentence_year is not None:
        return _of(ctx.sentence_year, raw.month, raw.day, "text")
    pub = _pub(ctx)
    if pub is None:
        year = _pub_year(ctx)
        if year is not None and raw.marker is None:  # only the year of publication is stated
            return _of(year, raw.month, raw.day, "published")
        return _of(None, raw.month, raw.day, None)
    direction = raw.marker or ("future" if ctx.future else "past")
    here = (raw.month, raw.day or 0)
    now = (pub.month, pub.day if raw.day is not None else 0)
    year = pub.year
    if direction == "past" and here > now:
        year -= 1
    elif direction == "future" and here < now:
        year += 1
    return _of(year, raw.month, raw.day, "relative" if raw.marker else "published")


def _day_only(raw: RawDate, ctx: Context) -> PartialDate | None:
    """`지난 26일`, `29일 밝혔다`: the nearest such day before (or, to come, after) publication."""
    pub = _pub(ctx)
    if raw.rel_month is not None:
        if pub is None:
            return _of(None, None, raw.day, None)
        y, m = pub.year, pub.month + raw.rel_month
        y, m = (y - 1, m + 12) if m < 1 else (y + 1, m - 12) if m > 12 else (y, m)
        return _valid(y, m, raw.day, "relative") or _of(None, None, raw.day, None)
    if pub is None or raw.day is None:
        return _of(None, None, raw.day, None)
    future = raw.marker == "future" or (raw.marker is None and ctx.future)
    y, m = pub.year, pub.month
    for _ in range(3):
        found = _valid(y, m, raw.day, "relative")
        if found is not None:
            day = dt.date(y, m, raw.day)
            if (future and day >= pub) or (not future and day <= pub):
                return found
        y, m = _step(y, m, 1 if future else -1)
    return _of(None, None, raw.day, None)


def _previous_day(d: PartialDate) -> PartialDate | None:
    """The day before: a full date by the calendar; a day without its month only within its month."""
    if d.day is None:
        return None
    if d.year is not None and d.month is not None:
        day = dt.date(d.year, d.month, d.day) - dt.timedelta(days=1)
        return _of(day.year, day.month, day.day, "relative")
    return _of(None, d.month, d.day - 1, None) if d.day > 1 else None


def _step(y: int, m: int, by: int) -> tuple[int, int]:
    m += by
    if m < 1:
        return y - 1, 12
    if m > 12:
        return y + 1, 1
    return y, m


def _check_weekday(raw: RawDate, date: PartialDate, ctx: Context) -> PartialDate:
    """A stated weekday must agree with the year; it fixes the year when nothing else does."""
    if raw.weekday is None or date.month is None or date.day is None:
        return date
    if date.year is not None:
        try:
            ok = dt.date(date.year, date.month, date.day).weekday() == raw.weekday
        except ValueError:
            ok = False
        return date if ok else _of(None, date.month, date.day, None)
    years = sorted(set(ctx.doc_years))
    if not years:
        return date
    fits = []
    for y in range(years[0] - WEEKDAY_WINDOW, years[-1] + WEEKDAY_WINDOW + 1):
        try:
            if dt.date(y, date.month, date.day).weekday() == raw.weekday:
                fits.append(y)
        except ValueError:
            continue
    return _of(fits[0], date.month, date.day, "weekday") if len(fits) == 1 else date


def _end(raw: RawDate, start: PartialDate) -> PartialDate | None:
    if not raw.is_range:
        return None
    year = start.year
    if year is not None and raw.end_year is not None and raw.year is not None:
        year = raw.end_year
    elif year is not None and raw.end_month is not None and start.month is not None \
            and raw.end_month < start.month:
        year += 1
    month = raw.end_month if raw.end_month is not None else start.month
    if start.month is None and raw.end_month is not None and raw.month is None:
        month = None
    end = _valid(year, month, raw.end_day, start.year_basis) if year is not None else None
    if end is None:
        end = _of(None, month, raw.end_day, None) if (month or raw.end_day) else None
    return end


def _valid(y: int | None, m: int | None, d: int | None, basis: YearBasis | None) -> PartialDate | None:
    try:
        return _of(y, m, d, basis)
    except ValueError:
        return None


def _of(y: int | None, m: int | None, d: int | None, basis: YearBasis | None) -> PartialDate:
    if y is not None and m is not None and d is not None:
        dt.date(y, m, d)  # raises ValueError for 2월 30일
    return PartialDate.of(y, m, d, basis=basis if y is not None else None)
