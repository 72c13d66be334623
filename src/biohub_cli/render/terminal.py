"""Tables for the terminal views: plain strings and a style name per row, drawn by cli/_output."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from biohub_cli.kb import KnowledgeBase
from biohub_cli.models import Event
from biohub_cli.render import labels as lb
from biohub_cli.render import views
from biohub_cli.render.contexts import EventRow
from biohub_cli.render.filters import format_span, format_won
from biohub_cli.render.queries import Index

# Colours by event type (rich style names); related events are dimmed.
TYPE_STYLES: dict[str, str] = {
    "meeting": "bright_blue", "agreement": "green", "launch": "magenta", "announcement": "yellow",
    "funding": "cyan", "designation": "red", "event": "bright_cyan", "other": "white",
}


@dataclass(frozen=True)
class TableRow:
    cells: list[str]
    style: str | None = None


@dataclass(frozen=True)
class TableSection:
    label: str
    rows: list[TableRow]


@dataclass(frozen=True)
class TableView:
    """A table with optional sections (a heading line before each group of rows)."""

    title: str
    columns: list[str]
    sections: list[TableSection]
    caption: str = ""
    widths: dict[int, int] = field(default_factory=dict)  # column index -> minimum width
    numeric: tuple[int, ...] = ()  # column indexes aligned right


TABLE_ROWS = 50  # the timeline table's default: a few screens; rich lays out every row it is given (10,000 take ~10 s)


def timeline_table(kb: KnowledgeBase, events: Sequence[Event], lang: str, *, title: str = "",
                   newest: int | None = None) -> TableView:
    """The events in date order; with `newest`, only the last that many (the caption says how to see all)."""
    t = lb.labels(lang)
    ix = Index(kb)
    total = len(events)
    if newest is not None and total > newest:
        events = events[total - newest:]
    rows = [views.event_row(ix, e, lang) for e in events]
    sections = [TableSection(g.label, [_event_line(e, lang, t) for e in g.events])
                for g in views.group_by_month(rows, lang)]
    if not rows:
        caption = t["no_events"]
    elif len(rows) < total:
        caption = t["newest_of"].format(shown=len(rows), total=total)
    else:
        caption = t["shown_of"].format(shown=len(rows), total=total)
    return TableView(title or t["timeline_title"],
                     [t["date"], t["type"], t["title"], t["participants"], t["venue"]], sections,
                     caption=caption, widths={0: 10})


def _event_line(e: EventRow, lang: str, t: dict[str, str]) -> TableRow:
    title = e.title + ("" if e.main else f" ({t['related']})")
    extra = [f"{p.name}({p.note})" if p.note else p.name for p in e.people]
    extra += [format_won(a.value_krw, lang) for a in e.amounts]
    if extra:
        title += "\n" + " · ".join(extra)
    orgs = ", ".join(p.name for p in e.participants)
    style = TYPE_STYLES.get(e.type, "white") if e.main else "dim"
    return TableRow([format_span(e.date, e.end_date), e.type_label, title, orgs, e.venue], style)


def orgs_table(kb: KnowledgeBase, lang: str) -> TableView:
    t = lb.labels(lang)
    rows = views.org_rows(Index(kb), lang)
    lines = [TableRow([r.ref.name, r.type_label, str(r.events), str(r.agreements), str(r.people),
                       str(r.sources), ", ".join(r.aliases)]) for r in rows]
    return TableView(t["organisations"], [t["name"], t["type"], t["events_count"], t["agreements"],
                                          t["people_count"], t["sources_count"], t["aliases"]],
                     [TableSection("", lines)], numeric=(2, 3, 4, 5))


def people_table(kb: KnowledgeBase, lang: str) -> TableView:
    t = lb.labels(lang)
    rows = views.person_rows(Index(kb))
    lines = [TableRow([r.ref.name, r.title, r.organisation.name if r.organisation else "", str(r.events),
                       str(r.quotes), str(r.sources)]) for r in rows]
    return TableView(t["people"], [t["name"], t["titles"], t["organisation_col"], t["events_count"],
                                   t["quotes_count"], t["sources_count"]],
                     [TableSection("", lines)], numeric=(3, 4, 5))
