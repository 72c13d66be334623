"""Cluster and programme records from the documents that name them, and the curated entries analysts
add to the lists (a record written by hand, or one whose names, sites or bodies were edited).

A cluster or programme becomes a record once a document names it (or an event is linked to it); a
cluster's parent comes along. Ids are stable: `cl-` or `pg-` and a digest of the canonical name.
Analyst merges of clusters (aliases.yaml `clusters`) send one cluster's name to another's, so every
link and mention follows it; the joined record stays on disk as `status: merged` for the undo.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from biohub_cli.extract.place_names import ClusterEntry, PlaceNames, ProgrammeEntry
from biohub_cli.models import Cluster, Event, Organization, Programme, Region, Source
from biohub_cli.models.evidence import Evidence
from biohub_cli.names import normalise
from biohub_cli.resolve.curation import edited_fields
from biohub_cli.resolve.ids import digest
from biohub_cli.resolve.place_links import link_events

_CLUSTER_CURATED = frozenset({"name", "aliases", "sites", "bodies", "region", "kind", "parent"})
_PROGRAMME_CURATED = frozenset({"name", "aliases", "owner", "kind"})


def cluster_id(name: str) -> str:
    return "cl-" + digest(normalise(name))


def programme_id(name: str) -> str:
    return "pg-" + digest(normalise(name))


@dataclass
class Places:
    clusters: dict[str, Cluster] = field(default_factory=dict)
    programmes: dict[str, Programme] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    # source id -> (cluster ids, programme ids) it names
    mentions: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)
    merged_away: set[str] = field(default_factory=set)


def curated_place_entries(clusters: Mapping[str, Cluster], programmes: Mapping[str, Programme]
                          ) -> tuple[list[ClusterEntry], list[ProgrammeEntry]]:
    """The clusters and programmes analysts wrote or edited, as entries of the name lists."""
    names = {c.id: c.name for c in clusters.values()}
    out_c = [ClusterEntry(name=c.name, aliases=tuple(c.aliases), sites=tuple(c.sites), bodies=tuple(c.bodies),
                          province=c.region.province if c.region else None,
                          city=c.region.city if c.region else None, kind=c.kind,
                          parent=names.get(c.parent or "", c.parent))
             for c in sorted(clusters.values(), key=lambda c: c.id) if _curated(c, _CLUSTER_CURATED)]
    out_p = [ProgrammeEntry(name=p.name, aliases=tuple(p.aliases), owner=p.owner, kind=p.kind)
             for p in sorted(programmes.values(), key=lambda p: p.id) if _curated(p, _PROGRAMME_CURATED)]
    return out_c, out_p


def _curated(rec: Cluster | Programme, fields: frozenset[str]) -> bool:
    if rec.status != "active":
        return False
    return not rec.generated or bool(fields & set(edited_fields(rec)))


def resolve_places(sources: Sequence[Source], events: Mapping[str, Event], orgs: Mapping[str, Organization],
                   names: PlaceNames, cluster_merges: Mapping[str, str] | None = None,
                   programme_merges: Mapping[str, str] | None = None) -> Places:
    """Cluster and programme records, the events linked to them, and what each source names; an
    analyst's merges (aliases.yaml `clusters`, `programmes`) fold one name into another."""
    canonical = _following(cluster_merges, names.cluster)
    pg_canonical = _following(programme_merges, names.programme)

    def pg_id(name: str) -> str:
        return programme_id(pg_canonical(name))

    out = Places()
    cl_sources: dict[str, set[str]] = {}
    cl_evidence: dict[str, list[Evidence]] = {}
    new_kinds: dict[str, str] = {}
    pg_sources: dict[str, set[str]] = {}
    pg_evidence: dict[str, list[Evidence]] = {}
    for src in sorted(sources, key=lambda s: s.id):
        cl_names, pg_names = [], []
        for cm in src.extraction.clusters:
            name = canonical(cm.name)
            if cm.kind is not None and names.cluster(name) is None:
                new_kinds.setdefault(name, cm.kind)
            cl_names.append(name)
            _first_per_source(cl_evidence.setdefault(name, []), cm.evidence)
            cl_sources.setdefault(name, set()).add(src.id)
        for pm in src.extraction.programmes:
            name = pg_canonical(pm.name)
            pg_names.append(name)
            _first_per_source(pg_evidence.setdefault(name, []), pm.evidence)
            pg_sources.setdefault(name, set()).add(src.id)
        out.mentions[src.id] = (sorted({cluster_id(n) for n in cl_names}), sorted({programme_id(n) for n in pg_names}))

    linked = link_events(sources, events, orgs, names, canonical, cluster_id, pg_id)
    out.events = linked.events
    for name in linked.cluster_names:
        cl_sources.setdefault(name, set())
    for name in linked.programme_names:
        pg_sources.setdefault(pg_canonical(name), set())
    # a cluster's parent comes with it
    todo = list(cl_sources)
    while todo:
        entry = names.cluster(todo.pop())
        if entry and entry.parent and canonical(entry.parent) not in cl_sources:
            cl_sources[canonical(entry.parent)] = set()
            todo.append(canonical(entry.parent))

    joined: dict[str, set[str]] = {}  # cluster name -> the names of the clusters merged into it
    for key in cluster_merges or {}:
        gone = names.cluster(key)
        joined.setdefault(canonical(key), set()).update({key, *(gone.aliases if gone else ())})
    for name in sorted(cl_sources):
        entry = names.cluster(name)
        parent = canonical(entry.parent) if entry and entry.parent else None
        region = Region(province=entry.province, city=entry.city) if entry and entry.province else None
        aliases = sorted({*(entry.aliases if entry else ()), *joined.get(name, ())} - {name})
        rec = Cluster(id=cluster_id(name), name=name, aliases=aliases,
                      region=region, kind=entry.kind if entry else new_kinds.get(name, "cluster"),  # type: ignore[arg-type]
                      parent=cluster_id(parent) if parent and parent != name else None,
                      sites=list(entry.sites) if entry else [], bodies=list(entry.bodies) if entry else [],
                      sources=sorted(cl_sources[name]), evidence=sorted(cl_evidence.get(name, []),
                                                                          key=Evidence.sort_key))
        out.clusters[rec.id] = rec
    published = {s.id: s.published.iso() for s in sources if s.published is not None and s.published.year}
    event_dates: dict[str, set[str]] = {}  # programme id -> dates of the events linked to it
    for ev in linked.events.values():
        if ev.date.year is not None and ev.date.year_certain:
            for link in ev.programmes:
                event_dates.setdefault(link.programme, set()).add(ev.date.iso())
    pg_joined: dict[str, set[str]] = {}  # programme name -> the names of the programmes merged into it
    for key in programme_merges or {}:
        went = names.programme(key)
        pg_joined.setdefault(pg_canonical(key), set()).update({key, *(went.aliases if went else ())})
    for name in sorted(pg_sources):
        pentry = names.programme(name)
        pid = programme_id(name)
        seen = sorted({*(published[s] for s in pg_sources[name] if s in published), *event_dates.get(pid, ())})
        aliases_p = sorted({*(pentry.aliases if pentry else ()), *pg_joined.get(name, ())} - {name})
        rec_p = Programme(id=pid, name=name, aliases=aliases_p,
                          owner=pentry.owner if pentry else None, kind=pentry.kind if pentry else "other",
                          first_seen=seen[0] if seen else None, last_seen=seen[-1] if seen else None,
                          amounts=linked.amounts.get(pid, []), sources=sorted(pg_sources[name]),
                          evidence=sorted(pg_evidence.get(name, []), key=Evidence.sort_key))
        out.programmes[rec_p.id] = rec_p
    out.merged_away = {cluster_id(k) for k in (cluster_merges or {}) if canonical(k) != k} \
        | {programme_id(k) for k in (programme_merges or {}) if pg_canonical(k) != k}
    return out


def _following(merges: Mapping[str, str] | None,
               entry_of: Callable[[str], ClusterEntry | ProgrammeEntry | None]) -> Callable[[str], str]:
    """The name a cluster or programme name ends at after the analyst's merges (a cycle typed by hand
    stops where it closes), as its list writes it."""
    table = {normalise(k): v for k, v in (merges or {}).items()}

    def canonical(name: str) -> str:
        seen: set[str] = set()
        while normalise(name) in table and normalise(name) not in seen:
            seen.add(normalise(name))
            name = table[normalise(name)]
        entry = entry_of(name)
        return entry.name if entry else name

    return canonical


def _first_per_source(evidence: list[Evidence], ev: Evidence) -> None:
    """Keep the first mention of each source as the evidence (a record cites, it does not index)."""
    if all(e.source != ev.source for e in evidence):
        evidence.append(ev)


def cluster_names(clusters: Iterable[Cluster]) -> list[str]:
    return [n for c in clusters if c.status == "active" for n in (c.name, *c.aliases)]
