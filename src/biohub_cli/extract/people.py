"""People: Korean names next to a title, with the organisation the text gives them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from biohub_cli.extract.lexicon import Lexicon
from biohub_cli.extract.orgs import _is_name_like, _Word, _words
from biohub_cli.models.facts import OrgMention, PersonMention
from biohub_cli.models.stages import Analysed

_ORDINAL_TITLE = re.compile(r"^(\d)(차관|부시장|부지사)$")
_EN_NAME = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+(?:-[a-z]+)?)\b")
_CITY_TITLES = ("시장", "부시장", "국장", "본부장", "과장", "실장", "팀장", "단장")


def find_people(analysed: Analysed, orgs: Sequence[OrgMention], lexicon: Lexicon) -> list[PersonMention]:
    """Named people with a title next to their name; bylines and unnamed office holders give nothing."""
    home = _home_city(orgs)
    reporter = analysed.document.metadata.reporter or ""
    out: list[PersonMention] = []
    for sent in analysed.sentences:
        if sent.segment != "body":
            continue
        words = _words(sent)
        for i, w in enumerate(words):
            if not _is_name_like(w.core, lexicon) or w.core == reporter or w.core in lexicon.rules.generic:
                continue
            found = _title_after(words, i, lexicon) or _title_before(words, i, lexicon)
            if found is None:
                continue
            title, span = found
            if _is_byline(words, i, lexicon):
                continue
            org = _org_in(orgs, span, w) or (home if title.endswith(_CITY_TITLES) else None)
            out.append(PersonMention(name=w.core, title=title, organization=org,
                                     evidence=analysed.evidence(w.start, w.end)))
    return _english_names(analysed, _fill_orgs(out), lexicon)


def _title_of(core: str, lexicon: Lexicon) -> str | None:
    for t in lexicon.titles():
        if core.endswith(t) and len(core) <= len(t) + 8:
            m = _ORDINAL_TITLE.match(core)
            return f"제{m.group(1)}{m.group(2)}" if m else core
    return None


def _title_after(words: list[_Word], i: int, lexicon: Lexicon) -> tuple[str, tuple[int, int]] | None:
    """하병필 행정부시장 / 박민수 보건복지부 2차관 / 서병조 인천바이오헬스밸리 추진협의회 위원장."""
    for k in range(i + 1, min(len(words), i + 5)):
        if words[k].start - words[k - 1].end > 2:
            return None
        title = _title_of(words[k].core, lexicon)
        if title:
            return title, (words[i].end, words[k].start)
        if not words[k].pure and k > i + 1:
            return None
    return None


def _title_before(words: list[_Word], i: int, lexicon: Lexicon) -> tuple[str, tuple[int, int]] | None:
    """미래산업국장 이남주 / (시장 박남춘) / 인천시 미래산업국장 이남주."""
    if i == 0 or not words[i - 1].pure or words[i].start - words[i - 1].end > 2:
        return None
    title = _title_of(words[i - 1].core, lexicon)
    if not title:
        return None
    k = i - 1
    return title, (words[k - 1].start if k > 0 else words[k].start, words[k].start)


def _is_byline(words: list[_Word], i: int, lexicon: Lexicon) -> bool:
    nxt = words[i + 1].core if i + 1 < len(words) else ""
    return any(nxt.startswith(b) for b in lexicon.rules.bylines)


def _org_in(orgs: Sequence[OrgMention], span: tuple[int, int], name: _Word) -> str | None:
    """The organisation named between the name and its title, or right before them."""
    a, b = span
    inside = [o for o in orgs if a <= o.evidence.start and o.evidence.end <= b + 1]
    if inside:
        return inside[-1].name
    before = [o for o in orgs if 0 <= min(a, name.start) - o.evidence.end <= 2]
    return before[-1].name if before else None


def _home_city(orgs: Sequence[OrgMention]) -> str | None:
    counts = Counter(o.name for o in orgs
                     if o.type == "government" and o.name.endswith(("광역시", "특별시", "시", "도")))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if counts else None


def _fill_orgs(people: list[PersonMention]) -> list[PersonMention]:
    """A person named twice in a document keeps the organisation given once."""
    known = {p.name: p.organization for p in people if p.organization}
    return [p if p.organization or p.name not in known else p.model_copy(update={"organization": known[p.name]})
            for p in people]


def _english_names(analysed: Analysed, people: list[PersonMention], lexicon: Lexicon) -> list[PersonMention]:
    """"Vice Mayor Ha Byung-phil" in a translation gives 하병필 his English name (same family name, one match)."""
    text = analysed.document.text
    names_en: dict[str, str] = {}
    for seg in analysed.document.segments:
        if seg.kind != "translation":
            continue
        for m in _EN_NAME.finditer(text, seg.start, seg.end):
            before = text[max(seg.start, m.start() - 9):m.start()]
            if "Reporter" in before or "Photo" in before:
                continue
            matches = {p.name for p in people if m.group(1) in lexicon.rules.romanised.get(p.name[0], ())}
            if len(matches) == 1:
                names_en.setdefault(matches.pop(), m.group(0))
    return [p.model_copy(update={"name_en": names_en.get(p.name)}) if p.name in names_en else p for p in people]
