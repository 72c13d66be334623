"""Event clauses in a sentence: a cue verb (개최했다, 체결, 발표하며, 열린, 구성됐다) and the name it takes.

Works on Kiwi tokens: a cue noun followed by 하다/되다 or a cue verb stem; the verb either ends its
clause (a predicate: `…를 개최했다`) or describes the noun after it (a modifier: `열린 '…'에서`).
The name is the object before a predicate (quoted when the text quotes it) or the noun phrase after
a modifier.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from biohub_cli.extract.dates.find import DateMention
from biohub_cli.extract.events.cues import Idiom, event_cues, type_of_name
from biohub_cli.extract.events.phrases import (
    LINKING,
    NP_TAGS,
    Phrase,
    closes_quote,
    make_phrase,
    np_token,
    phrase_back,
)
from biohub_cli.extract.spans import QUOTE_PAIRS
from biohub_cli.models.stages import Sentence, Token
from biohub_cli.models.vocab import EventType

_MANNER = frozenset({"서면", "만장일치", "원안", "비대면", "대면", "화상", "온라인"})  # how it was done
_SKIP_BEFORE_VERB = frozenset({"공동", "함께", "직접", "성공적", "성대히", "성황리", "공식", "정식",
                               "최초", "처음", "새롭", "연달", "잇따르", "잇달", "최종", "복수", "추가"})
_VERB_TAGS = frozenset({"XSV", "XSA"})
_SPEECH = re.compile(r"“[^”]*”|\"[^\"]*\"")
# `인천시는 “A와 B가 … 협약을 체결했다”고 28일 밝혔다`: the release quoting its own news is no speech
_RELEASED = re.compile(r".{0,3}(?:했|됐|었|았)다[”\"]\s*고\s*\d{1,2}\s*일\s*밝혔")
_DATE_ONLY = re.compile(r"^[\d\s.,~\-]*(?:\d\s*(?:년|월|일|시|분|차|회)?\s*)+$")
_EDITION = re.compile(r"[가-힣A-Za-z]\s*(?:19|20)\d{2}$")  # `바이오 코리아 2019`: an edition of a series
_AGREED = re.compile(r"합의|뜻을\s?(?:모|같이)|하기로\s?(?:했|합의|뜻)|손을\s?잡")
_HOLDS_EVENTS = frozenset({"개최", "열리", "열", "개막", "참가", "참여"})
_PLANNED = frozenset({"예정", "계획", "방침", "것"})
_ADVERBIAL_CASES = frozenset({"에서", "에", "까지", "부터"})
PLAN_WORDS = frozenset({"예정", "계획", "방침", "목표", "전망", "구상"})
_FUTURE_WORDS = frozenset({"내년", "향후", "앞으로", "연내", "추후", "이듬해"})
_JOINING = frozenset({"·", "ㆍ", "및", ","})  # `선정·발표`, `지정, 발표한`: one act named twice
MAX_NAME_TOKENS = 14      # a name after a modifier (`지정된 반도체·이차전지·… 특화단지`)


@dataclass(frozen=True)
class Cue:
    """A cue verb in a sentence: what it does, where it is, and how it attaches."""

    kind: str         # hold, sign, announce, launch, build, designate, fund, attend, visit, submit, decide, pass,
                      # rename
    stem: str
    start: int        # absolute offsets of the stem
    end: int
    index: int        # token index of the stem in its sentence
    modifier: bool    # `열린 '…'`: the verb describes the noun after it
    passive: bool     # `구성됐다`, `선정됐다`: the subject is what happened
    first: int = -1   # token index where the verb phrase starts: the noun of an idiom (`문을 열었다`)

    @property
    def opening(self) -> int:
        return self.index if self.first < 0 else self.first


def verb_cues(sentence: Sentence, *, nominal: bool = False) -> list[Cue]:
    """The cue verbs of one sentence outside quoted speech, in order. With `nominal`, a line without a
    verb ending (`3일 착공식 개최…신동빈 회장 등 참석`) also names its happening by a bare cue noun."""
    verbs = event_cues().verbs
    toks = sentence.tokens
    speech = [(sentence.start + m.start(), sentence.start + m.end()) for m in _SPEECH.finditer(sentence.text)
              if m.end() - m.start() > 24 and not _RELEASED.match(sentence.text, m.end() - 5)]
    out: list[Cue] = []
    for i, t in enumerate(toks):
        if speech and any(a <= t.start < b for a, b in speech):
            continue
        idiom = _idiom_at(toks, i)
        if idiom is not None:  # `막을 올린 ‘…’`, `센터가 문을 열었다`, `병원이 첫 삽을 떴다`
            out.append(Cue(idiom.kind, idiom.stem, t.start, t.end, i, _modifies(toks, i), False, first=i - 2))
            continue
        if t.tag == "VV" and t.form == "하" and i > 0 and toks[i - 1].tag == "JKO":
            out.append(Cue("hold", "하", t.start, t.end, i, _modifies(toks, i), False))  # `협약을 했다`
            continue
        if t.form == "시작" and 0 < i < len(toks) - 1 and toks[i - 1].tag == "JKO" and toks[i + 1].form == "으로":
            out.append(Cue("hold", "시작", t.start, t.end, i, False, False))  # `기공 발파를 시작으로`: it happened
            continue
        if t.tag == "NNG" and i + 2 < len(toks) and toks[i + 1].form == "화" and toks[i + 1].tag == "XSN" \
                and toks[i + 2].tag == "XSV" and verbs.get(t.form + "화"):
            out.append(Cue(verbs[t.form + "화"], t.form + "화", t.start, toks[i + 1].end, i, _modifies(toks, i + 2),
                           False))  # `건립을 본격화했다`
            continue
        verb_at = _verb_at(toks, i, verbs)
        if verb_at is None and nominal and _ends_nominal(toks, i, verbs):
            out.append(Cue(verbs[t.form], t.form, t.start, t.end, i, False, False))
            continue
        if verb_at is None:
            continue
        passive = toks[verb_at].form == "되" or t.form == "열리"
        modifier = _modifies(toks, verb_at)
        if verbs[t.form] == "announce" and i > 0 and toks[i - 1].tag in ("EC", "JKQ"):
            continue  # `…다고 발표했다` reports; it is not an announcement event
        if verbs[t.form] == "rename" and not _renames(toks, i):
            continue  # `계획을 변경`, `구조를 바꾸`: no name changes
        out.append(Cue(verbs[t.form], t.form, t.start, t.end, i, modifier, passive))
    return out


def _ends_nominal(toks: tuple[Token, ...], i: int, verbs: dict[str, str]) -> bool:
    """`착공식 개최…`, `협약 체결,`: a cue noun closing a verbless line or one of its parts."""
    t = toks[i]
    if t.tag != "NNG" or t.form not in verbs or any(x.tag == "EF" for x in toks):
        return False
    return i + 1 == len(toks) or toks[i + 1].tag in ("SE", "SF", "SP", "SS", "SSO", "SSC", "SO", "SW")


def _idiom_at(toks: tuple[Token, ...], i: int) -> Idiom | None:
    """`막을 올리다`, `막이 오르다`, `문을 열다`, `첫 삽을 뜨다`: a noun, its particle and a verb."""
    t = toks[i]
    if not t.tag.startswith("VV") or i < 2 or toks[i - 1].tag not in ("JKO", "JKS"):
        return None
    return next((d for d in event_cues().idioms if t.form in d.verbs and toks[i - 2].form == d.noun), None)


def _modifies(toks: tuple[Token, ...], i: int) -> bool:
    """The verb at i describes the noun after it (`열린 ‘…’`); `개최할 예정이다` ends its clause."""
    k = i + 1
    while k < len(toks) and toks[k].tag == "EP":
        k += 1
    return k < len(toks) and toks[k].tag == "ETM" and not (k + 1 < len(toks) and toks[k + 1].form in _PLANNED)


def _renames(toks: tuple[Token, ...], i: int) -> bool:
    """`이름을 '…'으로 바꿨다`, `명칭을 변경`, `명칭 변경`: a name noun among the few tokens before."""
    if toks[i].form in ("개칭", "개명"):
        return True
    nouns = event_cues().rename_objects
    return any(t.form in nouns for t in toks[max(0, i - 8):i])


def _verb_at(toks: tuple[Token, ...], i: int, verbs: dict[str, str]) -> int | None:
    """Where the verb of a cue at token i is: `개최/NNG 하/XSV`, `열리/VV`, `선정·발표했다` (one act)."""
    t = toks[i]
    if t.tag == "VV":
        return i if t.form in verbs else None
    if t.tag not in ("NNG", "NNP", "SL") or t.form not in verbs or i + 1 >= len(toks):
        return None
    if i >= 2 and toks[i - 1].form in _JOINING and toks[i - 2].form in verbs:
        return None  # the second noun of `선정·발표`, `지정, 발표한`
    nxt = toks[i + 1]
    if nxt.tag in _VERB_TAGS or (nxt.tag == "VV" and nxt.form in ("하", "되")):
        return i + 1
    if nxt.form in _JOINING and i + 3 < len(toks) and toks[i + 2].form in verbs \
            and toks[i + 3].tag in _VERB_TAGS:
        return i + 3
    return None


def is_planned(sentence: Sentence, cue: Cue) -> bool:
    """The clause of a cue is a plan, a target or a condition, not something done: `평가위원회를 열 예정이다`,
    `상반기 중 지정할 계획이다`, `2012년 말 완공을 목표로`, `서류를 제출하면 된다`, `내년에 착공한다`."""
    if any(t.form in _FUTURE_WORDS or (t.tag == "EC" and t.form in ("면", "으면"))
           for t in sentence.tokens[:cue.index]):
        return True  # `내년에 착공한다`, `우선협상자가 정해지면 … 계약을 체결한다`
    for t in sentence.tokens[cue.index + 1:]:
        if t.form in PLAN_WORDS:
            return True
        if t.tag == "EC" and t.form in ("면", "으면"):
            return True
        if t.tag in ("EF", "SF") or (t.tag == "EC" and t.form not in ("ㄹ", "을", "ᆯ")):
            return False
    return False


_AFTER = frozenset({"뒤", "후", "다음", "이후"})


def another_step_between(sentence: Sentence, start: int, cue: Cue) -> bool:
    """`30일 사업제안서를 접수한 뒤 … 평가위원회를 연다`: a clause ending in `…한 뒤` lies between the offset
    (a date's end) and the cue, so a date there is that earlier step's."""
    toks = [t for t in sentence.tokens if start <= t.start < cue.start]
    return any(t.tag == "ETM" and n + 1 < len(toks) and toks[n + 1].form in _AFTER for n, t in enumerate(toks))


def object_of(sentence: Sentence, cue: Cue, skip: Sequence[tuple[int, int]] = ()) -> Phrase | None:
    """The name a cue verb takes: `‘…’를 개최`, `2건의 협약을 체결`, `특화단지로 지정`, `협약 체결`.

    Dates (`skip`, absolute spans) and a place or period (`…서울 코엑스에서`, `…9일까지`) between the
    object and its verb are passed over: `‘…’를 오는 5월 7일부터 9일까지 서울 코엑스에서 연다`."""
    toks = sentence.tokens
    j = cue.opening - 1
    if j >= 2 and toks[j].form in ("·", "ㆍ") and toks[j - 1].tag == "NNG":
        j -= 2  # `지정안을 심의·의결`
    j = _before_aside(toks, j)  # `…산업기술단지(이하 단지) 지정·승인을 받았다`
    while j >= 0:
        if j > 0 and toks[j].tag == "JKB" and toks[j].form in ("로", "으로") and toks[j - 1].form in _MANNER:
            j -= 2  # `…계획을 서면으로 심의·의결했다`: how it was done
        elif toks[j].tag == "MAG" or toks[j].form in _SKIP_BEFORE_VERB \
                or any(a <= toks[j].start < b for a, b in skip) \
                or (toks[j].tag in ("JKB", "EC") and j > 0 and toks[j - 1].form in _SKIP_BEFORE_VERB):
            j -= 1  # `이날 정식 출범했다`
        else:
            break
    if j > 0 and toks[j].form in ("도", "는", "은") and toks[j - 1].tag in ("JKB", "JKO"):
        j -= 1  # `…특구로도 추가 선정`: 도 is a particle (Kiwi may read it as a bound noun), not a name
    if j < 0:
        return None
    # `…로 지정`, `…로 출범`; but `…으로 구성됐다` says what something consists of
    takes_to = cue.kind in ("designate", "launch", "rename") and cue.stem not in ("구성", "결성")
    if not (toks[j].tag == "JKO" or (toks[j].tag == "JKB" and toks[j].form in ("로", "으로") and takes_to)
            or (toks[j].tag == "JKB" and toks[j].form == "에" and cue.stem == "착수")):
        j = _past_adverbials(toks, j, skip, attend=cue.kind == "attend")
    if j < 0:
        return None
    takes_at = cue.kind == "attend" or cue.stem == "착수"  # `'…'에 참가`, `공사에 착수`
    if toks[j].tag == "JKO" or (toks[j].tag == "JKB" and toks[j].form in ("로", "으로") and takes_to) \
            or (toks[j].tag == "JKB" and toks[j].form in ("에", "에서") and takes_at):
        j -= 1
    elif toks[j].tag not in NP_TAGS and not closes_quote(toks[j]):
        return None
    if j < 0:
        return None
    phrase = phrase_back(sentence, j, bridge=True)
    if phrase is not None and cue.kind == "decide":
        phrase = _with_items_before(sentence, phrase)
    if phrase is not None and (_DATE_ONLY.match(phrase.text) or len(phrase.text.strip()) < 2):
        return None  # `2019년 7월 (최초로) 구성됐다`: a date, not a name; one syllable names nothing
    return phrase


def _with_items_before(sentence: Sentence, phrase: Phrase) -> Phrase:
    """The items decided together: `… 특화단지 지정, 전략기술 신규 지정 및 변경 계획을 의결` → the whole list."""
    toks = sentence.tokens
    start = phrase.start
    for _ in range(3):
        k = next((n for n in range(len(toks) - 1, -1, -1) if toks[n].end <= start), None)
        if k is None or k == 0 or toks[k].form not in (",", "및") or toks[k].start < start - 3:
            break
        before = phrase_back(sentence, k - 1, bridge=False)
        if before is None:
            break
        start = before.start
    if start == phrase.start:
        return phrase
    return make_phrase(sentence, start, phrase.end) or phrase


_FROM = re.compile(r"\s*부터")


def starts_a_modifier(sentence: Sentence, d: DateMention, cue: Cue) -> bool:
    """`1998년부터 추진 중인 전략의 결과 … 지정됐다`: a year that starts an ongoing thing, in a relative clause
    before the cue, dates that clause and not the act."""
    return d.date.day is None and _FROM.match(sentence.text, d.end - sentence.start) is not None \
        and any(t.tag == "ETM" and d.end <= t.start < cue.start for t in sentence.tokens)


def _before_aside(toks: tuple[Token, ...], j: int) -> int:
    """The token before a defining aside that ends at j (`(이하 단지)`, `(이하 ‘센터’)`), else j."""
    if j < 0 or toks[j].form != ")":
        return j
    for k in range(j - 1, max(-1, j - 12), -1):
        if toks[k].form == "(":
            return k - 1 if k + 1 < j and toks[k + 1].form == "이하" else j
    return j


def purpose_of(sentence: Sentence, cue: Cue) -> Phrase | None:
    """What a resolution is for: `…특화단지 유치를 위한 결의를 다졌다` → `…특화단지 유치`."""
    toks = sentence.tokens
    k = cue.opening - 1
    if k >= 3 and toks[k].tag == "ETM" and toks[k - 1].form == "위하" and toks[k - 2].tag == "JKO":
        return phrase_back(sentence, k - 3, bridge=False)
    return None


def _past_adverbials(toks: tuple[Token, ...], j: int, skip: Sequence[tuple[int, int]], *, attend: bool) -> int:
    """The token before the dates and `<place>에서` / `…까지` phrases that end at token j (j if none)."""
    k = j
    while k >= 0:
        if any(a <= toks[k].start < b for a, b in skip):
            k -= 1
        elif toks[k].tag in ("JKB", "JX") and toks[k].form in _ADVERBIAL_CASES \
                and not (attend and toks[k].form in ("에서", "에")):
            m = k - 1
            while m >= 0 and (toks[m].tag in NP_TAGS or any(a <= toks[m].start < b for a, b in skip)):
                m -= 1
            if m == k - 1:
                return j
            k = m
        else:
            break
    if k == j or k < 0 or toks[k].tag != "JKO":
        return j
    return k


def subject_of(sentence: Sentence, before: int) -> Phrase | None:
    """The topic or subject before an offset: `‘…’는`, `인천광역시(시장 박남춘)는`, `셀트리온이`."""
    toks = sentence.tokens
    for j, t in enumerate(toks):
        if t.start >= before:
            break
        if t.tag in ("JX", "JKS") and t.form in ("는", "은", "이", "가", "에서는", "도") and j > 0:
            k = j - 1
            if toks[k].form == ")" and toks[k].tag == "SSC":
                while k >= 0 and not (toks[k].form == "(" and toks[k].tag == "SSO"):
                    k -= 1
                k -= 1
            if k >= 0 and (toks[k].tag in NP_TAGS or closes_quote(toks[k])):
                return phrase_back(sentence, k, bridge=False)
    return None


def nearest_subject(sentence: Sentence, cue: Cue) -> Phrase | None:
    """The subject of the cue's own clause: the nearest `…이/가` or `…은/는` before it, not past a clause
    end or an object (`서울시는 … 지역열린동이 5일 개관한다고` → `지역열린동`)."""
    toks = sentence.tokens
    for j in range(cue.opening - 1, 0, -1):
        t = toks[j]
        if t.tag == "EC" and t.form == "게" and toks[j - 1].tag == "XSA":
            continue  # `…가 성대하게 막을 올렸다`: an adverb, not a clause's end
        if t.tag in ("EC", "EF", "SF", "JKO"):
            return None
        if (t.tag == "JKS" and t.form in ("이", "가")) or (t.tag == "JX" and t.form in ("은", "는")):
            k = j - 1
            if toks[k].form == ")" and toks[k].tag == "SSC":
                while k >= 0 and not (toks[k].form == "(" and toks[k].tag == "SSO"):
                    k -= 1
                k -= 1
            if k >= 0 and (toks[k].tag in NP_TAGS or closes_quote(toks[k])):
                return phrase_back(sentence, k, bridge=False)
            return None
    return None


def selected_of(sentence: Sentence, cue: Cue) -> Phrase | None:
    """What a passive 선정/지정 selects: the nearest `…이/가` before it (`인천시 컨소시엄이 최종 선정됐다`)."""
    toks = sentence.tokens
    for j in range(cue.index - 1, 0, -1):
        if toks[j].tag in ("JX", "EC", "EF", "SF") or (toks[j].tag == "JKO"):
            return None
        if toks[j].tag == "JKS" and toks[j].form in ("이", "가") and toks[j - 1].tag in NP_TAGS:
            return phrase_back(sentence, j - 1, bridge=False)
    return None


def name_after(sentence: Sentence, cue: Cue) -> Phrase | None:
    """The noun a modifier cue describes: `열린 '2025 제약바이오투자대전'`, `열린 출범식 이후`."""
    toks = sentence.tokens
    k = cue.index + 1
    if k + 1 < len(toks) and toks[k].form in _JOINING and toks[k + 1].form in event_cues().verbs:
        k += 2  # `지정, 발표한 ‘…’`: past the second noun of one act
    while k < len(toks) and toks[k].tag in ("XSV", "XSA", "EP", "ETM", "VV") and toks[k].start < cue.end + 8:
        k += 1
    if k >= len(toks):
        return None
    if toks[k].tag == "SSO" and toks[k].form in QUOTE_PAIRS:
        close = QUOTE_PAIRS[toks[k].form]
        for m in range(k + 1, min(len(toks), k + 40)):
            if toks[m].form == close or (toks[m].tag == "SSC" and toks[m].form in "’”』」》〉'\""):
                return make_phrase(sentence, toks[k].start, toks[m].end, quoted=True)
        return None
    times = event_cues().time_nouns
    if toks[k].tag == "NNB" or toks[k].form in times or toks[k].form in LINKING:
        return None  # `지정된 데`, `출범식을 가진 뒤`, `참석한 가운데`: the name is before the verb
    m = k
    while m < len(toks) and np_token(toks, m) and toks[m].form not in times and m - k < MAX_NAME_TOKENS:
        m += 1
    if m == k:
        return None
    return make_phrase(sentence, toks[k].start, toks[m - 1].end)


def cue_type(cue: Cue, name: Phrase | None, sentence_text: str) -> EventType | None:
    """The event type of a clause; None when a 'hold' verb takes no event name (`기반을 마련`)."""
    named = type_of_name(name.text) or _kind_before_quote(name.text) if name else None
    if cue.kind in ("hold", "attend"):
        if named is None and name is not None and cue.stem == "열" and _opens_a_place(name, sentence_text):
            return "launch"  # `기술상용화센터 '이노랩스'를 열고`: a centre opened, not a gathering held
        if named is None and name is not None and cue.stem in _HOLDS_EVENTS \
                and (name.quoted or _EDITION.search(name.text)):
            return "event"  # `'바이오코리아 2025'에 참가`, `열린 'BIO USA'`, `바이오 코리아 2019를 … 개최`
        return named
    if cue.kind == "sign":
        return "agreement"
    if cue.kind == "announce":
        return "announcement"
    if cue.kind == "launch":
        return "launch"
    if cue.kind == "visit":
        return "event"
    if cue.kind in ("rename", "submit"):
        return "other"
    if cue.kind == "resolve":
        return "event"
    if cue.kind == "meet":  # `두 단체장은 27일 만나 공동 유치에 합의했다`: what they agreed, else the meeting
        return "agreement" if _AGREED.search(sentence_text) else "meeting"
    if cue.kind == "pass":
        return "designation" if name is not None else None  # `예비타당성조사를 통과`: the review's decision
    if cue.kind == "build":
        if cue.stem in ("착수", "본격화") and not (name and any(w in name.text for w in event_cues().build_objects)):
            return None  # `사업에 본격 착수한다`: no works
        return "event" if named == "event" else "other"  # `착공식을 가졌다` is a ceremony, `착공했다` works
    if cue.kind == "decide":
        if name is None:
            return None
        decided = type_of_name(decided_name(name.text))
        if decided is not None:
            return decided  # `특화단지 지정안을 의결` → designation
        # what was decided, not the words around it: `예산 지원안을 의결` funds, while a board's
        # `제5공장 건설 안건을 의결` is a decision the body announces, however much money the text adds
        return "funding" if any(w in name.text for w in event_cues().funding_context) else "announcement"
    funding = any(w in sentence_text for w in event_cues().funding_context)
    if cue.kind == "designate":
        return "funding" if funding else "designation"
    if cue.kind == "fund":
        money = name is not None and any(w in name.text for w in event_cues().funding_context)
        return "funding" if money else None
    return named


_PLACE_KINDS = re.compile(r"(?:센터|연구소|연구원|병원|캠퍼스|허브|공장|랩|랩스|오피스|사무소)(?:인|을|를)?\s*$")


def _opens_a_place(name: Phrase, sentence_text: str) -> bool:
    """The thing opened is a centre, a lab or a plant: its name or the words just before it say so."""
    if _PLACE_KINDS.search(re.sub(r"\s*\([^()]*\)$", "", name.text)):
        return True
    at = sentence_text.find(name.text)
    before = sentence_text[max(0, at - 14):at].rstrip("‘'\"“ ")
    return name.quoted and at > 0 and _PLACE_KINDS.search(before) is not None


def _kind_before_quote(text: str) -> EventType | None:
    """`스물네 번째 민생토론회 ‘…’`: the kind written before a quoted name."""
    at = text.find("‘")
    return type_of_name(text[:at]) if at > 0 else None


def decided_name(text: str) -> str:
    """What a decision is about: `… 특화단지 지정안` → `… 특화단지 지정`, `… 건설 안건` → `… 건설`; of several
    items decided together (`… 특화단지 지정, 전략기술 신규 지정 및 변경 계획`), the first when it names a happening."""
    first = re.split(r",\s|\s및\s", text, maxsplit=1)[0]
    if first != text and type_of_name(first) is not None:
        return first
    without = re.sub(r"\s*안건$", "", text)
    if without != text:
        return without or text
    if text.endswith("안") and type_of_name(text[:-1]) is not None:
        return text[:-1]  # `지정안` (not `방안`)
    return text


