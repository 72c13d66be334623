"""Bodies named in passing: lists of companies and quoted names introduced as bodies.

A list such as `셀트리온, 동화제약, SK바이오사이언스 등 국내 기업들` or `삼성바이오로직스, SK에코벤스,
KB헬스케어, 현대오일뱅크 등이 참여했다` names bodies the gazetteer may not know: where two of its items are
known bodies (or a collective noun closes it: `등 해외 투자기관`), every other item shaped like a name
is one too. A quoted name introduced as a body (`바이오 창업 지원기관 ‘랩센트럴’`, `'바이오경제
얼라이언스'도 출범했다`, `‘AI 바이오 과학영재학교’를 설립`) is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from biohub_cli.extract.lexicon import Lexicon
from biohub_cli.models.stages import Sentence
from biohub_cli.models.vocab import OrgType

# one item: a word or two of a name (셀트리온, SK에코벤스, S-OIL, 솔라스타 벤처스, J&J)
_ITEM = r"[가-힣A-Za-z0-9][가-힣A-Za-z0-9&.\-]*(?: (?!등)[가-힣A-Za-z0-9&.\-]+)?"
_LIST = re.compile(rf"(?P<items>{_ITEM}(?:\s?[,·ㆍ]\s?{_ITEM})+)"
                   rf"(?=(?P<tail>\s?등(?:이|은|의|과|도|을)?(?P<what>(?:\s[^\s.,]+){{1,2}}))?)")
# what closes a list of bodies, and the type it gives its items
_COLLECTIVE: tuple[tuple[str, OrgType], ...] = (
    ("제약사", "company"), ("제약바이오기업", "company"), ("바이오기업", "company"), ("기업", "company"),
    ("회사", "company"), ("업체", "company"), ("스타트업", "company"), ("개사", "company"), ("투자기관", "company"),
    ("투자사", "company"), ("벤처캐피털", "company"), ("대학", "university"), ("병원", "hospital"),
    ("연구기관", "research"), ("기관", "other"), ("단체", "association"), ("협회", "association"),
)
_PARTICLES = "은|는|이|가|을|를|과|와|의|에|에서|로|으로|도|만|엔|에선|부터|까지"
_PARTICLE_END = re.compile(rf"(?:{_PARTICLES})$")
# words that end a list's first item but are no name: 산업계에선 삼성바이오로직스 → 삼성바이오로직스
_QUOTED = re.compile(r"[‘'\"“](?P<name>[가-힣A-Za-z0-9][^‘’'\"“”\n]{1,24}?)[’'\"”]")
_BODY_BEFORE = re.compile(r"(?:기관|단체|기업|회사|재단|협의체|연합체|조직|플랫폼 기관)\s*$")
_BODY_AFTER = re.compile(r"\s?(?:가|이|을|를|은|는|도|의)?\s?(?:출범|설립|창립|발족|개교|개원|개소)")
MIN_KNOWN = 2
_NOT_NAMES = frozenset({"등", "및", "외", "중", "관련", "참여", "이날", "가운데", "현재", "올해", "모두", "각각"})


@dataclass(frozen=True, slots=True)
class Listed:
    start: int  # absolute
    end: int
    surface: str
    type: OrgType


def listed_bodies(sent: Sentence, lexicon: Lexicon) -> Iterator[Listed]:
    """Unknown bodies in a list of bodies, and quoted names introduced as bodies."""
    yield from _lists(sent, lexicon)
    yield from _quoted(sent, lexicon)


def _lists(sent: Sentence, lexicon: Lexicon) -> Iterator[Listed]:
    text = sent.text
    if sum(text.count(sep) for sep in ",·ㆍ") < 1:
        return
    for m in _LIST.finditer(text):
        items = [_item(i.start() + m.start("items"), i.group(), first=n == 0)
                 for n, i in enumerate(re.finditer(r"[^,·ㆍ]+", m.group("items")))]
        what = m.group("what") or ""
        closing = next((t for word, t in _COLLECTIVE
                        if re.search(rf"(?<![가-힣]){word}(?:들)?(?:{_PARTICLES})?(?![가-힣])", what)), None)
        known = [lexicon.lookup(name) for _, name in items]
        types = [k.type for k in known if k is not None]
        if (len(types) < MIN_KNOWN and not (closing and (types or len(items) >= 3))) \
                or (len(items) < 3 and not closing):
            continue
        type_: OrgType = closing if closing is not None else max(sorted(set(types)), key=types.count)
        for (offset, name), entry in zip(items, known, strict=True):
            start = sent.start + offset
            if entry is None and _name_shaped(name, lexicon, people=closing is None) \
                    and not _common_word(sent, start, start + len(name)):
                yield Listed(start, start + len(name), name, type_)


def _common_word(sent: Sentence, start: int, end: int) -> bool:
    """Kiwi reads the item as one common noun it knows (운영, 국비, 관리): a word, not a name."""
    tokens = [t for t in sent.tokens if start <= t.start < end]
    return len(tokens) == 1 and tokens[0].tag == "NNG" and tokens[0].end == end


def _item(offset: int, written: str, *, first: bool) -> tuple[int, str]:
    """An item of a list as (offset, name): trimmed, and for the first item its last word only (the words
    before it belong to the sentence: `파트너링 프로그램엔 존슨앤드존슨`, `이 가운데 암젠`)."""
    name = written.strip()
    offset += len(written) - len(written.lstrip())
    if first and " " in name:
        last = name.rsplit(" ", 1)[1]
        offset += len(name) - len(last)
        name = last
    return offset, name


def _name_shaped(name: str, lexicon: Lexicon, *, people: bool = True) -> bool:
    """An item that can be a body's name: no particle or counter in it, no known body in it (found as
    itself), no place, no person, not a common word of a list (등, 관련, 참여)."""
    rules = lexicon.rules
    words = name.split(" ")
    parts = re.split(r"[\s\-]", name)
    return 2 <= len(name.replace(" ", "")) <= 15 and not any(_PARTICLE_END.search(w) for w in words) \
        and not re.search(r"\d+\s?(?:개|곳|명|건|억|조|원|년|월|일)", name) \
        and not any(w in _NOT_NAMES or w in rules.generic for w in words) \
        and not name.endswith(tuple(word for word, _ in _COLLECTIVE)) \
        and not any(lexicon.lookup(p) for p in parts) and name not in rules.places \
        and name not in lexicon.abbreviations and not (people and len(words) == 1 and _person_like(name, lexicon))


def _person_like(word: str, lexicon: Lexicon) -> bool:
    return 2 <= len(word) <= 4 and word[0] in lexicon.rules.surnames and bool(re.fullmatch(r"[가-힣]+", word)) \
        and not re.search(r"(?:제약|약품|바이오|팜|텍|스|젠|랩)$", word)


def _quoted(sent: Sentence, lexicon: Lexicon) -> Iterator[Listed]:
    text = sent.text
    for m in _QUOTED.finditer(text):
        name = m.group("name").strip()
        if lexicon.lookup(name) is not None or len(name.split()) > 4:
            continue
        if _BODY_BEFORE.search(text[:m.start()]) or _BODY_AFTER.match(text, m.end()):
            start = sent.start + m.start("name")
            written = m.group("name")
            yield Listed(start, start + len(written), written, lexicon.org_type_of(name.replace(" ", "")))
