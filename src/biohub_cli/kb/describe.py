"""Plain-text descriptions of one record for `biohub show`."""

from __future__ import annotations

from biohub_cli.errors import not_found
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.models import Event, Evidence, Organization, Person, Source
from biohub_cli.store.records_io import dump_record


def find_record(kb: KnowledgeBase, rid: str) -> Source | Event | Organization | Person:
    for table in (kb.sources, kb.events, kb.orgs, kb.people):
        if rid in table:
            return table[rid]  # type: ignore[return-value]
    org = kb.org_by_name(rid)
    if org:
        return org
    person = kb.person_by_name(rid)
    if person:
        return person
    names = [*kb.sources, *kb.events, *kb.orgs, *kb.people, *kb.org_names(), *kb.person_names()]
    raise not_found(f"record with id or name {rid!r}", kb.suggest(rid, names, limit=3))


def describe(kb: KnowledgeBase, rid: str, *, noise: bool = False) -> str:
    rec = find_record(kb, rid)
    lines = [f"# {type(rec).__name__.lower()} {rec.id}  ({kb.paths.get(rec.id, '')})", ""]
    if isinstance(rec, Source):
        lines += _source(rec, noise)
        return "\n".join(lines) + "\n"
    body = rec.model_copy(update={"evidence": []})
    lines.append(dump_record(body).rstrip())
    if isinstance(rec, Event):
        lines += ["", "## sources"]
        for sid in rec.sources:
            src = kb.sources.get(sid)
            lines.append(f"- {sid}: {src.file_name if src else '(missing)'}"
                         + (f" — {src.title}" if src and src.title else ""))
        if rec.merged_because:
            lines += ["", "## merged because"] + [f"- {r}" for r in rec.merged_because]
    lines += ["", "## evidence"] + [_evidence(kb, e) for e in rec.evidence]
    return "\n".join(lines) + "\n"


def _evidence(kb: KnowledgeBase, e: Evidence) -> str:
    src = kb.sources.get(e.source)
    name = src.file_name if src else e.source
    return f"- {name} [{e.start}:{e.end}] {e.sentence}"


def _source(src: Source, noise: bool) -> list[str]:
    head = src.model_copy(update={"text": "", "noise": [], "extraction": type(src.extraction)()})
    lines = [dump_record(head).rstrip()]
    if not noise:
        ex = src.extraction
        lines += ["", f"extracted: {len(ex.organizations)} organisation mentions, {len(ex.people)} people, "
                  f"{len(ex.events)} events, {len(ex.amounts)} amounts, {len(ex.quotes)} quotes",
                  "(add --noise to see the kept text and the dropped page noise)"]
        return lines
    lines += ["", "## kept text", ""]
    for seg in src.segments:
        lines += [f"[{seg.kind} {seg.start}:{seg.end}]", src.text[seg.start:seg.end], ""]
    if not src.segments:
        lines.append(src.text)
    lines += ["## dropped as page noise", ""]
    for n in src.noise:
        lines.append(f"- [{n.reason}] {n.text.strip()}")
    return lines
