"""The headline of a document: the first headline-like paragraph above the lead.

Navigation above it (breadcrumbs, section names) is page furniture already (clean/classify.py).
What a headline carries from its markup goes: a Markdown "# " or "**…**", list marks, trailing dashes;
letter-spacing is collapsed ("제 안 요 청 서" -> "제안요청서").

A document form's title field (제목, 사업명, 품목명 …: data/noise.yaml `titles`) names the title.
Never a title: a document number ("강남구 공고 제2023-745호", "서면인터넷방문상담1팀-113", an item
code), an attachment label ("(별 첨 1)", "[붙임 2]"), a line wrapped whole in brackets (a page
header "《 … 공표 자료(안) 》"), a field label ("[ 문서번호 ]"), a line of numbers ("0 3 9 4").
A notice (공고 제…호) prints its title under its date and signature: it is looked for there too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from biohub_cli.clean import classify as c
from biohub_cli.clean.credits import signature
from biohub_cli.clean.cues import bare, cues
from biohub_cli.clean.dates import find_dates
from biohub_cli.clean.lines import letters, mostly_latin, running_text, sentence_final
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
    field = _title_field(plan, body[first_body].lines[0] if first_body < len(body) else len(plan.lines))
    if field is not None:
        return field
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
    if before and len(before[-1].text) <= 160 and not sentence_final(before[-1].text):
        return _clean_title(before[-1].text)  # not the story's last sentence, when the byline closes it
    if any(_DOCUMENT_NUMBER.search(p.text) for p in body[:first_body + 1]):
        return _notice_title(body[first_body:first_body + _NOTICE_PARAGRAPHS])
    return None


_NOTICE_PARAGRAPHS = 8
_DOCUMENT_NUMBER = re.compile(r"(?:공고|고시|훈령|예규|공문)\s*제\s*[\d-]+\s*호|제\s*\d{2,4}\s*-\s*\d+\s*호")
_CODE = re.compile(r"^[\w.·ㆍ]+(?:-[\w.·ㆍ]+){1,}(?:\s*\([^)]*\))?$")
_WRAPPED = re.compile(r"^[\[(<《〈「『【〔].*[\])>》〉」』】〕]$")
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[가-하][.)]|[□■○●◦ㅇ❑※①-⑳])")


def _headline(text: str) -> bool:
    return (4 <= len(text) <= 160 and not sentence_final(text.rstrip(" -–")) and not mostly_latin(text)
            and not _never_a_title(text))


def _never_a_title(text: str) -> bool:
    """A document number or code, an attachment or field label, a bracketed page header, numbers."""
    stripped = text.strip()
    hangul, latin = letters(stripped)
    if hangul + latin < 2 or _DOCUMENT_NUMBER.search(stripped) or _CODE.match(stripped):
        return True
    if _WRAPPED.match(stripped):
        return True
    label = bare(stripped).strip("[]()<>《》〈〉「」『』【】〔〕:：")
    label = re.sub(r"\d+$", "", label)
    return label in _not_title_labels() or label in _field_labels()


@lru_cache(maxsize=1)
def _not_title_labels() -> frozenset[str]:
    return frozenset(bare(s) for s in cues().title_labels)


@lru_cache(maxsize=1)
def _field_labels() -> frozenset[str]:
    return frozenset(bare(s) for s in cues().title_fields)


def _title_field(plan: Plan, lead: int) -> str | None:
    """The value of a 제목/사업명/품목명 field above the lead: on its line after a colon, or the next line."""
    fields = _field_labels()
    lines = [ln for ln in plan.lines[:lead] if not ln.blank]
    for k, ln in enumerate(lines):
        label, _, value = ln.stripped.partition(":")
        if bare(label).strip("[]()<>【】") not in fields:
            continue
        value = value.strip() or (lines[k + 1].stripped if k + 1 < len(lines) else "")
        if value and _headline(value) and not _field_labels() & {bare(value).strip("[]()<>【】")}:
            return _clean_title(value)
    return None


def _notice_title(paragraphs: list[Paragraph]) -> str | None:
    """A notice's title, printed under its preamble, date and signature: the first headline there."""
    for p in paragraphs:
        text = p.text.strip()
        if running_text(text) or _LIST_ITEM.match(text) or find_dates(text) or signature(text):
            continue
        if _headline(text):
            return _clean_title(text)
    return None


def collapse_spacing(text: str) -> str:
    """Hangul syllables spread out one by one ("통 합 재 정 통 계") joined back; other text as it is."""
    tokens = text.split()
    if len(tokens) >= 3 and all(len(t) == 1 and "가" <= t <= "힣" for t in tokens):
        return "".join(tokens)
    return text


def _clean_title(text: str) -> str | None:
    title = _MARKDOWN_HEADING.sub("", text.strip())
    emphasis = _MARKDOWN_EMPHASIS.fullmatch(title)
    if emphasis:
        title = emphasis.group("inner")
    title = collapse_spacing(title.lstrip(_TITLE_MARKS).rstrip(" -–—").strip())
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
