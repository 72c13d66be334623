"""Which lines are the story: the longest coherent run of body paragraphs, and what belongs to it.

The page is cut into runs of candidate lines at page chrome (weather, menus, section names),
story-ending markers (copyright, 최신뉴스, 댓글) and press-release header lines. The run with the most
body text is the story (a run after a story-ending marker counts a quarter); runs after it that are
separated only by header lines still belong to it (the next page of a release). Everything else
that is not furniture already is another story or the page menu.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from biohub_cli.clean import classify as c
from biohub_cli.clean.cues import bare, cues
from biohub_cli.clean.dates import find_dates, is_bare_date
from biohub_cli.clean.header import DATE_KEYS, label_only, shaped, value_fits
from biohub_cli.clean.inline import blank_inline_widgets
from biohub_cli.clean.lines import Line, letters, normalise_spaces, running_text, sentence_final, split_lines, tabular
from biohub_cli.clean.prefix import Prefix, find_prefix
from biohub_cli.clean.stamps import LeadingStamp, date_label_at, leading_stamp

_BODY_LENGTH = 40
_AFTER_END_WEIGHT = 0.25
_HEADS = 12
_MAX_SHAPED_CELL = 160
_MARKS = "▲△▷▶■□◆◇●○•·-–—※* "
_LIST_MARK = re.compile(r"^(?:[□■◆◇●○◎◈❑◦ㅇ※*-]|\d{1,2}[.)]|[가-하][.)])")


@dataclass
class Plan:
    """The verdict on every line of the read text."""

    lines: list[Line]
    reasons: list[str | None]  # noise reason, or None for a kept (or blank) line
    body: list[int] = field(default_factory=list)  # kept line indices of the story, in order
    translation: list[int] = field(default_factory=list)  # kept line indices of an appended translation
    prefixes: dict[int, Prefix] = field(default_factory=dict)  # line index -> dateline/byline to cut
    bare_dates: set[int] = field(default_factory=set)  # lines holding only a date
    header_values: dict[int, str] = field(default_factory=dict)  # value cell of a header table -> its key
    stamps: dict[int, LeadingStamp] = field(default_factory=dict)  # a stamp cut from the start of a kept line
    inline_noise: list[tuple[int, int, str]] = field(default_factory=list)  # furniture blanked inside a line


def lead_line(p: Plan) -> int:
    """The line of the story's first paragraph of running text: the head (headline, stamps) is above it."""
    return next((i for i in p.body if running_text(p.lines[i].stripped)), len(p.lines))


def body_like(text: str) -> bool:
    """A paragraph of running text rather than a headline, caption or label."""
    hangul, latin = letters(text)
    return hangul + latin >= 8 and (len(text) >= _BODY_LENGTH or sentence_final(text))


def plan(text: str) -> Plan:
    """Classify every line, pick the story and any appended translation."""
    lines, widgets = blank_inline_widgets(split_lines(text))
    reasons: list[str | None] = [None if ln.blank else c.classify(ln.stripped) for ln in lines]
    result = Plan(lines=lines, reasons=reasons, inline_noise=[(a, b, c.MARKET) for a, b in widgets])
    _leading_stamps(result)
    _header_cells(result)
    _settle_bare_dates(result)
    _extend_notes(result)
    limit, translation_end = _translation_bounds(result)
    runs = _runs(result, limit)
    story = _story_runs(result, runs)
    in_story = {i for run in story for i in run.lines}
    result.body = sorted(in_story)
    if translation_end is not None:
        result.translation = [i for i in range(limit + 1, translation_end)
                              if reasons[i] is None and not lines[i].blank]
    _mark_captions(result)
    _mark_section_names(result)
    _restore_sections(result)
    _mark_leftovers(result, story)
    _find_prefixes(result)
    result.body = [i for i in result.body if result.reasons[i] is None]
    result.translation = [i for i in result.translation if result.reasons[i] is None]
    return result


def _leading_stamps(p: Plan) -> None:
    """A stamp opening the headline or the lead (" date 2025-12-04 오송 …"): cut off, the rest judged alone.

    Only up to the first line of running text: further down, "등록 2025.10.22 기준 …" is the story's.
    """
    for i, ln in enumerate(p.lines):
        if ln.blank:
            continue
        stamp = leading_stamp(ln.text) if p.reasons[i] in (None, c.BYLINE) else None
        if stamp is not None:
            rest = normalise_spaces(ln.text[stamp.length:])
            if c.classify(rest) is None:
                p.reasons[i] = None
                p.stamps[i] = stamp
                p.prefixes[i] = Prefix(length=stamp.length, reason=c.BYLINE, outlet=None, reporter=None)
                if running_text(rest):
                    return
                continue
        if p.reasons[i] is None and running_text(ln.stripped):
            return


def _header_cells(p: Plan) -> None:
    """A header table laid out one cell a line: the cells after a label cell are its value."""
    key: str | None = None
    taken = 0
    for i, ln in enumerate(p.lines):
        if ln.blank:
            key = None
            continue
        text = ln.stripped
        if p.reasons[i] == c.RELEASE_HEADER:
            key = label_only(text)
            taken = 0
            continue
        if key is None:
            continue
        date_key = key in DATE_KEYS
        if date_key:
            fits = bool(find_dates(text, short_years=True)) and len(text) <= 40
        elif shaped(key):
            fits = len(text) <= _MAX_SHAPED_CELL and value_fits(key, text)
        else:  # a date or a date label ends a text cell: it is the next field
            fits = (len(text) <= 40 and not sentence_final(text) and p.reasons[i] in (None, c.BYLINE)
                    and not is_bare_date(text) and date_label_at(text) is None and not date_label_cell(text))
        if not fits or taken >= (1 if date_key else 6):
            key = None
            continue
        p.reasons[i] = c.RELEASE_HEADER
        p.header_values[i] = key
        taken += 1


def date_label_cell(text: str) -> bool:
    """A line that is only a date label ("작성일", "등록일 :"): a table cell whose date is on the next line."""
    labels = cues().date_labels_first + cues().date_labels_later
    return len(text) <= 12 and text.rstrip(" :：") in labels


def _settle_bare_dates(p: Plan) -> None:
    seen_content = False
    for i, ln in enumerate(p.lines):
        reason = p.reasons[i]
        if reason == c.BARE_DATE:
            p.bare_dates.add(i)
            p.reasons[i] = c.BYLINE if seen_content else c.HEADER_DATE
        elif reason is None and not ln.blank:
            seen_content = True


def _extend_notes(p: Plan) -> None:
    """A note to editors wrapped over several lines: its continuation lines are the note too."""
    for i, ln in enumerate(p.lines):
        if p.reasons[i] != c.NOTE or sentence_final(ln.stripped) or len(ln.stripped) < _BODY_LENGTH:
            continue
        for j in range(i + 1, min(i + 8, len(p.lines))):
            if p.lines[j].blank:
                continue
            if p.reasons[j] is not None:
                break
            p.reasons[j] = c.NOTE
            if sentence_final(p.lines[j].stripped) or len(p.lines[j].stripped) < _BODY_LENGTH:
                break


def _translation_bounds(p: Plan) -> tuple[int, int | None]:
    """(end of the story region, end of the translation region) from a translation disclaimer."""
    hangul_before = 0
    for i, ln in enumerate(p.lines):
        reason = p.reasons[i]
        if reason == c.DISCLAIMER and hangul_before >= 20:
            end = len(p.lines)
            for j in range(i + 1, len(p.lines)):
                if p.reasons[j] in c.END_MARKERS or p.reasons[j] in c.PAGE_STRUCTURE:
                    end = j
                    break
            return i, end
        if reason is None and not ln.blank:
            hangul_before += letters(ln.stripped)[0]
    return len(p.lines), None


@dataclass(frozen=True)
class Run:
    lines: tuple[int, ...]
    gap: frozenset[str]  # the boundary reasons between the previous run and this one
    score: float


def _runs(p: Plan, limit: int) -> list[Run]:
    """Candidate lines cut at boundaries; a run's score is its body text (a quarter after an end marker)."""
    runs: list[Run] = []
    current: list[int] = []
    gap: set[str] = set()
    after_end = False
    boundaries = c.END_MARKERS | c.PAGE_STRUCTURE | c.SOFT_BREAKS
    if c.RELEASE_HEADER not in p.reasons:
        boundaries |= {c.SECTION}  # in a release a one-word line is a table cell, not a section menu
    for i in range(limit + 1):
        reason = p.reasons[i] if i < limit else c.MENU
        if reason in boundaries or i == limit:
            if current:
                texts = [p.lines[k].stripped for k in current]
                score = float(sum(len(t) for t in texts if body_like(t)))
                weight = _AFTER_END_WEIGHT if after_end else 1.0
                runs.append(Run(tuple(current), frozenset(gap), score * weight))
                current, gap = [], set()
            gap.add(str(reason))
            after_end = after_end or reason in c.END_MARKERS
            continue
        if reason is None and not p.lines[i].blank:
            current.append(i)
    return runs


def _story_runs(p: Plan, runs: list[Run]) -> list[Run]:
    """The best run, a headline run just above it across a release header, and the pages after it."""
    if not runs:
        return []
    best = max(range(len(runs)), key=lambda k: (runs[k].score, -k))
    story = [runs[best]]
    if best > 0 and runs[best].gap <= c.SOFT_BREAKS and _headline_run(p, runs[best - 1]):
        story.insert(0, runs[best - 1])
    for run in runs[best + 1:]:
        if not run.gap <= c.SOFT_BREAKS:
            break
        story.append(run)
    return story


def _headline_run(p: Plan, run: Run) -> bool:
    """A short run holding a headline (the release's title printed above its header table)."""
    texts = [p.lines[i].stripped for i in run.lines]
    return len(texts) <= 3 and any(10 <= len(t) <= 160 and " " in t and not sentence_final(t) for t in texts)


def _key(text: str) -> str:
    return bare(text.lstrip(_MARKS))


def _mark_captions(p: Plan) -> None:
    """Lines repeated in the story, and "▲" lines that repeat another line, are photo captions."""
    kept = p.body + p.translation
    first_seen: dict[str, int] = {}
    for i in kept:
        text = p.lines[i].stripped
        key = _key(text)
        if len(key) < 8 or tabular(text) or sum(letters(text)) < 6 or _LIST_MARK.match(text):
            continue
        if key in first_seen:
            p.reasons[i] = c.CAPTION
        else:
            first_seen[key] = i
    marked = [i for i in kept if p.reasons[i] is None and p.lines[i].stripped.startswith(("▲", "△", "▷"))]
    if not marked:
        return
    # headlines a caption may repeat: the first unmarked lines of the story
    skip = set(marked)
    heads = [(i, _key(p.lines[i].stripped)) for i in kept if p.reasons[i] is None and i not in skip][:_HEADS]
    for i in marked:
        text = p.lines[i].stripped
        mine = _key(text)
        if body_like(text[1:]) or len(mine) < 8:
            continue
        if any(j != i and mine in key for j, key in heads):
            p.reasons[i] = c.CAPTION


def _mark_section_names(p: Plan) -> None:
    """A one-word line above the headline of a news page is its section name."""
    block: list[int] = []
    for i in p.body:
        if p.reasons[i] is not None:
            continue
        if body_like(p.lines[i].stripped):
            break
        block.append(i)
    if len(block) >= 2:
        text = p.lines[block[0]].stripped
        if " " not in text and len(text) <= 8 and not sentence_final(text):
            p.reasons[block[0]] = c.SECTION


def _restore_sections(p: Plan) -> None:
    """A one-word line inside the story (a table cell such as "금융") is no section menu: keep it."""
    lead = next((i for i in p.body if p.reasons[i] is None and body_like(p.lines[i].stripped)), None)
    if lead is None:
        return
    restored = [i for i in range(lead, p.body[-1]) if p.reasons[i] == c.SECTION]
    for i in restored:
        p.reasons[i] = None
    p.body = sorted(set(p.body) | set(restored))


def _mark_leftovers(p: Plan, story: list[Run]) -> None:
    """Candidate lines outside the story and the translation: the page menu before it, other stories after."""
    keep = set(p.body) | set(p.translation)
    start = story[0].lines[0] if story else len(p.lines)
    above = c.RELEASE_HEADER if c.RELEASE_HEADER in p.reasons[:start] else c.MENU
    ended = False
    for i, ln in enumerate(p.lines):
        reason = p.reasons[i]
        if reason in c.END_MARKERS:
            ended = True
        if reason is not None or ln.blank or i in keep:
            continue
        if i >= start or ended:
            p.reasons[i] = c.OTHER_STORY
        else:
            p.reasons[i] = above


def _find_prefixes(p: Plan) -> None:
    """The dateline or byline glued to the lead (the first body paragraphs)."""
    checked = 0
    for i in p.body:
        if p.reasons[i] is not None or i in p.stamps:
            continue
        text = p.lines[i].text
        if not body_like(p.lines[i].stripped):
            continue
        prefix = find_prefix(text)
        if prefix is not None:
            p.prefixes[i] = prefix
            return
        checked += 1
        if checked >= 3:
            return
