"""Who published a document: a news outlet, or the public body that issued a press release.

A news page names its outlet in a dateline ("[뉴스스텝]"), a byline ("어웨이크뉴스 홍길동 기자") or
its copyright line. A release of a city, province or ministry is published by that body: its name
stands alone in the header ("보 도 자 료" / "인천광역시"), heads the site's breadcrumb ("인천광역시 >
소통 > 보도자료") or opens the 담당 부서 value ("인천광역시 미래산업과"). A name counts only when it
ends like a public body (data/noise.yaml `issuers`); a department ("일자리경제본부") does not.
"""

from __future__ import annotations

import re

from biohub_cli.clean import classify as c
from biohub_cli.clean.credits import is_issuer
from biohub_cli.clean.cues import bare, cues
from biohub_cli.clean.header import is_header_line, label_only, parse_header_line
from biohub_cli.clean.stamps import credited_date
from biohub_cli.clean.story import Plan, body_like, lead_line

_COPYRIGHT_OUTLET = re.compile(
    r"(?:저작권자|Copyright|COPYRIGHT|copyright|ⓒ|©|\([cC]\))[\s:ⓒ©]*(?:\([cC]\))?\s*(?:(?:19|20)\d{2}(?:\s*-\s*(?:19|20)\d{2})?\s*)?"
    r"(?:by\s+)?(?P<outlet>[가-힣A-Za-z0-9][가-힣A-Za-z0-9&]*(?:\s(?!All\b|all\b)[A-Z][A-Za-z]+)*)"
)
_NOT_OUTLET = frozenset({"All", "all", "무단", "무단전재", "저작권자", "Copyright", "by", "기자명", "기자",
                         "글", "사진", "취재", "정리", "글·사진", "영상", "편집"})


def find_outlet(plan: Plan, region: range) -> str | None:
    """The news outlet the page names, else the body that issued the release, else None."""
    return _news_outlet(plan, region) or _issuer(plan, region) or _copyright(plan, range(region.stop, len(plan.lines)))


def _news_outlet(plan: Plan, region: range) -> str | None:
    for i in sorted(plan.prefixes):
        if plan.prefixes[i].outlet:
            return plan.prefixes[i].outlet
    lead = lead_line(plan)
    for i in region:
        if plan.reasons[i] == c.BYLINE and i not in plan.bare_dates:
            m = c.BYLINE_PATTERN.match(plan.lines[i].stripped)
            outlet = m.group("outlet") if m else None
            if outlet and outlet not in _NOT_OUTLET and re.search(r"[가-힣A-Za-z]", outlet):  # no date
                return outlet
            credit = credited_date(plan.lines[i].stripped) if i < lead else None
            if credit is not None and credit.kind == "issuer":
                return credit.who  # "2025.01.23 보건복지부" under a ministry's headline
    return _copyright(plan, region)


def _copyright(plan: Plan, lines: range) -> str | None:
    """The outlet a copyright line names ("저작권자 © 달구벌바이오뉴스 무단전재 …"); one under the lists
    after the story (관련기사, 기자의 다른 기사) names the site too."""
    for i in lines:
        if plan.reasons[i] == c.COPYRIGHT:
            m = _COPYRIGHT_OUTLET.search(plan.lines[i].stripped)
            if m and m.group("outlet") not in _NOT_OUTLET:
                return m.group("outlet").strip()
    return None


_DEPARTMENT = "담당 부서"
_HEADER_REASONS = frozenset({c.RELEASE_HEADER, c.SECTION, c.MENU})
_CRUMB_SPLIT = re.compile(r"\s*[>›»＞|｜]\s*")


def _issuer(plan: Plan, region: range) -> str | None:
    """The public body named in a press release's header (lines above the first paragraph of the story)."""
    lead = next((i for i in plan.body if body_like(plan.lines[i].stripped)), len(plan.lines))
    head = [i for i in region if i < lead and plan.reasons[i] in _HEADER_REASONS]
    if not any(plan.reasons[i] == c.RELEASE_HEADER and is_header_line(plan.lines[i].stripped) for i in head):
        return None
    for i in head:
        for candidate in _candidates(plan, i):
            if is_issuer(candidate):
                return candidate
    return None


def _candidates(plan: Plan, index: int) -> list[str]:
    """Names line `index` may give: a whole line, a breadcrumb's root, the first word of 담당 부서."""
    text = plan.lines[index].stripped
    key = plan.header_values.get(index)
    if label_only(text) is not None:
        return []
    if key is not None:
        return text.split()[:1] if key == _DEPARTMENT else []
    if plan.reasons[index] == c.SECTION:
        return _CRUMB_SPLIT.split(text)[:1]
    pairs = parse_header_line(text)
    if pairs:
        return [value.split()[0] for key, value in pairs if key == _DEPARTMENT and value.split()]
    words = [w for w in text.split() if bare(w) not in cues().release_heading]
    return words if len(words) == 1 else []
