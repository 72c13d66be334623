"""Related events: the other dated happenings a story mentions (past, planned, named around the main one),
and which of them are the main event again."""

from __future__ import annotations

import re
from collections.abc import Sequence

from biohub_cli.extract.dates.find import DateMention
from biohub_cli.extract.events.about import with_actor
from biohub_cli.extract.events.clauses import (
    PLAN_WORDS,
    Cue,
    another_step_between,
    cue_type,
    is_planned,
    name_after,
    nearest_subject,
    object_of,
    starts_a_modifier,
    subject_of,
    verb_cues,
)
from biohub_cli.extract.events.cues import event_cues
from biohub_cli.extract.events.document import GATHERINGS, Doc, ends_in_time_noun, is_body
from biohub_cli.extract.events.parts import body_of, merge_roles, ordinal_of, orgs_in, venue_after
from biohub_cli.extract.events.phrases import Phrase
from biohub_cli.extract.events.since import since_event, since_name
from biohub_cli.extract.events.titles import is_vacuous, series_title, title_for, year_shift
from biohub_cli.extract.events.words import kind_of
from biohub_cli.models.facts import EventMention
from biohub_cli.models.stages import Sentence

_BODIES = re.compile(r"(?:기업|업체|기관|회사|개사|곳|단체|대학|스타트업)(?:들)?$")
_SAME_PLACE = re.compile(r"(?:같은|동일한|그)\s*(?:장소|곳)에서")  # `같은 장소에서 … 열린`: the main venue


def related(doc: Doc, lead_index: int, lead_date: DateMention | None,
             mains: list[EventMention]) -> list[EventMention]:
    """Events named around the main one, and other dates followed by an event clause."""
    out: list[EventMention] = []
    # a bare related meeting (`지난해 12월 정기회의`) is one of the main meeting's body; any other bare kind
    # names nothing and is dropped (`앞서 2018년 7월에도 MOU를 체결한 바 있다`)
    body = body_of(mains[0].title) if mains and mains[0].type == "meeting" else ""
    for i, sentence in enumerate(doc.sentences):
        cues = verb_cues(sentence)
        dates = doc.dates_in(i)
        if not dates and lead_date is not None and i > lead_index:
            dates = _after_main(sentence, lead_date, mains)
        for d in dates:
            since = since_name(sentence, d)
            if since is not None:  # `지난 7월 특구 지정 이후 처음 열린 …`: the designation is the related event
                made = since_event(doc, i, d, since, body, mains)
                if made is not None:
                    out.append(made)
                continue
            nxt = min((x.start for x in dates if x.start > d.start), default=sentence.end)
            for cue in cues:
                if not d.end <= cue.start < nxt:
                    continue
                if any(t.tag == "EC" and d.end <= t.start < cue.start for t in sentence.tokens):
                    break  # `내년 상반기부터 … 추진하고, … 열어`: the date belongs to an earlier clause
                if starts_a_modifier(sentence, d, cue):
                    break  # `1998년부터 추진 중인 전략의 결과 … 지정됐다`: the year of the clause it modifies
                if another_step_between(sentence, d.end, cue):
                    break  # `다음 달 30일 … 접수한 뒤 12월 10일 평가위원회를`: the day is the earlier step's
                if is_target(sentence, d, cue):
                    break  # `2012년 말 완공할 계획이다`, `2013년 8월 준공 예정으로, …가 선정됐다`: no event's date
                if i == lead_index and (not cue.modifier or d is not lead_date):
                    continue
                made = _related_event(doc, i, d, cue, body, mains)
                if made is not None:
                    out.append(made)
                    break
                if ends_in_time_noun(sentence, cue):
                    break  # `12월 출범식을 가진 뒤 열린 …`: what follows happened later
    return out


# `착공식 후에는 …협의회가 열렸다`, `협약식 직후`: a happening right after the main one, on its day
_AFTER_MAIN = re.compile(r"^(?P<what>[가-힣]{1,8}(?:식|행사))\s?(?:이\s)?(?:후|직후|뒤|이후)(?:에는|에|엔|에도)?(?=\s)")


def _after_main(sentence: Sentence, lead_date: DateMention, mains: list[EventMention]) -> list[DateMention]:
    m = _AFTER_MAIN.match(sentence.text)
    if m is None or not (m["what"] == "행사" or any(m["what"] in x.title for x in mains)):
        return []
    return [DateMention(sentence.start + m.start(), sentence.start + m.end(), m.group(), lead_date.date)]


def is_target(sentence: Sentence, d: DateMention, cue: Cue) -> bool:
    """A deadline, or a year or month that is a target, dates no event: `2042년까지 … 투자할`, `2013년 8월
    준공 예정으로`, `2012년 말 완공할 계획이다`."""
    between = [t for t in sentence.tokens if d.end <= t.start < cue.start]
    if between and between[0].form == "까지" and d.end_date is None:
        return True  # a deadline (`2월 29일까지 서류를 제출하면 된다`), not a happening
    if d.date.day is not None or cue.kind in ("hold", "attend"):
        return False  # `내년 1월 설명회를 열 예정이다`: a planned gathering keeps its month
    return any(t.form in PLAN_WORDS for t in between) or is_planned(sentence, cue)


def _related_event(doc: Doc, i: int, d: DateMention, cue: Cue, body: str,
                   mains: list[EventMention]) -> EventMention | None:
    sentence = doc.sentences[i]
    skip = [(x.start, x.end) for x in doc.dates_in(i)]
    launched = False  # the name is the subject: what was launched, formed or picked
    if cue.modifier:
        after = name_after(sentence, cue)
        if after is not None and _BODIES.search(after.text) and not after.quoted:
            return None  # `…를 결정한 6개 기업과 협약`, `선정된 업체들`: it says which bodies, not a happening
        name = after or object_of(sentence, cue, skip)  # `출범식을 가진 뒤`
    else:
        name = object_of(sentence, cue, skip)
        if name is None and (cue.passive or cue.kind == "launch" or cue.stem in event_cues().subject_verbs):
            name = subject_of(sentence, d.start)  # `협의회는 … 2019년 7월 처음 출범했다`: it was launched
            if name is None and cue.passive and cue.kind == "hold":
                name = nearest_subject(sentence, cue)  # `착공식 후에는 …협의회가 … 열렸다`
            launched = name is not None
    kind = cue_type(cue, name, sentence.text)
    if kind is None or name is None:
        return None
    if launched:
        name = _full_body(doc, name)
    host_phrase = None if cue.modifier or (launched and not cue.passive) else subject_of(sentence, d.start)
    if host_phrase is None and not cue.modifier and d.relative:
        host_phrase = subject_of(sentence, cue.start)  # `삼성바이오로직스도 이날 … 착공식을 열었다`
    host = [o.name for o in orgs_in(doc.orgs, host_phrase.start, host_phrase.end)] if host_phrase else []
    if not host and d.relative and not cue.modifier:  # `한편 삼성바이오로직스도 이날`: the bodies before the day
        host = [o.name for o in orgs_in(doc.orgs, sentence.start, d.start)]
    if d.relative and d.date in [m.date for m in mains] and not another_company(doc, host, mains) and (
            not name.quoted or kind in {m.type for m in mains}
            or ordinal_of(name.text) in {m.ordinal for m in mains if m.ordinal is not None}):
        return None  # `이날 진행된 제1차 회의`: the main event again
    number = ordinal_of(name.text)
    if number is not None and any(m.ordinal == number and m.type == kind for m in mains):
        return None  # `지난해 12월 … 뒤 열린 두 번째 정기회의`: the main meeting, not one of another day
    title = title_for(cue, name, host if not cue.passive else [], generic_prefix=body)
    if kind != "meeting":
        title = with_actor(doc, title, host)
    if any(m.title == title and m.date == d.date for m in mains):
        return None
    venue = venue_after(sentence, d.end)
    same = _SAME_PLACE.search(sentence.text[:cue.start - sentence.start])
    place = venue.text if venue else next((m.venue for m in mains if m.venue), None) if same else None
    return EventMention(date=d.date, end_date=d.end_date, type=kind, title=title,
                        venue=place, ordinal=ordinal_of(title),
                        participants=merge_roles([(h, "host") for h in host
                                                  if not is_body(h, title, kind, doc)]),
                        main=False, evidence=[doc.analysed.evidence(sentence.start, sentence.end)])


def fold_frames(doc: Doc, lead_index: int, mains: list[EventMention],
                 related: list[EventMention]) -> list[EventMention]:
    """Related events that are the main one again. A meeting on the main day around a decision or an
    announcement (`…주재로 열린 제3차 …위원회에서 …를 의결했다`, `이날 …원탁회의를 개최하고`) is where it was
    made: its name goes in brackets after the main title. A happening of the main's type on its day that
    is about the same thing (a caption of the ceremony the lead reports) is the main event itself."""
    out = []
    for r in related:
        same_day = [n for n, m in enumerate(mains) if r.date.day is not None and m.date == r.date]
        frame = [n for n in same_day if mains[n].type not in GATHERINGS]
        if r.type == "meeting" and frame:
            m = mains[frame[0]]
            meeting = re.sub(r"\s*\([^()]*\)$", "", r.title)  # without its own aside
            if "".join(meeting.split()) not in "".join(m.title.split()):
                mains[frame[0]] = m.model_copy(update={"title": f"{m.title}({meeting})"})
            continue
        works = [n for n in same_day if mains[n].type == "other" and r.type == "event"
                 and (kind := kind_of(r.title)) is not None and kind == kind_of(mains[n].title)]
        if works:  # `19일 센터를 착공해` then `이날 … 착공식을 가졌다`: the works' ceremony is the happening
            m = mains[works[0]]
            mains[works[0]] = m.model_copy(update={
                "type": r.type, "title": r.title, "venue": m.venue or r.venue,
                "attendees": m.attendees if m.attendees is not None else r.attendees,
                "evidence": [*m.evidence, *(e for e in r.evidence if e not in m.evidence)]})
            continue
        hosts = [p.organization for p in r.participants if p.role in ("host", "signatory")]
        if any(mains[n].type == r.type and not another_company(doc, hosts, [mains[n]]) for n in same_day):
            continue  # the main event again: a caption of its ceremony, its signing named around it
        out.append(r)
    return out


def _companies(doc: Doc, names: Sequence[str]) -> set[str]:
    return {n for n in names if doc.is_a(n, "company")}


def another_company(doc: Doc, host: Sequence[str], mains: Sequence[EventMention]) -> bool:
    """`한편 삼성바이오로직스도 이날 … 착공식을 열었다` after a Celltrion lead: another company's happening of
    the same day, not the main event again."""
    ours = _companies(doc, host)
    theirs = _companies(doc, [p.organization for m in mains for p in m.participants if p.role in ("host", "signatory")])
    return bool(ours) and bool(theirs) and not ours & theirs


def _full_body(doc: Doc, name: Phrase) -> Phrase:
    """A body named by its head alone (`추진협의회는 … 출범했다`): the one body of the story it stands for."""
    if name.quoted or len(name.text.split()) > 1:
        return name
    bodies = list(dict.fromkeys(o.name for o in orgs_in(doc.orgs, name.start, name.end)))
    if not bodies:
        short = "".join(name.text.split())
        bodies = list(dict.fromkeys(o.name for o in doc.orgs
                                    if "".join(o.name.split()).endswith(short) and len(o.name) > len(short)))
    return Phrase(name.start, name.end, bodies[0], name.quoted) if len(bodies) == 1 else name


def named(event: EventMention, mains: list[EventMention]) -> EventMention | None:
    """A related event whose title names nothing (`지난해 행사`) takes the name of the story's series
    (`BIO KOREA 2025` → `BIO KOREA 2024`) or is dropped."""
    if not is_vacuous(event.title):
        return event
    for m in mains:
        if m.type != event.type or m.date.year is None:
            continue
        year = event.date.year
        shift = year_shift(event.title)
        if year is None and shift is not None:
            year = m.date.year + shift
        title = series_title(m.title, m.date.year, year)
        if title is not None:
            return event.model_copy(update={"title": title, "ordinal": ordinal_of(title)})
    return None
