"""Title, outlet, reporter, publication date and the press-release header, lifted from the page.

Evidence offsets point into `RawDocument.text` (not the kept text): `start`/`end` span the label
and the date ("기사승인 : 2025-07-09 16:55:30"), `sentence` is that raw line with its ends trimmed.
Only dated labels count as a publication date (입력, 등록, 기사승인, 송고, 작성일, 발행일, a release's
보도시점 ...; 수정 only when nothing better is there). A date alone at the top of a page or inside a
weather widget is the page's rendering date and is never used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from biohub_cli.clean import classify as c
from biohub_cli.clean.cues import cues
from biohub_cli.clean.dates import FoundDate, find_dates
from biohub_cli.clean.header import label_spans, merge_header, parse_header_line
from biohub_cli.clean.lines import Line, mostly_latin, sentence_final
from biohub_cli.clean.rejoin import Paragraph
from biohub_cli.clean.story import Plan
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.evidence import Evidence
from biohub_cli.models.stages import Metadata

_TITLE_MARKS = "◆◇■□●○▶▷►▲△•·-–—* "
_COPYRIGHT_OUTLET = re.compile(
    r"(?:저작권자|Copyright|COPYRIGHT|copyright|ⓒ|©|\([cC]\))[\s:ⓒ©]*(?:\([cC]\))?\s*(?:(?:19|20)\d{2}(?:\s*-\s*(?:19|20)\d{2})?\s*)?"
    r"(?:by\s+)?(?P<outlet>[가-힣A-Za-z0-9][가-힣A-Za-z0-9&]*(?:\s(?!All\b|all\b)[A-Z][A-Za-z]+)*)"
)
_NOT_OUTLET = frozenset({"All", "all", "무단", "무단전재", "저작권자", "Copyright", "by", "기자명", "기자",
                         "글", "사진", "취재", "정리", "글·사진", "영상", "편집"})
_FIRST_RELEASE_KEYS = frozenset({"보도시점", "보도일시", "엠바고"})
_LATER_RELEASE_KEYS = frozenset({"배포일시"})


@dataclass(frozen=True)
class DatedLabel:
    rank: int  # 0: 입력/등록/기사승인/보도시점 ...; 1: 배포, a date next to the reporter; 2: 수정
    line: int
    start: int  # offset in the line text (label start)
    found: FoundDate


def lift(plan: Plan, body: list[Paragraph], source_id: str) -> Metadata:
    """The metadata of one document (the published date as the text gives it)."""
    region = _region(plan)
    best = _publication(plan, region)
    published = evidence = None
    time = None
    if best is not None:
        line = plan.lines[best.line]
        f = best.found
        published = PartialDate.of(f.year, f.month, f.day, basis="text")
        time = f.time
        evidence = Evidence(source=source_id, start=line.start + best.start, end=line.start + f.end,
                            sentence=line.text.strip())
    return Metadata(title=_title(plan, body), outlet=_outlet(plan, region), reporter=_reporter(plan, region),
                    published=published, published_time=time, published_evidence=evidence,
                    header=_header(plan, region))


def _region(plan: Plan) -> range:
    """Lines that may describe this story: from the last story-ending marker before it to the next one."""
    kept = plan.body + plan.translation
    if not kept:
        return range(0)
    first, last = kept[0], kept[-1]
    start = 0
    for i in range(first - 1, -1, -1):
        if plan.reasons[i] in (c.LATEST, c.COMMENTS):
            start = i + 1
            break
    end = len(plan.lines)
    for i in range(first, len(plan.lines)):
        if plan.reasons[i] in (c.LATEST, c.COMMENTS) or (plan.reasons[i] == c.OTHER_STORY and i > last):
            end = i
            break
    return range(start, end)


def _publication(plan: Plan, region: range) -> DatedLabel | None:
    found: list[DatedLabel] = []
    reporter_lines = {i for i in region if plan.reasons[i] == c.BYLINE and i not in plan.bare_dates}
    for i in region:
        reason = plan.reasons[i]
        line = plan.lines[i]
        if reason == c.BYLINE and i not in plan.bare_dates:
            found.extend(_labelled(i, line))
        elif reason == c.BYLINE and reporter_lines & {i - 2, i - 1, i + 1, i + 2}:
            found.extend(DatedLabel(1, i, f.start, f) for f in find_dates(line.text, short_years=True))
        elif reason == c.RELEASE_HEADER:
            found.extend(_release_dates(i, line, plan.header_values.get(i)))
    if not found:
        return None
    return min(found, key=lambda d: (d.rank, d.line, d.start))


def _labelled(index: int, line: Line) -> list[DatedLabel]:
    text = line.text
    dates = find_dates(text, short_years=True)
    if not dates:
        return []
    labels: list[tuple[int, int, int]] = []  # (label start, label end, rank)
    for rank, group in ((0, cues().date_labels_first), (2, cues().date_labels_later)):
        for label in group:
            for m in re.finditer(re.escape(label), text):
                labels.append((m.start(), m.end(), rank))
    out: list[DatedLabel] = []
    for f in dates:
        before = [lab for lab in labels if lab[1] <= f.start and re.fullmatch(
            r"\s*(?:일시|시간|일)?\s*[:：]?\s*", text[lab[1]:f.start])]
        if before:
            start, _, rank = max(before, key=lambda lab: (lab[1], -lab[0]))
            out.append(DatedLabel(rank, index, start, f))
        elif re.search(r"기자|특파원", text[:f.start]):
            out.append(DatedLabel(1, index, f.start, f))
    return out


def _release_dates(index: int, line: Line, cell_key: str | None) -> list[DatedLabel]:
    spans = label_spans(line.text)
    out: list[DatedLabel] = []
    for f in find_dates(line.text, short_years=True):
        keys = [(start, key) for start, end, key in spans if end <= f.start]
        if keys:
            start, key = keys[-1]
        elif cell_key is not None:
            start, key = f.start, cell_key
        else:
            continue
        if key in _FIRST_RELEASE_KEYS:
            out.append(DatedLabel(0, index, start, f))
        elif key in _LATER_RELEASE_KEYS:
            out.append(DatedLabel(1, index, start, f))
    return out


def _title(plan: Plan, body: list[Paragraph]) -> str | None:
    """The first headline above the lead; failing that, the paragraph just before a reporter byline."""
    first_body = next((k for k, p in enumerate(body) if _running_text(p.text)), len(body))
    heads = [p for p in body[:first_body] if _headline(p.text)]
    if heads:
        return _clean_title(heads[0].text)
    byline = next((i for i, r in enumerate(plan.reasons) if r == c.BYLINE and i not in plan.bare_dates), None)
    before = [p for p in body if byline is not None and p.lines[-1] < byline]
    if before and len(before[-1].text) <= 160:
        return _clean_title(before[-1].text)
    return None


def _running_text(text: str) -> bool:
    return (len(text) >= 40 and sentence_final(text)) or len(text) > 160


def _headline(text: str) -> bool:
    return 4 <= len(text) <= 160 and not sentence_final(text.rstrip(" -–")) and not mostly_latin(text)


def _clean_title(text: str) -> str | None:
    title = text.strip().lstrip(_TITLE_MARKS).rstrip(" -–—").strip()
    return title or None


def _outlet(plan: Plan, region: range) -> str | None:
    for i in sorted(plan.prefixes):
        if plan.prefixes[i].outlet:
            return plan.prefixes[i].outlet
    for i in region:
        if plan.reasons[i] == c.BYLINE and i not in plan.bare_dates:
            m = c.BYLINE_PATTERN.match(plan.lines[i].stripped)
            if m and m.group("outlet") and m.group("outlet") not in _NOT_OUTLET:
                return m.group("outlet")
    for i in region:
        if plan.reasons[i] == c.COPYRIGHT:
            m = _COPYRIGHT_OUTLET.search(plan.lines[i].stripped)
            if m and m.group("outlet") not in _NOT_OUTLET:
                return m.group("outlet").strip()
    return None


def _reporter(plan: Plan, region: range) -> str | None:
    for i in sorted(plan.prefixes):
        if plan.prefixes[i].reporter:
            return plan.prefixes[i].reporter
    english: str | None = None
    for i in region:
        if plan.reasons[i] != c.BYLINE or i in plan.bare_dates:
            continue
        text = plan.lines[i].stripped
        m = c.BYLINE_PATTERN.match(text)
        if m:
            return m.group("names")
        en = c.EN_BYLINE_PATTERN.match(text)
        if en and english is None:
            english = en.group("name")
    return english


def _header(plan: Plan, region: range) -> dict[str, str]:
    pairs: list[tuple[str, str]] = []
    continuing = False  # the previous header line was a value cell of the same label
    for i in region:
        if plan.reasons[i] != c.RELEASE_HEADER:
            continue
        if i in plan.header_values:
            key, value = plan.header_values[i], plan.lines[i].stripped
            if continuing and pairs and pairs[-1][0] == key:
                pairs[-1] = (key, f"{pairs[-1][1]} {value}")
            else:
                pairs.append((key, value))
            continuing = True
        else:
            pairs.extend(parse_header_line(plan.lines[i].text))
            continuing = False
    return merge_header(pairs)
