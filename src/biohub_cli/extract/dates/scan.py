"""Date expressions as written in one sentence, before any year is inferred.

`scan_sentence` finds absolute dates (2025년 12월 2일, 2025.12.2., 2025-12-02), partial ones (2019년 7월,
6월 11일, 29일), ranges (11월 22일부터 30일까지, 2025.3.2~3.5), relative ones (지난해 12월, 오는 3월, 이날)
and the weekday or time written after them. Numbers that are not dates (12명, 3,350억, 6-3생활권,
phone numbers, areas, bare times) never match: every pattern needs a date unit or a four-digit year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from biohub_cli.models.stages import Sentence

Y4 = r"(?:19|20)\d{2}"
_M = r"(?:1[0-2]|0?[1-9])"
_D = r"(?:3[01]|[12]\d|0?[1-9])"
# not a day: a length of time (3일간, 5일째), an amount of days, or an area around a lot (247-1 일원, 1일대)
_NOT_DAY = r"(?!\s*(?:간|동안|째|이내|만에|만의|이상|이하|가량|정도|씩|치|분량|평균|전부터)|원|대(?!학))"
_NOT_MONTH = r"(?!\s*(?:간|동안|분|째|이내|만에))"

_NUMERIC = re.compile(
    rf"(?<![\d.,\-/])(?P<y>{Y4})(?P<s>\.\s?|-|/)(?P<m>{_M})(?:(?P=s)(?P<d>{_D}))?(?P<dot>\.)?(?!\d|[.\-/]\s?\d)")
_SHORT = re.compile(r"(?<![\d.,\-/])(?P<y>\d{2})(?P<s>[.\-/])(?P<m>1[0-2]|0[1-9])(?P=s)"
                    r"(?P<d>3[01]|[12]\d|0[1-9])(?!\d|[.\-/]\d)")
_APOSTROPHE = re.compile(rf"[’'‘](?P<y>\d{{2}})\.\s?(?P<m>{_M})\.\s?(?P<d>{_D})\.?(?!\d)")
_MONTH_DAY = re.compile(rf"(?<![\d.,’'‘])(?P<m>{_M})\.\s?(?P<d>{_D})\.?"
                        r"(?=\s*\(\s*[월화수목금토일](?:요일)?\s*\))")
_DAY_RANGE = re.compile(rf"(?<!\d)(?:(?P<y>{Y4})\s*년\s*)?(?:(?P<m>{_M})\s*월\s*)?(?P<d>{_D})\s*[~∼～〜–]\s*"
                        rf"(?P<d2>{_D})\s*일")
_KOREAN = re.compile(  # every part is optional: the lookahead spares finditer an empty match at each character
    rf"(?<![\d.,\-])(?=\s*\d)(?:(?P<y>{Y4})\s*년(?!대)(?:도)?)?(?:\s*(?P<m>{_M})\s*월{_NOT_MONTH})?"
    rf"(?:\s*(?P<d>{_D})\s*일{_NOT_DAY})?")
_REL_YEAR = {"재작년": -2, "지난해": -1, "작년": -1, "전년": -1, "올해": 0, "금년": 0, "올": 0, "내년": 1,
             "명년": 1, "이듬해": 1, "내후년": 2}
_REL_MONTH = {"지난달": -1, "전월": -1, "이달": 0, "이번달": 0, "다음달": 1, "내달": 1}
_PREFIX = re.compile(r"(?<![가-힣])(?P<w>재작년|지난해|작년|전년|올해|금년|내년|명년|이듬해|내후년"
                     r"|지난\s?달|전월|이번\s?달|이달|다음\s?달|내달|지난|오는|올)\s*$")
_STANDALONE_YEAR = re.compile(r"(?<![가-힣])(?P<w>재작년|지난해|작년|올해|금년|내년|명년|내후년)"
                              r"(?:\s*(?P<part>상반기|하반기|[1-4]\s?분기|초|말))?(?![가-힣])")
_DAY_WORD = re.compile(r"(?<![가-힣])(?P<w>이날|당일|오늘|금일|어제|전날|전일(?!\s*대비|가|제|종가))(?!날|치기)")
_PART = re.compile(r"^\s*(?P<part>상반기|하반기|[1-4]\s?분기)")
_WEEKDAY = re.compile(r"^\s*(?:\(\s*(?P<a>[월화수목금토일])(?:요일)?\s*\)|(?P<b>[월화수목금토일])요일"
                      r"|\(\s*(?P<c>Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\s*\))")
_TIME = re.compile(r"^\s*(?:(?P<ampm>오전|오후|낮|밤|저녁|새벽)\s*(?P<h>\d{1,2})\s*시"
                   r"(?:\s*(?P<mi>\d{1,2})\s*분|\s*(?P<half>반))?"
                   r"|(?P<h24>\d{1,2})\s*시(?!간|장|청|민|의|내|외|설|점)(?:\s*(?P<mi2>\d{1,2})\s*분)?|(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d))")
_RECURRING = re.compile(r"(?<![가-힣])(?:해마다|매년|매해|매월|매달|매주|격년으로|연례적으로)\s*$")
_RANGE_JOIN = re.compile(r"^\s*(?:~|∼|～|〜|–|—|-|부터)\s*")
_RANGE_KO = re.compile(rf"^(?:(?P<y>{Y4})\s*년\s*)?(?:(?P<m>{_M})\s*월\s*)?(?P<d>{_D})\s*일"
                       rf"|^(?:(?P<y2>{Y4})\s*년\s*)?(?P<m2>{_M})\s*월")
_RANGE_NUM = re.compile(rf"^(?:(?P<y>{Y4})[.\-/]\s?)?(?:(?P<m>{_M})[.\-/]\s?)?(?P<d>{_D})\.?(?![\d])")
_UNTIL = re.compile(r"^\s*(?:\([^)]{1,5}\)\s*)?까지")
_SHORT_CONTEXT = re.compile(r"(일시|일자|날짜|기간|등록|입력|수정|승인|작성|발행|게재|배포|보도)"
                            r"\s*[:：]?\s*$")
WEEKDAYS = {"월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6,
            "Mon": 0, "Tue": 1, "Wed": 2, "Thu": 3, "Fri": 4, "Sat": 5, "Sun": 6}


@dataclass(frozen=True)
class RawDate:
    """A date as written: the parts the text states and the words that make it relative."""

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    marker: str | None = None         # "past" (지난), "future" (오는) or None
    rel_year: int | None = None       # 지난해 -1, 올해 0, 내년 +1
    rel_month: int | None = None      # 지난달 -1, 이달 0, 다음 달 +1
    rel_day: int | None = None        # 오늘 0, 어제 -1
    anaphor: bool = False             # 이날, 당일: the day the story is about
    day_before: bool = False          # 전날, 전일: the day before the one the story counts from
    weekday: int | None = None
    time: str | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    is_range: bool = False
    part: str | None = None           # 상반기, 하반기, 1분기, 초, 말

    @property
    def relative(self) -> bool:
        marked = self.marker is not None and self.year is None
        return (marked or self.rel_year is not None or self.rel_month is not None
                or self.rel_day is not None or self.anaphor or self.day_before)


def scan_sentence(sentence: Sentence) -> list[RawDate]:
    """Every date expression of one sentence, in text order, without overlaps."""
    text = sentence.text
    found: list[tuple[int, int, RawDate]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _NUMERIC.finditer(text):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"]) if m["d"] else None
        if d is None and not _year_month_ok(text, m):
            continue
        keep_dot = m["dot"] and (d is not None or m["s"].startswith("."))
        end = m.end() if keep_dot else m.end() - len(m["dot"] or "")
        _add(found, taken, text, m.start(), end, RawDate(0, 0, y, mo, d), numeric=True)
    for m in _SHORT.finditer(text):
        if not free(m.start(), m.end()):
            continue
        after = text[m.end():]
        clear = _SHORT_CONTEXT.search(text[:m.start()]) or _WEEKDAY.match(after) \
            or re.match(r"^\s*\d{1,2}:\d{2}", after)
        if clear:
            raw = RawDate(0, 0, 2000 + int(m["y"]), int(m["m"]), int(m["d"]))
            _add(found, taken, text, m.start(), m.end(), raw, numeric=True)
    for m in _APOSTROPHE.finditer(text):  # '25. 7. 9.
        if free(m.start(), m.end()):
            raw = RawDate(0, 0, 2000 + int(m["y"]), int(m["m"]), int(m["d"]))
            _add(found, taken, text, m.start(), m.end(), raw, numeric=True)
    for m in _MONTH_DAY.finditer(text):  # 7. 9.(수): a month and day only with a weekday after them
        if free(m.start(), m.end()):
            _add(found, taken, text, m.start(), m.end(), RawDate(0, 0, None, int(m["m"]), int(m["d"])),
                 numeric=True)
    for m in _DAY_RANGE.finditer(text):  # 10월 22~24일: the first day, the range to the last
        if free(m.start(), m.end()):
            ry = int(m["y"]) if m["y"] else None
            rm = int(m["m"]) if m["m"] else None
            raw = RawDate(0, 0, ry, rm, int(m["d"]), end_year=ry, end_month=rm, end_day=int(m["d2"]), is_range=True)
            found.append((m.start(), m.end(), raw))
            taken.append((m.start(), m.end()))
    for m in _KOREAN.finditer(text):
        if not (m["y"] or m["m"] or m["d"]):
            continue
        a, b = _trim(text, m.start(), m.end())
        if not free(a, b):
            continue
        raw = RawDate(0, 0, int(m["y"]) if m["y"] else None, int(m["m"]) if m["m"] else None,
                      int(m["d"]) if m["d"] else None)
        if raw.year is not None and raw.month is None and re.match(r"\s*(?:월|일)", text[b:]):
            continue
        _add(found, taken, text, a, b, raw, numeric=False)
    for m in _STANDALONE_YEAR.finditer(text):
        if free(m.start(), m.end()) and not re.match(r"\s*\d{1,2}\s*월", text[m.end():]):
            part = re.sub(r"\s", "", m["part"]) if m["part"] else None
            raw = RawDate(0, 0, rel_year=_REL_YEAR[m["w"]], part=part)
            found.append((m.start(), m.end(), raw))
            taken.append((m.start(), m.end()))
    for m in _DAY_WORD.finditer(text):
        if free(m.start(), m.end()):
            w = m["w"]
            if w in ("전날", "전일"):
                raw = RawDate(0, 0, day_before=True)
            else:
                raw = RawDate(0, 0, anaphor=w in ("이날", "당일"), rel_day=None if w in ("이날", "당일") else
                              (-1 if w == "어제" else 0))
            found.append((m.start(), m.end(), raw))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda f: f[0])
    return [replace(raw, start=sentence.start + a, end=sentence.start + b) for a, b, raw in found]


def _year_month_ok(text: str, m: re.Match[str]) -> bool:
    """`2024.07` or `2024. 7.` is a month only when nothing numeric follows and it is not a decimal."""
    rest = text[m.end():]
    if m["s"] == "." and not m["dot"] and rest and re.match(r"\s*[가-힣]", rest) is None:
        return False
    if m["s"] in ("-", "/") and len(m["m"]) < 2:
        return False  # `2026-1차`: a serial number, not January
    if re.match(r"[가-힣]", rest) and not rest.startswith("월"):
        return False
    return not re.match(r"\s*(?:%|억|만|조|원|명|개|건|㎡|배|점)", text[m.end():])


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _add(found: list[tuple[int, int, RawDate]], taken: list[tuple[int, int]], text: str, a: int, b: int,
         raw: RawDate, *, numeric: bool) -> None:
    """Attach what surrounds a date: a relative prefix, a range end, the weekday, the time. A date that
    recurs (`해마다 12월`, `매년 5월`) names no one day: it is passed over."""
    if raw.year is None and _RECURRING.search(text[:a]):
        taken.append((a, b))
        return
    a, raw = _prefix(text, a, raw)
    if raw.year is not None and raw.month is None:
        part = _PART.match(text[b:])
        if part:
            raw = replace(raw, part=re.sub(r"\s", "", part["part"]))
            b += part.end()
    b, raw = _weekday(text, b, raw)
    b, raw = _range(text, b, raw, numeric=numeric)
    t = _TIME.match(text[b:])
    if t and raw.day is not None and not raw.is_range:
        raw = replace(raw, time=clock(t))
    found.append((a, b, raw))
    taken.append((a, b))


def _prefix(text: str, a: int, raw: RawDate) -> tuple[int, RawDate]:
    """`지난`, `오는`, `지난해`, `올`, `이달` written just before a date."""
    pre = _PREFIX.search(text[:a])
    if not pre:
        return a, raw
    w = re.sub(r"\s", "", pre["w"])
    if w in ("지난", "오는"):
        return pre.start(), replace(raw, marker="past" if w == "지난" else "future")
    if w in _REL_MONTH and raw.year is None and raw.month is None and raw.day is not None:
        return pre.start(), replace(raw, rel_month=_REL_MONTH[w])
    if w in _REL_YEAR and raw.year is None and raw.month is not None:
        return pre.start(), replace(raw, rel_year=_REL_YEAR[w])
    return a, raw


def _weekday(text: str, b: int, raw: RawDate) -> tuple[int, RawDate]:
    w = _WEEKDAY.match(text[b:])
    if w and raw.day is not None:
        return b + w.end(), replace(raw, weekday=WEEKDAYS[w["a"] or w["b"] or w["c"]])
    return b, raw


def _range(text: str, b: int, raw: RawDate, *, numeric: bool) -> tuple[int, RawDate]:
    """`부터 30일까지`, `~3.5`, `~5일`: a range's end; the parts it leaves out come from its start."""
    j = _RANGE_JOIN.match(text[b:])
    if not j or (raw.month is None and raw.day is None):
        return b, raw
    m = (_RANGE_NUM if numeric else _RANGE_KO).match(text[b + j.end():])
    if not m:
        return b, raw
    gd = m.groupdict()
    y, mo, d = gd.get("y") or gd.get("y2"), gd.get("m") or gd.get("m2"), gd.get("d")
    if ((raw.day is None) != (d is None) and not y) or (numeric and mo is None and d is None):
        return b, raw
    end = b + j.end() + m.end()
    w = _WEEKDAY.match(text[end:])
    if w:
        end += w.end()
    until = _UNTIL.match(text[end:])
    if until:
        end += until.end()
    elif j.group().strip() == "부터":
        return b, raw  # `11월 22일부터` alone opens a period without closing it
    if numeric and re.match(r"\d", text[end:end + 1]):
        return b, raw
    end_year = int(y) if y else raw.year
    end_month = int(mo) if mo else raw.month
    end_day = int(d) if d else None
    if end_year is not None and not y and end_month is not None and raw.month is not None \
            and end_month < raw.month:
        end_year += 1
    if (end_year, end_month, end_day) == (raw.year, raw.month, raw.day):
        return b, raw
    return end, replace(raw, is_range=True, end_year=end_year, end_month=end_month, end_day=end_day)


def clock(t: re.Match[str]) -> str | None:
    """`오후 3시` -> `15:00`, `10시 30분` -> `10:30`, `15:00` -> `15:00`."""
    if t["hh"]:
        return f"{int(t['hh']):02d}:{t['mm']}"
    if t["h24"]:
        h = int(t["h24"])
        return f"{h:02d}:{int(t['mi2'] or 0):02d}" if h <= 24 else None
    h = int(t["h"])
    minutes = 30 if t["half"] else int(t["mi"] or 0)
    if t["ampm"] in ("오후", "저녁", "밤") and h < 12:
        h += 12
    if h > 24 or minutes > 59:
        return None
    return f"{h % 24:02d}:{minutes:02d}"


def time_after(text: str) -> re.Match[str] | None:
    """A clock time at the start of `text` (after a date)."""
    return _TIME.match(text)


def weekday_after(text: str) -> re.Match[str] | None:
    return _WEEKDAY.match(text)
