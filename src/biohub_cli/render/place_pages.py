"""The lists of clusters and programmes as json or csv (`biohub clusters --format json`), and one cluster's
or programme's page as Markdown or HTML (`biohub cluster 오송 --format md`)."""

from __future__ import annotations

import json
from typing import Any

from biohub_cli.csv_writer import write_csv
from biohub_cli.kb import export
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.models import Cluster, Programme
from biohub_cli.render import place_site
from biohub_cli.render.pages import render
from biohub_cli.render.queries import Index


def list_text(kb: KnowledgeBase, kind: str, fmt: str) -> str:
    """`kind`: clusters or programmes, as the export gives them."""
    items: list[dict[str, Any]] = export.export_data(kb)[kind]
    if fmt == "json":
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    if kind == "clusters":
        return write_csv(["id", "name", "kind", "province", "city", "parent", "aliases"],
                                 [[c["id"], c["name"], c["kind"], (c["region"] or {}).get("province") or "",
                                   (c["region"] or {}).get("city") or "", c["parent"] or "", "; ".join(c["aliases"])]
                                  for c in items])
    return write_csv(["id", "name", "kind", "owner", "first_seen", "last_seen", "aliases"],
                             [[p["id"], p["name"], p["kind"], p["owner"] or "", p["first_seen"] or "",
                               p["last_seen"] or "", "; ".join(p["aliases"])] for p in items])


def cluster_text(kb: KnowledgeBase, cluster: Cluster, lang: str, fmt: str) -> str:
    """The page reports/clusters/<id>.`fmt` holds (the same template and context), without links, which
    only work inside reports/, and so without the Markdown page's image of the chart (the file it shows
    is written by a build beside the page); the HTML page inlines the chart."""
    return render(None, f"place.{fmt}", place_site.cluster_context(Index(kb), cluster, lang, links=False))


def programme_text(kb: KnowledgeBase, programme: Programme, lang: str, fmt: str) -> str:
    """The page reports/programmes/<id>.`fmt` holds, without links."""
    return render(None, f"place.{fmt}", place_site.programme_context(Index(kb), programme, lang, links=False))
