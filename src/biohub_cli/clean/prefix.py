"""Datelines and bylines glued to the start of a lead.

"[뉴스스텝] ", "(인천=연합뉴스) 홍길동 기자 = ", "어웨이크뉴스 오경하 기자 | ":
the tag goes, the sentence stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from biohub_cli.clean.classify import BYLINE, DATELINE
from biohub_cli.clean.credits import NAMES, REPORTER_ROLE
from biohub_cli.clean.cues import bare, cues

_REPORTER = rf"(?P<names>{NAMES})\s*{REPORTER_ROLE}\s*(?:기자|특파원|통신원)"
_PLACE_OUTLET = re.compile(
    r"^\s*[\[(【〔<]\s*(?:(?P<lead>[^\])】〕>=|\n]{2,20}?)\s*[|｜]\s*)?(?P<place>[가-힣A-Za-z·ㆍ ]{1,12}?)\s*=\s*"
    r"(?P<outlet>[^\])】〕>=\n]{1,30}?)\s*[\])】〕>]\s*"
    rf"(?:{_REPORTER}\s*=?\s*)?"
)
# Inside the brackets, after "=": the outlet, its reporter, or both ("이데일리 이종일 기자").
_INNER_CREDIT = re.compile(
    rf"^(?:(?P<outlet>\S{{2,20}})\s+)?(?P<names>{NAMES})\s*{REPORTER_ROLE}\s*(?:기자|특파원|통신원)$")
_TAG = re.compile(r"^\s*[\[【](?P<outlet>[^\[\]【】\s=]{2,12})[\]】]\s*")
_TAG_REPORTER = re.compile(rf"^\s*[\[【](?P<outlet>[^\[\]【】\s=]{{2,15}})\s+{_REPORTER}\s*[\]】]\s*")
_OUTLET_REPORTER = re.compile(rf"^\s*(?P<outlet>[^\s|=\[\]()<>]{{2,20}})\s+{_REPORTER}\s*[|=]\s*")
_REPORTER_ONLY = re.compile(rf"^\s*{_REPORTER}\s*[|=]\s*")


@dataclass(frozen=True)
class Prefix:
    """A dateline or byline at the start of a line: `length` characters of the line text to drop."""

    length: int
    reason: str
    outlet: str | None
    reporter: str | None


def find_prefix(text: str) -> Prefix | None:
    """The dateline or byline glued to the start of a lead paragraph, if any (the sentence must go on)."""
    for pattern, reason in ((_PLACE_OUTLET, DATELINE), (_TAG, DATELINE), (_TAG_REPORTER, BYLINE),
                            (_OUTLET_REPORTER, BYLINE), (_REPORTER_ONLY, BYLINE)):
        m = pattern.match(text)
        if not m or not text[m.end():].strip():
            continue
        groups = m.groupdict()
        outlet = (groups.get("outlet") or "").strip() or None
        if pattern is _TAG and (outlet is None or bare(outlet) in cues().not_outlet_tags
                                or not re.search(r"[가-힣A-Za-z]", outlet)):
            continue
        if pattern is _OUTLET_REPORTER and outlet is not None and re.search(r"[.,]|다$", outlet):
            continue
        names = groups.get("names")
        if pattern is _PLACE_OUTLET and outlet is not None:
            outlet, inner = _bracket_credit(groups.get("lead"), groups.get("place") or "", outlet)
            names = names or inner
        return Prefix(length=m.end(), reason=reason, outlet=outlet, reporter=names.strip() if names else None)
    return None


def _bracket_credit(lead: str | None, place: str, after: str) -> tuple[str | None, str | None]:
    """(outlet, reporter) of "[인천=연합뉴스]", "[인천=이데일리 이종일 기자]", "[로컬세계 = 강연식 기자]"
    (an outlet, not a place, before "=" when only a reporter follows it), "【파이낸셜뉴스 원주=김기섭 기자】"
    or "[더팩트 | 대전=최영규 기자]"."""
    credit = _INNER_CREDIT.match(after.strip())
    if credit is None:
        return after.strip(), None
    words = place.split()  # "파이낸셜뉴스 원주=…": the outlet and its place
    outlet = credit.group("outlet") or (lead.strip() if lead else None) or " ".join(words[:-1] or words) or None
    return outlet, credit.group("names")
