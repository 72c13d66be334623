"""The stable export (version 1) that scripts, CI and the scorer read."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from biohub_cli.controls import json_safe
from biohub_cli.csv_writer import write_csv
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.kb.places import active_clusters, active_programmes, money_of_programme
from biohub_cli.models.facts import Amount

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
            # added to version 1: the clusters it happens in and the programmes it concerns
            "clusters": _live(kb.clusters, [c.cluster for c in e.clusters]),
            "programmes": [{"id": p.programme, "milestone": p.milestone}
                           for p in e.programmes if _live(kb.programmes, [p.programme])],
        } for e in events],
        "organizations": [{"id": o.id, "name": o.name, "aliases": list(o.aliases), "type": o.type,
                           "name_en": o.name_en} for o in kb.active_orgs()],
        "people": [{"id": p.id, "name": p.name, "name_en": p.name_en,
                    "roles": [{"title": r.title,
                               "organization": r.organization if _live(kb.orgs, [r.organization or ""]) else None,
                               "first_seen": r.first_seen, "last_seen": r.last_seen} for r in p.roles]}
                   for p in kb.active_people()],
        "clusters": [{"id": c.id, "name": c.name, "aliases": list(c.aliases), "kind": c.kind,
                      "region": c.region.model_dump() if c.region else None,
                      "parent": c.parent if _live(kb.clusters, [c.parent or ""]) else None,
                      "documents": [s for s in c.sources if s in kb.sources]} for c in active_clusters(kb)],
        "programmes": [{"id": p.id, "name": p.name, "aliases": list(p.aliases), "kind": p.kind, "owner": p.owner,
                        "first_seen": p.first_seen, "last_seen": p.last_seen,
                        "amounts": [_amount(a) for a in p.amounts],
                        "documents": [s for s in p.sources if s in kb.sources]} for p in active_programmes(kb)],
    }


def _amount(a: Amount) -> dict[str, Any]:
    return {"value_krw": a.value_krw, "currency": a.currency, "value": a.value, "text": a.text, "label": a.label,
            "kind": a.kind, "document": a.evidence.source if a.evidence else None}


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
            "clusters": _live(kb.clusters, s.mentions.clusters),
            "programmes": _live(kb.programmes, s.mentions.programmes),
            "amounts": [{"value_krw": a.value_krw, "text": a.text, "label": a.label, "kind": a.kind}
                        for a in s.extraction.amounts if a.currency == "KRW"],
            # added to version 1: amounts in another currency, in that currency, with no won value
            "foreign_amounts": [{"value": a.value, "currency": a.currency, "text": a.text, "label": a.label,
                                 "kind": a.kind} for a in s.extraction.amounts if a.currency != "KRW"],
        },
    }


def to_json(kb: KnowledgeBase) -> str:
    return json_safe(json.dumps(export_data(kb), ensure_ascii=False, indent=2, sort_keys=False)) + "\n"


def to_jsonl(kb: KnowledgeBase) -> str:
    """One object a line, each tagged with its kind."""
    data = export_data(kb)
    lines = []
    for kind, key in (("document", "documents"), ("event", "events"), ("organization", "organizations"),
                      ("person", "people"), ("cluster", "clusters"), ("programme", "programmes")):
        for item in data[key]:
            lines.append(json_safe(json.dumps({"kind": kind, **item}, ensure_ascii=False)))
    return "\n".join(lines) + ("\n" if lines else "")


def to_csv(kb: KnowledgeBase) -> str:
    """The events as CSV (one row an event), organisations by name; cells neutral as every CSV's are."""
    rows = []
    for e in kb.active_events():
        names = [kb.orgs[oid].name for oid in _live(kb.orgs, [p.organization for p in e.participants])]
        rows.append([e.id, e.date.iso(), str(e.date.year_certain).lower(), e.type, e.title, e.venue or "",
                     "; ".join(names), "" if e.attendees is None else e.attendees,
                     "; ".join(sid for sid in e.sources if sid in kb.sources)])
    return write_csv(["id", "date", "year_certain", "type", "title", "venue", "organizations", "attendees",
                      "documents"], rows)


def to_money_csv(kb: KnowledgeBase) -> str:
    """The programmes' money, one row an amount: programme, year, kind (total, national, local,
    private, other), won value (or the value in its currency), the text and the document it is from."""
    rows = []
    for p in active_programmes(kb):
        for m in money_of_programme(kb, p):
            a = m.amount
            rows.append([p.id, p.name, "" if m.year is None else m.year, a.kind,
                         "" if a.value_krw is None else a.value_krw, a.currency, "" if a.value is None else a.value,
                         a.text, a.label or "", a.evidence.source if a.evidence else ""])
    return write_csv(["programme_id", "programme", "year", "kind", "value_krw", "currency", "value", "text", "label",
                      "document"], rows)
