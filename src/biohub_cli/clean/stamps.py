"""Publication stamps: the dates a page prints to say when it published the story.

A stamp is a label and its date ("입력 2025.10.22 15:10", "기사승인 : …", "date 2025-10-22"), found
anywhere in a line, with odd separators between them ("입력 | 2025.10.22", "[입력] 2025.10.22",
"작성일자 25-10-22"). Without a label, a date is a stamp only when a credit is all its line holds
besides: an e-mail ("hsm@osong.kr | 2025-10-22 10:00"), a reporter ("2025-10-22  한소망 기자"), a
name alone ("2025-10-22  한소망") or the issuing body ("2025.10.22 보건복지부"); or when it comes
with its time after a label the page garbled into other scripts ("Է:2025-05-07 14:10"). A date a
widget gives its figures as of ("2025.10.22 15:30 기준", "장마감") is never a stamp, nor is a
relative word (이날, 전날, 지난 21일): extract/dates reads those against the stamp.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from biohub_cli.clean.credits import EMAIL, NAMES, REPORTER, is_issuer, person_name
from biohub_cli.clean.cues import cues
from biohub_cli.clean.dates import FoundDate, find_dates

# What may stand between a label and its date: a suffix of the label, a colon, a bar, a bracket.
LABEL_GAP = re.compile(r"\s*(?:일시|시간|일자|일|자)?\s*[\]】）)〕>:：|｜ㅣ=›»▸▶►·\-–]?\s*")
_OPENERS = "[【(（〔<"
_MAX_GAP = 12
_MAX_CREDIT_LINE = 80
_CREDIT_SEPARATORS = re.compile(r"[|｜·ㆍ/,\s]+")
_EMAIL = re.compile(EMAIL)
_REPORTER_CREDIT = re.compile(rf"^(?:(?P<outlet>[^\s|/=·]{{2,20}})\s+)?{REPORTER}$")
_NAMES_ONLY = re.compile(rf"^{NAMES}$")
_GARBLED = re.compile(r"^\s*(?P<label>[^\s가-힣A-Za-z0-9:：]{1,4})\s*[:：]\s*")


@dataclass(frozen=True)
class Label:
    """A date label in a line: offsets into it, and its rank (0: 입력/등록/승인 …, 2: 수정 …)."""

    start: int
    end: int
    rank: int


@lru_cache(maxsize=1)
def _label_pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    """One pattern for every date label, longest first (기사승인 before 승인), and each label's rank."""
    c = cues()
    ranks = {label: rank for rank, group in ((2, c.date_labels_later), (0, c.date_labels_first)) for label in group}
    ordered = sorted(ranks, key=lambda label: (-len(label), label))
    return re.compile("|".join(re.escape(label) for label in ordered)), ranks


def labels(text: str) -> list[Label]:
    """Every date label of `text`; a label in Latin letters ("date", "Posted") only as a word of its own."""
    pattern, ranks = _label_pattern()
    out: list[Label] = []
    for m in pattern.finditer(text):
        label = m.group()
        if label.isascii() and (_letter(text, m.start() - 1) or _letter(text, m.end())):
            continue
        out.append(Label(m.start(), m.end(), ranks[label]))
    return out


def _letter(text: str, at: int) -> bool:
    return 0 <= at < len(text) and text[at].isascii() and text[at].isalpha()


def label_before(text: str, found: FoundDate, found_labels: list[Label]) -> Label | None:
    """The label printed just before the date (only a gap of LABEL_GAP between); the longest wins."""
    before = [lab for lab in found_labels if lab.end <= found.start and found.start - lab.end <= _MAX_GAP
              and LABEL_GAP.fullmatch(text, lab.end, found.start)]
    if not before:
        return None
    return max(before, key=lambda lab: (lab.end, -lab.start))


def date_label_at(text: str) -> tuple[int, str] | None:
    """(rank, label) of the first label directly followed by a date: 0 for 입력/등록/기사승인, 1 for 수정."""
    found_labels = labels(text)
    if not found_labels:
        return None
    best: Label | None = None
    for f in find_dates(text, short_years=True):
        lab = label_before(text, f, found_labels)
        if lab is not None and (best is None or lab.start < best.start):
            best = lab
    if best is None:
        return None
    return (0 if best.rank == 0 else 1), text[best.start:best.end]


@dataclass(frozen=True)
class LeadingStamp:
    """A stamp opening a line that goes on with something else (" date 2025-12-04 오송 K-바이오…")."""

    length: int  # characters of the line text up to where the rest begins
    label: Label
    found: FoundDate


def leading_stamp(text: str) -> LeadingStamp | None:
    """The label and date at the start of `text` (maybe in brackets), when more text follows them."""
    lead = len(text) - len(text.lstrip(" \t" + _OPENERS))
    found_labels = [lab for lab in labels(text) if lab.start == lead and lab.rank == 0]
    if not found_labels:
        return None
    dates = find_dates(text, short_years=True)
    first = dates[0] if dates else None
    if first is None:
        return None
    label = label_before(text, first, found_labels)
    if label is None:
        return None
    end = first.end
    closing = re.match(r"[\]】）)〕>]?\s*(?:[|｜ㅣ·]\s*)?", text[end:])
    end += closing.end() if closing else 0
    if not text[end:].strip():
        return None
    return LeadingStamp(end, label, first)


@dataclass(frozen=True)
class Credit:
    """A date whose line holds nothing but a credit; `kind` is email, reporter, name or issuer.

    `who` is the reporter's or person's name, or the issuing body's (None for an e-mail alone).
    """

    found: FoundDate
    kind: str
    who: str | None


def credited_date(text: str) -> Credit | None:
    """The date of a line that is a date and a credit ("2025-10-22  한소망 기자"), else None."""
    if len(text) > _MAX_CREDIT_LINE:
        return None
    dates = find_dates(text)
    if len(dates) != 1:
        return None
    f = dates[0]
    rest = (text[:f.start] + " " + text[f.end:]).strip()
    if any(word in rest for word in cues().as_of):
        return None
    emails = _EMAIL.findall(rest)
    rest = _CREDIT_SEPARATORS.sub(" ", _EMAIL.sub(" ", rest)).strip(" -–—()[]<>")
    if not rest:
        return Credit(f, "email", None) if emails else None
    reporter = _REPORTER_CREDIT.match(rest)
    if reporter:
        return Credit(f, "reporter", reporter.group("names"))
    if person_name(rest):
        return Credit(f, "name", rest)
    if " " not in rest and is_issuer(rest):
        return Credit(f, "issuer", rest)
    if emails and _NAMES_ONLY.match(rest) and all(person_name(n) for n in re.split(r"[\s·,ㆍ/]+", rest)):
        return Credit(f, "name", rest)
    return None


def garbled_stamp(text: str) -> FoundDate | None:
    """A date and time after a short label in no script a Korean page prints it in (mojibake of 입력)."""
    m = _GARBLED.match(text)
    if m is None or not any(ch in "?\ufffd" or (ch.isalpha() and not ch.isascii()) for ch in m.group("label")):
        return None
    dates = find_dates(text[m.end():])
    if len(dates) != 1 or dates[0].start != 0 or dates[0].time is None:
        return None
    if text[m.end() + dates[0].end:].strip():
        return None
    f = dates[0]
    return FoundDate(f.year, f.month, f.day, f.time, f.start + m.end(), f.end + m.end())
