"""Title, outlet, reporter, publication date and the press-release header, lifted from the page.

Evidence offsets point into `RawDocument.text` (not the kept text): `start`/`end` span the label
and the date ("기사승인 : 2025-07-09 16:55:30"), `sentence` is that raw line with its ends trimmed.
Only stamps count as a publication date (clean/stamps.py): dated labels (입력, 등록, 기사승인, 송고,
작성일, 발행일, a release's 보도시점 ...; 수정 only when nothing better is there), a date in a reporter's
byline, a date with a credit and nothing else, a date with its time between the headline and the
lead. A date alone at the top of a page, or next to a weather or market widget, is the page's
rendering date or the widget's and is never used.
"""

from __future__ import annotations

from dataclasses import dataclass

from biohub_cli.clean import classify as c
from biohub_cli.clean.credits import signature
from biohub_cli.clean.cues import cues
from biohub_cli.clean.dates import FoundDate, find_dates
from biohub_cli.clean.header import label_spans, merge_header, parse_header_line
from biohub_cli.clean.lines import Line
from biohub_cli.clean.outlet import find_outlet
from biohub_cli.clean.page import from_page
from biohub_cli.clean.rejoin import Paragraph
from biohub_cli.clean.stamps import credited_date, garbled_stamp, label_before, labels
from biohub_cli.clean.story import Plan, date_label_cell, lead_line
from biohub_cli.clean.title import find_title
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.evidence import Evidence
from biohub_cli.models.stages import Metadata, PageMetadata

_FIRST_RELEASE_KEYS = frozenset({"보도시점", "보도일시", "엠바고", "제공일시", "발의연월일", "공고일"})
_LATER_RELEASE_KEYS = frozenset({"배포일시"})


@dataclass(frozen=True)
class DatedLabel:
    rank: int  # 0: 입력/등록/기사승인/보도시점 ...; 1: 배포, a date next to the reporter; 2: 수정
    line: int
    start: int  # offset in the line text (label start), or in the text of `label_line` when set
    found: FoundDate
    label_line: int | None = None  # the label cell above the date, in a table laid out one cell a line


def lift(plan: Plan, body: list[Paragraph], source_id: str, page: PageMetadata | None = None) -> Metadata:
    """The metadata of one document: what a web page's markup states first, then what the text gives."""
    region = _region(plan)
    best = _publication(plan, region)
    published = evidence = None
    time = None
    if best is not None:
        f = best.found
        published = PartialDate.of(f.year, f.month, f.day, basis="text")
        time = f.time
        evidence = _evidence(plan, best, source_id)
    lifted = Metadata(title=find_title(plan, body), outlet=find_outlet(plan, region),
                      reporter=_reporter(plan, region), published=published, published_time=time,
                      published_evidence=evidence, header=_header(plan, region))
    return lifted if page is None else from_page(page, lifted, source_id)


def _evidence(plan: Plan, best: DatedLabel, source_id: str) -> Evidence:
    """From the label to the end of the date; a label cell and its date cell give one sentence."""
    line = plan.lines[best.line]
    end = line.start + best.found.end
    if best.label_line is None:
        stamp = plan.stamps.get(best.line)
        said = line.text[:stamp.length] if stamp is not None else line.text  # a stamp cut from a headline
        return Evidence(source=source_id, start=line.start + best.start, end=end, sentence=said.strip())
    start = plan.lines[best.label_line].start + best.start
    cells = [plan.lines[k].stripped for k in range(best.label_line, best.line + 1) if not plan.lines[k].blank]
    return Evidence(source=source_id, start=start, end=end, sentence=" ".join(cells))


_LISTS = (c.LATEST, c.POST_NAVIGATION, c.COMMENTS)  # other stories' headlines and dates follow these


def _region(plan: Plan) -> range:
    """Lines that may describe this story: from the last story-ending marker before it to the next one."""
    kept = plan.body + plan.translation
    if not kept:
        return range(0)
    first, last = kept[0], kept[-1]
    start = 0
    for i in range(first - 1, -1, -1):
        if plan.reasons[i] in _LISTS:
            start = i + 1
            break
    end = len(plan.lines)
    for i in range(first, len(plan.lines)):
        if plan.reasons[i] in _LISTS or (plan.reasons[i] == c.OTHER_STORY and i > last):
            end = i
            break
    return range(start, end)


def _publication(plan: Plan, region: range) -> DatedLabel | None:
    found: list[DatedLabel] = []
    reporter_lines = {i for i in region if plan.reasons[i] == c.BYLINE and i not in plan.bare_dates
                      and _credits_a_reporter(plan.lines[i].text)}
    lead = lead_line(plan)
    for i in region:
        reason = plan.reasons[i]
        line = plan.lines[i]
        if i in plan.stamps:
            stamp = plan.stamps[i]
            found.append(DatedLabel(stamp.label.rank, i, stamp.label.start, stamp.found))
        if reason == c.BYLINE and i not in plan.bare_dates:
            found.extend(_labelled(i, line, head=i < lead))
        elif reason == c.BYLINE and not _near_widget(plan, i) and (
                reporter_lines & {i - 2, i - 1, i + 1, i + 2} or _head_stamp(plan, i, lead) or _signed(plan, i)):
            found.extend(DatedLabel(1, i, f.start, f) for f in find_dates(line.text, short_years=True))
        elif reason == c.RELEASE_HEADER:
            found.extend(_release_dates(plan, i))
        if i in plan.bare_dates:
            found.extend(_cell_dates(plan, i))
    if not found:
        return None
    return min(found, key=lambda d: (d.rank, d.line, d.start))


def _credits_a_reporter(text: str) -> bool:
    """A byline line, not a date with a name or a body alone (a row of a chronology looks like those)."""
    credit = credited_date(text)
    return credit is None or credit.kind in ("email", "reporter")


_WIDGETS = frozenset({c.WEATHER, c.MARKET})


def _near_widget(plan: Plan, index: int) -> bool:
    """A line within two of a weather or market widget's: a date there is the widget's."""
    near = range(max(0, index - 2), min(len(plan.lines), index + 3))
    return any(plan.reasons[k] in _WIDGETS for k in near if k != index)


def _signed(plan: Plan, index: int) -> bool:
    """A date alone above the signature of a notice ("2023년 3월 24일" / "서울특별시 강남구청장")."""
    below = next((k for k in range(index + 1, min(len(plan.lines), index + 4)) if not plan.lines[k].blank), None)
    return below is not None and signature(plan.lines[below].stripped)


def _head_stamp(plan: Plan, index: int, lead: int) -> bool:
    """A date alone with its time between the headline and the lead ("2022년 11월 13일(일) 19:05"): the
    page's stamp without its label. A date without a time there is the page's rendering date."""
    return index < lead and any(f.time for f in find_dates(plan.lines[index].text, short_years=True))


def _labelled(index: int, line: Line, *, head: bool) -> list[DatedLabel]:
    """Dates after a label (입력, 승인, 수정 …), in a reporter's byline, or with a credit and nothing else."""
    text = line.text
    dates = find_dates(text, short_years=True)
    if not dates:
        return []
    found_labels = labels(text)
    out: list[DatedLabel] = []
    for f in dates:
        label = label_before(text, f, found_labels)
        if label is not None:
            out.append(DatedLabel(label.rank, index, label.start, f))
        elif c.BYLINE_PATTERN.match(line.stripped) or c.dated_credit(line.stripped) is not None:
            out.append(DatedLabel(1, index, f.start, f))
    if out:
        return out
    credit = credited_date(text)
    if credit is not None and (head or credit.kind in ("email", "reporter")):
        out.append(DatedLabel(1, index, credit.found.start, credit.found))
    garbled = garbled_stamp(text)
    if garbled is not None:
        out.append(DatedLabel(1, index, garbled.start, garbled))
    return out


def _release_dates(plan: Plan, index: int) -> list[DatedLabel]:
    """Dates after a 보도시점/배포 일시/제공일시 label, on its line or in the value cell under it."""
    line = plan.lines[index]
    cell_key = plan.header_values.get(index)
    label = _previous(plan, index) if cell_key is not None else None
    spans = label_spans(line.text)
    out: list[DatedLabel] = []
    for f in find_dates(line.text, short_years=True):
        keys = [(start, key) for start, end, key in spans if end <= f.start]
        label_line = None
        if keys:
            start, key = keys[-1]
        elif cell_key is not None:
            start, key = f.start, cell_key
            if label is not None and plan.header_values.get(label) is None:
                label_line, start = label, len(plan.lines[label].text) - len(plan.lines[label].text.lstrip())
        else:
            continue
        if key in _FIRST_RELEASE_KEYS:
            out.append(DatedLabel(0, index, start, f, label_line))
        elif key in _LATER_RELEASE_KEYS:
            out.append(DatedLabel(1, index, start, f, label_line))
    return out


def _cell_dates(plan: Plan, index: int) -> list[DatedLabel]:
    """A date alone on its line that a table labels: under a "작성일" cell, or inside a release header.

    A date alone at the top of a page, with nothing above it, stays the page's rendering date.
    """
    above = _previous(plan, index)
    if above is None:
        return []
    found = find_dates(plan.lines[index].text, short_years=True)[:1]
    text = plan.lines[above].stripped
    if date_label_cell(text):
        rank = 0 if text.rstrip(" :：") in cues().date_labels_first else 2
        lead = len(plan.lines[above].text) - len(plan.lines[above].text.lstrip())
        return [DatedLabel(rank, index, lead, f, above) for f in found]
    body = plan.body[0] if plan.body else len(plan.lines)
    if plan.reasons[above] == c.RELEASE_HEADER and index < body:
        return [DatedLabel(1, index, f.start, f) for f in found]
    return []


def _previous(plan: Plan, index: int) -> int | None:
    """The nearest non-blank line above `index`."""
    for k in range(index - 1, -1, -1):
        if not plan.lines[k].blank:
            return k
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
        credit = c.dated_credit(text)
        if credit is not None:
            return credit
        dated = credited_date(text)
        if dated is not None and dated.kind == "name":
            return dated.who
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
