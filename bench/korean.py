"""Small Korean writing helpers for the benchmark corpus: particles, amounts, date phrases, names."""

from __future__ import annotations

import datetime as dt
import random

_PAIRS = {"은": ("은", "는"), "이": ("이", "가"), "과": ("과", "와"), "을": ("을", "를"),
          "으로": ("으로", "로"), "이라": ("이라", "라")}
_LATIN_CODA = set("lmnrLMNR")
_DIGIT_CODA = set("0136789")


def has_coda(word: str) -> bool:
    """True when the word ends in a final consonant (받침), as it would be read aloud."""
    text = word.rstrip()
    if text.endswith(")") and "(" in text:
        text = text[: text.rindex("(")].rstrip()
    if not text:
        return False
    last = text[-1]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28 != 0
    return last in _LATIN_CODA or last in _DIGIT_CODA


def josa(word: str, particle: str) -> str:
    """`word` with the right form of a particle: josa("인천시", "은") -> "인천시는"."""
    with_coda, without = _PAIRS[particle]
    if particle == "으로" and word and "가" <= word[-1] <= "힣" and (ord(word[-1]) - 0xAC00) % 28 == 8:
        return word + "로"  # ㄹ받침
    return word + (with_coda if has_coda(word) else without)


def won(eok: int) -> str:
    """An amount given in 억 원, written as releases do: 1,398억 원, 1조 2,000억 원, 5,000만 원."""
    if eok <= 0:
        return "5,000만 원"
    jo, rest = divmod(eok, 10_000)
    if jo and rest:
        return f"{jo}조 {rest:,}억 원"
    if jo:
        return f"{jo}조 원"
    return f"{rest:,}억 원"


def split_amount(rng: random.Random, total: int) -> tuple[int, int, int]:
    """국비, 지방비, 민자 shares of a total in 억 원 (they add up)."""
    national = total * rng.choice((40, 50, 60, 70)) // 100
    local = (total - national) * rng.choice((30, 50, 70)) // 100
    return national, local, total - national - local


def person_name(rng: random.Random, surnames: tuple[str, ...], given: tuple[str, ...]) -> str:
    first, second = rng.sample(given, 2)
    return rng.choice(surnames) + first + second


def day_phrase(event: dt.date, published: dt.date) -> str:
    """How a story dates its event relative to the publication date."""
    delta = (published - event).days
    if delta == 0:
        return f"{event.day}일"
    if 0 < delta <= 20 and event.month == published.month:
        return f"지난 {event.day}일"
    if delta > 0 and event.year == published.year:
        return f"지난 {event.month}월 {event.day}일"
    if delta > 0:
        return f"{event.year}년 {event.month}월 {event.day}일"
    if event.year == published.year:
        return f"오는 {event.month}월 {event.day}일"
    return f"{event.year}년 {event.month}월 {event.day}일"


def past_month_phrase(when: dt.date, published: dt.date) -> str:
    """A past month as a story writes it: 지난해 12월, 지난 3월, 2019년 5월."""
    if when.year == published.year:
        return f"지난 {when.month}월"
    if when.year == published.year - 1:
        return f"지난해 {when.month}월"
    return f"{when.year}년 {when.month}월"


ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")


def english_date(day: dt.date) -> str:
    return f"{ENGLISH_MONTHS[day.month - 1]} {day.day}, {day.year}"
