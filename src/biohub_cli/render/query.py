"""Command-line filter strings turned into a TimelineFilter; names looked up with suggestions."""

from __future__ import annotations

from biohub_cli.errors import UsageError, not_found
from biohub_cli.kb import places
from biohub_cli.kb.knowledge_base import KnowledgeBase, TimelineFilter
from biohub_cli.models import Cluster, Organization, Person, Programme
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.vocab import EVENT_TYPES


def parse_date(text: str, option: str) -> PartialDate:
    """`2025`, `2025-06` or `2025-06-11`; anything else is a usage error naming the option."""
    try:
        date = PartialDate.parse_iso(text)
    except ValueError:
        raise UsageError(f"{option} {text!r} is not a date like 2025, 2025-06 or 2025-06-11") from None
    if date.year is None:
        raise UsageError(f"{option} {text!r} needs a year (2025, 2025-06 or 2025-06-11)")
    return date


def find_org(kb: KnowledgeBase, name: str) -> Organization:
    """By id, name or any alias; otherwise NotFoundError with close names."""
    org = kb.org_by_name(name)
    if org is None or org.status != "active":
        raise not_found(f"organisation named {name}", kb.suggest(name, kb.org_names(), limit=3))
    return org


def find_person(kb: KnowledgeBase, name: str) -> Person:
    person = kb.person_by_name(name)
    if person is None or person.status != "active":
        raise not_found(f"person named {name}", kb.suggest(name, kb.person_names(), limit=3))
    return person




def find_cluster(kb: KnowledgeBase, name: str) -> Cluster:
    """By id, name or any alias; otherwise NotFoundError with close names."""
    found = places.cluster_by_name(kb, name)
    if found is None:
        raise not_found(f"cluster named {name}", kb.suggest(name, places.cluster_names(kb), limit=3))
    return found


def find_programme(kb: KnowledgeBase, name: str) -> Programme:
    found = places.programme_by_name(kb, name)
    if found is None:
        raise not_found(f"programme named {name}", kb.suggest(name, places.programme_names(kb), limit=3))
    return found


def timeline_filter(kb: KnowledgeBase, *, org: str | None = None, person: str | None = None,
                    type: str | None = None, since: str | None = None, until: str | None = None,
                    query: str | None = None, limit: int | None = None,
                    related: bool = True, cluster: str | None = None,
                    programme: str | None = None) -> TimelineFilter:
    """Check every filter before filtering, so a typo is an error rather than an empty timeline."""
    if type is not None and type not in EVENT_TYPES:
        raise UsageError(f"--type {type!r} is not an event type",
                         hint=f"use one of: {', '.join(EVENT_TYPES)}")
    if limit is not None and limit < 0:
        raise UsageError(f"--limit {limit} must be 0 (every event) or more")
    start = parse_date(since, "--since") if since else None
    end = parse_date(until, "--until") if until else None
    return TimelineFilter(
        org=find_org(kb, org).id if org else None,
        person=find_person(kb, person).id if person else None,
        type=type, since=start, until=end, query=query or None, limit=limit or None, include_related=related,
        clusters=frozenset(places.inside(kb, find_cluster(kb, cluster).id)) if cluster else None,
        programme=find_programme(kb, programme).id if programme else None,
    )


def describe_filter(kb: KnowledgeBase, flt: TimelineFilter, labels: dict[str, str]) -> list[tuple[str, str]]:
    """The filters as (label, value) pairs to show above a rendered timeline."""
    out = []
    if flt.org:
        out.append((labels["organisation"], kb.orgs[flt.org].name))
    if flt.person:
        out.append((labels["person"], kb.people[flt.person].name))
    if flt.type:
        out.append((labels["type"], flt.type))
    if flt.clusters:
        out.append((labels.get("cluster", "cluster"), ", ".join(sorted(kb.clusters[c].name for c in flt.clusters))))
    if flt.programme:
        out.append((labels.get("programme", "programme"), kb.programmes[flt.programme].name))
    if flt.since or flt.until:
        start = flt.since.iso() if flt.since else ""
        end = flt.until.iso() if flt.until else ""
        out.append((labels["period"], f"{start} – {end}"))
    if flt.query:
        out.append((labels["search"], flt.query))
    return out
