"""A cluster's or a programme's page as terminal tables (`biohub cluster`, `biohub programme`), and the
lists of all of them (`biohub clusters`, `biohub programmes`): its timeline, the organisations and
people involved, and its money by year and by kind (국비, 지방비, 민자)."""

from __future__ import annotations

from collections.abc import Sequence

from biohub_cli.kb import places
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.models import Cluster, Event, Programme
from biohub_cli.render import labels as lb
from biohub_cli.render import views
from biohub_cli.render.filters import format_money, format_span
from biohub_cli.render.org_places import home_bodies
from biohub_cli.render.profiles import ProfileView
from biohub_cli.render.queries import Index
from biohub_cli.render.tables import TableRow, TableSection, TableView
from biohub_cli.render.terminal import TYPE_STYLES

_KINDS = ("total", "national", "local", "private", "other")


def region_text(c: Cluster) -> str:
    if c.region is None:
        return ""
    city = c.region.city if c.region.city != c.region.province else None
    return " ".join(p for p in (c.region.province, city) if p)


def clusters_table(kb: KnowledgeBase, lang: str) -> TableView:
    t = lb.labels(lang)
    rows = []
    for c in places.active_clusters(kb):
        parent = kb.clusters[c.parent].name if c.parent in kb.clusters else ""
        rows.append(TableRow([c.name, lb.place_word(c.kind, lang), region_text(c), parent,
                              str(len(places.events_of_cluster(kb, c.id))), str(len(c.sources)), ", ".join(c.aliases)]))
    return TableView(t["clusters"], [t["name"], t["kind"], t["region"], t["parent"], t["events_count"],
                                     t["sources_count"], t["aliases"]],
                     [TableSection("", rows)], numeric=(4, 5), stack_into=0, layouts=((), (6,), (3, 6), (2, 3, 6)))


def programmes_table(kb: KnowledgeBase, lang: str) -> TableView:
    t = lb.labels(lang)
    rows = []
    for p in places.active_programmes(kb):
        total = sum(a.value_krw or 0 for a in p.amounts if a.kind == "total")
        rows.append(TableRow([p.name, lb.place_word(p.kind, lang), p.owner or "",
                              str(len(places.events_of_programme(kb, p.id))),
                              format_money(total, "KRW", lang) if total else "", p.first_seen or "",
                              p.last_seen or ""]))
    return TableView(t["programmes"], [t["name"], t["kind"], t["owner"], t["events_count"], t["amounts"],
                                       t["first_seen"], t["last_seen"]],
                     [TableSection("", rows)], numeric=(3, 4), stack_into=0, layouts=((), (5, 6), (1, 5, 6)))


def cluster_view(kb: KnowledgeBase, cluster: Cluster, lang: str) -> ProfileView:
    t = lb.labels(lang)
    events = places.events_of_cluster(kb, cluster.id)
    parent = kb.clusters[cluster.parent].name if cluster.parent in kb.clusters else ""
    inner = sorted(kb.clusters[c].name for c in places.inside(kb, cluster.id) - {cluster.id})
    bodies = ", ".join(r.name for r in home_bodies(Index(kb), cluster.id))
    facts = [(t["kind"], lb.place_word(cluster.kind, lang)), (t["region"], region_text(cluster)),
             (t["aliases"], ", ".join(cluster.aliases)), (t["parent"], parent), (t["inside"], ", ".join(inner)),
             (t["home_bodies"], bodies), (t["id"], cluster.id)]

    def basis(ev: Event) -> str:
        ids = places.inside(kb, cluster.id)
        return ", ".join(lb.place_word(link.basis, lang) for link in ev.clusters if link.cluster in ids)

    tables = [_timeline(kb, events, lang, t["linked_by"], basis),
              *_involved(kb, events, t), _money(places.by_year_and_kind(places.money_of_cluster(kb, cluster.id)),
                                                t, lang)]
    return ProfileView(cluster.name, [(k, v) for k, v in facts if v], [x for x in tables if x.sections[0].rows])


def programme_view(kb: KnowledgeBase, programme: Programme, lang: str) -> ProfileView:
    t = lb.labels(lang)
    events = places.events_of_programme(kb, programme.id)
    facts = [(t["kind"], lb.place_word(programme.kind, lang)), (t["owner"], programme.owner or ""),
             (t["aliases"], ", ".join(programme.aliases)), (t["first_seen"], programme.first_seen or ""),
             (t["last_seen"], programme.last_seen or ""), (t["id"], programme.id)]

    def milestone(ev: Event) -> str:
        return ", ".join(lb.place_word(link.milestone, lang) for link in ev.programmes
                         if link.programme == programme.id and link.milestone)

    money = places.money_of_programme(kb, programme)
    amounts = _table(f"{t['amounts']} ({len(money)})", [t["year"], t["amount"], t["kind"], t["found_in"]],
                     [[str(m.year or "?"), format_money(m.amount.value_krw if m.amount.value_krw is not None
                                                        else m.amount.value or 0, m.amount.currency, lang),
                       lb.amount_kind_label(m.amount.kind, lang),
                       m.amount.evidence.sentence if m.amount.evidence else m.amount.text] for m in money],
                     numeric=(1,), stack_into=3, layouts=((), (3,)))
    tables = [_timeline(kb, events, lang, t["milestone"], milestone), *_involved(kb, events, t),
              _money(places.by_year_and_kind(money), t, lang), amounts]
    return ProfileView(programme.name, [(k, v) for k, v in facts if v], [x for x in tables if x.sections[0].rows])


def _timeline(kb: KnowledgeBase, events: Sequence[Event], lang: str, extra: str,
              value: object) -> TableView:
    t = lb.labels(lang)
    ix = Index(kb)
    rows, styles = [], []
    for ev in events:
        r = views.event_row(ix, ev, lang)
        rows.append([format_span(r.date, r.end_date), r.type_label, r.title + ("" if r.main else f" ({t['related']})"),
                     value(ev) if callable(value) else "", ", ".join(p.name for p in r.participants), r.venue])
        styles.append(TYPE_STYLES.get(r.type, "white") if r.main else "dim")
    return _table(f"{t['timeline']} ({len(rows)})", [t["date"], t["type"], t["title"], extra, t["participants"],
                                                      t["venue"]], rows, styles=styles, stack_into=2,
                  layouts=((), (5,), (4, 5), (3, 4, 5)))


def _involved(kb: KnowledgeBase, events: Sequence[Event], t: dict[str, str]) -> list[TableView]:
    orgs = places.orgs_involved(kb, events)
    people = places.people_involved(kb, events)
    return [_table(f"{t['orgs_involved']} ({len(orgs)})", [t["organisation"], t["events_count"]],
                   [[kb.orgs[o].name, str(n)] for o, n in orgs], numeric=(1,)),
            _table(f"{t['people_involved']} ({len(people)})", [t["person"], t["titles"], t["events_count"]],
                   [[kb.people[p].name, _title(kb, p), str(n)] for p, n in people], numeric=(2,))]


def _title(kb: KnowledgeBase, pid: str) -> str:
    roles = kb.people[pid].roles
    if not roles:
        return ""
    r = roles[-1]
    org = kb.orgs[r.organization].name if r.organization in kb.orgs else ""
    return " ".join(x for x in (org, r.title or "") if x)


def _money(table: list[tuple[int | None, dict[str, int]]], t: dict[str, str], lang: str) -> TableView:
    kinds = [k for k in _KINDS if any(k in row for _, row in table)]
    rows = [[str(y) if y is not None else "?", *(format_money(row[k], "KRW", lang) if k in row else "" for k in kinds)]
            for y, row in table]
    return _table(t["money_by_year"], [t["year"], *(lb.amount_kind_label(k, lang) for k in kinds)], rows,
                  numeric=tuple(range(1, len(kinds) + 1)))


def _table(title: str, columns: list[str], rows: Sequence[Sequence[str]], *, styles: Sequence[str | None] = (),
           numeric: tuple[int, ...] = (), stack_into: int | None = None,
           layouts: tuple[tuple[int, ...], ...] = ()) -> TableView:
    lines = [TableRow(list(r), styles[i] if i < len(styles) else None) for i, r in enumerate(rows)]
    return TableView(title, columns, [TableSection("", lines)], numeric=numeric, stack_into=stack_into,
                     layouts=layouts)
