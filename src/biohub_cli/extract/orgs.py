"""Organisations: the curated lexicon, suffix rules over kiwi noun chunks, enumerations, abbreviations."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from biohub_cli.extract.lexicon import Lexicon
from biohub_cli.extract.org_lists import BRANCHES, competing_regions, listed_bodies
from biohub_cli.models.facts import OrgMention
from biohub_cli.models.stages import Analysed, Sentence, Token
from biohub_cli.models.vocab import OrgType

_WORD = re.compile(r"[^\s,()\[\]{}<>'\"‘’“”「」『』《》〈〉]+")
_NOUNISH = frozenset({"NNP", "NNG", "NNB", "NR", "SL", "SN", "SH", "XSN", "XPN", "SP", "SO", "W_SERIAL"})
_ABBREV = re.compile(r"\(([A-Za-z][A-Za-z0-9&·\-]{1,12})\)")
# a company's legal form written before or after its name: ㈜한빛제약, (주) 가온바이오, 주식회사 누리, 동해기기㈜
_CORP = re.compile(r"(?P<mark>\(주\)|㈜|주식회사)\s?(?P<name>[가-힣A-Za-z0-9][가-힣A-Za-z0-9&.\-]{0,24})")
# a business group's Latin initials written onto a Hangul name: SK바이오텍, LG헬로비전, CJ바이오사이언스, HK이노엔
_GROUP_COMPANY = re.compile(r"(?<![A-Za-z0-9가-힣&.\-])"
                            r"(?P<name>(?:SK|LG|CJ|GS|HD|LS|DL|HK|GC|JW|KCC|OCI|DB|HL|KG|SPC|BGF)[가-힣]{2,10})")
_CORP_AFTER = re.compile(r"(?<![가-힣A-Za-z0-9&.\-])(?P<name>[가-힣A-Za-z0-9][가-힣A-Za-z0-9&.\-]{0,24}?)(?:\(주\)|㈜)")
_HANGUL = re.compile(r"[가-힣]")
_HANGUL_WORD = re.compile(r"[가-힣]+")
_PART = re.compile(r"[^·\-]+")
_SHORT_FORM = re.compile(r"\s?\(이하\s*['‘\"“]?(?P<short>[^)'’\"”,]{2,20}?)['’\"”]?\)")
_FOREIGN = re.compile(r"(?<![가-힣A-Za-z])(?P<country>[가-힣A-Z]{2,8})\s(?:정부\s)?"
                      r"[가-힣]{1,12}?(?:부|청|처|성|위원회)(?=(?:와|과|는|은|이|가|의|에|에서|를|을|도|로|으로|와의"
                      r"|과의|측)?(?![가-힣]))")
_WORD_BEFORE = re.compile(r"([가-힣]+) $")
_WORD_AFTER = re.compile(r" ([가-힣]+?)(?:에서|에|의|으로|로|내|일원|일대)?(?![가-힣])")
# the next word of an address: 오송읍, 송도국제도시, 배곧지구, 화순백신특구, 남동산단 (one-syllable endings such as
# 동, 리, 면 end common words too: 공동, 관리, 측면)
_ADDRESS_ENDINGS = ("읍", "국제도시", "신도시", "지구", "특구", "산단", "산업단지", "단지", "일원", "일대", "혁신도시",
                    "테크노밸리")
_SITE_WORDS = frozenset({"부지", "일대", "일원", "인근", "부근", "단지", "바이오부지", "산업단지", "예정지", "내"})
# a city written before the venue of the day (`26일 청주시 라마다 호텔에서`): where it was, not who took part
_VENUE_AFTER = re.compile(r"\s(?:[^\s.,]+\s){0,2}[^\s.,]*(?:호텔|컨벤션센터|컨벤시아|회관|청사|홀|타워|빌딩)에서")
_COMMON_GU = frozenset({"연구", "요구", "도구", "친구", "가구", "기구", "출구", "입구", "항구", "창구", "탐구", "추구",
                        "용구", "완구", "구구", "전구", "공구", "지구"})
_STREET = re.compile(r"\s[가-힣0-9]+(?:로|길|동|리)\s?\d")  # 회기로 117-3, 송도동 24
# common words ending like a 동, 리 or 면 of an address
_COMMON_PLACE_LIKE = frozenset({
    "공동", "활동", "이동", "자동", "운동", "행동", "협동", "연동", "변동", "가동", "작동", "발동", "합동", "노동",
    "출동", "감동", "기동", "유동", "파동", "주동", "연구동", "관리", "처리", "원리", "논리", "수리", "정리", "거리",
    "무리", "요리", "대리", "측면", "전면", "이면", "방면", "국면", "지면", "표면", "화면", "장면", "면면", "대면",
    "비대면"})
_ACTS = re.compile(r"\(|(?:은|는|이|가|와|과|도|의|측)(?![가-힣])")
_STOPS = frozenset(",()[]{}<>'\"‘’“”「」『』《》〈〉·・ㆍ/-")
MAX_WORDS = 4
# units a university or hospital names as its own (한국과학기술원 의과학대학원, 연세대학교 디지털헬스케어사업단)
_HAS_UNITS = frozenset({"university", "hospital", "research"})
_UNITS = ("대학원", "대학", "사업단", "연구소", "연구센터", "센터", "병원", "연구단", "연구원")


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
            cands += _foreign_bodies(sent, lexicon)
            cands += _spaced_names(sent, lexicon)
            cands += _legal_forms(analysed, sent, lexicon)
            cands += _group_companies(sent, lexicon)
            cands += _branch_offices(sent, lexicon)
            cands += _titled_bodies(sent, lexicon)
            cands += (_Cand(x.start, x.end, x.surface, " ".join(x.surface.split()), x.type)
                      for x in listed_bodies(sent, lexicon))
            cands += (_Cand(a, b, surface, name, "government")
                      for a, b, surface, name in competing_regions(sent, lexicon))
    chosen: list[_Cand] = []
    taken = bytearray(len(analysed.document.text) + 1)  # 1 where a chosen candidate lies: no scan of them all
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if taken.find(1, c.start, c.end) != -1:
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen = _back_references(chosen, lexicon)
    text = analysed.document.text
    chosen = _defined_short_forms(_without_addresses(chosen, text, lexicon), text, lexicon)
    chosen_starts = {x.start for x in chosen}
    out = []
    for c in sorted(chosen, key=lambda c: c.start):
        entry = lexicon.lookup(c.name)
        name_en = entry.name_en if entry else None
        if (c.surface.isascii() and not entry) or (c.type == "media" and _credit(text, c.start, c.end)):
            continue
        if entry is None and _a_cluster(c.name, lexicon):
            continue  # 광교테크노밸리 내 바이오 부지: a cluster is a place; its bodies are named on their own
        if c.type == "government" and _is_region(c.name, lexicon) \
                and _PLACES_IN_BRACKETS.search(text, max(0, c.start - 40), c.start):
            continue  # 도내 4개 지역(양산시·김해시·…)에: the places a plan covers, listed
        out.append(OrgMention(surface=c.surface, name=c.name, name_en=name_en if c.surface.isascii() else None,
                              type=c.type, evidence=analysed.evidence(c.start, c.end)))
        m = _ABBREV.match(text, c.end)
        if m and analysed.document.segment_of(c.start) == "body" and m.start(1) not in chosen_starts:
            out.append(OrgMention(surface=m.group(1), name=c.name, type=c.type,
                                  evidence=analysed.evidence(m.start(1), m.end(1))))
    return out


def _legal_forms(analysed: Analysed, sent: Sentence, lexicon: Lexicon) -> Iterator[_Cand]:
    """A name with its legal form (㈜, (주), 주식회사) is a company whatever its words: the mark is the
    proof. The name ends where Kiwi reads a particle or an ending (`㈜누리메드가` → 누리메드)."""
    if not ("㈜" in sent.text or "(주)" in sent.text or "주식회사" in sent.text):
        return
    for pattern in (_CORP, _CORP_AFTER):
        for m in pattern.finditer(sent.text):
            start, end = sent.start + m.start("name"), sent.start + m.end("name")
            end = _name_end(sent, start, end)
            name = analysed.document.text[start:end].strip(".-&")
            if len(name) < 2 or name in lexicon.rules.generic:
                continue
            entry = lexicon.lookup(name)
            yield _Cand(start, start + len(name), name, entry.name if entry else name,
                        entry.type if entry else "company")


def _name_end(sent: Sentence, start: int, end: int) -> int:
    """Where a name written at [start, end) stops: before the first particle or ending Kiwi reads in it."""
    at = bisect_left(sent.tokens, start + 1, key=lambda t: t.start)  # tokens are in text order
    for t in sent.tokens[at:]:
        if t.start >= end:
            break
        if t.tag[:1] in ("J", "E") or t.tag in ("VCP", "XSV", "XSA"):
            return t.start
    return end


def _group_companies(sent: Sentence, lexicon: Lexicon) -> Iterator[_Cand]:
    """A group's initials on a Hangul name are a company of that group, unless the Hangul is a title or a
    common word (LG사장 is a title; SK그룹 is known): the name ends where Kiwi reads a particle."""
    for m in _GROUP_COMPANY.finditer(sent.text):
        start, end = sent.start + m.start("name"), sent.start + m.end("name")
        end = _name_end(sent, start, end)
        name = sent.text[start - sent.start:end - sent.start]
        hangul = _HANGUL_WORD.search(name)
        word = hangul.group() if hangul else ""
        if len(word) < 2 or word in lexicon.rules.generic or word.endswith(lexicon.titles()) \
                or _suffix_type(word, lexicon) not in (None, "company") or word.endswith(lexicon.rules.venue_suffixes):
            continue  # JW메리어트호텔: a venue
        entry = lexicon.lookup(name)
        yield _Cand(start, end, name, entry.name if entry else name, entry.type if entry else "company")


def _titled_bodies(sent: Sentence, lexicon: Lexicon) -> Iterator[_Cand]:
    """A body the gazetteer lacks with its head's title written on (권범선 동국대일산병원장, …진흥원장,
    …센터장): the body, the word without its last syllable."""
    for w in _words(sent):
        if not w.core.endswith("장") or len(w.core) < 6:
            continue
        name = w.core[:-1]
        type_ = _suffix_type(name, lexicon)
        if type_ in ("hospital", "public_agency", "research") and name not in lexicon.rules.generic \
                and lexicon.lookup(name) is None and not _is_kind(name, name, lexicon):
            yield _Cand(w.start, w.start + len(name), name, name, type_)


_BRANCH_OFFICE = re.compile(r"(?<![A-Za-z])(?P<short>[A-Z]{2,5})(?P<tail>[가-힣]{1,8}(?:지역본부|본부|지사|지부|지점))")


def _branch_offices(sent: Sentence, lexicon: Lexicon) -> Iterator[_Cand]:
    """A regional office written onto a body's Latin short form (LH대전충남지역본부): the body."""
    for m in _BRANCH_OFFICE.finditer(sent.text):
        entry = lexicon.lookup(m["short"])
        if entry is not None:
            start = sent.start + m.start()
            yield _Cand(start, sent.start + m.end(), m.group(), entry.name, entry.type)


def _without_addresses(cands: list[_Cand], text: str, lexicon: Lexicon) -> list[_Cand]:
    """Regions written one after another are an address (`전라남도 화순군 화순백신특구에`, `경기도 성남시 판교`,
    `인천 연수구 송도동`): none of them is a party to the story, except the last when it acts
    (`경기도 시흥시(시장 임병택)는`, `충청북도 청주시가`)."""
    regions = sorted((c for c in cands if c.type == "government" and _is_region(c.name, lexicon)),
                     key=lambda c: c.start)
    dropped: set[int] = set()
    for a, b in pairwise(regions):
        if text[a.end:b.start] == " ":
            dropped.add(id(a))
    places = lexicon.rules.places | lexicon.abbreviations
    ending_at: dict[int, list[_Cand]] = {}  # a region's end → the regions ending there: no scan of them all
    for a in regions:
        ending_at.setdefault(a.end, []).append(a)
    for c in regions:
        before = text[max(0, c.start - 8):c.start]
        prev = _WORD_BEFORE.search(before)
        after_place = prev is not None and prev.group(1) in places
        nxt = _WORD_AFTER.match(text, c.end)
        before_place = (nxt is not None and (_address_word(nxt.group(1)) or nxt.group(1) in places
                                             or (c.name.endswith("시") and _district(nxt.group(1))))) \
            or bool(_STREET.match(text, c.end)) or bool(_VENUE_AFTER.match(text, c.end))
        head = c.surface.split(" ", 1)[0]
        written_in_place = " " in c.surface and (head in places or _is_place(head, lexicon))  # 인천 연수구
        if (id(c) in dropped or after_place or before_place or written_in_place
                or (text[c.start - 1:c.start] == " "
                    and any(id(a) in dropped for a in ending_at.get(c.start - 1, ())))) \
                and not _ACTS.match(text, c.end) and not _titled(text, c.end, lexicon):
            dropped.add(id(c))
    return [c for c in cands if id(c) not in dropped]


_PLACES_IN_BRACKETS = re.compile(r"(?:지역|시군|시·군|권역)\s?\([^()]*$")


def _a_cluster(name: str, lexicon: Lexicon) -> bool:
    """The whole name is a cluster's (광교테크노밸리, 판교 테크노밸리) and no body's of the gazetteer."""
    hits = lexicon.places.find_clusters(name)
    return len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(name) and not hits[0].site


def _district(word: str) -> bool:
    """영통구, 상당구: a city's district (일반구), the next part of an address after the city."""
    return 2 <= len(word) <= 4 and word.endswith("구") and word not in _COMMON_GU


def _address_word(word: str) -> bool:
    """오송읍, 송도동, 봉산리, 송도국제도시, 배곧지구: the next part of an address (공동, 관리, 측면 are words)."""
    return word.endswith(_ADDRESS_ENDINGS) or (2 <= len(word) <= 4 and word.endswith(("동", "리", "면"))
                                                and word not in _COMMON_PLACE_LIKE)


def _titled(text: str, end: int, lexicon: Lexicon) -> bool:
    """A title written onto the name (인천 연수구청장, 화순군수): its holder acts for the body."""
    joined = text[end - 1:end + 6]
    return any(joined.startswith(t) or joined[1:].startswith(t) for t in lexicon.titles())


def _is_region(name: str, lexicon: Lexicon) -> bool:
    """A province, a city, a county or a district (a local government, named by its area)."""
    return name.endswith(("도", "시", "군", "구")) and not name.endswith(("의회", "교육청"))


def _defined_short_forms(cands: list[_Cand], text: str, lexicon: Lexicon) -> list[_Cand]:
    """`백신안전기술지원센터(이하 백신센터)`: the short form names that body wherever it is written after."""
    short: dict[str, _Cand] = {}
    for c in cands:
        m = _SHORT_FORM.match(text, c.end)
        if m and m.group("short") != c.surface and len(m.group("short")) >= 2:
            short.setdefault(m.group("short"), c)
    if not short:
        return cands
    out = []
    covered = bytearray(len(text) + 1)  # 1 where a candidate lies: no scan of them all
    for c in cands:
        covered[c.start:c.end] = b"\x01" * (c.end - c.start)
    for c in cands:
        body = short.get(c.surface) or short.get(c.name)  # the short form, or a back-reference to it
        if body is not None and lexicon.lookup(c.name) is None:
            c = _Cand(c.start, c.end, c.surface, body.name, body.type)
        out.append(c)
    places_of = _occurrences(text, short)
    for form, body in short.items():
        last = -1
        for i in places_of.get(form, ()):
            end = i + len(form)
            if i < body.end or i < last:
                continue  # before its definition, or overlapping its previous occurrence
            last = end
            if covered.find(1, i, end) == -1 and not (i and text[i - 1].isalnum()):
                out.append(_Cand(i, end, form, body.name, body.type))
                covered[i:end] = b"\x01" * (end - i)
    return sorted(out, key=lambda c: c.start)


def _occurrences(text: str, forms: Iterable[str]) -> dict[str, list[int]]:
    """Where each form starts in `text`, in text order: one Aho-Corasick pass for all of them, not one
    search of the whole text per form (a page of many `(이하 …)` definitions made that quadratic)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for form in forms:
        automaton.add_word(form, form)
    automaton.make_automaton()
    found: dict[str, list[int]] = {}
    for end, form in automaton.iter(text):
        found.setdefault(form, []).append(end - len(form) + 1)
    for starts in found.values():
        starts.sort()
    return found


def _spaced_names(sent: Sentence, lexicon: Lexicon) -> Iterator[_Cand]:
    """A known name written with spaces inside it (싸토리우스 코리아바이오텍, 한국 바이오협회, 국가 바이오
    위원회): two or three words whose cores joined are a known form."""
    words = _words(sent)
    for i, a in enumerate(words):
        if not a.pure or len(a.core) < 2:
            continue
        joined, last = a.core, a
        for b in words[i + 1:i + 3]:
            if b.start - last.end != 1:
                break
            joined += b.core
            entry = lexicon.lookup(joined)
            if entry is not None:
                yield _Cand(a.start, b.end, sent.text[a.start - sent.start:b.end - sent.start], entry.name, entry.type)
                break
            if not b.pure:
                break
            last = b


def _foreign_bodies(sent: Sentence, lexicon: Lexicon) -> Iterator[_Cand]:
    """A ministry or agency after a country's name is that country's (영국 산업통상부, 사우디아라비아 투자부):
    named with the country, never the Korean body of the same name."""
    for m in _FOREIGN.finditer(sent.text):
        if m.group("country") in lexicon.rules.countries:
            yield _Cand(sent.start + m.start(), sent.start + m.end(), m.group(), m.group(), "government")


def _credit(text: str, start: int, end: int) -> bool:
    """An outlet named as the source of the copy or a photo, not as a party to the story: a dateline
    `(서울=연합뉴스)`, `/연합뉴스`, `사진=뉴시스`, `ⓒ뉴스1`, a bare name closing a caption or a line. An
    outlet in the story is written on with a particle (`연합뉴스와의 인터뷰`, `뉴시스에 따르면`)."""
    before = text[max(0, start - 2):start]
    after = text[end:end + 1]
    return bool(re.search(r"[=/ⓒ©]\s*$", before)) or not _HANGUL.match(after)


def _canonical(surface: str, lexicon: Lexicon) -> tuple[str, OrgType]:
    entry = lexicon.lookup(surface)
    if entry:
        return entry.name, entry.type
    name = re.sub(r"\s+", " ", surface).strip()
    head, _, unit = name.partition(" ")
    parent = lexicon.lookup(head) if unit else None
    if parent is not None:  # 연세대 디지털헬스케어사업단: a unit is named with its body's full name
        name = f"{parent.name} {unit}"
    return name, lexicon.org_type_of(surface.replace(" ", ""))


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
        for n, t in enumerate(toks):
            # a word cannot start with a determiner or a particle: Kiwi cut a name (한|빛…, 의|과학대학원)
            misread = n == 0 and len(toks) > 1 and (t.tag == "MM" or t.tag.startswith("J")) \
                and toks[1].tag in _NOUNISH and toks[1].start == t.end
            # 김해|의|생명산업진흥원: Kiwi reads the 의 of 의생명 inside one written word as a particle
            inside = 0 < n < len(toks) - 1 and t.form == "의" and t.tag == "JKG" and toks[n - 1].end == t.start \
                and toks[n - 1].tag == "NNP" and toks[n + 1].start == t.end and toks[n + 1].tag in _NOUNISH
            if t.tag not in _NOUNISH and not misread and not inside:
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
    suffix = _suffix_of(core, lexicon)
    return None if suffix is None else lexicon.suffixes_by_length_map[suffix]


def _suffix_of(core: str, lexicon: Lexicon) -> str | None:
    """The longest organisation suffix rule `core` ends with."""
    for size, by_suffix in lexicon.suffixes_by_length:  # longest first, as the rules are ordered
        key = core[-size:] if size else ""
        if key in by_suffix:
            return key
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
            if any(b in prev.core for b in rules.bylines):
                break  # 명정삼 기자|조원휘 대전시의회: a byline run into the next line
            known = lexicon.lookup(prev.core)
            if known is not None and (_is_branch(w.core, lexicon)
                                      or not (i - j <= 1 and known.type in _HAS_UNITS and w.core.endswith(_UNITS))):
                break  # two bodies side by side (중소벤처기업부 규제자유특구위원회), unless a unit of its own
            if known is None and _suffix_type(prev.core, lexicon) and prev.core not in rules.generic:
                break  # 한국플라스틱산업협동조합 한국바이오에너지협회: two names with no comma between
            j -= 1
        if j == i and i > 0 and lexicon.lookup(words[i - 1].core) is not None and words[i - 1].pure \
                and not sent.text[words[i - 1].end - sent.start:w.start - sent.start].strip() \
                and _is_branch(w.core, lexicon):
            continue  # 한국화학융합시험연구원 강원센터, 국제백신연구소 안동분원: a branch of the body before it
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
            if flat in rules.generic or "·" in surface or "-" in surface or len(flat) <= 2:
                break
            site = w.pure and i + 1 < len(words) and words[i + 1].core in _SITE_WORDS \
                and w.core.endswith(("밸리", "단지", "특구"))  # 광교테크노밸리 바이오부지; 진흥원 부지 is its land
            if not lexicon.lookup(surface) and ((_is_kind(flat, words[k].core, lexicon)
                                                 and not _named_hospital(words[k:i + 1])) or site
                                                or any(f in flat for f in rules.facility_words)):
                break
            name, t = _canonical(surface, lexicon)
            yield _Cand(words[k].start, w.end, surface, name, t if lexicon.lookup(surface) else type_)
            break


def _is_kind(flat: str, first: str, lexicon: Lexicon) -> bool:
    """A unit every body may have, named by its kind (창업보육센터, 진료센터, 임상병원, 분양심사위원회, 조성공사):
    a facility suffix after a few syllables of common nouns, with no place or known body at the start."""
    rules = lexicon.rules
    if not flat.endswith(rules.kind_suffixes) or flat.endswith(("대학교병원", "대학병원")):
        return False
    # the syllables before the kind (센터, not the suffix rule 지원센터): 신약개발지원센터 names what it supports,
    # 창업지원센터 does not
    suffix = max((x for x in rules.kind_suffixes if flat.endswith(x)), key=len)
    head = flat[:-len(suffix)]
    if len(head) > rules.kind_syllables or not head:
        return not head
    return not (_is_place(first, lexicon) or any(head.startswith(p) for p in rules.places)
                or lexicon.lookup(head) is not None or not _HANGUL_WORD.fullmatch(head))


def _named_hospital(words: Sequence[_Word]) -> bool:
    """A hospital whose name Kiwi reads as a proper noun, or as one word of three syllables or more before
    병원 that it does not take apart (베스티안병원, 마디사랑병원): a name, where the kinds every town has
    (요양병원, 전문병원, 시립병원) are a common noun and 병원, always split, and a two-syllable word Kiwi
    keeps whole (융합병원) is a kind too."""
    last = words[-1]
    return last.core.endswith("병원") and (
        (len(last.tags) == 1 and len(last.core) >= 5) or any(t == "NNP" for w in words for t in w.tags))


def _is_branch(core: str, lexicon: Lexicon) -> bool:
    """A place and a branch word (강원센터, 안동분원, 충북지사): the local office of the body named before it."""
    for branch in BRANCHES:
        if core.endswith(branch) and len(core) > len(branch):
            place = core[:-len(branch)]
            if place in lexicon.rules.places or _is_place(place, lexicon) or lexicon.lookup(place + "시") is not None:
                return True
    return False


def _enumeration(w: _Word, lexicon: Lexicon) -> Iterator[_Cand]:
    """Names run together with `·` or `-`: "대구경북·오송첨단의료산업진흥재단" (the parts before the last share
    its suffix), "인천광역시-인천테크노파크-연세대학교" and "인천-가천대길병원" (the partners of an agreement)."""
    if "·" not in w.core and "-" not in w.core:
        return
    parts = [(m.start(), m.group()) for m in _PART.finditer(w.core)]
    last = parts[-1][1]
    if any(len(p) < 2 for _, p in parts):
        return  # 산·학·연·관 and the like
    places = set(lexicon.rules.places)
    tail = None
    for k in range(2, len(last) - 1):
        if last[:k] in places and _suffix_type(last[k:], lexicon):
            tail = last[k:]
    for offset, p in parts:
        if p in lexicon.rules.generic or (not lexicon.lookup(p) and _is_kind(p, p, lexicon)):
            continue
        if _suffix_type(p, lexicon) or lexicon.lookup(p):
            full = p
        elif tail and p in places:
            full = p + tail
        else:
            continue
        name, t = _canonical(full, lexicon)
        yield _Cand(w.start + offset, w.start + offset + len(p), p if full == p else full, name, t)


def _lexicon_forms(sent: Sentence, lexicon: Lexicon) -> Iterator[_Cand]:
    """Every occurrence of a known form that stands as a word (or starts one, before a particle), in text
    order; one form's occurrences never overlap each other."""
    text = sent.text
    n = len(text)
    next_free: dict[int, int] = {}  # form's place in scan_forms -> where its next occurrence may start
    found = [(last + 1 - len(form), k, form, entry) for last, (k, form, entry) in lexicon.scan_automaton.iter(text)]
    for i, k, form, entry in sorted(found, key=lambda f: (f[0], f[1])):
        end = i + len(form)
        if next_free.get(k, 0) > i or (i and text[i - 1].isalnum()):
            continue
        after = text[end] if end < n else " "
        ascii_form = form.isascii()
        if (ascii_form and after.isascii() and after.isalnum()) \
                or (ascii_form and text.startswith(lexicon.rules.venue_suffixes, end)) \
                or _runs_on(sent, sent.start + end, lexicon):
            continue  # IBS타워: a building named with the letters, not the body
        next_free[k] = end
        if entry.type == "government" and _is_region(entry.name, lexicon) and text.startswith(_COUNCIL_TITLES, end):
            # 원주시의장, 인천시의원: the chair or a member of the city's council, which the title names
            yield _Cand(sent.start + i, sent.start + end, form, entry.name + "의회", "council")
            continue
        yield _Cand(sent.start + i, sent.start + end, form, entry.name, entry.type)


_COUNCIL_TITLES = ("의장", "부의장", "의원")


def _runs_on(sent: Sentence, end: int, lexicon: Lexicon) -> bool:
    """The word goes on past a known name into another noun (싸토리우스코리아|바이오텍, 셀트리온|제약): the
    name is the start of a longer one, not this one. A title written on (보건복지부장관, 화순군수) ends the name."""
    word_end = end
    text, base = sent.text, sent.start
    while word_end - base < len(text) and not text[word_end - base].isspace() and text[word_end - base] not in _STOPS:
        word_end += 1
    if word_end == end:
        return False
    rest = [t for t in sent.tokens if end <= t.start < word_end]
    if not rest or rest[0].start != end or rest[0].tag not in ("NNG", "NNP", "SL", "SH"):
        return False
    tail = text[end - base:word_end - base]
    joined = text[end - base - 1:word_end - base]  # a title may share the name's last syllable: 화순군|수
    return not any(tail.startswith(title) or joined.startswith(title) for title in lexicon.titles())


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
