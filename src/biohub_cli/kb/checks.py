"""`biohub validate`: schema errors and cross-reference errors, as `path:line: message`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import TypeVar

from biohub_cli.errors import RecordError
from biohub_cli.kb import own_files
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.models import Event, Organization, Person
from biohub_cli.names import normalise
from biohub_cli.store import records_io


def validate(kb: KnowledgeBase) -> list[RecordError]:
    """Every problem found, sorted by file and line."""
    problems = list(kb.errors)
    problems += own_files.problems(kb.layout)  # biohub.yaml, aliases.yaml, records/index.yaml
    problems += _cross_references(kb)
    problems += _aliases(kb)
    problems += _dates(kb)
    return sorted(problems, key=lambda e: (e.path or "", e.line or 0, e.message))


def _line(kb: KnowledgeBase, rid: str, key: str) -> tuple[str, int]:
    path = kb.paths.get(rid)
    if path is None:
        return rid, 1
    from biohub_cli.store.yaml_io import line_of

    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return str(path), 1
    return str(path), line_of(text, tuple(key.split(".")) if key else ())


def _err(kb: KnowledgeBase, rid: str, key: str, message: str) -> RecordError:
    path, line = _line(kb, rid, key)
    return RecordError(message, path=path, line=line)


def _cross_references(kb: KnowledgeBase) -> list[RecordError]:
    """References that point nowhere. A record an analyst hid (rejected, merged) is not checked, and a
    reference to a record the analyst deleted is not a problem: the next ingest drops it, and no report
    shows it meanwhile."""
    deleted = _deleted(kb)
    out = []

    def check(table: Mapping[str, object], rid: str, owner: str, key: str, what: str) -> None:
        if rid not in table and rid not in deleted:
            out.append(_err(kb, owner, key, f"unknown {what} id {rid!r}"))

    for ev in _shown(kb.events):
        for p in ev.participants:
            check(kb.orgs, p.organization, ev.id, "participants", "organisation")
        for pid in ev.people:
            check(kb.people, pid, ev.id, "people", "person")
        for sid in ev.sources:
            check(kb.sources, sid, ev.id, "sources", "source")
        for cl in ev.clusters:
            check(kb.clusters, cl.cluster, ev.id, "clusters", "cluster")
        for pg in ev.programmes:
            check(kb.programmes, pg.programme, ev.id, "programmes", "programme")
    for person in _shown(kb.people):
        for role in person.roles:
            if role.organization:
                check(kb.orgs, role.organization, person.id, "roles", "organisation")
    for org in _shown(kb.orgs):
        if org.parent:
            check(kb.orgs, org.parent, org.id, "parent", "parent organisation")
    for cluster in kb.clusters.values():
        if cluster.status == "active" and cluster.parent:
            check(kb.clusters, cluster.parent, cluster.id, "parent", "parent cluster")
    for src in kb.sources.values():
        for kind, what, table in (("organizations", "organisation", kb.orgs), ("people", "person", kb.people),
                                  ("events", "event", kb.events), ("clusters", "cluster", kb.clusters),
                                  ("programmes", "programme", kb.programmes)):
            for rid in getattr(src.mentions, kind):
                check(table, rid, src.id, "mentions." + kind, what)
    for rid, path in kb.paths.items():
        if Path(path).stem != rid:
            out.append(RecordError(f"file name does not match id {rid!r}", path=path, line=1))
    return out


R = TypeVar("R", Event, Organization, Person)


def _shown(table: Mapping[str, R]) -> list[R]:
    return [rec for rec in table.values() if rec.status == "active"]


def _deleted(kb: KnowledgeBase) -> set[str]:
    """Ids biohub wrote that an analyst has since deleted (records/index.yaml lists them, no file holds them)."""
    try:
        states = records_io.load_index(kb.layout).states
    except RecordError:
        return set()
    broken = {Path(e.path).stem for e in kb.errors if e.path}
    return {rid for rid, state in states.items()
            if state == "deleted" or (rid not in kb.paths and rid not in broken)}


def _aliases(kb: KnowledgeBase) -> list[RecordError]:
    owners: dict[str, set[str]] = defaultdict(set)
    for org in kb.active_orgs():
        for n in {normalise(x) for x in (org.name, *org.aliases) if x}:
            owners[n].add(org.id)
    out = []
    for name, ids in sorted(owners.items()):
        if len(ids) > 1:
            first, *others = sorted(ids)
            for oid in others:
                out.append(_err(kb, oid, "aliases", f"name or alias {name!r} also belongs to {first}"))
    return out


def _dates(kb: KnowledgeBase) -> list[RecordError]:
    out = []
    for ev in kb.events.values():
        if ev.end_date is None:
            continue
        a, b = ev.date, ev.end_date
        if None not in (a.year, b.year) and a.sort_key() > b.sort_key():
            out.append(_err(kb, ev.id, "end_date", f"end date {b.iso()} is before the start {a.iso()}"))
    return out
