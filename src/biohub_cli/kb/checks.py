"""`biohub validate`: schema errors and cross-reference errors, as `path:line: message`."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from biohub_cli.errors import RecordError
from biohub_cli.kb import own_files
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.names import normalise


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
    out = []
    for ev in kb.events.values():
        for p in ev.participants:
            if p.organization not in kb.orgs:
                out.append(_err(kb, ev.id, "participants", f"unknown organisation id {p.organization!r}"))
        for pid in ev.people:
            if pid not in kb.people:
                out.append(_err(kb, ev.id, "people", f"unknown person id {pid!r}"))
        for sid in ev.sources:
            if sid not in kb.sources:
                out.append(_err(kb, ev.id, "sources", f"unknown source id {sid!r}"))
    for person in kb.people.values():
        for role in person.roles:
            if role.organization and role.organization not in kb.orgs:
                out.append(_err(kb, person.id, "roles", f"unknown organisation id {role.organization!r}"))
    for org in kb.orgs.values():
        if org.parent and org.parent not in kb.orgs:
            out.append(_err(kb, org.id, "parent", f"unknown parent organisation id {org.parent!r}"))
    for src in kb.sources.values():
        for kind, table in (("organizations", kb.orgs), ("people", kb.people), ("events", kb.events)):
            for rid in getattr(src.mentions, kind):
                if rid not in table:
                    out.append(_err(kb, src.id, "mentions." + kind, f"unknown {kind[:-1]} id {rid!r}"))
    for rid, path in kb.paths.items():
        if Path(path).stem != rid:
            out.append(RecordError(f"file name does not match id {rid!r}", path=path, line=1))
    return out


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
