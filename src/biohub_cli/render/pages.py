"""One rendering each: the timeline in every format, a profile page, the organisation and people lists.

The terminal commands and the report site share these, so `biohub timeline --format md` prints what
reports/timeline.md holds for the same events (without links, which only work inside reports/).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from biohub_cli.controls import json_safe
from biohub_cli.csv_writer import write_csv
from biohub_cli.errors import RecordError
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.models import Event, Organization, Person
from biohub_cli.render import calendar, formats, views
from biohub_cli.render import labels as lb
from biohub_cli.render.contexts import Page
from biohub_cli.render.queries import Index

if TYPE_CHECKING:  # Jinja2 loads on the first rendering, so `biohub --help` stays light
    import jinja2

TIMELINE_FORMATS: tuple[str, ...] = ("table", "md", "html", "json", "csv", "ics", "timelinejs")
LIST_FORMATS: tuple[str, ...] = ("table", "json", "csv")


@dataclass(frozen=True)
class Rendered:
    text: str
    notes: list[str] = field(default_factory=list)  # what was left out, for stderr


def environment(templates: Path | None = None) -> jinja2.Environment:
    from biohub_cli.render.environment import make_environment

    return make_environment(templates)


def template_problems(templates: Path) -> list[RecordError]:
    """A knowledge base's templates that a build would stop at (environment.template_problems)."""
    from biohub_cli.render.environment import template_problems as problems

    return problems(templates)


def render(env: jinja2.Environment | None, name: str, context: Page) -> str:
    """Render a template (in a default environment when none is given)."""
    from biohub_cli.render import environment as jinja

    return jinja.render(env or jinja.make_environment(), name, context)


def timeline_text(kb: KnowledgeBase, events: Sequence[Event], fmt: str, lang: str, *,
                  env: jinja2.Environment | None = None, links: bool = False,
                  filters: Sequence[tuple[str, str]] = (), bom: bool = False,
                  ix: Index | None = None) -> Rendered:
    """The timeline as md, html, json, csv, ics or timelinejs (`table` is drawn by the CLI)."""
    if fmt in ("md", "html"):
        ctx = views.timeline_context(ix or Index(kb), events, lang, links=links, filters=filters)
        return Rendered(render(env, f"timeline.{fmt}", ctx))
    if fmt == "json":
        return Rendered(formats.timeline_json(kb, events))
    if fmt == "csv":
        return Rendered(formats.timeline_csv(kb, events, lang, bom=bom))
    if fmt == "ics":
        left_out = calendar.undated(events)
        notes = [f"{len(left_out)} event(s) without a full date are not in the calendar"] if left_out else []
        return Rendered(ics_text(kb, events, lang, ix=ix), notes)
    if fmt == "timelinejs":
        text, skipped = formats.timelinejs(kb, events, lang)
        notes = [f"{len(skipped)} event(s) of unknown year are not in the TimelineJS file"] if skipped else []
        return Rendered(text, notes)
    raise ValueError(f"unknown timeline format {fmt!r}")


def ics_text(kb: KnowledgeBase, events: Sequence[Event], lang: str, *, ix: Index | None = None) -> str:
    t = lb.labels(lang)
    index = ix or Index(kb)

    def describe(ev: Event) -> str:
        row = views.event_row(index, ev, lang)
        lines = [f"{t['type']}: {row.type_label}"]
        if row.participants:
            lines.append(f"{t['participants']}: " + ", ".join(
                f"{p.name} ({p.note})" if p.note else p.name for p in row.participants))
        if row.people:
            lines.append(f"{t['people']}: " + ", ".join(p.name for p in row.people))
        lines += [f"{t['sources']}: {s.title}" + (f" <{s.url}>" if s.url else "") for s in row.sources]
        return "\n".join(lines)

    return calendar.to_ics(events, name=t["timeline_title"], describe=describe,
                           categories=lambda ev: lb.event_type_label(ev.type, lang))


def org_text(kb: KnowledgeBase, org: Organization, lang: str, *, env: jinja2.Environment | None = None,
             fmt: str = "md", links: bool = False) -> str:
    """An organisation's page: Markdown for the terminal, or md/html for reports/orgs/."""
    return render(env, f"org.{fmt}", views.org_context(Index(kb), org, lang, links=links))


def person_text(kb: KnowledgeBase, person: Person, lang: str, *, env: jinja2.Environment | None = None,
                fmt: str = "md", links: bool = False) -> str:
    ctx = views.person_context(Index(kb), person, lang, links=links)
    return render(env, f"person.{fmt}", ctx)


def orgs_text(kb: KnowledgeBase, fmt: str, lang: str, *, bom: bool = False) -> str:
    """All organisations with counts, as json or csv."""
    rows = views.org_rows(Index(kb), lang)
    if fmt == "csv":
        return formats.orgs_csv(rows, lang, bom=bom)
    data = [{"id": r.ref.id, "name": r.ref.name, "name_en": r.name_en or None, "type": kb.orgs[r.ref.id].type,
             "aliases": r.aliases, "events": r.events, "agreements": r.agreements, "people": r.people,
             "sources": r.sources} for r in rows]
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def people_text(kb: KnowledgeBase, fmt: str, lang: str) -> str:
    """All people with their latest title and counts, as json or csv."""
    rows = views.person_rows(Index(kb))
    if fmt == "csv":
        t = lb.labels(lang)
        return write_csv(
            [t["id"], t["name"], t["titles"], t["organisation_col"], t["events_count"], t["quotes_count"],
             t["sources_count"]],
            [[r.ref.id, r.ref.name, r.title, r.organisation.name if r.organisation else "", str(r.events),
              str(r.quotes), str(r.sources)] for r in rows])
    data = [{"id": r.ref.id, "name": r.ref.name, "title": r.title or None,
             "organization": r.organisation.id if r.organisation else None, "events": r.events,
             "quotes": r.quotes, "sources": r.sources} for r in rows]
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
