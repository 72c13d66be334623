"""The lists of clusters and programmes as json or csv (`biohub clusters --format json`)."""

from __future__ import annotations

import json
from typing import Any

from biohub_cli.csv_writer import write_csv
from biohub_cli.kb import export
from biohub_cli.kb.knowledge_base import KnowledgeBase


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
