"""Organisations: the curated lexicon, suffix rules over kiwi noun chunks, enumerations, abbreviations."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from biohub_cli.extract.lexicon import Lexicon
from biohub_cli.models.facts import OrgMention
from biohub_cli.models.stages import Analysed, Sentence, Token
from biohub_cli.models.vocab import OrgType

_WORD = re.compile(r"[^\s,()\[\]{}<>'\"‘’“”「」『』《》〈〉]+")
_NOUNISH = frozenset({"NNP", "NNG", "NNB", "NR", "SL", "SN", "SH", "XSN", "XPN", "SP", "SO", "W_SERIAL"})
_ABBREV = re.compile(r"\(([A-Za-z][A-Za-z0-9&·\-]{1,12})\)")
_CORP = re.compile(r"(?:\(주\)|㈜|주식회사)\s?([가-힣A-Za-z0-9]{2,20})")
_HANGUL = re.compile(r"[가-힣]")
_HANGUL_WORD = re.compile(r"[가-힣]+")
MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class _Word:
    start: int  # absolute offsets of the noun core
    end: int
    core: str
    pure: bool  # the whole word is the core (no particle or verb ending)
    tags: tuple[str, ...] = ()  # kiwi tags of the core's tokens


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    surface: str
    name: str
    type: OrgType
    generic: bool = False  # "추진협의회": kept only as a back-reference to a named body


def find_organizations(analysed: Analysed, lexicon: Lexicon) -> list[OrgMention]:
    """Every organisation occurrence in the story (and English names in a translation), sorted by position."""
    cands: list[_Cand] = []
    for sent in analysed.sentences:
        if sent.segment == "translation":
            cands += _english(analysed, sent, lexicon)
        else:
            cands += _rules(sent, lexicon)
            cands += _lexicon_forms(sent, lexicon)
    chosen: list[_Cand] = []
    taken = bytearray(len(analysed.document.text) + 1)  # 1 where a chosen candidate lies: no scan of them all
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if taken.find(1, c.start, c.end) != -1:
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen = _back_references(chosen, lexicon)
    text = analysed.document.text
    chosen_starts = {x.start for x in chosen}
    out = []
    for c in sorted(chosen, key=lambda c: c.start):
        entry = lexicon.lookup(c.name)
        name_en = entry.name_en if entry else None
        if c.surface.isascii() and not entry:
            continue
        out.append(OrgMention(surface=c.surface, name=c.name, name_en=name_en if c.surface.isascii() else None,
                              type=c.type, evidence=analysed.evidence(c.start, c.end)))
        m = _ABBREV.match(text, c.end)
        if m and analysed.document.segment_of(c.start) == "body" and m.start(1) not in chosen_starts:
            out.append(OrgMention(surface=m.group(1), name=c.name, type=c.type,
                                  evidence=analysed.evidence(m.start(1), m.end(1))))
    return out


def _canonical(surface: str, lexicon: Lexicon) -> tuple[str, OrgType]:
    entry = lexicon.lookup(surface)
    if entry:
        return entry.name, entry.type
    return re.sub(r"\s+", " ", surface).strip(), lexicon.org_type_of(surface.replace(" ", ""))


_WORDS: dict[int, tuple[Sentence, list[_Word]]] = {}  # id → (sentence, its words): organisations, then people
_WORDS_MAX = 512


def _words(sent: Sentence) -> list[_Word]:
    """The words of a sentence with their noun cores (computed once per sentence; do not change the list)."""
    held = _WORDS.get(id(sent))
    if held is not None and held[0] is sent:
        return held[1]
    if len(_WORDS) >= _WORDS_MAX:
        _WORDS.clear()
    words = _find_words(sent)
    _WORDS[id(sent)] = (sent, words)
    return words


def _find_words(sent: Sentence) -> list[_Word]:
    out = []
    tokens, text, base = sent.tokens, sent.text, sent.start
    starts = [t.start for t in tokens]
    ordered = starts == sorted(starts)
    for m in _WORD.finditer(text):
        ma, mb = m.span()
        a, b = base + ma, base + mb
        if ordered:  # kiwi gives tokens in text order: the word's tokens are one slice
            toks: Sequence[Token] = tokens[bisect_left(starts, a):bisect_left(starts, b)]
        else:
            toks = [t for t in tokens if a <= t.start < b]
        end = a
        tags = []
        for t in toks:
            if t.tag not in _NOUNISH:
                break
            end = t.end
            tags.append(t.tag)
        core = text[ma:ma + (min(end, b) - a)].rstrip("·-")
        if core:
            out.append(_Word(a, a + len(core), core, len(core) == mb - ma, tuple(tags)))
    return out


def _is_place(word: str, lexicon: Lexicon) -> bool:
    """A place name (or a city standing for its place) cannot start another body's name."""
    entry = lexicon.lookup(word)
    return word in lexicon.rules.places or word.endswith(("국제도시", "산업단지", "일원")) \
        or (entry is not None and entry.type == "government" and entry.name.endswith(("시", "도", "군", "구")))


def _suffix_type(core: str, lexicon: Lexicon) -> OrgType | None:
    found: OrgType | None = lexicon.remembered("suffix_type", core, _find_suffix_type)
    return found


def _find_suffix_type(core: str, lexicon: Lexicon) -> OrgType | None:
    for size, by_suffix in lexicon.suffixes_by_length:  # longest first, as the rules are ordered
        type_ = by_suffix.get(core[-size:] if size else "")
        if type_ is not None:
            return type_
    return None


def _is_name_like(word: str, lexicon: Lexicon) -> bool:
    """Two to four Hangul syllables starting with a family name, and not a known organisation or title."""
    return 2 <= len(word) <= 4 and bool(lexicon.remembered("name_like", word, _name_like))


def _name_like(word: str, lexicon: Lexicon) -> bool:
    return 2 <= len(word) <= 4 and (word[0] in lexicon.rules.surnames or word[:2] in lexicon.rules.surnames) \
        and bool(_HANGUL_WORD.fullmatch(word)) and lexicon.lookup(word) is None \
        and _suffix_type(word, lexicon) is None and not word.endswith(lexicon.titles())


def _rules(sent: Sentence, lexicon: Lexicon) -> Iterator[_Cand]:
    words = _words(sent)
    rules = lexicon.rules
    for i, w in enumerate(words):
        type_ = _suffix_type(w.core, lexicon)
        if type_ is None or w.core in rules.attached_only:
            continue
        yield from _enumeration(w, lexicon)
        nxt = words[i + 1].core if i + 1 < len(words) else ""
        if any(nxt.endswith(v) for v in rules.venue_suffixes) or w.core.endswith(rules.venue_suffixes):
            continue
        j = i
        while j > 0 and i - j < MAX_WORDS - 1:
            prev = words[j - 1]
            gap = sent.text[prev.end - sent.start:words[j].start - sent.start]
            if not prev.pure or gap.strip() or prev.core in rules.generic or len(prev.core) < 2 \
                    or _is_name_like(prev.core, lexicon) or prev.core.endswith(lexicon.titles()) \
                    or any(c.isdigit() for c in prev.core) or not (_HANGUL.search(prev.core) or prev.core.isalpha()) \
                    or "·" in prev.core or _is_place(prev.core, lexicon) \
                    or ("-" in prev.core and prev.core.split("-")[0] not in rules.places):
                break
            j -= 1
        if w.core in rules.generic and j < i and (lexicon.lookup(" ".join(x.core for x in words[j:i]))
                                                  or (j == i - 1 and _is_place(words[j].core, lexicon))):
            continue  # 시흥시청 글로벌센터: a facility of a known body, not a body of its own
        start = words[j].start
        surface = sent.text[start - sent.start:w.end - sent.start]
        for k in range(j, i + 1):  # drop a leading generic word, keep trying shorter spans
            surface = sent.text[words[k].start - sent.start:w.end - sent.start]
            flat = surface.replace(" ", "")
            if words[k].core in rules.generic and k < i:
                continue
            if flat in rules.generic and k == i and len(flat) > 2:
                yield _Cand(words[k].start, w.end, surface, flat, type_, generic=True)
                break
            if flat in rules.generic or "·" in surface or len(flat) <= 2:
                break
            name, t = _canonical(surface, lexicon)
            yield _Cand(words[k].start, w.end, surface, name, t if lexicon.lookup(surface) else type_)
            break


def _enumeration(w: _Word, lexicon: Lexicon) -> Iterator[_Cand]:
    """"대구경북·오송첨단의료산업진흥재단": the parts before the last share its suffix."""
    if "·" not in w.core:
        return
    parts = w.core.split("·")
    last = parts[-1]
    if any(len(p) < 2 for p in parts):
        return  # 산·학·연·관 and the like
    places = set(lexicon.rules.places)
    tail = None
    for k in range(2, len(last) - 1):
        if last[:k] in places and _suffix_type(last[k:], lexicon):
            tail = last[k:]
    offset = w.start
    for part in parts:
        p = part
        if "-" in p:  # '인천-가천대길병원' names the partners of an agreement: the last one is the body
            p = p.rsplit("-", 1)[1]
            offset += len(part) - len(p)
        if p in lexicon.rules.generic:
            full = ""
        elif _suffix_type(p, lexicon) or lexicon.lookup(p):
            full = p
        elif tail and p in places:
            full = p + tail
        else:
            full = ""
        if not full:
            offset += len(p) + 1
            continue
        name, t = _canonical(full, lexicon)
        yield _Cand(offset, offset + len(p), p if full == p else full, name, t)
        offset += len(p) + 1


def _lexicon_forms(sent: Sentence, lexicon: Lexicon) -> Iterator[_Cand]:
    text = sent.text
    n = len(text)
    by_first = lexicon.scan_forms_by_first
    present = sorted(item for ch in by_first.keys() & set(text) for item in by_first[ch] if item[1] in text)
    for _, form, entry in present:  # in scan_forms' order
        ascii_form = form.isascii()
        size = len(form)
        i = text.find(form)
        while i >= 0:  # every non-overlapping occurrence, left to right
            end = i + size
            before = text[i - 1] if i else " "
            after = text[end] if end < n else " "
            if not before.isalnum() and not (ascii_form and after.isascii() and after.isalnum()):
                yield _Cand(sent.start + i, sent.start + end, form, entry.name, entry.type)
            i = text.find(form, end)


def _english(analysed: Analysed, sent: Sentence, lexicon: Lexicon) -> Iterator[_Cand]:
    text = sent.text
    lowered = text.lower() if text.isascii() else None  # exact prefilter only for ASCII text and form
    for form, pattern, entry in lexicon.english_patterns:
        if lowered is not None and form and form not in lowered:
            continue
        for m in pattern.finditer(text):
            yield _Cand(sent.start + m.start(), sent.start + m.end(), m.group(), entry.name, entry.type)


def _back_references(cands: list[_Cand], lexicon: Lexicon) -> list[_Cand]:
    """"추진협의회" after "인천바이오헬스밸리 추진협의회" is the same body: a short form, not a new one."""
    full = sorted({c.name for c in cands if not c.generic}, key=len, reverse=True)
    out = []
    for c in cands:
        key = c.name.replace(" ", "")
        if lexicon.lookup(c.name) is None:
            longer = [n for n in full if len(n.replace(" ", "")) > len(key) and n.replace(" ", "").endswith(key)]
            if longer:
                c = _Cand(c.start, c.end, c.surface, longer[-1], c.type)
            elif c.generic:
                continue
        out.append(c)
    return out
