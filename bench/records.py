"""A synthetic knowledge base of exactly N events (with their sources, organisations and people),
written straight through biohub's models and store, for timing the read paths at sizes an ingest
of the benchmark corpus would take too long to reach.

    python bench/records.py KB_DIR --events 10000
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
import stories
import vocab

from biohub_cli.config import Layout
from biohub_cli.models import (
    Amount,
    Event,
    EventMention,
    Evidence,
    Extraction,
    Organization,
    OrgMention,
    PartialDate,
    ParticipantMention,
    Person,
    PersonMention,
    Quote,
    Source,
)
from biohub_cli.models.records import Mentions, Noise, Participant, PersonRole, Segment
from biohub_cli.resolve.ids import event_id, fingerprint, org_id, person_id
from biohub_cli.store import records_io

EVENTS_PER_SOURCE = 2.5
_ALL_ORGS = (vocab.CITIES + vocab.MINISTRIES + vocab.AGENCIES + vocab.COMPANIES + vocab.UNIVERSITIES
             + vocab.HOSPITALS + vocab.COUNCILS)


def _evidence(sid: str, text: str, needle: str) -> Evidence:
    start = max(0, text.find(needle))
    end = start + len(needle)
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return Evidence(source=sid, start=start, end=end, sentence=text[lo: hi if hi >= 0 else len(text)][:300])


def _org(o: vocab.Org, sources: list[str], sid: str, text: str) -> Organization:
    return Organization(id=org_id(o.name), name=o.name, name_en=o.english, aliases=sorted({o.short} - {o.name}),
                        type=o.type, sources=sources, evidence=[_evidence(sid, text, o.short)],
                        generated={"name": fingerprint(o.name), "type": fingerprint(o.type)})


def build(root: Path, n_events: int, seed: int = 7) -> dict[str, int]:
    """Write the knowledge base; returns how many records of each kind."""
    layout = Layout(root)
    n_sources = max(1, int(n_events / EVENTS_PER_SOURCE))
    org_sources: dict[str, list[str]] = {}
    people: dict[str, Person] = {}
    written = {"sources": 0, "events": 0, "orgs": 0, "people": 0}
    first_text: dict[str, tuple[str, str]] = {}
    ev_count = 0
    for j in range(n_sources):
        rel = corpus.release(seed, j)
        ev = stories.event(seed, rel.event)
        rng = random.Random(f"{seed}:kb:{j}")
        text = rel.story
        sid = f"src-{j:012x}"
        orgs = (ev.host, *ev.partners)
        for o in orgs:
            org_sources.setdefault(o.name, []).append(sid)
            first_text.setdefault(o.name, (sid, text))
        k = round(EVENTS_PER_SOURCE * (j + 1)) - round(EVENTS_PER_SOURCE * j)
        k = min(k, n_events - ev_count) if j < n_sources - 1 else n_events - ev_count
        ids = []
        for m in range(k):
            day = ev.date.toordinal() - 400 * m
            date = PartialDate.of(*_ymd(day)) if m == 0 or rng.random() < 0.7 else PartialDate.of(None, *_ymd(day)[1:])
            title = f"{text.splitlines()[0][:40]}" + (f" (관련 {m})" if m else "")
            eid = event_id(date.iso(), ev.kind, title + sid)
            ids.append(eid)
            people_ids = [person_id(p.name) for p in ev.people[:3]]
            event = Event(
                id=eid, date=date, type=ev.kind if ev.kind in _TYPES else "event", title=title, venue=ev.venue,
                ordinal=ev.ordinal if ev.kind == "meeting" else None, main=m == 0,
                participants=[Participant(organization=org_id(o.name), role="host" if i == 0 else "attendee")
                              for i, o in enumerate(orgs)],
                people=people_ids, attendees=ev.attendees,
                amounts=[Amount(value_krw=ev.total_eok * 100_000_000, text=f"{ev.total_eok:,}억", label="총사업비",
                                kind="total", evidence=_evidence(sid, text, "총사업비"))],
                quotes=[Quote(text="함께 성과를 내겠다", speaker=people_ids[0], evidence=_evidence(sid, text, "“"))],
                sources=[sid], generated={"title": fingerprint(title), "date": fingerprint(date.iso()),
                                          "venue": fingerprint(ev.venue)},
                evidence=[_evidence(sid, text, text.splitlines()[2][:20] if len(text.splitlines()) > 2 else text[:10])])
            written["events"] += records_io.save_record(layout, event)
            ev_count += 1
        for p in ev.people[:3]:
            pid = person_id(p.name)
            role = PersonRole(title=p.title, organization=org_id(p.org.name), first_seen=ev.date.isoformat(),
                              last_seen=ev.date.isoformat())
            if pid in people:
                old = people[pid]
                roles = old.roles if role.title in {r.title for r in old.roles} else [*old.roles, role]
                people[pid] = old.model_copy(update={"roles": roles, "sources": sorted({*old.sources, sid})})
            else:
                people[pid] = Person(id=pid, name=p.name, roles=[role], sources=[sid],
                                     evidence=[_evidence(sid, text, p.name)])
        source = Source(
            id=sid, path=f"releases/{rel.file_name}", file_name=rel.file_name, sha256=f"{j:064x}",
            format="html" if rel.file_name.endswith(".html") else "text", title=text.splitlines()[0],
            outlet=vocab.OUTLETS[j % len(vocab.OUTLETS)][0], published=PartialDate.of(*_ymd(ev.date.toordinal())),
            segments=[Segment(kind="body", start=0, end=len(text))], text=text,
            noise=[Noise(start=0, end=0, reason="weather widget", text="서울 12℃ 맑음")],
            extraction=Extraction(
                organizations=[OrgMention(surface=o.short, name=o.name, type=o.type,  # type: ignore[arg-type]
                                          evidence=_evidence(sid, text, o.short)) for o in orgs],
                people=[PersonMention(name=p.name, title=p.title, organization=p.org.name,
                                      evidence=_evidence(sid, text, p.name)) for p in ev.people[:3]],
                events=[EventMention(date=PartialDate.of(*_ymd(ev.date.toordinal())), type="event",
                                     title=text.splitlines()[0][:40],
                                     participants=[ParticipantMention(organization=o.name) for o in orgs])],
            ),
            mentions=Mentions(organizations=sorted(org_id(o.name) for o in orgs),
                              people=sorted(person_id(p.name) for p in ev.people[:3]), events=sorted(ids)))
        written["sources"] += records_io.save_record(layout, source)
    for o in _ALL_ORGS:
        if o.name in org_sources:
            sid, text = first_text[o.name]
            written["orgs"] += records_io.save_record(layout, _org(o, sorted(org_sources[o.name]), sid, text))
    for person in people.values():
        written["people"] += records_io.save_record(layout, person)
    return written


_TYPES = {"meeting", "agreement", "launch", "announcement", "funding", "designation", "event", "other"}


def _ymd(ordinal: int) -> tuple[int, int, int]:
    import datetime as dt

    d = dt.date.fromordinal(max(ordinal, dt.date(1990, 1, 1).toordinal()))
    return d.year, d.month, d.day


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    (args.root / "records").mkdir(parents=True, exist_ok=True)
    print(build(args.root, args.events, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
