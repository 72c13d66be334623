"""The site's pages of clusters and programmes (clusters/<id>, programmes/<id>), their lists and the
chart of events per year on the index."""

from __future__ import annotations

from typing import Any

from biohub_cli.kb import places
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.models import Cluster, Programme
from biohub_cli.render import chart
from biohub_cli.render import labels as lb
from biohub_cli.render.contexts import CountRow, PlaceContext, PlaceRow, Ref
from biohub_cli.render.filters import format_money
from biohub_cli.render.place_views import region_text
from biohub_cli.render.queries import Index

_KINDS = ("total", "national", "local", "private", "other")
INDEX_CHART = "index.svg"  # the index's chart beside index.md; a cluster's is clusters/<id>.svg
CHART_SUFFIX = ".svg"


def page_name(record_id: str) -> str | None:
    from biohub_cli.render.views import page_name as name

    return name(record_id)


def cluster_ref(c: Cluster) -> Ref:
    return Ref("cluster", c.id, c.name, page_name(c.id))


def programme_ref(p: Programme) -> Ref:
    return Ref("programme", p.id, p.name, page_name(p.id))


def index_places(kb: KnowledgeBase, lang: str) -> dict[str, Any]:
    """The index's lists of clusters and programmes and its chart of events per year by cluster (the
    clusters with the most events first)."""
    t = lb.labels(lang)
    clusters = [(c, places.events_of_cluster(kb, c.id)) for c in places.active_clusters(kb)]
    clusters.sort(key=lambda ce: (-len(ce[1]), ce[0].name))
    rows = [PlaceRow(cluster_ref(c), lb.place_word(c.kind, lang), region_text(c), len(evs)) for c, evs in clusters]
    progs = [PlaceRow(programme_ref(p), lb.place_word(p.kind, lang), p.owner or "",
                      len(places.events_of_programme(kb, p.id))) for p in places.active_programmes(kb)]
    series = [chart.Series(c.name, places.events_per_year(evs)) for c, evs in clusters if c.parent is None]
    svg = chart.events_chart(series, t["chart_title"])
    return {"clusters": rows, "programmes": progs, "chart": svg, "chart_file": INDEX_CHART if svg else "",
            "chart_alt": chart.describe(series, t["chart_title"])}


def cluster_series(kb: KnowledgeBase, cluster: Cluster, lang: str) -> list[chart.Series]:
    """A cluster's events per year, one row per event type."""
    events = places.events_of_cluster(kb, cluster.id)
    types = sorted({e.type for e in events})
    return [chart.Series(lb.event_type_label(t, lang), places.events_per_year(e for e in events if e.type == t))
            for t in types]


def cluster_context(ix: Index, cluster: Cluster, lang: str, *, links: bool = True) -> PlaceContext:
    """A cluster's page. With `links` (the site) the Markdown page shows its chart from the file the build
    writes beside it (`<id>.svg`); without (printed by `biohub cluster --format`) there is no such file,
    and no image line: the HTML page inlines the chart either way."""
    from biohub_cli.render.org_places import home_bodies
    from biohub_cli.render.views import event_row

    kb = ix.kb
    t = lb.labels(lang)
    events = places.events_of_cluster(kb, cluster.id)
    parent = kb.clusters.get(cluster.parent or "")
    inner = sorted((kb.clusters[c] for c in places.inside(kb, cluster.id) - {cluster.id}), key=lambda c: c.name)
    facts = [(t["kind"], lb.place_word(cluster.kind, lang)), (t["region"], region_text(cluster)),
             (t["aliases"], ", ".join(cluster.aliases)), (t["id"], cluster.id)]
    money_kinds, money = _money(places.by_year_and_kind(places.money_of_cluster(kb, cluster.id)), lang)
    title = t["chart_by_type"].format(name=cluster.name)
    series = cluster_series(kb, cluster, lang)
    svg = chart.events_chart(series, title)
    return PlaceContext(
        lang=lang, labels=t, root="../", links=links, title=cluster.name, place=cluster_ref(cluster),
        facts=[(k, v) for k, v in facts if v], parent=cluster_ref(parent) if parent else None,
        inside=[cluster_ref(c) for c in inner], events=[event_row(ix, e, lang) for e in events],
        orgs=_orgs(ix, events), people=_people(ix, events), money_kinds=money_kinds, money=money, amounts=[],
        chart=svg, chart_file=cluster.id + CHART_SUFFIX if svg and links else "",
        chart_alt=chart.describe(series, title), bodies=home_bodies(ix, cluster.id))


def programme_context(ix: Index, programme: Programme, lang: str, *, links: bool = True) -> PlaceContext:
    from biohub_cli.render.views import amount_row, event_row

    kb = ix.kb
    t = lb.labels(lang)
    events = places.events_of_programme(kb, programme.id)
    facts = [(t["kind"], lb.place_word(programme.kind, lang)), (t["owner"], programme.owner or ""),
             (t["aliases"], ", ".join(programme.aliases)), (t["first_seen"], programme.first_seen or ""),
             (t["last_seen"], programme.last_seen or ""), (t["id"], programme.id)]
    found = places.money_of_programme(kb, programme)
    money_kinds, money = _money(places.by_year_and_kind(found), lang)
    amounts = []
    for m in found:
        src = kb.sources.get(m.amount.evidence.source) if m.amount.evidence else None
        amounts.append(amount_row(m.amount, (src.title or src.file_name) if src else "",
                                  src.published if src else None, lang))
    return PlaceContext(
        lang=lang, labels=t, root="../", links=links, title=programme.name, place=programme_ref(programme),
        facts=[(k, v) for k, v in facts if v], parent=None, inside=[],
        events=[event_row(ix, e, lang) for e in events], orgs=_orgs(ix, events), people=_people(ix, events),
        money_kinds=money_kinds, money=money, amounts=amounts)


def _orgs(ix: Index, events: list[Any]) -> list[CountRow]:
    from biohub_cli.render.views import org_ref

    return [CountRow(org_ref(ix, oid), ix.kb.orgs[oid].name, n)
            for oid, n in places.orgs_involved(ix.kb, events) if ix.kb.orgs[oid].status == "active"]


def _people(ix: Index, events: list[Any]) -> list[CountRow]:
    from biohub_cli.render.views import person_ref

    return [CountRow(person_ref(ix, pid), ix.kb.people[pid].name, n)
            for pid, n in places.people_involved(ix.kb, events) if ix.kb.people[pid].status == "active"]


def _money(table: list[tuple[int | None, dict[str, int]]],
           lang: str) -> tuple[list[str], list[tuple[str, list[str]]]]:
    kinds = [k for k in _KINDS if any(k in row for _, row in table)]
    rows = [(str(y) if y is not None else "?",
             [format_money(row[k], "KRW", lang) if k in row else "" for k in kinds]) for y, row in table]
    return [lb.amount_kind_label(k, lang) for k in kinds], rows

