"""The headline of a document: the first headline-like paragraph above the lead.

Navigation above it (breadcrumbs, section names) is page furniture already (clean/classify.py).
What a headline carries from its markup goes: a Markdown "# " or "**…**", list marks, trailing dashes.
"""

from __future__ import annotations

import re

from biohub_cli.clean import classify as c
from biohub_cli.clean.lines import mostly_latin, running_text, sentence_final
from biohub_cli.clean.rejoin import Paragraph
from biohub_cli.clean.story import Plan

_TITLE_MARKS = "◆◇■□●○▶▷►▲△•·-–—* "
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)(?P<inner>.+)\1")
_CONTINUATION = (",", "，", "、", "·", "ㆍ")
_PAIRS = (("‘", "’"), ("“", "”"), ("「", "」"), ("『", "』"), ("(", ")"), ("[", "]"), ("<", ">"), ("《", "》"))
_SUBTITLE_MARKS = "-–—◆◇■□●○▶▷►▲△•※"


def find_title(plan: Plan, body: list[Paragraph]) -> str | None:
    """The first headline above the lead; failing that, the paragraph just before a reporter byline.

    A headline broken after a comma or inside quotes ("인천바이오헬스밸리 추진협의회," then the
    rest) goes on in the next headline paragraph and is joined with it.
    """
    first_body = next((k for k, p in enumerate(body) if running_text(p.text)), len(body))
    heads = [p for p in body[:first_body] if _headline(p.text)]
    if heads:
        title = _clean_title(heads[0].text)
        at = body.index(heads[0])
        following = body[at + 1] if at + 1 < first_body else None
        if title is not None and following is not None and _continues(title) and _headline(following.text):
            rest = _clean_title(following.text)
            if rest is not None and not _subtitle(following.text):
                joined = f"{title} {rest}"
                return joined if len(joined) <= 200 else title
        return title
    byline = next((i for i, r in enumerate(plan.reasons) if r == c.BYLINE and i not in plan.bare_dates), None)
    before = [p for p in body if byline is not None and p.lines[-1] < byline]
    if before and len(before[-1].text) <= 160:
        return _clean_title(before[-1].text)
    return None


def _headline(text: str) -> bool:
    return 4 <= len(text) <= 160 and not sentence_final(text.rstrip(" -–")) and not mostly_latin(text)


def _clean_title(text: str) -> str | None:
    title = _MARKDOWN_HEADING.sub("", text.strip())
    emphasis = _MARKDOWN_EMPHASIS.fullmatch(title)
    if emphasis:
        title = emphasis.group("inner")
    title = title.lstrip(_TITLE_MARKS).rstrip(" -–—").strip()
    return title or None


def _continues(title: str) -> bool:
    """A headline line that stops mid-phrase: after a comma or a middle dot, or with a quote left open."""
    if title.endswith(_CONTINUATION):
        return True
    return any(title.count(a) > title.count(b) for a, b in _PAIRS)


def _subtitle(text: str) -> bool:
    """A "- … -" or bulleted line under a release headline: its subtitle, not the headline going on."""
    stripped = text.strip()
    return stripped[:1] in _SUBTITLE_MARKS or bool(re.match(r"^[-–—]\s", stripped))
