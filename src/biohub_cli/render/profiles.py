"""An organisation's or a person's page as terminal tables (`biohub org`, `biohub person`): the same
sections as org.md and person.md, each a TableView that narrows with the terminal (tables.fit)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.models import Organization, Person
from biohub_cli.render import labels as lb
from biohub_cli.render import views
from biohub_cli.render.contexts import AmountRow, CountRow, EventRow, PlaceRow, QuoteRow, Ref, SourceRow
from biohub_cli.render.filters import format_date, format_money, format_span
from biohub_cli.render.queries import Index
from biohub_cli.render.tables import TableRow, TableSection, TableView
from biohub_cli.render.terminal import TYPE_STYLES


@dataclass(frozen=True)
class ProfileView:
    """A heading, its facts as `label: value` lines, then one table per section."""

    heading: str
    facts: list[tuple[str, str]]
    tables: list[TableView]


def org_view(kb: KnowledgeBase, org: Organization, lang: str) -> ProfileView:
    ctx = views.org_context(Index(kb), org, lang, links=False)
    t = lb.labels(lang)
    facts = [(t["type"], ctx.type_label), (t["name_en"], ctx.name_en), (t["aliases"], ", ".join(ctx.aliases)),
             (t["parent"], ctx.parent.name if ctx.parent else ""), (t["id"], org.id)]
    tables = [_events(ctx.events, t, t["events"], role=True),
              _table(f"{t['agreements']} ({len(ctx.agreements)})", [t["date"], t["title"], t["counterparts"]],
                     [[format_span(e.date, e.end_date), e.title, _names(e.participants)] for e in ctx.agreements],
                     stack_into=1, layouts=((), (2,))),
              _table(f"{t['people_of_org']} ({len(ctx.people)})", [t["name"], t["titles"]],
                     [[p.name, p.note] for p in ctx.people]),
              _places(ctx.places, t), _quotes(ctx.quotes, t), _amounts(ctx.amounts, t, lang),
              _counts(ctx.partners, t["partners"], t["organisation"], t), _sources(ctx.sources, t)]
    return ProfileView(ctx.org.name, [(k, v) for k, v in facts if v], [x for x in tables if x.sections[0].rows])


def person_view(kb: KnowledgeBase, person: Person, lang: str) -> ProfileView:
    ctx = views.person_context(Index(kb), person, lang, links=False)
    t = lb.labels(lang)
    facts = [(t["titles"], ctx.person.note), (t["name_en"], ctx.name_en), (t["id"], person.id)]
    tables = [_table(t["roles"], [t["titles"], t["organisation"], t["first_seen"], t["last_seen"]],
                     [[r.title, r.organisation.name if r.organisation else "", r.first_seen, r.last_seen]
                      for r in ctx.roles], stack_into=0, layouts=((), (2, 3), (1, 2, 3))),
              _events(ctx.events, t, t["events_of_person"], role=False),
              _quotes(ctx.quotes, t), _counts(ctx.orgs, t["orgs_of_person"], t["organisation"], t),
              _counts(ctx.co_people, t["co_people"], t["person"], t), _sources(ctx.sources, t)]
    return ProfileView(ctx.person.name, [(k, v) for k, v in facts if v],
                       [x for x in tables if x.sections[0].rows])


def _table(title: str, columns: list[str], rows: Sequence[Sequence[str]], *, styles: Sequence[str | None] = (),
           numeric: tuple[int, ...] = (), stack_into: int | None = None,
           layouts: tuple[tuple[int, ...], ...] = ()) -> TableView:
    lines = [TableRow(list(r), styles[i] if i < len(styles) else None) for i, r in enumerate(rows)]
    return TableView(title, columns, [TableSection("", lines)], numeric=numeric, stack_into=stack_into,
                     layouts=layouts)


def _names(refs: Sequence[Ref]) -> str:
    return ", ".join(f"{r.name} ({r.note})" if r.note else r.name for r in refs)


def _events(rows: Sequence[EventRow], t: dict[str, str], heading: str, *, role: bool) -> TableView:
    """Date, type, title, [role,] other organisations, people, venue, as org.md's event table."""
    columns = [t["date"], t["type"], t["title"], *([t["role"]] if role else []),
               t["other_participants"] if role else t["participants"], t["people"], t["venue"]]
    cells = [[format_span(e.date, e.end_date), e.type_label, e.title + ("" if e.main else f" ({t['related']})"),
              *([e.role] if role else []), _names(e.participants), _names(e.people), e.venue] for e in rows]
    styles = [TYPE_STYLES.get(e.type, "white") if e.main else "dim" for e in rows]
    n = len(columns)
    rest = tuple(range(3, n))
    return _table(f"{heading} ({len(rows)})", columns, cells, styles=styles, stack_into=2,
                  layouts=((), (n - 2,), (n - 2, n - 1), rest))


def _quotes(rows: Sequence[QuoteRow], t: dict[str, str]) -> TableView:
    return _table(f"{t['quotes']} ({len(rows)})", [t["quotes"], t["speaker"], t["found_in"]],
                  [[f"“{q.text}”", q.speaker.name if q.speaker else q.speaker_name,
                    q.context + (f" ({format_date(q.date)})" if q.date else "")] for q in rows],
                  stack_into=0, layouts=((), (2,), (1, 2)))


def _amounts(rows: Sequence[AmountRow], t: dict[str, str], lang: str) -> TableView:
    return _table(f"{t['amounts']} ({len(rows)})", [t["amount"], t["label"], t["kind"], t["found_in"]],
                  [[format_money(a.value, a.currency, lang), a.label, a.kind_label,
                    a.context + (f" ({format_date(a.date)})" if a.date else "")] for a in rows],
                  numeric=(0,), stack_into=1, layouts=((), (3,), (2, 3)))


def _counts(rows: Sequence[CountRow], heading: str, head: str, t: dict[str, str]) -> TableView:
    return _table(f"{heading} ({len(rows)})", [head, t["together"]], [[r.label, str(r.count)] for r in rows],
                  numeric=(1,))


def _places(rows: Sequence[PlaceRow], t: dict[str, str]) -> TableView:
    return _table(f"{t['places_of_org']} ({len(rows)})", [t["name"], t["kind"], t["events_count"]],
                  [[r.ref.name + (f" ({r.note})" if r.note else ""), r.kind_label, str(r.events)] for r in rows],
                  numeric=(2,))


def _sources(rows: Sequence[SourceRow], t: dict[str, str]) -> TableView:
    return _table(f"{t['sources']} ({len(rows)})", [t["title"], t["outlet"], t["published"], t["file"]],
                  [[s.title, s.outlet, format_date(s.published) if s.published else "", s.file_name] for s in rows],
                  stack_into=0, layouts=((), (3,), (1, 2, 3)))
