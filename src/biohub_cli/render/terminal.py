"""Tables for the terminal views: plain strings and a style name per row, drawn by cli/_output."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from biohub_cli.kb.knowledge_base import KnowledgeBase, TimelineFilter
from biohub_cli.models import Event
from biohub_cli.render import labels as lb
from biohub_cli.render import views
from biohub_cli.render.contexts import EventRow
from biohub_cli.render.filters import format_money, format_span
from biohub_cli.render.queries import Index
from biohub_cli.render.tables import TABLE_ROWS, TableRow, TableSection, TableView, TimelineLine, timeline_view

__all__ = ["TABLE_ROWS", "TYPE_STYLES", "TableRow", "TableSection", "TableView", "event_lines", "filtered_table",
           "orgs_table", "people_table", "timeline_table"]

# Colours by event type (rich style names); related events are dimmed.
TYPE_STYLES: dict[str, str] = {
    "meeting": "bright_blue", "agreement": "green", "launch": "magenta", "announcement": "yellow",
    "funding": "cyan", "designation": "red", "event": "bright_cyan", "other": "white",
}


def timeline_table(kb: KnowledgeBase, events: Sequence[Event], lang: str, *, title: str = "",
                   newest: int | None = None, first: int | None = None) -> TableView:
    """The events in date order; with `first` (--limit), only the first (oldest) that many, else with
    `newest` only the last that many; the caption says how many of how many are shown."""
    total = len(events)
    if first:
        events = events[:first]
    elif newest is not None and total > newest:
        events = events[total - newest:]
    return timeline_view(event_lines(Index(kb), events, lang), total, lang, title=title, first=bool(first))


def filtered_table(kb: KnowledgeBase, flt: TimelineFilter, lang: str, *, newest: int | None = None) -> TableView:
    """`biohub timeline`'s table: the events `flt` selects; its limit shows the first (oldest) that many out
    of all that match, else `newest` the last that many."""
    events = kb.timeline(replace(flt, limit=None))
    return timeline_table(kb, events, lang, newest=newest, first=flt.limit)


def event_lines(ix: Index, events: Sequence[Event], lang: str) -> list[TimelineLine]:
    """Each event's table row with its month group (as views.group_by_month groups them)."""
    t = lb.labels(lang)
    out = []
    for ev in events:
        row = views.event_row(ix, ev, lang)
        year, month = row.date.year, row.date.month
        out.append(TimelineLine((year, month), lb.group_label(year, month, lang), _event_line(row, lang, t)))
    return out


def _event_line(e: EventRow, lang: str, t: dict[str, str]) -> TableRow:
    """Date, type, title, organisations, people, amounts, venue: each under its own heading."""
    title = e.title + ("" if e.main else f" ({t['related']})")
    people = ", ".join(f"{p.name} ({p.note})" if p.note else p.name for p in e.people)
    amounts = ", ".join(format_money(a.value, a.currency, lang) for a in e.amounts)
    orgs = ", ".join(p.name for p in e.participants)
    style = TYPE_STYLES.get(e.type, "white") if e.main else "dim"
    return TableRow([format_span(e.date, e.end_date), e.type_label, title, orgs, people, amounts, e.venue], style)


def orgs_table(kb: KnowledgeBase, lang: str) -> TableView:
    t = lb.labels(lang)
    rows = views.org_rows(Index(kb), lang)
    lines = [TableRow([r.ref.name, r.type_label, str(r.events), str(r.agreements), str(r.people),
                       str(r.sources), ", ".join(r.aliases)]) for r in rows]
    return TableView(t["organisations"], [t["name"], t["type"], t["events_count"], t["agreements"],
                                          t["people_count"], t["sources_count"], t["aliases"]],
                     [TableSection("", lines)], numeric=(2, 3, 4, 5), stack_into=0, layouts=((), (6,), (1, 6)))


def people_table(kb: KnowledgeBase, lang: str) -> TableView:
    t = lb.labels(lang)
    rows = views.person_rows(Index(kb))
    lines = [TableRow([r.ref.name, r.title, r.organisation.name if r.organisation else "", str(r.events),
                       str(r.quotes), str(r.sources)]) for r in rows]
    return TableView(t["people"], [t["name"], t["titles"], t["organisation_col"], t["events_count"],
                                   t["quotes_count"], t["sources_count"]],
                     [TableSection("", lines)], numeric=(3, 4, 5), stack_into=0, layouts=((), (1, 2)))
