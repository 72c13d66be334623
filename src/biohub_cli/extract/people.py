"""People: Korean names next to a title, with the organisation the text gives them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from biohub_cli.extract.intervals import SpanIndex
from biohub_cli.extract.lexicon import Lexicon
from biohub_cli.extract.orgs import _is_name_like, _Word, _words
from biohub_cli.models.facts import OrgMention, PersonMention
from biohub_cli.models.stages import Analysed, Sentence

_ORDINAL_TITLE = re.compile(r"^(\d)(차관|부시장|부지사)$")
_EN_NAME = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+(?:-[a-z]+)?)\b")
_CITY_TITLES = ("시장", "부시장", "국장", "본부장", "과장", "실장", "팀장", "단장")
_LATIN_PREFIX = re.compile(r"([A-Za-z][A-Za-z&]{1,9})[가-힣]")
_ACTING = re.compile(r"\s?((?:직무|권한)\s?대행|대행)(?:(?![가-힣])|(?=[은는이가을를과와의도에]))")
_NAME_DOTS = "·․ㆍ・"


def find_people(analysed: Analysed, orgs: Sequence[OrgMention], lexicon: Lexicon) -> list[PersonMention]:
    """Named people with a title next to their name; bylines and unnamed office holders give nothing."""
    text = analysed.document.text
    home = _home_city(orgs, text)
    reporter = analysed.document.metadata.reporter or ""
    near = SpanIndex(orgs, _org_span)  # each name asks which organisations are near it: no scan of them all
    out: list[PersonMention] = []
    for sent in analysed.sentences:
        if sent.segment != "body":
            continue
        words = _foreign_names(_name_words(sent, lexicon), sent, lexicon, near)
        for i in range(len(words)):
            if _inside_org(words[i], near):
                continue  # 인실리코 메디슨 대표: a word of a body's name is nobody
            w, found = _whole_name(words, i, text, lexicon, near)
            if found is None and (_is_person_name(w, lexicon) or _is_common_noun_name(w, words, i, lexicon)
                                  or " " in w.core or _listed_foreign(w, text, lexicon, near)):
                found = _title_after(words, i, lexicon, near, text) or _title_before(words, i, lexicon, text)
            if found is None or w.core == reporter or _is_byline(words, i, lexicon):
                continue
            title, span = found
            title, span, prefix_org = _acting_and_prefix(title, span, text, lexicon)
            org = prefix_org or _org_in(near, span, w) or (home if title.endswith(_CITY_TITLES) else None)
            person = PersonMention(name=w.core, title=title, organization=org,
                                   evidence=analysed.evidence(w.start, w.end))
            out += [*_listed_before(person, text, analysed, lexicon), person]
    return _english_names(analysed, _fill_orgs(out), lexicon)


def _org_span(o: OrgMention) -> tuple[int, int]:
    return o.evidence.start, o.evidence.end


def _inside_org(w: _Word, orgs: SpanIndex[OrgMention]) -> bool:
    return orgs.covers(w.start, w.end)


def _foreign_names(words: list[_Word], sent: Sentence, lexicon: Lexicon, orgs: SpanIndex[OrgMention]) -> list[_Word]:
    """Two proper nouns that are no Korean name, no body and no place, side by side (다마쓰카 겐이치, 알렉스
    자보론코프), are one person's name when a title follows: the words, with such pairs joined."""
    out: list[_Word] = []
    i = 0
    while i < len(words):
        a = words[i]
        b = words[i + 1] if i + 1 < len(words) else None
        titled = i + 2 < len(words) and words[i + 2].start - b.end == 1 and _title_of(words[i + 2], lexicon) \
            if b is not None else False
        if b is not None and b.start - a.end == 1 and sent.text[a.end - sent.start] == " " \
                and ((_foreign_word(a, lexicon, orgs) and _foreign_word(b, lexicon, orgs))
                     or (titled and _given_name_after_family(a, b, lexicon, orgs))):
            out.append(_Word(a.start, b.end, f"{a.core} {b.core}", b.pure, (*a.tags, *b.tags)))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _given_name_after_family(a: _Word, b: _Word, lexicon: Lexicon, orgs: SpanIndex[OrgMention]) -> bool:
    """노무라 류타 회장: a proper noun and a two-syllable proper noun before a title are a foreign family and
    given name, even where each looks like a Korean name (a Korean full name is one word)."""
    return len(b.core) == 2 and a.pure and _proper_word(a, lexicon, orgs) and _proper_word(b, lexicon, orgs)


def _foreign_word(w: _Word, lexicon: Lexicon, orgs: SpanIndex[OrgMention]) -> bool:
    return _proper_word(w, lexicon, orgs) and not _is_name_like(w.core, lexicon) \
        and w.core not in lexicon.rules.generic and _title_of(w, lexicon) is None


def _proper_word(w: _Word, lexicon: Lexicon, orgs: SpanIndex[OrgMention]) -> bool:
    """A Hangul proper noun that is no body, no place and no country (a word of a person's name, maybe)."""
    core = w.core
    return bool(w.tags) and all(t == "NNP" for t in w.tags) and 2 <= len(core) <= 8 \
        and bool(_HANGUL_RUN.fullmatch(core)) and lexicon.lookup(core) is None \
        and core not in lexicon.rules.places and core not in lexicon.rules.countries \
        and core not in lexicon.abbreviations and not _inside_org(w, orgs)


def _listed_foreign(w: _Word, text: str, lexicon: Lexicon, orgs: SpanIndex[OrgMention]) -> bool:
    """김덕상·브르노루악푀예르 공동대표: a foreign proper noun listed after a name with a middle dot."""
    if w.start < 3 or text[w.start - 1] not in _NAME_DOTS or not _foreign_word(w, lexicon, orgs):
        return False
    first = w.start - 1
    while first > 0 and "가" <= text[first - 1] <= "힣":
        first -= 1
    return _is_name_like(text[first:w.start - 1], lexicon)


def _acting_and_prefix(title: str, span: tuple[int, int], text: str,
                       lexicon: Lexicon) -> tuple[str, tuple[int, int], str | None]:
    """`사장 직무대행`, `시장 권한대행`: the acting holder's title is written whole. A body's Latin short form
    written onto the title (LH사장, GH사장) is the body, not part of the title."""
    org = None
    m = _LATIN_PREFIX.match(title)
    if m and lexicon.lookup(m.group(1)) is not None:
        org = lexicon.lookup(m.group(1)).name  # type: ignore[union-attr]
        title = title[m.end(1):]
    acting = _ACTING.match(text, span[1])
    if acting:
        title = f"{title} {acting.group(1)}"
        span = (span[0], acting.end(1))
    return title, span, org


def _listed_before(person: PersonMention, text: str, analysed: Analysed, lexicon: Lexicon) -> list[PersonMention]:
    """김성진·김명호·김대일 도의원, 김덕상·브르노루악푀예르 공동대표: the names listed before a titled name
    with a middle dot share its title and body."""
    out: list[PersonMention] = []
    start = person.evidence.start
    while start > 1 and text[start - 1] in _NAME_DOTS:
        first = start - 1
        while first > 0 and "가" <= text[first - 1] <= "힣" and start - 1 - first < 10:
            first -= 1
        name = text[first:start - 1]
        if len(name) < 2:
            break
        if not (_is_name_like(name, lexicon) or (len(name) >= 3 and lexicon.lookup(name) is None
                                                 and name not in lexicon.rules.places)):
            break
        out.insert(0, person.model_copy(update={"name": name, "evidence": analysed.evidence(first, start - 1)}))
        start = first
    return out


def _is_person_name(w: _Word, lexicon: Lexicon) -> bool:
    """Name-like, and kiwi reads it as a proper noun or as loose syllables, not as a common noun (오후, 전략)."""
    if not _is_name_like(w.core, lexicon) or w.core in lexicon.rules.generic or w.core in lexicon.rules.places:
        return False
    if w.core in lexicon.people:
        return True
    return bool(w.tags) and (w.tags[0] == "NNP" or len(w.tags) == len(w.core))


def _is_common_noun_name(w: _Word, words: list[_Word], i: int, lexicon: Lexicon) -> bool:
    """최선 is also a common noun: a person only right before a title of three syllables or more."""
    if not (_is_name_like(w.core, lexicon) and w.pure and w.tags == ("NNG",)):
        return False
    for k in (i + 1, i + 2):
        if k < len(words) and words[k].start - words[k - 1].end <= 1:
            title = _title_of(words[k], lexicon)
            if title:
                return len(title) >= 3
            if not words[k].pure or _is_name_like(words[k].core, lexicon) or "NNP" in words[k].tags \
                    or not words[k].core.isalpha() or words[k].core in _NOT_MODIFIERS:
                return False  # `전문가 가운데 대통령이`: a word of the sentence, no modifier of a title
    return False


def _title_of(w: _Word, lexicon: Lexicon) -> str | None:
    found: str | None = lexicon.remembered("title_of", w.core, _find_title)
    if found is not None and _a_market(w):
        return None
    return found


def _a_market(w: _Word) -> bool:
    """전통시장, 세계시장, 바이오시장 are markets: kiwi reads common nouns before 시장. A mayor's title is one
    word to kiwi (인천시장, 청주시장) or follows a place's proper noun (수원 + 시장)."""
    return w.core.endswith("시장") and not w.core.endswith("부시장") and len(w.tags) >= 2 \
        and all(t == "NNG" for t in w.tags)


# words of the sentence that never modify a title (`전문가 가운데 대통령이`, `이번 회의`)
_NOT_MODIFIERS = frozenset({"가운데", "이번", "당시", "현재", "향후", "이날", "그동안", "최근", "합동", "중", "등"})
# words that end like a title and are none: 소부장 is 소재·부품·장비 (materials, parts and equipment)
_NOT_TITLES = frozenset({"소부장"})


def _find_title(core: str, lexicon: Lexicon) -> str | None:
    if core in _NOT_TITLES:
        return None
    if core.endswith(lexicon.rules.venue_suffixes) and not _place_and_title(core, lexicon):
        return None  # 전시장 is a hall, not a mayor; 대전시장 is the mayor of 대전
    for t in lexicon.titles():
        if core.endswith(t) and len(core) <= len(t) + 8:
            m = _ORDINAL_TITLE.match(core)
            return f"제{m.group(1)}{m.group(2)}" if m else core
    return None


def _place_and_title(core: str, lexicon: Lexicon) -> bool:
    """A place or a body, then a title: 대전시장 (대전 + 시장, not 대 + 전시장), 인천시장, 원주시의장."""
    places = lexicon.rules.places | lexicon.abbreviations
    return any(core.endswith(t) and (core[:-len(t)] in places or lexicon.lookup(core[:-len(t)]) is not None)
               for t in lexicon.titles() if len(core) > len(t))


def _name_words(sent: Sentence, lexicon: Lexicon) -> list[_Word]:
    """The sentence's noun words, and the three-syllable words shaped like a name that kiwi found no noun at
    the start of (전하필: the determiner 전 + the adverb 하필), with kiwi's tags: candidates for _whole_name."""
    words = _words(sent)
    starts = {w.start for w in words}
    token_starts = [t.start for t in sent.tokens]
    extra = []
    for m in _AFTER_DOT.finditer(sent.text):  # 김덕상·브르노루악푀예르: each listed name is a word of its own
        a = sent.start + m.start(1)
        if a not in starts:
            tokens = sent.tokens[bisect_left(token_starts, a):bisect_left(token_starts, a + len(m.group(1)))]
            extra.append(_Word(a, a + len(m.group(1)), m.group(1), m.end() == len(sent.text) or
                               not "가" <= sent.text[m.end()] <= "힣", tuple(t.tag for t in tokens)))
    for m in _THREE_SYLLABLES.finditer(sent.text):
        a = sent.start + m.start()
        if a not in starts and _is_name_like(m.group(), lexicon):
            tokens = sent.tokens[bisect_left(token_starts, a):bisect_left(token_starts, a + 3)]
            extra.append(_Word(a, a + 3, m.group(), True, tuple(t.tag for t in tokens)))
    return sorted([*words, *extra], key=lambda w: w.start) if extra else words


_THREE_SYLLABLES = re.compile(r"(?<![가-힣])[가-힣]{3}(?![가-힣])")
_AFTER_DOT = re.compile(r"[가-힣][·․ㆍ・]([가-힣]{2,10})")


def _whole_name(words: list[_Word], i: int, text: str, lexicon: Lexicon,
                orgs: SpanIndex[OrgMention]) -> tuple[_Word, tuple[str, tuple[int, int]] | None]:
    """최경은 다솜오가노이드 대표, 김지은 인천시 과장: kiwi reads 최경 + the particle 은, or 김 + a verb form,
    but a three-syllable word that looks like a name and stands right before its title is the name (a
    topic before its own title is no Korean: "최경 … 대표는"). Not when the title is the predicate
    (최경은 … 대표로 선임됐다). The word as kiwi read it, and no title, otherwise."""
    w = words[i]
    whole = _HANGUL_RUN.match(text, w.start)
    if whole is None or len(whole.group()) != 3 or not _is_name_like(whole.group(), lexicon):
        return w, None
    pieces = whole.group() == w.core and len(w.tags) > 1 and "NNP" not in w.tags  # 고지 + 선, 전 + 하필
    if whole.group() == w.core and not pieces:
        return w, None
    if w.tags == ("NNG",) and len(w.core) == 2 and _particle_after(w, text):
        return w, None  # 백신의 해외 시장: a common noun and its particle, not 최경 + 은
    name = _Word(w.start, whole.end(), whole.group(), True, ("NNP",))
    found = _title_after([name, *words[i + 1:i + 6]], 0, lexicon, orgs, text)  # the words _title_after reads
    if found is None:
        return w, None
    title_end = found[1][1]
    if text.startswith(_PREDICATE, title_end):
        return w, None
    if pieces and w.core[-1] in _BODY_SYLLABLES \
            and not any(o.evidence.end < title_end for o in orgs.starting_in(name.end + 1, title_end)):
        return w, None  # common nouns read in pieces (이사회 의장): a name only with its organisation between
    return name, found


_HANGUL_RUN = re.compile(r"[가-힣]+")
_PARTICLE_SYLLABLES = frozenset("의은는이가을를과와도에")
# the last syllable of a common noun naming a body or a meeting (이사회, 위원단, 추진단): no name ends the title's way
_BODY_SYLLABLES = frozenset("회단원청부처실국과팀소관반")


def _particle_after(w: _Word, text: str) -> bool:
    return text[w.end:w.end + 1] in _PARTICLE_SYLLABLES
_PREDICATE = ("로", "으로", "이다", "다", "였", "이었", "입니다", "이며", "이고", "을", "를", "에")


def _title_after(words: list[_Word], i: int, lexicon: Lexicon, orgs: SpanIndex[OrgMention],
                 text: str) -> tuple[str, tuple[int, int]] | None:
    """하병필 행정부시장 / 박민수 보건복지부 2차관 / 서병조 인천바이오헬스밸리 추진협의회 위원장.

    최선 첨단바이오 비서관: between the name and the title there may be an organisation, 시/市, or one modifier word."""
    for k in range(i + 1, min(len(words), i + 5)):
        gap = text[words[k - 1].end:words[k].start]
        if words[k].core in _DISTRICTS and gap == "(" and text.startswith(")", words[k].end):
            continue  # 인천 연수구(을) 국회의원: the electoral district
        if gap == "(" and words[k].core.isascii() and text.startswith(")", words[k].end) and k > i + 1 \
                and orgs.covers(words[k - 1].start, words[k - 1].end):
            continue  # 이상엽 한국과학기술원(KAIST) 부총장: the body's English short name
        if gap.startswith(")") and text[words[k - 1].start - 1:words[k - 1].start] == "(":
            gap = gap[1:]
        if len(gap) > 2 or not _joins(gap):
            return None
        title = _title_of(words[k], lexicon)
        if title:
            if title == "시장" and k > i + 1 and not orgs.covers(words[k - 1].start, words[k - 1].end) \
                    and words[k - 1].core not in lexicon.rules.places | lexicon.abbreviations:
                return None  # `제주지역 바이오 시장을`: a market, not a mayor (no city before the title)
            return title, (words[i].end, words[k].end)  # the title word may name the body (성남시장)
        w = words[k]
        in_org = orgs.covers(w.start, w.end)
        modifier = (k + 1 < len(words) and _title_of(words[k + 1], lexicon) is not None
                    and not _is_name_like(w.core, lexicon)
                    and w.core not in _NOT_MODIFIERS)  # 첨단바이오 비서관, 다솜오가노이드 대표
        if not w.pure or not (in_org or w.core in ("시", "市", "도") or modifier):
            return None
    return None


_DISTRICTS = frozenset({"갑", "을", "병", "정"})


def _joins(gap: str) -> bool:
    """What may stand between a name, its organisation and its title: spaces and a particle, no punctuation
    (a comma starts the next person of a list)."""
    return all(ch.isspace() or "가" <= ch <= "힣" for ch in gap)


def _title_before(words: list[_Word], i: int, lexicon: Lexicon, text: str) -> tuple[str, tuple[int, int]] | None:
    """미래산업국장 이남주 / (시장 박남춘) / 인천시 미래산업국장 이남주; not across a comma (… 도지사, 최경)."""
    if i == 0 or not words[i - 1].pure or words[i].start - words[i - 1].end > 2 \
            or text[words[i - 1].end:words[i].start].strip():
        return None
    title = _title_of(words[i - 1], lexicon)
    if not title:
        return None
    k = i - 1
    return title, (words[k - 1].start if k > 0 else words[k].start, words[k].start)


def _is_byline(words: list[_Word], i: int, lexicon: Lexicon) -> bool:
    nxt = words[i + 1].core if i + 1 < len(words) else ""
    return any(nxt.startswith(b) for b in lexicon.rules.bylines)


def _org_in(orgs: SpanIndex[OrgMention], span: tuple[int, int], name: _Word) -> str | None:
    """The organisation named between the name and its title, or right before them."""
    a, b = span
    inside = orgs.within(a, b + 1)
    if inside:
        return inside[-1].name
    before = orgs.ending_in(min(a, name.start) - 2, min(a, name.start) + 1)
    return before[-1].name if before else None


def _home_city(orgs: Sequence[OrgMention], text: str) -> str | None:
    """The city or province a release speaks for: the first local government that is a subject, else the first."""
    local = [o for o in sorted(orgs, key=lambda o: o.evidence.start)
             if o.type == "government" and o.name.endswith(("광역시", "특별시", "특별자치시", "시", "도"))]
    for o in local:
        if text[o.evidence.end:o.evidence.end + 1] in ("는", "은", "가", "이", "와", "과", "("):
            return o.name
    return local[0].name if local else None


def _fill_orgs(people: list[PersonMention]) -> list[PersonMention]:
    """A person named twice in a document keeps the organisation given once."""
    known = {p.name: p.organization for p in people if p.organization}
    return [p if p.organization or p.name not in known else p.model_copy(update={"organization": known[p.name]})
            for p in people]


def _english_names(analysed: Analysed, people: list[PersonMention], lexicon: Lexicon) -> list[PersonMention]:
    """"Vice Mayor Ha Byung-phil" in a translation gives 하병필 his English name (same family name, one match)."""
    text = analysed.document.text
    names_en: dict[str, str] = {}
    by_family: dict[str, set[str]] = {}  # a romanised family name → the people it may stand for
    for p in people:
        for family in lexicon.rules.romanised.get(p.name[0], ()):
            by_family.setdefault(family, set()).add(p.name)
    for seg in analysed.document.segments:
        if seg.kind != "translation":
            continue
        for m in _EN_NAME.finditer(text, seg.start, seg.end):
            before = text[max(seg.start, m.start() - 9):m.start()]
            if "Reporter" in before or "Photo" in before:
                continue
            matches = set(by_family.get(m.group(1), ()))
            if len(matches) == 1:
                names_en.setdefault(matches.pop(), m.group(0))
    return [p.model_copy(update={"name_en": names_en.get(p.name)}) if p.name in names_en else p for p in people]
