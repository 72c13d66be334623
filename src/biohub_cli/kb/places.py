"""Queries about clusters and programmes: found by any name, their events (a cluster's with those of
the clusters inside it), the organisations and people involved, and their money by year and by kind
(총사업비, 국비, 지방비, 민자)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.models import Cluster, Event, Programme
from biohub_cli.models.facts import Amount
from biohub_cli.names import normalise


def active_clusters(kb: KnowledgeBase) -> list[Cluster]:
    return sorted((c for c in kb.clusters.values() if c.status == "active"), key=lambda c: (c.name, c.id))


def active_programmes(kb: KnowledgeBase) -> list[Programme]:
    return sorted((p for p in kb.programmes.values() if p.status == "active"), key=lambda p: (p.name, p.id))


def cluster_by_name(kb: KnowledgeBase, name: str) -> Cluster | None:
    """A cluster by id, name or any alias (compared without spaces and dots)."""
    return next((c for c in active_clusters(kb) if _named(c, name)), None)


def programme_by_name(kb: KnowledgeBase, name: str) -> Programme | None:
    return next((p for p in active_programmes(kb) if _named(p, name)), None)


def _named(rec: Cluster | Programme, name: str) -> bool:
    return name == rec.id or normalise(name) in {normalise(n) for n in (rec.name, *rec.aliases)}


def cluster_names(kb: KnowledgeBase) -> list[str]:
    return [n for c in active_clusters(kb) for n in (c.name, *c.aliases)]


def programme_names(kb: KnowledgeBase) -> list[str]:
    return [n for p in active_programmes(kb) for n in (p.name, *p.aliases)]


def inside(kb: KnowledgeBase, cluster_id: str) -> set[str]:
    """The cluster and every cluster inside it (by parent), as ids."""
    out = {cluster_id}
    grew = True
    while grew:
        grew = False
        for c in kb.clusters.values():
            if c.parent in out and c.id not in out and c.status == "active":
                out.add(c.id)
                grew = True
    return out


def events_of_cluster(kb: KnowledgeBase, cluster_id: str) -> list[Event]:
    ids = inside(kb, cluster_id)
    return [e for e in kb.active_events() if any(link.cluster in ids for link in e.clusters)]


def events_of_programme(kb: KnowledgeBase, programme_id: str) -> list[Event]:
    return [e for e in kb.active_events() if any(link.programme == programme_id for link in e.programmes)]


def orgs_involved(kb: KnowledgeBase, events: Iterable[Event]) -> list[tuple[str, int]]:
    """(organisation id, events) most frequent first."""
    counts = Counter(p.organization for e in events for p in {p.organization: p for p in e.participants}.values()
                     if p.organization in kb.orgs)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kb.orgs[kv[0]].name))


def places_of_orgs(kb: KnowledgeBase, events: Iterable[Event]) -> dict[str, Counter[tuple[str, str]]]:
    """Organisation id -> ("cluster" or "programme", active record id) -> the events there it takes part in,
    counted as a cluster's and a programme's pages count it (`orgs_involved` over `events_of_cluster`, which
    holds the events of the clusters inside it, and over `events_of_programme`)."""
    containers: dict[str, set[str]] = {}
    for c in active_clusters(kb):
        for cid in inside(kb, c.id):
            containers.setdefault(cid, set()).add(c.id)
    programmes = {p.id for p in active_programmes(kb)}
    out: dict[str, Counter[tuple[str, str]]] = {}
    for e in events:
        here = {("programme", link.programme) for link in e.programmes if link.programme in programmes}
        here.update(("cluster", cid) for link in e.clusters for cid in containers.get(link.cluster, ()))
        if not here:
            continue
        for oid in {p.organization for p in e.participants if p.organization in kb.orgs}:
            out.setdefault(oid, Counter()).update(here)
    return out


def homes_of_orgs(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Active organisation id -> the active clusters it is at home in: those naming it among their `bodies`
    (a body is an organisation one of whose names or aliases it is, compared normalised, as an event's
    links read it)."""
    bodies: dict[str, list[str]] = {}
    for c in active_clusters(kb):
        for body in c.bodies:
            bodies.setdefault(normalise(body), []).append(c.id)
    out: dict[str, list[str]] = {}
    for org in kb.active_orgs() if bodies else ():
        found = dict.fromkeys(cid for n in (org.name, *org.aliases) for cid in bodies.get(normalise(n), ()))
        if found:
            out[org.id] = list(found)
    return out


def people_involved(kb: KnowledgeBase, events: Iterable[Event]) -> list[tuple[str, int]]:
    counts = Counter(pid for e in events for pid in set(e.people) if pid in kb.people)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kb.people[kv[0]].name))


@dataclass(frozen=True)
class Money:
    """One amount with the year it belongs to (None when no date fixes it)."""

    year: int | None
    amount: Amount


def money_of_cluster(kb: KnowledgeBase, cluster_id: str) -> list[Money]:
    """The won amounts of the cluster's events, each in its event's year."""
    out = []
    for ev in events_of_cluster(kb, cluster_id):
        year = ev.date.year if ev.date.year_certain else None
        out += [Money(year, a) for a in ev.amounts]
    return out


def money_of_programme(kb: KnowledgeBase, programme: Programme) -> list[Money]:
    """The programme's amounts, each in the year of the document that gives it (or of its event)."""
    out = []
    events = events_of_programme(kb, programme.id)
    for a in programme.amounts:
        year = None
        if a.evidence is not None:
            src = kb.sources.get(a.evidence.source)
            if src is not None and src.published is not None:
                year = src.published.year
            if year is None:
                year = next((e.date.year for e in events if a.evidence.source in e.sources and e.date.year_certain),
                            None)
        out.append(Money(year, a))
    return out


def by_year_and_kind(money: Iterable[Money]) -> list[tuple[int | None, dict[str, int]]]:
    """Won totals per year (unknown year last) and kind: [(2025, {"national": 250_000_000_000, ...}), ...].
    The same figure given twice in one year (two reports of one grant) counts once."""
    seen: set[tuple[int | None, str, int]] = set()
    table: dict[int | None, Counter[str]] = {}
    for m in money:
        if m.amount.value_krw is None:
            continue
        key = (m.year, m.amount.kind, m.amount.value_krw)
        if key in seen:
            continue
        seen.add(key)
        table.setdefault(m.year, Counter())[m.amount.kind] += m.amount.value_krw
    return [(y, dict(table[y])) for y in sorted(table, key=lambda y: (y is None, y or 0))]


def events_per_year(events: Iterable[Event]) -> dict[int, int]:
    """Events of a known year per year."""
    counts = Counter(e.date.year for e in events if e.date.year is not None)
    return dict(sorted(counts.items()))
