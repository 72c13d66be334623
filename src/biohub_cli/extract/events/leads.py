"""The lead of a story: the sentence and clause that report its main happening, and the day that dates it.

The lead is the first sentence with a day followed by an event clause; else the clause dated by the day
the story was released (`…체결했다고 2일 밝혔다`), or the plan that release puts out; else the first event
clause. Headlines and photo captions lead only when no full sentence does, a verbless line last. A
background sentence before a dated lead, a target year and a date of another clause date no lead.
"""

from __future__ import annotations

import re

from biohub_cli.extract.dates.find import DateMention
from biohub_cli.extract.events.about import widen
from biohub_cli.extract.events.clauses import (
    PLAN_WORDS,
    Cue,
    another_step_between,
    cue_type,
    is_planned,
    nearest_subject,
    object_of,
    purpose_of,
    starts_a_modifier,
    subject_of,
    verb_cues,
)
from biohub_cli.extract.events.cues import event_cues, type_of_name
from biohub_cli.extract.events.document import Clause, Doc, is_caption, is_headline, next_day
from biohub_cli.extract.events.phrases import make_phrase
from biohub_cli.extract.events.plans import labelled_act, plan_release
from biohub_cli.extract.events.titles import is_generic
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.stages import Sentence

PLAN_SEARCH = 2           # full sentences that may release the plan that is the news
LEAD_SEARCH = 12          # full sentences (ending in a verb) searched for the lead
_OUTCOMES = frozenset({"designate", "decide", "rename", "announce"})  # what a meeting held in the same sentence did


def lead(doc: Doc) -> tuple[int, DateMention | None, list[Clause]] | None:
    """The lead among the story's full sentences; a headline (`인천시, 12월 2일 송도서 ‘…’ 연다`)
    leads only when no full sentence does. A labelled act (`발의연월일 : …`) is the document's own."""
    act = labelled_act(doc)
    if act is not None:
        return act
    span = _lead_span(doc)
    skipped = {i for i in range(span) if is_headline(doc, i) or is_caption(doc.sentences[i])}
    found = _lead_among(doc, span, skipped)
    month = found is not None and found[1] is not None and _MONTH_WORD.fullmatch(found[1].text) is not None
    if (found is None or found[1] is None or found[1].date.day is None) and not month:
        full = [i for i in range(span) if i not in skipped and any(t.tag == "EF" for t in doc.sentences[i].tokens)]
        plan = next((p for p in (plan_release(doc, i) for i in full[:PLAN_SEARCH]) if p is not None), None)
        if plan is not None:
            return plan  # `…를 설립해 2026년부터 운영한다고 24일 밝혔다`: the plan put out that day is the news
    if found is None or found[1] is None:
        release = next((r for i in range(span) if i not in skipped and (found is None or i < found[0])
                        and not predicates(doc, i) and _is_release(doc, i)
                        and (r := _release_clause(doc, i)) is not None), None)
        if release is not None:
            return release  # `…에 반영됐다고 30일 밝혔다`: what the body put out that day is the news
    # a headline or caption leads when no full sentence does; a verbless line last (`3일 착공식 개최…`)
    return found or _lead_among(doc, span, set()) or _lead_among(doc, span, set(), nominal=True)


def _lead_span(doc: Doc) -> int:
    """How many sentences hold the first LEAD_SEARCH full ones: page lines without a verb (`상태바`,
    `• 더 작게`, `URL 복사완료`) do not count."""
    full = 0
    for i, s in enumerate(doc.sentences):
        full += any(t.tag == "EF" for t in s.tokens)
        if full >= LEAD_SEARCH:
            return i + 1
    return len(doc.sentences)


def _lead_among(doc: Doc, span: int, skip: set[int], *,
                nominal: bool = False) -> tuple[int, DateMention | None, list[Clause]] | None:
    """The first sentence with a day followed by an event clause; else the first event clause dated by
    the day it was reported (`…체결했다고 2일 밝혔다`); else the first event clause. A background
    sentence before a dated lead (`정부는 지난 2023년 … 지정했다`) does not lead, and a target year
    (`2035년 … 도약하려고 수립한 …`, `2022년 7월 준공될 계획이다`) dates no lead."""
    fallback: tuple[int, DateMention | None, list[Clause]] | None = None
    reported_lead: tuple[int, DateMention | None, list[Clause]] | None = None
    released = False  # a full sentence before reported what was done (`…했다고 밝혔다`)
    for i in range(span):
        if i in skip:
            continue
        clauses = predicates(doc, i, nominal=nominal)
        if clauses and released and all(is_planned(doc.sentences[i], c.cue) for c in clauses):
            continue  # `…를 공급한다고 21일 밝혔다.` then `12월 10일 평가위원회를 열 예정이다`: a later step
        released = released or _is_release(doc, i)
        if not clauses:
            continue
        before = _clause_dates(doc, i, clauses[0].cue)
        text = doc.analysed.document.text
        # the most precise date, not one that ends a period (`17일 … 오는 19일까지 … 개최한다`), the last
        date = max(before, key=lambda d: (_PRECISION[d.date.precision], not _UNTIL.match(text, d.end), d.start)) \
            if before else None
        if date is not None and _deadline(text, date):
            date = None  # `내년 2월 29일까지 서류를 제출하면 된다`: a deadline, not the day of a happening
        if date is not None and date.date.day is not None:
            if reported_lead is not None and _restates(reported_lead[2], clauses):
                return reported_lead[0], date, reported_lead[2]  # `…회의를 개최했다고 10일 밝혔다. 회의는 지난 2일 …`
            if _points_back(clauses[0]):
                continue  # `이날 브리핑은 …으로 진행됐다`: a happening named before, not the story's lead
            return i, date, clauses
        if nominal:
            continue  # a verbless line leads only with its own day (`3일 착공식 개최…`), not a footnote's words
        s = doc.sentences[i]
        # `…했다고 29일 밝혔다` after the act, or `4일 업계에 따르면` before it
        reported = [d for d in doc.reported if s.start <= d.start < s.end]
        # `최근 …를 제출했다고 4일 밝혔다`: done before the day it was reported, on a day the text does not give
        recent = date is None and _RECENT.search(s.text, 0, clauses[0].cue.start - s.start) is not None
        if recent:
            reported = []
        month = _month_word(doc, i, clauses[0].cue) if reported and date is None else None
        if month is not None:  # `내달 … 추진단을 발족한다고 30일 밝혔다`: the launch is next month, not the 30th
            reported = [month]
        if reported and date is None and reported_lead is None:
            reported_lead = (i, reported[0], clauses)
        if fallback is None:
            fallback = (i, None if recent else date or (reported[0] if reported else next_day(doc, i)), clauses)
    if fallback is not None and reported_lead is not None and (
            fallback[1] is None or (fallback[1].date.day is None and not _told_as_done(doc.sentences[fallback[0]]))):
        # `정부가 …를 발표했다.` then `…을 의결했다고 25일 밝혔다.`: the dated report leads; so it does after
        # a plan with its year (`셀트리온이 2023년 … 착공하고 … 추진한다.` then `…를 체결했다고 5일 밝혔다.`)
        return reported_lead
    return fallback


def _release_clause(doc: Doc, i: int) -> tuple[int, DateMention | None, list[Clause]] | None:
    """A release dated by its day whose verb names no happening (`…가 종합계획에 반영됐다고 30일 밝혔다`,
    `…위원회 구성에 착수한다고 29일 밝혔다`): an announcement of what it reports, on that day."""
    s = doc.sentences[i]
    reported = [d for d in doc.reported if s.start <= d.start < s.end]
    recently = _RECENTLY_SAID.search(s.text)  # `…를 공급한다고 최근 밝혔다`: put out lately, on no given day
    if reported and not _RECENT.search(s.text):
        said_at = reported[0].start
    elif not reported and recently is not None:
        said_at = s.start + recently.start()
    else:
        return None
    toks = s.tokens
    said = next((k for k, t in enumerate(toks) if k > 0 and t.tag == "EC" and t.start < said_at
                 and (t.form.endswith(("다고", "라고"))
                      or (t.form == "고" and toks[k - 1].form.endswith(("다", "라"))))), None)
    verb = next((k for k in range(said - 1, -1, -1) if toks[k].tag in ("NNG", "VV")), None) if said else None
    text = doc.analysed.document.text
    deadlines = [d for d in doc.dates_in(i) if _deadline(text, d)]  # `내년 2월까지 공모를 진행한다고`
    if verb is None or any(d.start < toks[verb].start and d not in deadlines for d in doc.dates_in(i)):
        return None  # `지난 3일 계획을 바꿨다고 5일 밝혔다`: a happening of its own day the cues do not name
    if any(t.form in _PERIOD_WORDS and not any(d.start <= t.start < d.end for d in deadlines) for t in toks[:verb]):
        return None  # `올해 … 사업에 본격 착수한다고 18일 밝혔다`: what it means to do this year, no happening
    t = toks[verb]
    cue = Cue("announce", t.form, t.start, t.end, verb, False, any(x.form == "되" for x in toks[verb:said]))
    name = object_of(s, cue, [(d.start, d.end) for d in doc.dates_in(i)])
    return i, reported[0] if reported else None, [Clause(i, cue, name, "announcement")]


def _deadline(text: str, d: DateMention) -> bool:
    """`2월 29일까지`: the end of a period with no start, a deadline."""
    return d.end_date is None and _UNTIL.match(text, d.end) is not None


def _told_as_done(sentence: Sentence) -> bool:
    """The sentence reports something done: a past ending (`…했다`, `…됐다`), not a present plan (`…추진한다`)."""
    return any(t.tag == "EP" and t.form in ("었", "았", "였") for t in sentence.tokens)


_UNTIL = re.compile(r"\s*까지")
_PERIOD_WORDS = frozenset({"올해", "내년", "향후", "앞으로", "연내", "상반기", "하반기", "이달", "다음달", "내달"})
_RECENT = re.compile(r"(?<![가-힣])최근(?:에)?(?![가-힣])")
_RECENTLY_SAID = re.compile(r"(?<=고)\s*최근\s*(?:밝혔|발표했|전했)")
_RELEASE = re.compile(r"(?:밝혔|전했|발표했|말했)다")


def _is_release(doc: Doc, i: int) -> bool:
    """A sentence that reports, as the body's release, what it did or put out: `…다고 (21일) 밝혔다`."""
    s = doc.sentences[i]
    return bool(_RELEASE.search(s.text)) and any(t.tag == "EC" and t.form.endswith("고")
                                                 for t in s.tokens) and not is_headline(doc, i)
_PLANNED_CLAUSE = re.compile(r"(?:예정|계획|목표|방침)")


def _clause_dates(doc: Doc, i: int, cue: Cue) -> list[DateMention]:
    """The dates before a cue that date its clause. A month or year inside another clause
    (`2035년 … 도약하려고 수립한 …를 발표`) or a target (`2022년 7월 준공될 계획이다`) does not."""
    s = doc.sentences[i]
    planned = _PLANNED_CLAUSE.search(s.text[cue.end - s.start:]) is not None
    out = []
    for d in doc.dates_in(i):
        if d.start >= cue.start or another_step_between(s, d.end, cue):
            continue  # `30일 …를 접수한 뒤 평가위원회를 열어`: the day of the step before
        if d.date.day is None and any(t.form in PLAN_WORDS and d.end <= t.start < cue.start for t in s.tokens):
            continue  # `2023년 완공을 목표로 2년 전 … 착수했다`: the target's year, not the act's
        if d.date.day is None and (planned or any(t.tag == "EC" and d.end <= t.start < cue.start for t in s.tokens)
                                   or starts_a_modifier(s, d, cue) or _in_brackets(s.text, d.start - s.start)):
            # `예비타당성조사(2021년 12월~2022년 8월)를 통과`: the period of the thing, not the act's date;
            # `1998년부터 추진 중인 전략의 결과 … 지정됐다`: the year of the clause it modifies
            continue
        out.append(d)
    return out


_MONTH_WORD = re.compile(r"(?<![가-힣])(지난\s?달|이번\s?달|이달|다음\s?달|내달)(?!\s*\d)")
_MONTH_SHIFT = {"지난달": -1, "이번달": 0, "이달": 0, "다음달": 1, "내달": 1}


def _month_word(doc: Doc, i: int, cue: Cue) -> DateMention | None:
    """A month word before the cue with no day after it (`내달 … 발족한다`, `지난달 … 열었다`): the month
    of the happening, from the publication's; its month unknown (None inside) when the publication is."""
    s = doc.sentences[i]
    m = _MONTH_WORD.search(s.text[:cue.start - s.start])
    if m is None:
        return None
    published = doc.analysed.document.metadata.published
    date = PartialDate()
    if published is not None and published.year_certain and published.month is not None \
            and published.year is not None:
        y, mo = published.year, published.month + _MONTH_SHIFT["".join(m.group(1).split())]
        y, mo = (y - 1, 12) if mo < 1 else (y + 1, 1) if mo > 12 else (y, mo)
        date = PartialDate.of(y, mo, None, basis="relative")
    return DateMention(s.start + m.start(), s.start + m.end(), m.group(1), date, relative=True)


_POINTING = ("이 ", "이번 ", "이날 ", "해당 ", "그 ", "당 ")


def _restates(reported: list[Clause], later: list[Clause]) -> bool:
    """A later clause that is the reported happening again, named by its kind alone or pointed at (`회의는
    지난 2일 …에서 열렸다`, `이번 협약식은 …`): it gives that happening its day."""
    first = later[0]
    if first.type not in {c.type for c in reported}:
        return False
    return first.name is None or is_generic(first.name.text) or _points_back(first)


def _points_back(clause: Clause) -> bool:
    """A happening the clause's subject points back to (`이날 브리핑은 … 진행됐다`); an act done to a thing
    pointed at (`이번 협의체를 결성했다`) is news of its own."""
    return clause.cue.passive and clause.name is not None and clause.name.text.startswith(_POINTING)


def _in_brackets(text: str, at: int) -> bool:
    """The offset lies inside an open `(` of the sentence."""
    opening = text.rfind("(", 0, at)
    return opening >= 0 and ")" not in text[opening:at]


_PRECISION = {"day": 3, "month": 2, "year": 1, "unknown": 0}


def predicates(doc: Doc, i: int, frames: list[Clause] | None = None, *, nominal: bool = False) -> list[Clause]:
    """The event clauses of a sentence that end in a verb (not `열린 …`): the main one first, then
    other named ones of another type (`…를 개최하고 ‘…’ 협약을 체결했다`)."""
    sentence = doc.sentences[i]
    skip = [(d.start, d.end) for d in doc.dates_in(i)] + [(d.start, d.end) for d in doc.reported]
    clauses: list[Clause] = []
    for cue in verb_cues(sentence, nominal=nominal):
        if cue.modifier:
            continue
        if cue.kind == "meet" and not any(d.date.day is not None and d.start < cue.start for d in doc.dates_in(i)):
            continue  # `다음뉴스를 만나보세요`: only heads meeting on a day the story gives are a happening
        name = widen(doc, sentence, object_of(sentence, cue, skip))  # `출범식과 1차 회의를`: one launch
        if name is None and cue.kind == "resolve":
            name = purpose_of(sentence, cue)
        noun = sentence.tokens[cue.first] if cue.kind == "hold" and cue.first >= 0 else None
        if noun is not None and type_of_name(noun.form) is not None:  # `브리핑을 통해 밝혔다`: the briefing itself
            name = make_phrase(sentence, noun.start, noun.end)
        if name is None and (cue.passive or cue.stem in event_cues().subject_verbs):
            name = nearest_subject(sentence, cue) or subject_of(sentence, cue.start)  # `'…'가 개막했다`
        kind = cue_type(cue, name, sentence.text)
        if kind is None and cue.passive and cue.kind == "hold":  # `회의는 … A가 참여한 가운데 … 진행됐다`: the topic
            topic = subject_of(sentence, cue.start)
            name, kind = (topic, cue_type(cue, topic, sentence.text)) if topic is not None else (name, kind)
        if kind is None or (name is None and cue.kind in ("hold", "attend", "visit")):
            continue
        if cue.kind == "attend" and (name is None or is_generic(name.text)):
            continue
        clauses.append(Clause(i, cue, name, kind))
    if not clauses:
        return []
    if any(c.cue.kind != "attend" for c in clauses):
        clauses = [c for c in clauses if c.cue.kind != "attend"]
    outcomes = [c for c in clauses if c.cue.kind in _OUTCOMES]
    if outcomes and all(c.type == "meeting" for c in clauses if c not in outcomes):
        if frames is not None:
            frames += [c for c in clauses if c not in outcomes and c.name and not is_generic(c.name.text)]
        clauses = outcomes  # `위원회를 열고 … 선정했다`: what the meeting decided is the news
    launches = [c for c in clauses if c.type == "launch"]
    told = [c for c in clauses if c.cue.kind == "announce" and c.name is not None]
    if launches and told:  # `출범식을 갖고 … 전략을 발표했다`: the strategy was put out at the launch
        if frames is not None:
            frames += told
        clauses = [c for c in clauses if c not in told]
    # a typed happening before works or a visit (`착공식을 열고 … 첫 삽을 떴다`), then a quoted, then a named one
    main = max(clauses, key=lambda c: (c.type != "other", bool(c.name and c.name.quoted),
                                       bool(c.name and not is_generic(c.name.text)), c.cue.kind == "hold", c.cue.start))
    others = [c for c in clauses if c is not main and c.name is not None and c.type != main.type
              and (c.name.quoted or c.cue.kind == "sign" or (c.cue.kind == "hold" and not is_generic(c.name.text)))]
    out = [main]
    for c in others:
        if all(c.type != o.type for o in out):
            out.append(c)
    return out
