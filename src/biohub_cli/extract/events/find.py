"""Events: what a document reports (main) and the other dated happenings it mentions (related).

The lead (leads.py) gives the main event: the date, the place after the date, the subject as host, and
a title an analyst would write (the thing it is about, who holds it, its kind). A named announcement or
agreement in the sentences right after it is a second main event of the same day. An event named around
the main one ("열린 '2025 …투자대전'에서") and any other date followed by an event clause ("지난 2019년 7월
구성됐다", "6월 7일 『…』을 개최했으며") become related events (related.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from biohub_cli.extract.dates.find import DateMention, is_report_date
from biohub_cli.extract.events.about import (
    context_name,
    names_anybody,
    referent,
    widen,
    with_actor,
    with_parties,
    without_purpose,
)
from biohub_cli.extract.events.cues import event_cues, type_of_name
from biohub_cli.extract.events.document import (
    GATHERINGS,
    Clause,
    Doc,
    co_hosts_of,
    hosts_of,
    is_body,
    is_reference_point,
    parties_before,
    people_in,
    picked_of,
    selection_title,
    venue_of,
)
from biohub_cli.extract.events.hosts import run_by
from biohub_cli.extract.events.leads import lead as find_lead
from biohub_cli.extract.events.leads import predicates
from biohub_cli.extract.events.parts import (
    attended,
    attendee_count,
    has_attendance,
    has_membership,
    is_generic_gathering,
    merge_roles,
    ordinal_of,
    orgs_in,
)
from biohub_cli.extract.events.phrases import Phrase, clean_name, phrase_back
from biohub_cli.extract.events.related import fold_frames, named, related
from biohub_cli.extract.events.titles import (
    agreement_title,
    is_generic,
    title_for,
)
from biohub_cli.extract.spans import body_sentences
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.facts import EventMention, OrgMention, PersonMention
from biohub_cli.models.stages import Analysed, Sentence
from biohub_cli.models.vocab import EventType, Role

FOLLOW_UP = 3             # sentences after the lead that may hold a second main event


def find_events(analysed: Analysed, dates: Sequence[DateMention], orgs: Sequence[OrgMention],
                people: Sequence[PersonMention]) -> list[EventMention]:
    """The main event(s) of the story and the related events it dates, in a stable order."""
    segment = analysed.document.segment_of
    doc = Doc(analysed, body_sentences(analysed),
               [d for d in dates if segment(d.start) != "translation" and not is_report_date(analysed, d)],
               [o for o in orgs if segment(o.evidence.start) != "translation"],
               [p for p in people if segment(p.evidence.start) != "translation"],
               [d for d in dates if segment(d.start) != "translation" and is_report_date(analysed, d)])
    lead = find_lead(doc)
    events: list[EventMention] = []
    if lead is not None:
        index, date, clauses = lead
        doc.dated_elsewhere = {i for i in range(len(doc.sentences)) if any(
            date is None or (d.date != date.date and not is_reference_point(doc.sentences[i], d))
            for d in doc.dates_in(i))}
        frames: list[Clause] = []
        predicates(doc, index, frames)
        # the meeting's own aside goes: `…원탁회의(제9차 산업전략 원탁회의)` in brackets is `…원탁회의`
        frame = re.sub(r"\s*\([^()]*\)$", "", title_for(frames[0].cue, frames[0].name, [])) if frames else None
        mains = [_main(doc, index, date, c, frame) for c in clauses]
        mains += _follow_ups(doc, index, date, [m.type for m in mains])
        related_events = fold_frames(doc, index, mains, related(doc, index, date, mains))
        _share_gathering_facts(doc, index, mains, related_events)
        events = mains + [r for r in (named(r, mains) for r in related_events) if r is not None]
    return sorted(_unique(events), key=lambda e: (not e.main, e.date.sort_key(), e.title, e.type))


def _main(doc: Doc, index: int, date: DateMention | None, clause: Clause, frame: str | None = None) -> EventMention:
    """The main event of a lead clause. The meeting it came out of (`…위원회를 열고 … 선정했다`,
    `…원탁회의를 열고 … 발표했다`) is the same happening: its name goes in brackets after the title."""
    sentence = doc.sentences[index]
    venue = venue_of(sentence, date, doc)
    host = hosts_of(doc, sentence, date, clause)
    parts: list[tuple[str, Role]] = [(h, "signatory" if clause.type == "agreement" else "host") for h in host]
    actor: str | None = None
    if clause.type == "agreement":
        parties = list(dict.fromkeys([*host, *(o.name for o in parties_before(doc, sentence, clause, venue))]))
        counted = counted_party(sentence, clause)  # `…기업 및 연구개발기관 11곳과 … MOU를 체결`
        title, names = agreement_title(doc.sentences, widen(doc, sentence, clause.name),
                                       [*parties, *([counted] if counted else [])], doc.dated_elsewhere)
        if clause.cue.kind == "meet":  # `…에서 만나 ‘첨단의료복합단지’를 함께 유치하기로 했다`: what they agreed on
            about = context_name(doc, index, sentence.end)
            title = f"{about} 합의" if about else "합의"
        title = title if names else without_purpose(title)  # a quoted name is the official one
        for phrase in names:
            parties += [o.name for o in orgs_in(doc.orgs, phrase.start, phrase.end)]
        if clause.name is not None and not names:  # `…가 롯데바이오 메가플랜트 유치를 위한 MOU를 체결`: the company
            parties += [o.name for o in orgs_in(doc.orgs, clause.name.start, clause.name.end) if o.type == "company"]
        if not names:
            seen = {o.name: o.evidence.start for o in reversed(orgs_in(doc.orgs, sentence.start, sentence.end))}
            title = with_parties(doc, title, [*sorted(parties, key=lambda o: seen.get(o, sentence.end)),
                                              *([counted] if counted else [])])
        parts += [(o, "signatory") for o in parties]
    else:
        name = _named_thing(doc, index, clause)
        title = selection_title(doc, sentence, clause) or title_for(clause.cue, name, host)
        title = title if name is not None and name.quoted else without_purpose(title)
        if clause.type != "meeting":
            title = with_actor(doc, title, host)
        elif host and name is not None and not name.quoted and not is_generic(name.text) \
                and not names_anybody(doc, title) and _government(doc, host[0]):
            title = f"{host[0]} {title}"  # `부산시는 … 비상경제대책회의를 열고`: the city's own meeting
            actor = host[0]
        if clause.cue.kind == "resolve" and host and host[0] not in title:
            title = f"{host[0]} {title}"  # a resolution is its body's: `화순군 … 유치 결의`
        if clause.cue.kind == "pass":
            title = passed_title(sentence, clause, title)
        co_hosts = co_hosts_of(doc, sentence, clause, venue)
        parts += [(o.name, "host") for o in co_hosts]
        chosen = picked_of(sentence, clause)  # the bodies of a consortium picked take part in its selection
        parts += [(o.name, "other") for o in orgs_in(doc.orgs, chosen.start, chosen.end)] if chosen else []
        if clause.type in GATHERINGS:  # `… 대표들과 간담회를 개최`: the others named in the lead take part
            parts += [(o.name, "attendee") for o in orgs_in(doc.orgs, sentence.start, clause.cue.start)
                      if not (venue and venue.start <= o.evidence.start < venue.end)]
        elif clause.type == "designation":  # `A와 B 공동 공모사업에 C가 선정`: who runs the contest and who is picked
            parts += [(o.name, "other") for o in orgs_in(doc.orgs, sentence.start, clause.cue.start)
                      if not (venue and venue.start <= o.evidence.start < venue.end)]
    if clause.name is None or is_generic(clause.name.text):
        # `부산광역시 간담회`: a host named in a built title is no meeting body, unless it is a council
        # or group holding its own meeting (`추진단은 … 제2차 정기회의를 가졌다`)
        host_titled = {h for h in host if not doc.is_a(h, "council")}
    else:
        host_titled = set()
    host_titled |= {actor} if actor else set()  # the host named in a title built here still hosts
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
    bare = name is None or is_generic(name.text)
    works = clause.cue.kind == "build" and name is not None and not name.quoted \
        and not _names_something(sentence, name)  # `병원 건립에 필요한 공사에 착수`: which hospital
    if (bare or works) and clause.type != "meeting":  # a meeting is its body's
        about = context_name(doc, index, clause.cue.start, clause.type)
        if about is not None and clause.type == "launch" and _is_plan(about):
            # `‘…조성 및 운영계획’을 발표` then `추진단을 발족`: a plan names no body; the one body of the
            # story with that head noun does (`바이오특화단지 추진단`)
            about = None
            if name is not None:
                head = "".join(name.text.split())
                bodies = {o.name for o in doc.orgs if "".join(o.name.split()).endswith(head) and o.name != head}
                if len(bodies) == 1:
                    return Phrase(name.start, name.end, bodies.pop(), True)
        built = _built_before(sentence, clause) if about is None and bare and name is not None else None
        if built is not None:  # `4개 센터 건립을 완료하고 29일 준공식을 갖는다`: the centres' ceremony
            return Phrase(name.start, name.end, f"{built} {name.text}", True)  # type: ignore[union-attr]
        if about is not None and type_of_name(about) == clause.type:
            return Phrase(name.start if name else clause.cue.start, name.end if name else clause.cue.end, about, True)
        if about is not None and not (name and "".join(about.split()) in "".join(name.text.split())):
            start = name.start if name else clause.cue.start
            return Phrase(start, name.end if name else clause.cue.end,
                          f"{about} {name.text}" if name else about, True)
    return name


_COUNTED = re.compile(r"^\d+\s*(?:곳|개\s*기관|개\s*기업|개\s*업체|개사|개\s*단체)$")


def counted_party(sentence: Sentence, clause: Clause) -> str | None:
    """The other side of an agreement given by a count, not by names: `충북도는 … 바이오 기업 및
    연구개발기관 11곳과 … 양해각서를 체결했다` → `바이오 관련 기업 및 연구개발기관 11곳`."""
    toks = sentence.tokens
    for k in range(clause.cue.opening - 1, 0, -1):
        if toks[k].tag in ("EC", "EF", "SF"):
            return None
        if toks[k].form in ("과", "와") and toks[k].tag in ("JKB", "JC"):
            found = phrase_back(sentence, k - 1, bridge=False)
            words = found.text.split() if found else []
            if found is None or len(words) < 2 or not _COUNTED.match(words[-1]):
                return None
            text, at = found.text, next(n for n, t in enumerate(toks) if t.start == found.start)
            if at >= 2 and toks[at - 1].form in ("및", "·", ","):
                before = phrase_back(sentence, at - 2, bridge=False)
                text = f"{before.text} {toks[at - 1].form} {text}" if before else text
            return text
    return None


def _government(doc: Doc, name: str) -> bool:
    return any(o.name == name and o.type == "government" for o in doc.orgs)


def _is_plan(name: str) -> bool:
    """`… 조성 및 운영계획`, `… 육성 전략`: a document of plans, not a body or a place."""
    return "".join(name.split()).endswith(tuple(event_cues().target_words))


_PERIOD_ASIDE = re.compile(r"\s*\([^()]*\d{4}\s*년[^()]*\)")


def passed_title(sentence: Sentence, clause: Clause, title: str) -> str:
    """`‘…구축사업’이 예비타당성조사(2021년 12월~…)를 통과했다` → `…구축사업 예비타당성조사 통과`: what passed,
    the review it passed, without the review's period."""
    title = _PERIOD_ASIDE.sub("", title)
    toks = sentence.tokens
    at = next((k for k in range(clause.cue.opening - 1, 0, -1) if toks[k].tag == "JKS"
               or toks[k].tag in ("EC", "EF", "SF")), None)
    passed = phrase_back(sentence, at - 1, bridge=False) if at is not None and toks[at].tag == "JKS" else None
    if passed is None or clean_name(passed.text) in title:
        return title
    return f"{clean_name(passed.text)} {title}"


def _built_before(sentence: Sentence, clause: Clause) -> str | None:
    """What a bare ceremony is for, from the works the lead says were done before it: `핵심연구시설인 4개
    센터 건립을 완료하고 … 준공식` → `4개 센터`."""
    if clause.type != "event":
        return None
    toks = sentence.tokens
    works = event_cues().build_objects
    for k in range(clause.cue.opening - 1, 1, -1):
        if toks[k].tag == "JKO" and toks[k - 1].form in works and toks[k - 2].tag in ("NNG", "NNP", "NNB", "SN"):
            found = phrase_back(sentence, k - 2, bridge=False)
            text = re.split(r"\s등\s", found.text)[-1] if found is not None else ""  # `…센터 등 4개 센터`: the sum
            return text if len(text) >= 2 else None
    return None


def _names_something(sentence: Sentence, name: Phrase) -> bool:
    """A proper name, a number or a Latin word in the phrase (`제3공장`, `글로벌 R&PD 센터`)."""
    return any(t.tag in ("NNP", "SN", "SL") for t in sentence.tokens if name.start <= t.start < name.end)


def _follow_ups(doc: Doc, index: int, date: DateMention | None, have: list[EventType]) -> list[EventMention]:
    """A named announcement or agreement right after the lead, on the same day: a second main event."""
    out: list[EventMention] = []
    for i in range(index + 1, min(len(doc.sentences), index + 1 + FOLLOW_UP)):
        if "\n" in doc.analysed.document.text[doc.sentences[index].end:doc.sentences[i].start]:
            break  # a new paragraph
        if any(d.date != (date.date if date else None) for d in doc.dates_in(i)):
            continue
        for clause in predicates(doc, i):
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


def _share_gathering_facts(doc: Doc, lead_index: int, mains: list[EventMention],
                           related: list[EventMention]) -> None:
    """Attendance and membership sentences about the story's day: count and bodies for the main events. A
    head count goes to the happening its sentence is about: the lead's to its events, `협약식에는 …` to the
    agreement, `… 행사에 참석했다` to a gathering, or to the fair the main events took place at."""
    count: int | None = None
    counted: str | None = None  # what the count sentence says was attended (`행사`, `협약식`)
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
                counted = None if i == lead_index else attended(sentence)
            people_idx.append(i)
            extra += [(o.name, "attendee") for o in orgs_in(doc.orgs, sentence.start, sentence.end)
                      if i != lead_index]
        elif has_membership(sentence):  # not a body named in an aside: `국립산림품종관리센터(…, 산림청 산하기관)`
            members += [o.name for o in orgs_in(doc.orgs, sentence.start, sentence.end)
                        if not _in_aside(doc.analysed.document.text, sentence.start, o.evidence.start)]
    extra += [(o, "member") for o in members]
    takers = _counted_by(counted, mains, related) if count is not None else set()
    for n, m in enumerate(related):
        if ("related", n) in takers:
            related[n] = m.model_copy(update={"attendees": count})
    for n, m in enumerate(mains):
        parts = [(p.organization, p.role) for p in m.participants]
        if m.type == "agreement":  # `… 13곳이 (협약에) 이름을 올렸다`: parties to it
            parts += [(o, "signatory") for o in members]
        if m.type in GATHERINGS:
            ran = [r for i in range(lead_index, len(doc.sentences)) if i not in doc.dated_elsewhere
                   for r in run_by(doc, doc.sentences[i], m.title)]
            parts += [p for p in [*extra, *ran] if not is_body(p[0], m.title, m.type, doc)]
        people = list(dict.fromkeys([*m.people, *people_in(doc, people_idx)]))
        mains[n] = m.model_copy(update={"attendees": count if ("main", n) in takers else m.attendees,
                                        "participants": merge_roles(parts), "people": people})


def _in_aside(text: str, start: int, at: int) -> bool:
    """The offset lies inside brackets opened after `start`."""
    opening = text.rfind("(", start, at)
    return opening >= 0 and ")" not in text[opening:at]


def _counted_by(counted: str | None, mains: list[EventMention],
                related: list[EventMention]) -> set[tuple[str, int]]:
    """Which events a head count belongs to (see `_share_gathering_facts`)."""
    every = {("main", n) for n in range(len(mains))}
    if counted is None:
        return every  # the lead's own count (`30여 명이 참석한 가운데 … 체결했다`)
    named = type_of_name(counted)
    if named is not None and not is_generic_gathering(counted):
        same = {("main", n) for n, m in enumerate(mains) if m.type == named}
        if same:
            return same  # `협약식에는 20여 명이 참석했다`
    gatherings = {("main", n) for n, m in enumerate(mains) if m.type in GATHERINGS}
    if gatherings:
        return gatherings
    days = {m.date.iso() for m in mains}
    fairs = {("related", n) for n, r in enumerate(related) if r.type == "event" and r.date.iso() in days}
    return fairs or every  # `400여 명이 행사에 참석했다`: the fair the agreements were signed at


def _unique(events: list[EventMention]) -> list[EventMention]:
    seen: dict[tuple[str, str, bool], EventMention] = {}
    for e in events:
        key = (e.date.iso(), e.title, e.main)
        if key not in seen:
            seen[key] = e
    return list(seen.values())


__all__ = ["event_cues", "find_events", "type_of_name"]
