"""Resolve per-document extractions into one knowledge base: organisations, people, events."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from biohub_cli.extract.place_names import PlaceNames
from biohub_cli.models import Cluster, Event, Mentions, Organization, Person, Programme, Source
from biohub_cli.models.curation import AnalystCuration
from biohub_cli.names import normalise
from biohub_cli.resolve.curation import Curation, edited_fields, merge_with_disk
from biohub_cli.resolve.event_curation import curate_events
from biohub_cli.resolve.orgs import propose_merges, resolve_orgs
from biohub_cli.resolve.people import resolve_people
from biohub_cli.resolve.places import curated_place_entries, resolve_places
from biohub_cli.resolve.references import scrub_all
from biohub_cli.resolve.successors import find_successors


@dataclass
class Resolved:
    sources: dict[str, Source]
    orgs: dict[str, Organization]
    people: dict[str, Person]
    events: dict[str, Event]
    curation: Curation = field(default_factory=Curation)
    clusters: dict[str, Cluster] = field(default_factory=dict)
    programmes: dict[str, Programme] = field(default_factory=dict)
    proposals: list[tuple[str, str, float]] = field(default_factory=list)


@dataclass(frozen=True)
class Existing:
    """The records on disk before this run, the ids an analyst deleted, and the sources whose file
    changed in this run (old source id -> the new one read from the same path)."""

    orgs: Mapping[str, Organization] = field(default_factory=dict)
    people: Mapping[str, Person] = field(default_factory=dict)
    events: Mapping[str, Event] = field(default_factory=dict)
    clusters: Mapping[str, Cluster] = field(default_factory=dict)
    programmes: Mapping[str, Programme] = field(default_factory=dict)
    deleted: frozenset[str] = frozenset()
    replaced: Mapping[str, str] = field(default_factory=dict)


def resolve(sources: Sequence[Source], existing: Existing = Existing(),
            curation: AnalystCuration | None = None) -> Resolved:
    """A pure function of the sources (any order), the records on disk and the curation files."""
    curation = curation or AnalystCuration()
    merges = dict(curation.org_merges)
    _add_analyst_aliases(merges, existing.orgs)
    orgs = resolve_orgs(sources, merges)
    people = resolve_people(sources, orgs)
    people_ids = {normalise(p.name): p.id for p in people.values()}
    curated = curate_events(sources, orgs, people_ids, curation.event_merges, curation.event_splits)
    events = curated.events
    _attach_document_facts(sources, events, people_ids)
    names = PlaceNames.load(*curated_place_entries(existing.clusters, existing.programmes))
    places = resolve_places(sources, events, orgs.records, names, curation.cluster_merges,
                            curation.programme_merges)
    events = places.events

    report = Curation(conflicts=list(curated.notes))
    deleted = set(existing.deleted)
    # what an analyst deleted or rejected is cited by no fresh record (fingerprinted as written)
    hidden = deleted | {rid for table in (existing.orgs, existing.people) for rid, rec in table.items()
                        if rec.status == "rejected"}
    fresh_orgs = scrub_all(orgs.records, hidden.__contains__)
    fresh_people = scrub_all(people, hidden.__contains__)
    fresh_events = scrub_all(events, hidden.__contains__)
    merged_orgs = _merged_away_orgs(merges, existing.orgs, fresh_orgs)
    successors = find_successors(fresh_events, existing.events, existing.replaced, set(curated.merged_away), report)
    final_orgs = merge_with_disk(fresh_orgs, existing.orgs, deleted, report, "organisation", merged_away=merged_orgs)
    final_people = merge_with_disk(fresh_people, existing.people, deleted, report, "person")
    final_events = merge_with_disk(fresh_events, existing.events, deleted, report, "event",
                                   merged_away=curated.merged_away, predecessors=successors)
    final_clusters = merge_with_disk(places.clusters, existing.clusters, deleted, report, "cluster",
                                     merged_away=places.merged_away)
    final_programmes = merge_with_disk(places.programmes, existing.programmes, deleted, report, "programme",
                                       merged_away=places.merged_away)

    out_sources: dict[str, Source] = {}
    for src in sorted(sources, key=lambda s: s.id):
        out_sources[src.id] = src
    _drop_dangling(final_orgs, final_people, final_events, out_sources, deleted, existing.replaced)
    cited = _events_citing(final_events)
    for sid, src in out_sources.items():
        org_ids = sorted({oid for m in src.extraction.organizations
                          if (oid := orgs.id_of(m.name)) and _active(final_orgs.get(oid))})
        person_ids = sorted({pid for m in src.extraction.people
                             if (pid := people_ids.get(normalise(m.name))) and _active(final_people.get(pid))})
        event_ids = sorted(eid for eid in cited.get(sid, ()) if _active(final_events[eid]))
        cl_ids, pg_ids = places.mentions.get(sid, ([], []))
        out_sources[sid] = src.model_copy(
            update={"mentions": Mentions(organizations=org_ids, people=person_ids, events=event_ids,
                                         clusters=[c for c in cl_ids if _active(final_clusters.get(c))],
                                         programmes=[p for p in pg_ids if _active(final_programmes.get(p))])})
    return Resolved(sources=out_sources, orgs=final_orgs, people=final_people, events=final_events,
                    curation=report, clusters=final_clusters, programmes=final_programmes,
                    proposals=propose_merges(final_orgs))


def _active(rec: Organization | Person | Event | Cluster | Programme | None) -> bool:
    return rec is not None and rec.status == "active"


def _merged_away_orgs(merges: Mapping[str, str], old: Mapping[str, Organization],
                      fresh: Mapping[str, Organization]) -> set[str]:
    """Organisations on disk whose name an analyst merged into another's."""
    joined = {normalise(k) for k, v in merges.items() if normalise(k) != normalise(v)}
    return {rid for rid, org in old.items() if rid not in fresh and normalise(org.name) in joined}


def _drop_dangling(orgs: dict[str, Organization], people: dict[str, Person], events: dict[str, Event],
                   sources: Mapping[str, Source], deleted: set[str], replaced: Mapping[str, str]) -> None:
    """Records kept as the analyst left them (edited, written by hand) stop citing what is gone: deleted
    ids, ids no record stands for, sources no longer read (a changed release's old source: its new one)."""
    def gone(rid: str) -> bool:
        return rid in deleted or not (rid in orgs or rid in people or rid in events)

    def source(sid: str) -> str | None:
        sid = replaced.get(sid, sid)
        return sid if sid in sources else None

    orgs.update({rid: org for rid, org in scrub_all(orgs, gone).items() if org.status == "active"})
    people.update({rid: p for rid, p in scrub_all(people, gone).items() if p.status == "active"})
    events.update({rid: ev for rid, ev in scrub_all(events, gone, source).items() if ev.status == "active"})


def _events_citing(events: Mapping[str, Event]) -> dict[str, list[str]]:
    """Source id → the ids of the events that cite it."""
    out: dict[str, list[str]] = {}
    for eid, ev in events.items():
        for sid in set(ev.sources):
            out.setdefault(sid, []).append(eid)
    return out


def _add_analyst_aliases(merges: dict[str, str], orgs: Mapping[str, Organization]) -> None:
    """Aliases an analyst wrote into an organisation record send those names to it. Only an alias list
    edited by hand (or a record written by hand) counts: the aliases biohub found, a merge's included,
    are the result of resolving, and taking them as the analyst's would make a merge outlive its undo."""
    for org in sorted(orgs.values(), key=lambda o: o.id):
        gen = org.generated
        if org.status != "active" or (gen and "aliases" not in edited_fields(org)):
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
