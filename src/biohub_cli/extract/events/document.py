"""What the event finder works on (the story's sentences, dates, bodies and people) and the parts of an
event read around a clause: venue, hosts, co-hosts, signing parties, the people named, a selection's title."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from biohub_cli.extract.dates.find import DateMention
from biohub_cli.extract.events.clauses import Cue, object_of, selected_of, subject_of, verb_cues
from biohub_cli.extract.events.cues import event_cues
from biohub_cli.extract.events.parts import (
    Venue,
    is_event_body,
    orgs_in,
    venue_after,
    venue_anywhere,
    venue_label,
)
from biohub_cli.extract.events.phrases import POINTING, Phrase, clean_name, phrase_back
from biohub_cli.extract.spans import quoted_names
from biohub_cli.models.facts import OrgMention, PersonMention
from biohub_cli.models.stages import Analysed, Sentence
from biohub_cli.models.vocab import EventType

GATHERINGS = frozenset({"meeting", "launch", "event"})


@dataclass
class Clause:
    sentence: int
    cue: Cue
    name: Phrase | None
    type: EventType


@dataclass
class Doc:
    analysed: Analysed
    sentences: list[Sentence]
    dates: list[DateMention]
    orgs: list[OrgMention]
    people: list[PersonMention]
    reported: list[DateMention] = field(default_factory=list)  # `…했다고 29일 밝혔다`
    dated_elsewhere: set[int] = field(default_factory=set)  # sentences about another day

    def dates_in(self, i: int) -> list[DateMention]:
        s = self.sentences[i]
        return [d for d in self.dates if s.start <= d.start < s.end]


_SINCE = frozenset({"이후", "뒤", "후", "이래"})
REFERENCE_REACH = 6  # tokens between a date and its `이후`


def is_reference_point(sentence: Sentence, date: DateMention) -> bool:
    """A date that only marks the time since which something is counted (`지난해 12월 출범식 이후
    두 번째로 열린 이 자리`, `3월 출범 뒤 처음`): the sentence is still about the story's day."""
    after = [t for t in sentence.tokens if t.start >= date.end][:REFERENCE_REACH]
    for t in after:
        if t.tag in ("EC", "EF", "SF") or t.form == ",":
            return False
        if t.form in _SINCE and t.tag in ("NNG", "NNB"):
            return True
    return False


def next_day(doc: Doc, i: int) -> DateMention | None:
    """An undated lead takes the one day of the sentence right after it when that sentence reports no
    happening of its own (`새 명칭이 지난 19일부터 쓰이기 시작했다`, `무대는 12월 2일 … 열린 ‘…’이었다`)."""
    if i + 1 >= len(doc.sentences):
        return None
    nxt = i + 1
    days = [d for d in doc.dates_in(nxt) if d.date.day is not None]
    if len(days) != 1 or any(not c.modifier for c in verb_cues(doc.sentences[nxt])):
        return None
    return days[0]


_SENTENCE_END = re.compile(r"[.!?。]\s*[”’\"')\]]*\s*$")


def is_headline(doc: Doc, i: int) -> bool:
    """A sentence without a full stop that repeats the document's title (or a part of it): the
    headline above the story, not its lead."""
    text = doc.sentences[i].text
    if _SENTENCE_END.search(text):
        return False
    title = "".join((doc.analysed.document.metadata.title or "").split())
    line = "".join(text.split())
    return bool(title) and len(line) >= 8 and (line in title or title in line)


def is_caption(sentence: Sentence) -> bool:
    """A photo caption: `…에서 기념 촬영을 하고 있다.(사진=인천시)`, `… 모습. [사진=…]`. It shows the story's
    day, it does not lead it."""
    text = sentence.text.rstrip()
    return bool(re.search(r"고\s*있다\.?\s*(?:[(\[<].{0,30}[)\]>])?\s*$", text)) or bool(
        re.search(r"[(\[<]\s*(?:사진|자료|그래픽|출처)\s*[=:]", text)) or bool(re.search(r"/\s*사진\s*=", text))


def picked_of(sentence: Sentence, clause: Clause) -> Phrase | None:
    """Who an active 선정/지정 picks: `‘A-B’ 연합체를 사업자로 선정했다` → `‘A-B’ 연합체`."""
    if clause.cue.kind != "designate" or clause.cue.passive or clause.name is None:
        return None
    k = next((n for n, t in enumerate(sentence.tokens) if t.start == clause.name.start), None)
    end = clause.name.end
    after = [t for t in sentence.tokens if t.start >= end][:1]
    if k is None or k < 2 or sentence.tokens[k - 1].tag != "JKO" or not after or after[0].form not in ("로", "으로"):
        return None
    return phrase_back(sentence, k - 2, bridge=False)


def selection_title(doc: Doc, sentence: Sentence, clause: Clause) -> str | None:
    """A 선정/지정 says who was picked and for what: `‘…구축사업’에 인천시 컨소시엄이 최종 선정됐다` →
    `…구축사업 인천시 컨소시엄 선정` (not `최종 선정`); `‘A-B’ 연합체를 사업자로 선정했다` → `A-B 연합체 사업자
    선정`."""
    if clause.cue.kind != "designate":
        return None
    if not clause.cue.passive:
        chosen = picked_of(sentence, clause)
        if chosen is None or clause.name is None or chosen.text.split()[0] in POINTING:
            return None  # `두 지역을 … 입지로 선정`: the places are named elsewhere
        return f"{chosen.text} {clause.name.text} {clause.cue.stem}"
    picked = selected_of(sentence, clause.cue) or subject_of(sentence, clause.cue.start)  # `인천시는 …에 선정됐다`
    if picked is None:
        return None
    skip = [(d.start, d.end) for d in doc.dates_in(clause.sentence)]
    role = object_of(sentence, clause.cue, skip)
    programs = [clean_name(q.text) for q in quoted_names(sentence) if q.end <= clause.cue.start]
    program = programs[-1] if programs else _contest_of(sentence, picked, clause.cue)
    parts = [program or "", role.text if role else "", picked.text]
    return " ".join(p for p in parts if p) + " " + clause.cue.stem


def _contest_of(sentence: Sentence, picked: Phrase, cue: Cue) -> str | None:
    """`인천시는 산업통상자원부 공모사업에 최종 선정됐다`: what the picked body was selected for (the `…에`)."""
    toks = sentence.tokens
    for k in range(cue.opening - 1, 0, -1):
        t = toks[k]
        if t.start < picked.end or t.tag in ("EC", "EF", "JKO"):
            return None
        if t.tag == "JKB" and t.form == "에":
            found = phrase_back(sentence, k - 1, bridge=False)
            return found.text if found is not None else None
    return None


def ends_in_time_noun(sentence: Sentence, cue: Cue) -> bool:
    """A modifier cue followed by a time noun: `가진 뒤`, `열린 이후`."""
    if not cue.modifier:
        return False
    toks = sentence.tokens
    k = cue.index + 1
    while k < len(toks) and toks[k].tag in ("XSV", "XSA", "EP", "ETM", "VV"):
        k += 1
    return k < len(toks) and toks[k].form in event_cues().time_nouns


def venue_of(sentence: Sentence, date: DateMention | None, doc: Doc | None = None) -> Venue | None:
    """`<date> <place>에서` in the lead (or in the sentence that gave the lead its date), a known kind of
    place in the lead, or a `장소:` line of the release."""
    if date is not None and doc is not None and not sentence.start <= date.start < sentence.end:
        sentence = next((s for s in doc.sentences if s.start <= date.start < s.end), sentence)
    found = venue_after(sentence, date.end) if date and sentence.start <= date.start < sentence.end else None
    found = found or venue_anywhere(sentence)
    if found is None and doc is not None:
        found = venue_label(doc.analysed.document.text)
    return found


def hosts_of(doc: Doc, sentence: Sentence, date: DateMention | None, clause: Clause) -> list[str]:
    """The subject of the clause: an organisation, or the organisation of the person who acts."""
    before = date.start if date else clause.cue.start
    phrase = subject_of(sentence, before) or subject_of(sentence, clause.cue.start)  # `17일 A는 …를 개최`
    if phrase is None:
        return []
    inside = orgs_in(doc.orgs, phrase.start, phrase.end)
    found = [o.name for o in [*_joined_before(doc, sentence, inside[0] if inside else None), *inside]]
    if not found:
        found = [p.organization for p in doc.people
                 if phrase.start <= p.evidence.start < phrase.end + 12 and p.organization]
    return list(dict.fromkeys(found))


_JOINED = re.compile(r"^\s*(?:\([^()]{1,20}\))?\s*(?:와|과|,|및|·|ㆍ)\s*$")


def _joined_before(doc: Doc, sentence: Sentence, first: OrgMention | None) -> list[OrgMention]:
    """`산업통상자원부와 보건복지부는`, `충북도와 청주시, LH는`: the bodies listed before a subject body."""
    if first is None:
        return []
    text = doc.analysed.document.text
    before = [o for o in orgs_in(doc.orgs, sentence.start, first.evidence.start)]
    out: list[OrgMention] = []
    at = first.evidence.start
    for o in reversed(before):
        if not _JOINED.match(text[o.evidence.end:at]):
            break
        out.insert(0, o)
        at = o.evidence.start
    return out


def co_hosts_of(doc: Doc, sentence: Sentence, clause: Clause, venue: Venue | None) -> list[OrgMention]:
    """`경기도, 시흥시와 함께 … 개최`, `인천광역시(시장 …)와 시흥시가 … 함께 열었다`: bodies joined by
    와/과 (and the list before them) ahead of a 공동/함께 that belongs to the event verb itself, not to
    a clause describing something else (`A와 함께 공모한 ‘…사업’에 선정됐다`)."""
    text = doc.analysed.document.text
    together = [t for t in sentence.tokens if t.start < clause.cue.start and t.form in ("공동", "함께")]
    if not together or any(t.tag == "ETM" and together[-1].end <= t.start < clause.cue.start
                           for t in sentence.tokens):
        return []
    candidates = [o for o in orgs_in(doc.orgs, sentence.start, together[-1].start)
                  if not (venue and venue.start <= o.evidence.start < venue.end)]
    out: list[OrgMention] = []
    for n, o in enumerate(candidates):
        rest = text[o.evidence.end:o.evidence.end + 40]
        after = _PAREN_AFTER.sub("", rest)
        if after[:1] in ("와", "과"):
            out.append(o)
        elif after[:1] in (",", "·") and _joined_to_next(text, candidates[n + 1:], o):
            out.append(o)  # `경기도, 시흥시와`: the list goes on to a joined body
    return out


_PAREN_AFTER = re.compile(r"^\s*\([^()]{0,30}\)")


def _joined_to_next(text: str, later: Sequence[OrgMention], org: OrgMention) -> bool:
    """Only list marks lie between this body and the next one, which is joined by 와/과 or listed on."""
    if not later:
        return False
    nxt = later[0]
    between = _PAREN_AFTER.sub("", text[org.evidence.end:nxt.evidence.start])
    if between.strip(" ,·") != "" and between.strip() not in (",", "·", "및"):
        return False
    after = _PAREN_AFTER.sub("", text[nxt.evidence.end:nxt.evidence.end + 40])
    return after[:1] in ("와", "과") or (after[:1] in (",", "·") and _joined_to_next(text, later[1:], nxt))


def parties_before(doc: Doc, sentence: Sentence, clause: Clause, venue: Venue | None) -> list[OrgMention]:
    """Parties named in the lead before an agreement verb (`A와 B는 …협약을 체결했다`)."""
    text = doc.analysed.document.text
    out = []
    for o in orgs_in(doc.orgs, sentence.start, clause.cue.start):
        if venue and venue.start <= o.evidence.start < venue.end:
            continue
        after = re.sub(r"^\s*\([^()]{0,30}\)", "", text[o.evidence.end:o.evidence.end + 40])
        if after[:1] in ("와", "과", "는", "은", "이", "가", ",", "·", ")"):
            out.append(o)
    return out


def is_body(name: str, title: str, kind: EventType, doc: Doc) -> bool:
    """The body whose gathering this is (a council at its own meeting); a company named in the title of its
    own ceremony (`삼성바이오로직스 제4공장 착공식`) is its host, not its body."""
    if kind not in GATHERINGS:
        return False
    org = next((o for o in doc.orgs if o.name == name), None)
    return org is not None and org.type != "company" and is_event_body(org, title)


def people_in(doc: Doc, indices: Sequence[int]) -> list[str]:
    """The people named in these sentences, then those referred to by surname and title (`박 차관은`)."""
    spans = [(doc.sentences[i].start, doc.sentences[i].end) for i in indices]
    named = [p.name for p in doc.people if any(a <= p.evidence.start < b for a, b in spans)
             and not in_apposition(doc, p)]
    return list(dict.fromkeys([*named, *(n for i in indices for n in _referred(doc, doc.sentences[i].text))]))


APPOSITION_REACH = 40  # characters a `(시장 유정복)` after a body may span


def in_apposition(doc: Doc, person: PersonMention) -> bool:
    """`인천광역시(시장 유정복)는`, `(장관 유인촌, 이하 문체부)`: the head of a body named beside it, who takes
    part only where the text has them do so (a speech, a signature, attendance) in a sentence of their own."""
    text = doc.analysed.document.text
    start = person.evidence.start
    opening = text.rfind("(", max(0, start - APPOSITION_REACH), start)
    if opening < 0 or ")" in text[opening:start]:
        return False
    closing = text.find(")", person.evidence.end)
    if closing < 0 or closing - opening > APPOSITION_REACH:
        return False
    return any(0 <= opening - o.evidence.end <= 1 for o in doc.orgs)


_SHORT_REFERENCE = re.compile(r"(?<![가-힣])([가-힣])\s+([가-힣]{2,8}?)(?:은|는|이|가|도|의|께서)(?![가-힣])")


def _referred(doc: Doc, text: str) -> list[str]:
    """`박 차관은 “…”`: the one person of the story with that surname whose title ends with that word."""
    out: list[str] = []
    for m in _SHORT_REFERENCE.finditer(text):
        surname, word = m.group(1), m.group(2)
        found = {p.name for p in doc.people
                 if p.name.startswith(surname) and len(p.name) >= 2 and p.title and p.title.endswith(word)}
        if len(found) == 1:
            out.append(found.pop())
    return out
