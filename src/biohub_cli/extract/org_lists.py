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
                   rf"(?=(?P<tail>\s?등(?:이|은|의|과|도|을)?(?P<what>(?:\s[^\s.,]+){{1,8}}))?)")
# what closes a list of bodies, and the type it gives its items
_COLLECTIVE: tuple[tuple[str, OrgType], ...] = (
    ("제약사", "company"), ("제약바이오기업", "company"), ("바이오기업", "company"), ("기업", "company"),
    ("회사", "company"), ("업체", "company"), ("스타트업", "company"), ("개사", "company"), ("투자기관", "company"),
    ("투자사", "company"), ("벤처캐피털", "company"), ("대학", "university"), ("병원", "hospital"),
    ("연구기관", "research"), ("기관", "other"), ("단체", "association"), ("협회", "association"),
)
_COPULA = "(?:이다|입니다|였다|이었다)?"  # `… 등 9개 기업이다`
_COUNTED_KIND = re.compile(r"\d+\s?(?:개|곳)\s?(?:사|기업|업체|회사|기관|제약사|바이오기업)")
_PARTICLES = "은|는|이|가|을|를|과|와|의|에|에서|로|으로|도|만|엔|에선|부터|까지"
_PARTICLE_END = re.compile(rf"(?:{_PARTICLES})$")
# words that end a list's first item but are no name: 산업계에선 삼성바이오로직스 → 삼성바이오로직스
# the quotes Korean press writes, a broadcaster's primes (′…′, ″…″) among them
_QUOTED = re.compile(r"[‘'\"“′″](?P<name>[가-힣A-Za-z0-9][^‘’'\"“”′″\n]{1,24}?)[’'\"”′″]")
_BODY_BEFORE = re.compile(r"(?:기관|단체|기업|회사|재단|협의체|연합체|조직|플랫폼 기관|새로 생긴|신설된|신설한|출범한"
                          r"|설립된|부설)\s*$")
_BODY_AFTER = re.compile(r"\s?(?:가|이|을|를|은|는|도|의)?\s?(?:출범|설립|창립|발족|개교|개원|개소|결성|창설)")
# 구성 (form, also compose) makes a body only of a name shaped like a group: `‘…실무추진단’을 구성`
_FORMED = re.compile(r"\s?(?:을|를|이|가)?\s?(?:구성|꾸리|꾸려|신설)")
_NAMES_A_THING = re.compile(r"(?:MOU|협약|협약식|협정|양해각서|회의|행사|심포지엄|박람회|대회|전략|계획|사업|프로젝트"
                            r"|비전|선언|선언문)$")
_GROUP_END = re.compile(r"(?:단|팀|TF|그룹|협의체|위원회|협의회|연합|얼라이언스|컨소시엄)$")
MIN_KNOWN = 2
_HANGUL_SYLLABLE = re.compile(r"[가-힣]")
_NOT_NAMES = frozenset({"등", "및", "외", "중", "관련", "참여", "이날", "가운데", "현재", "올해", "모두", "각각"})


@dataclass(frozen=True, slots=True)
class Listed:
    start: int  # absolute
    end: int
    surface: str
    type: OrgType


# a list of regions is a list of bodies where the sentence is about a contest between them
_CONTEST = re.compile(r"경쟁(?!력)|공모|신청|지자체|자치단체|시·도|시도|후보|유치|제치|각축|고배|탈락|도전장|출사표")
_REGION_PARTICLE = "과|와|에|이|가|은|는|을|를|도|의|까지|만"
_REGION_SEP = r"(?:\s?[,·ㆍ]\s?|(?:과|와|및)\s)"
# what may follow the last short form: a particle, 등, or punctuation (`대구·경북 신서` is a place and its site)
_REGION_END = (rf"(?:(?:{_REGION_PARTICLE})(?![가-힣])|\s?등(?:{_REGION_PARTICLE})?(?![가-힣])"
               r"|(?=\s*[^\s가-힣(,·ㆍ]|\s*$))")


def competing_regions(sent: Sentence, lexicon: Lexicon) -> Iterator[tuple[int, int, str, str]]:
    """Local governments a contest's report lists by their short place words: `경남·대전·충북 등 7개
    지자체가 신청해` → 경상남도, 대전광역시, 충청북도 as (start, end, surface, name). Outside such a list, or
    without a contest in the sentence, the same words are places (`경남 창원에 있는 공장`); so are short forms
    followed by a site (`대구·경북 신서`) or inside brackets after their province (`경북(안동·포항)`)."""
    short = lexicon.abbreviated
    if not short or not _CONTEST.search(sent.text):
        return
    listed = lexicon.remembered("region-list", "", _region_list)
    for m in listed.finditer(sent.text):
        if sent.text[:m.start()].endswith("(") or _taken_as_object(m.group(), sent.text[m.end():m.end() + 40]):
            continue
        for w in re.finditer(r"[가-힣]+", m.group()):
            word = next((w.group()[:n] for n in range(len(w.group()), 0, -1) if w.group()[:n] in short), None)
            if word is not None:
                start = sent.start + m.start() + w.start()
                yield start, start + len(word), word, short[word].name


def _taken_as_object(listed: str, rest: str) -> bool:
    """The places are what the sentence's subject acts on, not who competes: `도는 전주와 익산, 정읍 등
    1천572만㎡ 규모를 벨트로 묶어 … 신청했다` (its sites), where `경남·대전·충북 등 7개 지자체가 신청했다`
    names the contestants. The first word with a particle after the list says which."""
    beaten = _BEATEN.match(rest) is not None  # `대구와 경북, 충남 등을 제치고`: rivals all the same
    if re.search(r"(?:을|를)$", listed):
        return not beaten
    for n, word in enumerate(rest.split()[:4]):
        word = word.strip(",.()")
        if _PARTICLE_END.search(word) and word not in ("등", "등의"):
            return word.endswith(("을", "를")) and _BEATEN.match(" ".join(rest.split()[n + 1:])) is None
    return False


_BEATEN = re.compile(r"\s*(?:제치|누르|눌러|따돌|꺾)")


def _region_list(_: str, lexicon: Lexicon) -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, lexicon.abbreviated), key=lambda w: (-len(w), w)))
    item = rf"(?<![가-힣])(?:{words})"
    # two or more short forms in a row, or one closed by 등 (`부산 등과 경쟁`)
    return re.compile(rf"{item}(?:{_REGION_SEP}{item})+{_REGION_END}|{item}\s?등(?:{_REGION_PARTICLE})?(?![가-힣])")


def listed_bodies(sent: Sentence, lexicon: Lexicon) -> Iterator[Listed]:
    """Unknown bodies in a list of bodies, and quoted names introduced as bodies."""
    yield from _lists(sent, lexicon)
    yield from _quoted(sent, lexicon)


def _lists(sent: Sentence, lexicon: Lexicon) -> Iterator[Listed]:
    text = sent.text
    if sum(text.count(sep) for sep in ",·ㆍ") < 1:
        return
    for m in _LIST.finditer(text):
        items = [part for n, i in enumerate(re.finditer(r"[^,·ㆍ]+", m.group("items")))
                 for part in _item(sent, i.start() + m.start("items"), i.group(), first=n == 0)]
        what = m.group("what") or ""
        closing = next((t for word, t in _COLLECTIVE
                        if re.search(rf"(?<![가-힣]){word}(?:들)?(?:{_PARTICLES})?{_COPULA}(?![가-힣])", what)), None)
        known = [lexicon.lookup(name) for _, name in items]
        types = [k.type for k in known if k is not None]
        counted = closing is not None and _COUNTED_KIND.search(what) is not None  # `등 8개 업체가`
        if (len(types) < MIN_KNOWN and not (closing and (types or len(items) >= 3 or counted))) \
                or (len(items) < 3 and not closing):
            continue
        type_: OrgType = closing if closing is not None else max(sorted(set(types)), key=types.count)
        named = [(sent.start + offset, name) for (offset, name), entry in zip(items, known, strict=True)
                 if entry is None and _name_shaped(name, lexicon, people=closing is None)
                 and not _common_word(sent, sent.start + offset, sent.start + offset + len(name),
                                      compound=len(types) < MIN_KNOWN)
                 and not _half_of_a_kind(text, offset + len(name), lexicon)]
        if not types and 2 * len(named) < len(items):
            continue  # mostly words (`기관의 장, 시·도지사, 전략산업 등 관련 기업`): a list of kinds, not of names
        for start, name in named:
            # its own suffix first: … R&D센터 in a list of hospitals
            own = lexicon.org_type_of(name.replace(" ", ""))
            yield Listed(start, start + len(name), name, own if own != "other" and closing is None else type_)


def _joined(sent: Sentence, offset: int, name: str) -> list[tuple[int, str]]:
    """`토모큐브와 리가켐바이오`: two items joined by the particle 와/과 (Kiwi reads it as one), not one name."""
    m = re.fullmatch(r"(?P<a>[^\s]+?)(?:와|과) (?P<b>[^\s]+)", name)
    if m is None:
        return [(offset, name)]
    at = sent.start + offset + m.end("a")
    if not any(t.start == at and t.form in ("와", "과") and t.tag in ("JC", "JKB") for t in sent.tokens):
        return [(offset, name)]
    return [(offset, m["a"]), (offset + m.start("b"), m["b"])]


def _half_of_a_kind(text: str, end: int, lexicon: Lexicon) -> bool:
    """`클러스터 운영·관리기관으로는`: the item and the word after its middle dot share a kind noun (운영기관 and
    관리기관), so the item is a kind of body, not a name."""
    m = re.match(r"[·ㆍ]([가-힣]+)", text[end:end + 20])
    if m is None:
        return False
    word = m.group(1)
    for _ in range(3):  # 관리기관으로는: particles stacked
        word = _PARTICLE_END.sub("", word)
    return word in lexicon.rules.generic


def _common_word(sent: Sentence, start: int, end: int, *, compound: bool = False) -> bool:
    """Kiwi reads the item as one common noun it knows (운영, 국비, 관리): a word, not a name. Where no two
    items of the list are known bodies, a compound of common nouns (전략산업, 관련기관) is a word too."""
    tokens = [t for t in sent.tokens if start <= t.start < end]
    if any(t.tag.startswith(_VERBAL) for t in tokens):
        return True  # `관계 부처가 참여하고, 클러스터 운영·…`: a verb of the sentence, not a name
    if not tokens or tokens[-1].end != end:
        return False
    spaced = " " in sent.text[start - sent.start:end - sent.start]  # `클러스터 운영`: two common nouns
    # one noun of up to three syllables (운영, 국비, 관리자); a longer one Kiwi has never seen (토모큐브) is a name
    known_word = len(tokens) == 1 and len(tokens[0].form) <= 3
    return (known_word or (len(tokens) > 1 and (compound or spaced))) and all(t.tag == "NNG" for t in tokens)


_VERBAL = ("VV", "VA", "VX", "XSV", "XSA", "EC", "EF", "EP", "ETM", "ETN")


def _item(sent: Sentence, offset: int, written: str, *, first: bool) -> list[tuple[int, str]]:
    """An item of a list as (offset, name): trimmed, and for the first item its last word only (the words
    before it belong to the sentence: `파트너링 프로그램엔 존슨앤드존슨`, `이 가운데 암젠`), or its last two
    when the particle 와/과 joins them (`토모큐브와 리가켐바이오`: two items)."""
    name = written.strip()
    offset += len(written) - len(written.lstrip())
    if first and " " in name:
        words = name.split(" ")
        pair = " ".join(words[-2:])
        joined = _joined(sent, offset + len(name) - len(pair), pair)
        if len(joined) == 2:
            return joined
        last = words[-1]
        offset += len(name) - len(last)
        name = last
    return [(offset, name)]


def _name_shaped(name: str, lexicon: Lexicon, *, people: bool = True) -> bool:
    """An item that can be a body's name: no particle or counter in it, no known body in it (found as
    itself), no place, no person, not a common word of a list (등, 관련, 참여)."""
    rules = lexicon.rules
    words = name.split(" ")
    parts = re.split(r"[\s\-]", name)
    return 2 <= len(name.replace(" ", "")) <= 15 and not any(_PARTICLE_END.search(w) for w in words) \
        and not any(len(w) == 1 and _HANGUL_SYLLABLE.match(w) for w in words) \
        and not re.search(r"\d+\s?(?:개|곳|명|건|억|조|원|년|월|일)", name) \
        and not any(w in _NOT_NAMES or w in rules.generic for w in words) \
        and not name.endswith(tuple(word for word, _ in _COLLECTIVE)) \
        and not any(lexicon.lookup(p) for p in parts) and name not in rules.places \
        and name not in lexicon.abbreviations and not (people and len(words) == 1 and _person_like(name, lexicon)) \
        and not _branch(name, lexicon)


# the words of a body's local office after its place (강원센터, 안동분원, 충북지사)
BRANCHES = ("센터", "분원", "지사", "지부", "본부", "지원", "사무소", "캠퍼스")
_OFFICES = "|".join(("지역본부", *(b for b in BRANCHES if b not in ("센터", "캠퍼스"))))
_OFFICE = re.compile(rf"(?P<place>[가-힣]{{2,4}})(?:{_OFFICES})")


def _branch(name: str, lexicon: Lexicon) -> bool:
    """`전북분원`, `경기지사`: a body's local office named by its place, no body of its own in a list (a place's
    센터 may be a body: 강원센터 is one only after the body it belongs to)."""
    m = _OFFICE.fullmatch(name)
    return m is not None and (m["place"] in lexicon.rules.places or m["place"] in lexicon.abbreviations)


def _person_like(word: str, lexicon: Lexicon) -> bool:
    return 2 <= len(word) <= 4 and word[0] in lexicon.rules.surnames and bool(re.fullmatch(r"[가-힣]+", word)) \
        and not re.search(r"(?:제약|약품|바이오|팜|텍|스|젠|랩)$", word)


def _quoted(sent: Sentence, lexicon: Lexicon) -> Iterator[Listed]:
    text = sent.text
    for m in _QUOTED.finditer(text):
        name = m.group("name").strip()
        if lexicon.lookup(name) is not None or len(name.split()) > 4 or _NAMES_A_THING.search(name):
            continue  # `‘제주 바이오산업 활성화 MOU’`, `‘…육성 전략’`: an agreement or a plan, not a body
        if _BODY_BEFORE.search(text[:m.start()]) or _BODY_AFTER.match(text, m.end()) \
                or (_GROUP_END.search(name) and _FORMED.match(text, m.end())):
            start = sent.start + m.start("name")
            written = re.sub(r"\s?\([^()]*\)$", "", m.group("name"))  # ‘이노랩스(Innovation Labs)’: the name
            yield Listed(start, start + len(written), written, lexicon.org_type_of(written.replace(" ", "")))
