"""Kept lines back into paragraphs: hard-wrapped lines of an HWP/PDF export are re-joined.

A block is hard-wrapped when many of its lines run to about the same width (at most ~180 columns)
without ending a sentence. Two lines are joined when the first runs to the wrap width, does not
end a sentence, and the second does not open a list item or subtitle ("□", "○", "- … -"). Between
them the break was either at a space or inside a word: when the export kept trailing spaces (some
wrapped lines end with one), a line without one was broken inside a word ("서" + "병조"); without
that signal two Hangul syllables are joined directly (a Korean word split at the margin is far
more common there than a lost space, and the tokenizer copes better with a missing space than
with a split word) and anything else gets a space.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from biohub_cli.clean import classify as c
from biohub_cli.clean.lines import Line, is_hangul, is_latin, normalise_spaces, sentence_final, tabular, width

_MAX_WRAP_WIDTH = 180
_MIN_WRAP_WIDTH = 40
_SOFT_BREAK_LENGTH = 40
_CELL_WIDTH = 20  # lines narrower than this (table cells, page numbers) say nothing about the wrap width
_FULL = 0.65
_FULL_WITH_SPACE = 0.4
_STARTER = re.compile(r"^(?:[□○◆◇■●※❑◦ㅇ▶►•◎◈＊*]|[-–]\s|\d{1,2}[.)]\s|<.*>$|\[?붙임|\[?참고)")
_DASH_SUBTITLE = re.compile(r"^[-–]\s*\S.*\S\s*[-–]$")
_TABLE_TITLE = re.compile(r"^[<〈［\[].*[>〉］\]]$")
_PAGE_BREAK = frozenset({c.PAGE_NUMBER, c.RELEASE_HEADER, c.SEPARATOR})
_CLOSERS = ",.;:!?)]}”’\"'」』>"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the kept text and the line indices it was built from."""

    text: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Layout:
    """How a block of lines was laid out by whatever produced the text."""

    wrapped: bool
    wrap_width: int
    trailing_spaces: bool
    spacing: int  # blank lines between two lines of one paragraph (1 in a double-spaced export)


def paragraphs(lines: list[Line], reasons: list[str | None], kept: list[int],
               cuts: dict[int, int]) -> list[Paragraph]:
    """Paragraphs from the kept lines (in order); `cuts` drops a prefix of a line's text."""
    if not kept:
        return []
    pieces = {i: lines[i].text[cuts.get(i, 0):] for i in kept}
    layout = detect_layout(lines, kept, pieces)
    out: list[Paragraph] = []
    text = pieces[kept[0]]
    members = [kept[0]]
    for a, b in itertools.pairwise(kept):
        if (_joins(lines, reasons, a, b, pieces, layout) if layout.wrapped
                else _soft_break(lines, a, b, pieces)):
            text = text.rstrip() + _separator(pieces[a], pieces[b], layout) + pieces[b].lstrip()
            members.append(b)
            continue
        out.append(Paragraph(normalise_spaces(text), tuple(members)))
        text, members = pieces[b], [b]
    out.append(Paragraph(normalise_spaces(text), tuple(members)))
    return [p for p in out if p.text]


def detect_layout(lines: list[Line], kept: list[int], pieces: dict[int, str]) -> Layout:
    texts = [normalise_spaces(pieces[i]) for i in kept]
    widths = sorted(w for w in (width(t) for t in texts) if w >= _CELL_WIDTH)
    wrap_width = widths[int(0.75 * (len(widths) - 1))] if widths else 0
    open_full = [i for i, t in zip(kept, texts, strict=True)
                 if t and not sentence_final(t) and width(t) >= _FULL * wrap_width]
    wrapped = (_MIN_WRAP_WIDTH <= wrap_width <= _MAX_WRAP_WIDTH and len(open_full) >= 3
               and len(open_full) >= 0.25 * len(kept))
    trailing = sum(1 for i in open_full if lines[i].ends_with_space) >= 2
    return Layout(wrapped=wrapped, wrap_width=wrap_width, trailing_spaces=trailing,
                  spacing=_spacing(lines))


def _spacing(lines: list[Line]) -> int:
    """1 when the export double-spaced every line (a blank line after each), else 0."""
    gaps: list[int] = []
    blank = 0
    seen = False
    for ln in lines:
        if ln.blank:
            blank += 1
            continue
        if seen:
            gaps.append(blank)
        seen, blank = True, 0
    if len(gaps) < 4:
        return 0
    return 1 if sum(1 for g in gaps if g == 1) >= 0.5 * len(gaps) else 0


def _joins(lines: list[Line], reasons: list[str | None], a: int, b: int, pieces: dict[int, str],
           layout: Layout) -> bool:
    first = normalise_spaces(pieces[a])
    second = normalise_spaces(pieces[b])
    if not first or not second or sentence_final(first):
        return False
    if _DASH_SUBTITLE.match(first) or _DASH_SUBTITLE.match(second) or _STARTER.match(second):
        return False
    if _TABLE_TITLE.match(first) or tabular(first) or tabular(second):
        return False
    spaced = layout.trailing_spaces and lines[a].ends_with_space
    full = width(first) >= (_FULL_WITH_SPACE if spaced else _FULL) * layout.wrap_width
    if not full:
        return False
    between = range(a + 1, b)
    noise = [reasons[k] for k in between if not lines[k].blank]
    if noise:
        return all(r in _PAGE_BREAK for r in noise)
    return len(between) <= layout.spacing


def _soft_break(lines: list[Line], a: int, b: int, pieces: dict[int, str]) -> bool:
    """Outside wrapped text: a break typed inside a paragraph (the line ends with a space, mid-sentence)."""
    first = normalise_spaces(pieces[a])
    second = normalise_spaces(pieces[b])
    if b != a + 1 or not lines[a].ends_with_space or not first or not second:
        return False
    if sentence_final(first) or len(first) < _SOFT_BREAK_LENGTH or _STARTER.match(second):
        return False
    if _DASH_SUBTITLE.match(first) or _TABLE_TITLE.match(first) or tabular(first) or tabular(second):
        return False
    return second[0].isalnum()


def _separator(first_raw: str, second_raw: str, layout: Layout) -> str:
    first, second = first_raw.rstrip(), second_raw.lstrip()
    if not first or not second:
        return " "
    last, nxt = first[-1], second[0]
    if last == "-" and len(first) >= 2 and is_latin(first[-2]) and is_latin(nxt):
        return ""
    if layout.trailing_spaces:
        if first_raw[-1:].isspace():
            return " "
        if last in _CLOSERS:
            return "" if last == "," and len(first) >= 2 and first[-2].isdigit() and nxt.isdigit() else " "
        return ""
    return "" if is_hangul(last) and is_hangul(nxt) else " "
