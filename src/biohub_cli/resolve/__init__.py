"""Resolve per-document extractions into one knowledge base: organisations, people, events."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from biohub_cli.models import Event, Mentions, Organization, Person, Source
from biohub_cli.names import normalise
from biohub_cli.resolve.curation import Curation, merge_with_disk
from biohub_cli.resolve.events import resolve_events
from biohub_cli.resolve.orgs import propose_merges, resolve_orgs
from biohub_cli.resolve.people import resolve_people


@dataclass
class Resolved:
    sources: dict[str, Source]
    orgs: dict[str, Organization]
    people: dict[str, Person]
    events: dict[str, Event]
    curation: Curation = field(default_factory=Curation)
    proposals: list[tuple[str, str, float]] = field(default_factory=list)


@dataclass(frozen=True)
class Existing:
    """The records on disk before this run, and the ids an analyst deleted."""

    orgs: Mapping[str, Organization] = field(default_factory=dict)
    people: Mapping[str, Person] = field(default_factory=dict)
    events: Mapping[str, Event] = field(default_factory=dict)
    deleted: frozenset[str] = frozenset()


def resolve(sources: Sequence[Source], existing: Existing = Existing(),
            merges: Mapping[str, str] | None = None) -> Resolved:
    """A pure function of the sources (any order) and the records on disk."""
    merges = dict(merges or {})
    _add_analyst_aliases(merges, existing.orgs)
    orgs = resolve_orgs(sources, merges)
    people = resolve_people(sources, orgs)
    people_ids = {normalise(p.name): p.id for p in people.values()}
    events = resolve_events(sources, orgs, people_ids)
    _attach_document_facts(sources, events, people_ids)

    report = Curation()
    deleted = set(existing.deleted)
    final_orgs = merge_with_disk(orgs.records, existing.orgs, deleted, report, "organisation")
    final_people = merge_with_disk(people, existing.people, deleted, report, "person")
    final_events = merge_with_disk(events, existing.events, deleted, report, "event")

    out_sources: dict[str, Source] = {}
    cited = _events_citing(final_events)
    for src in sorted(sources, key=lambda s: s.id):
        org_ids = sorted({oid for m in src.extraction.organizations
                          if (oid := orgs.id_of(m.name)) and oid in final_orgs})
        person_ids = sorted({pid for m in src.extraction.people
                             if (pid := people_ids.get(normalise(m.name))) and pid in final_people})
        event_ids = sorted(cited.get(src.id, ()))
        out_sources[src.id] = src.model_copy(
            update={"mentions": Mentions(organizations=org_ids, people=person_ids, events=event_ids)})
    return Resolved(sources=out_sources, orgs=final_orgs, people=final_people, events=final_events,
                    curation=report, proposals=propose_merges(final_orgs))


def _events_citing(events: Mapping[str, Event]) -> dict[str, list[str]]:
    """Source id → the ids of the events that cite it."""
    out: dict[str, list[str]] = {}
    for eid, ev in events.items():
        for sid in set(ev.sources):
            out.setdefault(sid, []).append(eid)
    return out


def _add_analyst_aliases(merges: dict[str, str], orgs: Mapping[str, Organization]) -> None:
    """Aliases an analyst added to an organisation record send those names to it."""
    for org in orgs.values():
        gen = org.generated
        if org.status != "active" or (gen and "aliases" not in gen):
            continue
        for alias in org.aliases:
            if normalise(alias) != normalise(org.name):
                merges.setdefault(alias, org.name)


def _attach_document_facts(sources: Sequence[Source], events: dict[str, Event],
                           people_ids: Mapping[str, str]) -> None:
    """A document with one main event gives that event its amounts and quotes."""
    cited = _events_citing(events)
    for src in sorted(sources, key=lambda s: s.id):
        mains = sorted(eid for eid in cited.get(src.id, ()) if events[eid].main
                       and any(m.main for m in src.extraction.events))
        if len(mains) != 1:
            continue
        ev = events[mains[0]]
        amounts = [*ev.amounts, *src.extraction.amounts]
        quotes = [*ev.quotes, *(q.model_copy(update={"speaker": people_ids.get(normalise(q.speaker))
                                                     if q.speaker else None})
                                for q in src.extraction.quotes)]
        events[ev.id] = ev.model_copy(update={"amounts": amounts, "quotes": quotes})
