"""Machine formats of the timeline and the organisation list: JSON, CSV, TimelineJS, and page data."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from typing import Any

from markupsafe import escape

from biohub_cli.controls import json_safe
from biohub_cli.csv_writer import write_csv
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.models import Event
from biohub_cli.render import labels as lb
from biohub_cli.render.contexts import EventRow, OrgRow
from biohub_cli.render.filters import format_date, format_money, format_span

VERSION = 1


def search_key(text: str) -> str:
    """What the page's filter compares: NFKC, lower case, no whitespace (the script does the same)."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def script_json(data: Any) -> str:
    """JSON safe inside an HTML <script> block: `<`, `>`, `&` and line separators as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                       ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return json_safe(text)


def timeline_page_json(rows: Sequence[EventRow], org_names: dict[str, list[str]] | None = None,
                       place_names: dict[str, list[str]] | None = None) -> str:
    """The data the HTML timeline filters on: per event its type, organisation ids and search text;
    per organisation the names (search keys) a `?org=` in the URL may use."""
    events = []
    for r in rows:
        words = [r.title, r.venue, format_span(r.date, r.end_date), r.type_label,
                 *(p.name for p in r.participants), *(p.name for p in r.people), *r.evidence]
        item: dict[str, Any] = {"id": r.id, "type": r.type, "orgs": [p.id for p in r.participants],
                                "text": search_key(" ".join(words))}
        if r.places:
            item["places"] = [p.id for p in r.places]
        events.append(item)
    names = {oid: sorted({search_key(n) for n in found if n})
             for oid, found in sorted((org_names or {}).items())}
    data: dict[str, Any] = {"version": VERSION, "events": events, "orgs": names}
    if place_names:
        data["places"] = {pid: sorted({search_key(n) for n in found if n})
                          for pid, found in sorted(place_names.items())}
    return script_json(data)


def timeline_data(kb: KnowledgeBase, events: Sequence[Event]) -> dict[str, Any]:
    """The timeline as plain data (codes, not labels), for `--format json` and timeline.json."""
    out = []
    for ev in events:
        orgs = [{"id": p.organization, "name": kb.orgs[p.organization].name, "role": p.role}
                for p in ev.participants if _shown(kb.orgs.get(p.organization))]
        people = [{"id": pid, "name": kb.people[pid].name} for pid in ev.people if _shown(kb.people.get(pid))]
        sources = [{"id": sid, "title": _source_title(kb, sid)} for sid in ev.sources if sid in kb.sources]
        out.append({
            "id": ev.id, "date": ev.date.iso(), "date_display": format_date(ev.date),
            "year_certain": ev.date.year_certain, "end_date": ev.end_date.iso() if ev.end_date else None,
            "type": ev.type, "title": ev.title, "venue": ev.venue, "main": ev.main,
            "organizations": orgs, "people": people, "attendees": ev.attendees,
            "amounts": [{"value_krw": a.value_krw, "currency": a.currency, "value": a.figure[1], "text": a.text,
                         "label": a.label, "kind": a.kind} for a in ev.amounts],
            "sources": sources,
        })
    return {"version": VERSION, "events": out}


def timeline_json(kb: KnowledgeBase, events: Sequence[Event]) -> str:
    return dump_json(timeline_data(kb, events))


def dump_json(data: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2) + "\n"`, byte for byte, several times faster.

    Python 3.11's C encoder does not indent, and its pure-Python fallback costs seconds on a timeline of
    10,000 events; here strings go through the C string encoder and the structure is walked once.
    """
    out: list[str] = []
    _dump(data, out, "\n")
    out.append("\n")
    return json_safe("".join(out))


_encode_string = json.encoder.encode_basestring  # the C version where there is one, as json.dumps uses


def _dump(value: Any, out: list[str], newline: str) -> None:
    kind = type(value)
    if kind is str:
        out.append(_encode_string(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        sep = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise TypeError("dump_json writes string keys only")
            out.append(sep)
            out.append(_encode_string(key))
            out.append(": ")
            _dump(item, out, inner)
            sep = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        sep = "[" + inner
        for item in value:
            out.append(sep)
            _dump(item, out, inner)
            sep = "," + inner
        out.append(newline + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    else:  # floats, int subclasses: exactly as json writes them
        out.append(json.dumps(value, ensure_ascii=False))


def timeline_csv(kb: KnowledgeBase, events: Sequence[Event], lang: str, *, bom: bool = False) -> str:
    """One row an event, labelled columns, CRLF rows (RFC 4180); `bom` for Excel."""
    return timeline_data_csv(timeline_data(kb, events), lang, bom=bom)


def timeline_data_csv(data: dict[str, Any], lang: str, *, bom: bool = False) -> str:
    """`timeline_csv` from `timeline_data` already made (a build writes both from one)."""
    t = lb.labels(lang)
    header = [t["date"], "ISO", t["type"], t["title"], t["venue"], t["participants"], t["people"],
              t["attendees"], t["amounts"], t["main"], t["sources"], t["id"]]
    rows = []
    for item in data["events"]:
        orgs = "; ".join(f"{o['name']} ({lb.role_label(o['role'], lang)})" for o in item["organizations"])
        amounts = "; ".join(format_money(a["value"], a["currency"], lang) + (f" ({a['label']})" if a["label"] else "")
                            for a in item["amounts"])
        rows.append([item["date_display"], item["date"], lb.event_type_label(item["type"], lang),
                     item["title"], item["venue"] or "", orgs, "; ".join(p["name"] for p in item["people"]),
                     "" if item["attendees"] is None else str(item["attendees"]), amounts,
                     t["yes"] if item["main"] else t["no"], "; ".join(s["title"] for s in item["sources"]),
                     item["id"]])
    return write_csv(header, rows, bom=bom)


def orgs_csv(rows: Sequence[OrgRow], lang: str, *, bom: bool = False) -> str:
    t = lb.labels(lang)
    header = [t["id"], t["name"], t["name_en"], t["type"], t["aliases"], t["events_count"], t["agreements"],
              t["people_count"], t["sources_count"]]
    body = [[r.ref.id, r.ref.name, r.name_en, r.type_label, "; ".join(r.aliases), str(r.events),
             str(r.agreements), str(r.people), str(r.sources)] for r in rows]
    return write_csv(header, body, bom=bom)


def timelinejs(kb: KnowledgeBase, events: Sequence[Event], lang: str) -> tuple[str, list[str]]:
    """TimelineJS3 JSON (its text fields are HTML, so escaped) and the ids of events left out
    because their year is unknown (TimelineJS needs a year)."""
    t = lb.labels(lang)
    out, skipped = [], []
    for item, ev in zip(timeline_data(kb, events)["events"], events, strict=True):
        if ev.date.year is None:
            skipped.append(ev.id)
            continue
        names = ", ".join(str(escape(o["name"])) for o in item["organizations"])
        text = [f"{escape(t['participants'])}: {names}"] if names else []
        if ev.venue:
            text.append(f"{escape(t['venue'])}: {escape(ev.venue)}")
        entry: dict[str, Any] = {
            "unique_id": ev.id,
            "start_date": _tl_date(ev.date.year, ev.date.month, ev.date.day, format_date(ev.date)),
            "text": {"headline": str(escape(ev.title)), "text": "<br>".join(str(s) for s in text)},
            "group": lb.event_type_label(ev.type, lang),
        }
        if ev.end_date is not None and ev.end_date.year is not None:
            entry["end_date"] = _tl_date(ev.end_date.year, ev.end_date.month, ev.end_date.day,
                                         format_date(ev.end_date))
        out.append(entry)
    data = {"title": {"text": {"headline": str(escape(t["timeline_title"])), "text": ""}}, "events": out}
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n", skipped


def _tl_date(year: int, month: int | None, day: int | None, display: str) -> dict[str, str]:
    out = {"year": str(year)}
    if month is not None:
        out["month"] = str(month)
        if day is not None:
            out["day"] = str(day)
    out["display_date"] = display
    return out


def _shown(record: Any) -> bool:
    """A record to show: there, and neither rejected nor merged (no raw id of a deleted one is shown)."""
    return record is not None and getattr(record, "status", "active") == "active"


def _source_title(kb: KnowledgeBase, source_id: str) -> str:
    src = kb.sources.get(source_id)
    return (src.title or src.file_name) if src else source_id
