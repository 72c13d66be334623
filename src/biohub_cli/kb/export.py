"""The stable export (version 1) that scripts, CI and the scorer read."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

from biohub_cli.kb.knowledge_base import KnowledgeBase

VERSION = 1


def export_data(kb: KnowledgeBase) -> dict[str, Any]:
    """Only active records, citing only active records and existing documents: an id a reader cannot
    look up in the same export (a deleted, rejected or merged record's) never appears. Off-topic
    documents and their events only with `kb.include_off_topic`."""
    events = kb.active_events()
    hidden = kb.off_topic_sources()
    shown = frozenset(e.id for e in events)
    return {
        "version": VERSION,
        "documents": [_document(kb, sid, shown) for sid in sorted(kb.sources) if sid not in hidden],
        "events": [{
            "id": e.id, "date": e.date.iso(), "year_certain": e.date.year_certain, "year_from": e.year_from,
            "type": e.type,
            "title": e.title, "venue": e.venue,
            "organizations": _live(kb.orgs, [p.organization for p in e.participants]), "attendees": e.attendees,
            "documents": [sid for sid in e.sources if sid in kb.sources], "main": e.main,
            "end_date": e.end_date.iso() if e.end_date else None,
            "people": _live(kb.people, e.people),
        } for e in events],
        "organizations": [{"id": o.id, "name": o.name, "aliases": list(o.aliases), "type": o.type,
                           "name_en": o.name_en} for o in kb.active_orgs()],
        "people": [{"id": p.id, "name": p.name, "name_en": p.name_en,
                    "roles": [{"title": r.title,
                               "organization": r.organization if _live(kb.orgs, [r.organization or ""]) else None,
                               "first_seen": r.first_seen, "last_seen": r.last_seen} for r in p.roles]}
                   for p in kb.active_people()],
    }


def _live(table: Mapping[str, Any], ids: list[str]) -> list[str]:
    """The ids of active records of `table`, in order."""
    return [i for i in ids if i in table and getattr(table[i], "status", "active") == "active"]


def _document(kb: KnowledgeBase, sid: str, shown: frozenset[str]) -> dict[str, Any]:
    s = kb.sources[sid]
    return {
        "id": s.id, "file_name": s.file_name, "path": s.path, "title": s.title,
        "published": s.published.iso() if s.published else None, "outlet": s.outlet, "url": s.url,
        "off_topic": s.off_topic,
        "mentions": {
            "organizations": _live(kb.orgs, s.mentions.organizations),
            "people": _live(kb.people, s.mentions.people),
            "events": [i for i in _live(kb.events, s.mentions.events) if i in shown],
            "amounts": [{"value_krw": a.value_krw, "text": a.text, "label": a.label, "kind": a.kind}
                        for a in s.extraction.amounts if a.currency == "KRW"],
            # added to version 1: amounts in another currency, in that currency, with no won value
            "foreign_amounts": [{"value": a.value, "currency": a.currency, "text": a.text, "label": a.label,
                                 "kind": a.kind} for a in s.extraction.amounts if a.currency != "KRW"],
        },
    }


def to_json(kb: KnowledgeBase) -> str:
    return json.dumps(export_data(kb), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def to_jsonl(kb: KnowledgeBase) -> str:
    """One object a line, each tagged with its kind."""
    data = export_data(kb)
    lines = []
    for kind, key in (("document", "documents"), ("event", "events"), ("organization", "organizations"),
                      ("person", "people")):
        for item in data[key]:
            lines.append(json.dumps({"kind": kind, **item}, ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")


def to_csv(kb: KnowledgeBase) -> str:
    """The events as CSV (one row an event), organisations by name."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["id", "date", "year_certain", "type", "title", "venue", "organizations", "attendees", "documents"])
    for e in kb.active_events():
        names = [kb.orgs[oid].name for oid in _live(kb.orgs, [p.organization for p in e.participants])]
        w.writerow([e.id, e.date.iso(), str(e.date.year_certain).lower(), e.type, e.title, e.venue or "",
                    "; ".join(names), "" if e.attendees is None else e.attendees,
                    "; ".join(sid for sid in e.sources if sid in kb.sources)])
    return buf.getvalue()
