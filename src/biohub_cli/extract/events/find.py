"""Events: what a document reports (main) and the other dated happenings it mentions (related).

The lead is the first sentence with a date and an event clause ("…는 6월 11일 …에서 ‘…’를
개최했다고 밝혔다"): its last clause is the main event, with the date, the place after the date, the
subject as host and the quoted name as title. A named announcement or agreement in the sentences
right after it is a second main event of the same day. An event named around the main one ("열린
'2025 …투자대전'에서") and any other date followed by an event clause ("지난 2019년 7월 구성됐다",
"6월 7일 『…』을 개최했으며") become related events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from biohub_cli.extract.dates.find import DateMention, is_report_date
from biohub_cli.extract.events.about import (
    context_name,
    referent,
    widen,
    with_actor,
    with_parties,
    without_purpose,
)
from biohub_cli.extract.events.clauses import (
    Cue,
    Phrase,
    cue_type,
    name_after,
    nearest_subject,
    object_of,
    subject_of,
    verb_cues,
)
from biohub_cli.extract.events.cues import event_cues, type_of_name
from biohub_cli.extract.events.document import (
    GATHERINGS,
    Clause,
    Doc,
    co_hosts_of,
    ends_in_time_noun,
    hosts_of,
    is_body,
    is_caption,
    is_headline,
    is_reference_point,
    next_day,
    parties_before,
    people_in,
    selection_title,
    venue_of,
)
from biohub_cli.extract.events.hosts import run_by
from biohub_cli.extract.events.parts import (
    attendee_count,
    body_of,
    has_attendance,
    has_membership,
    merge_roles,
    ordinal_of,
    orgs_in,
    venue_after,
)
from biohub_cli.extract.events.since import since_event, since_name
from biohub_cli.extract.events.titles import (
    agreement_title,
    is_generic,
    is_vacuous,
    series_title,
    title_for,
    year_shift,
)
from biohub_cli.extract.spans import body_sentences
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.facts import EventMention, OrgMention, PersonMention
from biohub_cli.models.stages import Analysed
from biohub_cli.models.vocab import EventType, Role

LEAD_SEARCH = 12          # full sentences (ending in a verb) searched for the lead
FOLLOW_UP = 3             # sentences after the lead that may hold a second main event
_SAME_PLACE = re.compile(r"(?:같은|동일한|그)\s*(?:장소|곳)에서")  # `같은 장소에서 … 열린`: the main venue
_OUTCOMES = frozenset({"designate", "decide", "rename", "announce"})  # what a meeting held in the same sentence did


def find_events(analysed: Analysed, dates: Sequence[DateMention], orgs: Sequence[OrgMention],
                people: Sequence[PersonMention]) -> list[EventMention]:
    """The main event(s) of the story and the related events it dates, in a stable order."""
    segment = analysed.document.segment_of
    doc = Doc(analysed, body_sentences(analysed),
               [d for d in dates if segment(d.start) != "translation" and not is_report_date(analysed, d)],
               [o for o in orgs if segment(o.evidence.start) != "translation"],
               [p for p in people if segment(p.evidence.start) != "translation"],
               [d for d in dates if segment(d.start) != "translation" and is_report_date(analysed, d)])
    lead = _lead(doc)
    events: list[EventMention] = []
    if lead is not None:
        index, date, clauses = lead
        doc.dated_elsewhere = {i for i in range(len(doc.sentences)) if any(
            date is None or (d.date != date.date and not is_reference_point(doc.sentences[i], d))
            for d in doc.dates_in(i))}
        frames: list[Clause] = []
        _predicates(doc, index, frames)
        frame = title_for(frames[0].cue, frames[0].name, []) if frames else None
        mains = [_main(doc, index, date, c, frame) for c in clauses]
        mains += _follow_ups(doc, index, date, [m.type for m in mains])
        related = _fold_frames(doc, index, mains, _related(doc, index, date, mains))
        _share_gathering_facts(doc, index, mains)
        events = mains + [r for r in (_named(r, mains) for r in related) if r is not None]
    return sorted(_unique(events), key=lambda e: (not e.main, e.date.sort_key(), e.title, e.type))


def _lead(doc: Doc) -> tuple[int, DateMention | None, list[Clause]] | None:
    """The lead among the story's full sentences; a headline (`인천시, 12월 2일 송도서 ‘…’ 연다`)
    leads only when no full sentence does."""
    span = _lead_span(doc)
    skipped = {i for i in range(span) if is_headline(doc, i) or is_caption(doc.sentences[i])}
    return _lead_among(doc, span, skipped) or _lead_among(doc, span, set())


def _lead_span(doc: Doc) -> int:
    """How many sentences hold the first LEAD_SEARCH full ones: page lines without a verb (`상태바`,
    `• 더 작게`, `URL 복사완료`) do not count."""
    full = 0
    for i, s in enumerate(doc.sentences):
        full += any(t.tag == "EF" for t in s.tokens)
        if full >= LEAD_SEARCH:
            return i + 1
    return len(doc.sentences)


def _lead_among(doc: Doc, span: int, skip: set[int]) -> tuple[int, DateMention | None, list[Clause]] | None:
    """The first sentence with a day followed by an event clause; else the first event clause dated by
    the day it was reported (`…체결했다고 2일 밝혔다`); else the first event clause. A background
    sentence before a dated lead (`정부는 지난 2023년 … 지정했다`) does not lead, and a target year
    (`2035년 … 도약하려고 수립한 …`, `2022년 7월 준공될 계획이다`) dates no lead."""
    fallback: tuple[int, DateMention | None, list[Clause]] | None = None
    reported_lead: tuple[int, DateMention | None, list[Clause]] | None = None
    for i in range(span):
        if i in skip:
            continue
        clauses = _predicates(doc, i)
        if not clauses:
            continue
        before = _clause_dates(doc, i, clauses[0].cue)
        text = doc.analysed.document.text
        # the most precise date, not one that ends a period (`17일 … 오는 19일까지 … 개최한다`), the last
        date = max(before, key=lambda d: (_PRECISION[d.date.precision], not _UNTIL.match(text, d.end), d.start)) \
            if before else None
        if date is not None and date.date.day is not None:
            return i, date, clauses
        s = doc.sentences[i]
        reported = [d for d in doc.reported if clauses[0].cue.start < d.start < s.end]
        if reported and date is None and reported_lead is None:
            reported_lead = (i, reported[0], clauses)
        if fallback is None:
            fallback = (i, date or (reported[0] if reported else next_day(doc, i)), clauses)
    if fallback is not None and fallback[1] is None and reported_lead is not None:
        return reported_lead  # `정부가 …를 발표했다.` then `…을 의결했다고 25일 밝혔다.`: the dated report leads
    return fallback


_UNTIL = re.compile(r"\s*까지")
_PLANNED_CLAUSE = re.compile(r"(?:예정|계획|목표|방침)")


def _clause_dates(doc: Doc, i: int, cue: Cue) -> list[DateMention]:
    """The dates before a cue that date its clause. A month or year inside another clause
    (`2035년 … 도약하려고 수립한 …를 발표`) or a target (`2022년 7월 준공될 계획이다`) does not."""
    s = doc.sentences[i]
    planned = _PLANNED_CLAUSE.search(s.text[cue.end - s.start:]) is not None
    out = []
    for d in doc.dates_in(i):
        if d.start >= cue.start:
            continue
        if d.date.day is None and (planned or any(t.tag == "EC" and d.end <= t.start < cue.start
                                                  for t in s.tokens)):
            continue
        out.append(d)
    return out


_PRECISION = {"day": 3, "month": 2, "year": 1, "unknown": 0}


def _predicates(doc: Doc, i: int, frames: list[Clause] | None = None) -> list[Clause]:
    """The event clauses of a sentence that end in a verb (not `열린 …`): the main one first, then
    other named ones of another type (`…를 개최하고 ‘…’ 협약을 체결했다`)."""
    sentence = doc.sentences[i]
    skip = [(d.start, d.end) for d in doc.dates_in(i)] + [(d.start, d.end) for d in doc.reported]
    clauses: list[Clause] = []
    for cue in verb_cues(sentence):
        if cue.modifier:
            continue
        name = object_of(sentence, cue, skip)
        if name is None and (cue.passive or cue.stem in event_cues().subject_verbs):
            name = nearest_subject(sentence, cue) or subject_of(sentence, cue.start)  # `'…'가 개막했다`
        kind = cue_type(cue, name, sentence.text)
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


def _main(doc: Doc, index: int, date: DateMention | None, clause: Clause, frame: str | None = None) -> EventMention:
    """The main event of a lead clause. The meeting it came out of (`…위원회를 열고 … 선정했다`,
    `…원탁회의를 열고 … 발표했다`) is the same happening: its name goes in brackets after the title."""
    sentence = doc.sentences[index]
    venue = venue_of(sentence, date, doc)
    host = hosts_of(doc, sentence, date, clause)
    parts: list[tuple[str, Role]] = [(h, "signatory" if clause.type == "agreement" else "host") for h in host]
    if clause.type == "agreement":
        parties = list(dict.fromkeys([*host, *(o.name for o in parties_before(doc, sentence, clause, venue))]))
        title, names = agreement_title(doc.sentences, widen(doc, sentence, clause.name), parties, doc.dated_elsewhere)
        title = without_purpose(title)
        for phrase in names:
            parties += [o.name for o in orgs_in(doc.orgs, phrase.start, phrase.end)]
        if not names:
            seen = {o.name: o.evidence.start for o in reversed(orgs_in(doc.orgs, sentence.start, sentence.end))}
            title = with_parties(doc, title, sorted(parties, key=lambda o: seen.get(o, sentence.end)))
        parts += [(o, "signatory") for o in parties]
    else:
        name = _named_thing(doc, index, clause)
        title = selection_title(doc, sentence, clause) or title_for(clause.cue, name, host)
        title = without_purpose(title)
        if clause.type != "meeting":
            title = with_actor(doc, title, host)
        co_hosts = co_hosts_of(doc, sentence, clause, venue)
        parts += [(o.name, "host") for o in co_hosts]
        if clause.type in GATHERINGS:  # `… 대표들과 간담회를 개최`: the others named in the lead take part
            parts += [(o.name, "attendee") for o in orgs_in(doc.orgs, sentence.start, clause.cue.start)
                      if not (venue and venue.start <= o.evidence.start < venue.end)]
    if clause.name is None or is_generic(clause.name.text):
        # `부산광역시 간담회`: a host named in a built title is no meeting body, unless it is a council
        # or group holding its own meeting (`추진단은 … 제2차 정기회의를 가졌다`)
        host_titled = {h for h in host if not any(o.name == h and o.type == "council" for o in doc.orgs)}
    else:
        host_titled = set()
    ev = [doc.analysed.evidence(sentence.start, sentence.end)]
    ordinal = ordinal_of(title, clause.name.text if clause.name else "")
    if frame and "".join(frame.split()) not in "".join(title.split()):
        title = f"{title}({frame})"
    return EventMention(
        date=date.date if date else PartialDate(), end_date=date.end_date if date else None, type=clause.type,
        title=title, venue=venue.text if venue else None, ordinal=ordinal,
        participants=merge_roles([p for p in parts
                                  if p[0] in host_titled or not is_body(p[0], title, clause.type, doc)]),
        people=people_in(doc, [index]), main=True, evidence=ev)


def _named_thing(doc: Doc, index: int, clause: Clause) -> Phrase | None:
    """The clause's name with its owner and the names joined to it; a pointing phrase (`두 센터`) as the names
    it points back to; a bare kind (`착공식`) with the thing the lead or the sentences before it quote."""
    sentence = doc.sentences[index]
    name = widen(doc, sentence, clause.name)
    if name is not None:
        words = name.text.split()
        pointed = referent(doc, Phrase(name.start, name.end, " ".join(words[:2]))) if len(words) >= 2 else None
        if pointed is not None:
            name = Phrase(name.start, name.end, " ".join([pointed, *words[2:]]), name.quoted)
    if (name is None or is_generic(name.text)) and clause.type != "meeting":  # a meeting is its body's
        about = context_name(doc, index, clause.cue.start)
        if about is not None:
            start = name.start if name else clause.cue.start
            return Phrase(start, name.end if name else clause.cue.end,
                          f"{about} {name.text}" if name else about, True)
    return name


def _follow_ups(doc: Doc, index: int, date: DateMention | None, have: list[EventType]) -> list[EventMention]:
    """A named announcement or agreement right after the lead, on the same day: a second main event."""
    out: list[EventMention] = []
    for i in range(index + 1, min(len(doc.sentences), index + 1 + FOLLOW_UP)):
        if "\n" in doc.analysed.document.text[doc.sentences[index].end:doc.sentences[i].start]:
            break  # a new paragraph
        if any(d.date != (date.date if date else None) for d in doc.dates_in(i)):
            continue
        for clause in _predicates(doc, i):
            if clause.type in have or clause.cue.kind in ("hold", "attend") or clause.name is None \
                    or not clause.name.quoted:
                continue
            sentence = doc.sentences[i]
            lead = doc.sentences[index]
            host = hosts_of(doc, sentence, None, clause) or hosts_of(doc, lead, date, clause)
            venue = venue_of(lead, date, doc)
            out.append(EventMention(
                date=date.date if date else PartialDate(), end_date=date.end_date if date else None,
                type=clause.type, title=title_for(clause.cue, clause.name, host),
                venue=venue.text if venue else None, ordinal=ordinal_of(clause.name.text),
                participants=merge_roles([(h, "host") for h in host]), people=people_in(doc, [index, i]),
                main=True, evidence=[doc.analysed.evidence(sentence.start, sentence.end)]))
            have.append(clause.type)
    return out


def _related(doc: Doc, lead_index: int, lead_date: DateMention | None,
             mains: list[EventMention]) -> list[EventMention]:
    """Events named around the main one, and other dates followed by an event clause."""
    out: list[EventMention] = []
    # a bare related meeting (`지난해 12월 정기회의`) is one of the main meeting's body; any other bare kind
    # names nothing and is dropped (`앞서 2018년 7월에도 MOU를 체결한 바 있다`)
    body = body_of(mains[0].title) if mains and mains[0].type == "meeting" else ""
    for i, sentence in enumerate(doc.sentences):
        cues = verb_cues(sentence)
        dates = doc.dates_in(i)
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
                if i == lead_index and (not cue.modifier or d is not lead_date):
                    continue
                made = _related_event(doc, i, d, cue, body, mains)
                if made is not None:
                    out.append(made)
                    break
                if ends_in_time_noun(sentence, cue):
                    break  # `12월 출범식을 가진 뒤 열린 …`: what follows happened later
    return out


def _related_event(doc: Doc, i: int, d: DateMention, cue: Cue, body: str,
                   mains: list[EventMention]) -> EventMention | None:
    sentence = doc.sentences[i]
    skip = [(x.start, x.end) for x in doc.dates_in(i)]
    launched = False  # the name is the subject: what was launched, formed or picked
    if cue.modifier:
        name = name_after(sentence, cue) or object_of(sentence, cue, skip)  # `출범식을 가진 뒤`
    else:
        name = object_of(sentence, cue, skip)
        if name is None and (cue.passive or cue.kind == "launch" or cue.stem in event_cues().subject_verbs):
            name = subject_of(sentence, d.start)  # `협의회는 … 2019년 7월 처음 출범했다`: it was launched
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
    if d.relative and d.date in [m.date for m in mains] and not _another_company(doc, host, mains) and (
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


def _fold_frames(doc: Doc, lead_index: int, mains: list[EventMention],
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
            if "".join(r.title.split()) not in "".join(m.title.split()):
                mains[frame[0]] = m.model_copy(update={"title": f"{m.title}({r.title})"})
            continue
        hosts = [p.organization for p in r.participants if p.role in ("host", "signatory")]
        if any(mains[n].type == r.type and not _another_company(doc, hosts, [mains[n]]) for n in same_day):
            continue  # the main event again: a caption of its ceremony, its signing named around it
        out.append(r)
    return out


def _companies(doc: Doc, names: Sequence[str]) -> set[str]:
    return {n for n in names if any(o.name == n and o.type == "company" for o in doc.orgs)}


def _another_company(doc: Doc, host: Sequence[str], mains: Sequence[EventMention]) -> bool:
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


def _share_gathering_facts(doc: Doc, lead_index: int, mains: list[EventMention]) -> None:
    """Attendance and membership sentences about the story's day: count and bodies for the main events."""
    count: int | None = None
    extra: list[tuple[str, Role]] = []
    members: list[str] = []
    people_idx: list[int] = []
    for i in range(lead_index, len(doc.sentences)):
        if i in doc.dated_elsewhere:
            continue
        sentence = doc.sentences[i]
        if any(mark in sentence.text for mark in ("“", "\"")):
            people_idx.append(i)  # who is quoted about the story's day speaks for its events
        if has_attendance(sentence):
            if count is None:
                count = attendee_count(sentence)
            people_idx.append(i)
            extra += [(o.name, "attendee") for o in orgs_in(doc.orgs, sentence.start, sentence.end)
                      if i != lead_index]
        elif has_membership(sentence):
            members += [o.name for o in orgs_in(doc.orgs, sentence.start, sentence.end)]
    extra += [(o, "member") for o in members]
    for n, m in enumerate(mains):
        parts = [(p.organization, p.role) for p in m.participants]
        if m.type == "agreement":  # `… 13곳이 (협약에) 이름을 올렸다`: parties to it
            parts += [(o, "signatory") for o in members]
        if m.type in GATHERINGS:
            ran = [r for i in range(lead_index, len(doc.sentences)) if i not in doc.dated_elsewhere
                   for r in run_by(doc, doc.sentences[i], m.title)]
            parts += [p for p in [*extra, *ran] if not is_body(p[0], m.title, m.type, doc)]
        people = list(dict.fromkeys([*m.people, *people_in(doc, people_idx)]))
        mains[n] = m.model_copy(update={"attendees": count if count is not None else m.attendees,
                                        "participants": merge_roles(parts), "people": people})


def _named(event: EventMention, mains: list[EventMention]) -> EventMention | None:
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


def _unique(events: list[EventMention]) -> list[EventMention]:
    seen: dict[tuple[str, str, bool], EventMention] = {}
    for e in events:
        key = (e.date.iso(), e.title, e.main)
        if key not in seen:
            seen[key] = e
    return list(seen.values())


__all__ = ["event_cues", "find_events", "type_of_name"]
