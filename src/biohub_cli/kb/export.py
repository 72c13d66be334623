"""The stable export (version 1) that scripts, CI and the scorer read."""

from __future__ import annotations

import json
from typing import Any

from biohub_cli.controls import json_safe
from biohub_cli.csv_writer import write_csv
from biohub_cli.kb.knowledge_base import KnowledgeBase

VERSION = 1


def export_data(kb: KnowledgeBase) -> dict[str, Any]:
    events = kb.active_events()
    return {
        "version": VERSION,
        "documents": [_document(kb, sid) for sid in sorted(kb.sources)],
        "events": [{
            "id": e.id, "date": e.date.iso(), "year_certain": e.date.year_certain, "type": e.type,
            "title": e.title, "venue": e.venue,
            "organizations": [p.organization for p in e.participants], "attendees": e.attendees,
            "documents": list(e.sources), "main": e.main,
            "end_date": e.end_date.iso() if e.end_date else None,
            "people": list(e.people),
        } for e in events],
        "organizations": [{"id": o.id, "name": o.name, "aliases": list(o.aliases), "type": o.type,
                           "name_en": o.name_en} for o in kb.active_orgs()],
        "people": [{"id": p.id, "name": p.name, "name_en": p.name_en,
                    "roles": [{"title": r.title, "organization": r.organization,
                               "first_seen": r.first_seen, "last_seen": r.last_seen} for r in p.roles]}
                   for p in kb.active_people()],
    }


def _document(kb: KnowledgeBase, sid: str) -> dict[str, Any]:
    s = kb.sources[sid]
    active: dict[str, dict[str, Any]] = {"organizations": kb.orgs, "people": kb.people, "events": kb.events}

    def live(kind: str, ids: list[str]) -> list[str]:
        recs = active[kind]
        return [i for i in ids if i in recs and getattr(recs[i], "status", "active") == "active"]

    return {
        "id": s.id, "file_name": s.file_name, "path": s.path, "title": s.title,
        "published": s.published.iso() if s.published else None, "outlet": s.outlet,
        "mentions": {
            "organizations": live("organizations", s.mentions.organizations),
            "people": live("people", s.mentions.people),
            "events": live("events", s.mentions.events),
            "amounts": [{"value_krw": a.value_krw, "text": a.text, "label": a.label, "kind": a.kind}
                        for a in s.extraction.amounts],
        },
    }


def to_json(kb: KnowledgeBase) -> str:
    return json_safe(json.dumps(export_data(kb), ensure_ascii=False, indent=2, sort_keys=False)) + "\n"


def to_jsonl(kb: KnowledgeBase) -> str:
    """One object a line, each tagged with its kind."""
    data = export_data(kb)
    lines = []
    for kind, key in (("document", "documents"), ("event", "events"), ("organization", "organizations"),
                      ("person", "people")):
        for item in data[key]:
            lines.append(json_safe(json.dumps({"kind": kind, **item}, ensure_ascii=False)))
    return "\n".join(lines) + ("\n" if lines else "")


def to_csv(kb: KnowledgeBase) -> str:
    """The events as CSV (one row an event), organisations by name; cells neutral as every CSV's are."""
    rows = []
    for e in kb.active_events():
        names = [kb.orgs[p.organization].name for p in e.participants if p.organization in kb.orgs]
        rows.append([e.id, e.date.iso(), str(e.date.year_certain).lower(), e.type, e.title, e.venue or "",
                     "; ".join(names), "" if e.attendees is None else e.attendees, "; ".join(e.sources)])
    return write_csv(["id", "date", "year_certain", "type", "title", "venue", "organizations", "attendees",
                      "documents"], rows)
