"""What `biohub search` and `biohub sources` print: rows for the terminal, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.kb.search.query import Hit, Result
from biohub_cli.render import labels as labels_mod

Marked = tuple[str, tuple[tuple[int, int], ...]]  # text and the spans to mark in it


@dataclass(frozen=True)
class HitsView:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str | Marked, ...], ...]
    caption: str
    empty: str  # what to say when nothing was found


def hits_view(result: Result, query: str, lang: str) -> HitsView:
    lab = labels_mod.labels(lang)
    rows = []
    for h in result.hits:
        what = lab[f"kind_{h.kind}"] + ("" if h.kind == "source" else f"\n{h.id}")
        about = "\n".join(x for x in (h.date or "", h.outlet or "", h.source or "") if x)
        cited = "".join(f"\n· {lab['kind_' + c.kind]} {c.label}" for c in h.cited)
        rows.append((what, about, h.title, (h.snippet + cited, h.marks)))
    return HitsView(lab["search_results"].format(query=query),
                    (lab["kind"], lab["hit_source"], lab["title"], lab["snippet"]), tuple(rows),
                    lab["search_count"].format(shown=len(result.hits), total=result.total),
                    f"{lab['search_results'].format(query=query)}: {lab['search_none']}")


def hit_data(h: Hit) -> dict[str, Any]:
    return {"kind": h.kind, "id": h.id, "title": h.title, "date": h.date, "outlet": h.outlet,
            "source": h.source, "url": h.url, "snippet": h.snippet, "marks": [list(m) for m in h.marks],
            "cited": [{"kind": c.kind, "id": c.id, "label": c.label} for c in h.cited]}


def hits_json(result: Result, query: str) -> str:
    return json.dumps({"query": query, "total": result.total, "hits": [hit_data(h) for h in result.hits]},
                      ensure_ascii=False, indent=2) + "\n"


def marked(text: str, marks: tuple[tuple[int, int], ...], left: str = "«", right: str = "»") -> str:
    out, at = [], 0
    for a, b in marks:
        out += [text[at:a], left, text[a:b], right]
        at = b
    return "".join(out) + text[at:]


def hits_csv(result: Result) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["kind", "id", "date", "outlet", "title", "snippet", "source", "url", "cited"])
    for h in result.hits:
        w.writerow([h.kind, h.id, h.date or "", h.outlet or "", h.title, marked(h.snippet, h.marks), h.source or "",
                    h.url or "", "; ".join(c.id for c in h.cited)])
    return buf.getvalue()


def source_rows(kb: KnowledgeBase, *, include_off_topic: bool = True) -> list[dict[str, Any]]:
    """Every ingested document, by publication date (undated last), then id."""
    def key(s: Any) -> tuple[int, str, str]:
        return (0, s.published.iso(), s.id) if s.published else (1, "", s.id)

    return [{"id": s.id, "published": s.published.iso() if s.published else None, "outlet": s.outlet,
             "title": s.title, "format": s.format, "file": s.path, "url": s.url, "off_topic": s.off_topic}
            for s in sorted(kb.sources.values(), key=key) if include_off_topic or not s.off_topic]


SOURCE_COLUMNS = ("published", "outlet", "title", "format", "file", "url", "off_topic")


def sources_table(kb: KnowledgeBase, lang: str) -> tuple[tuple[str, ...], list[tuple[str, ...]], str]:
    """Columns, rows (the file by its name; JSON and CSV give its path) and a caption."""
    lab = labels_mod.labels(lang)
    head = (lab["published"], lab["outlet"], lab["title"], lab["doc_format"], lab["file"], lab["original"],
            lab["off_topic"])
    rows = [tuple("" if r[c] is None else str(r[c]) for c in SOURCE_COLUMNS) for r in source_rows(kb)]
    rows = [(*r[:4], r[4].rsplit("/", 1)[-1], *r[5:]) for r in rows]
    return head, rows, f"{len(rows)} {lab['sources']}"


def sources_json(kb: KnowledgeBase) -> str:
    return json.dumps(source_rows(kb), ensure_ascii=False, indent=2) + "\n"


def sources_csv(kb: KnowledgeBase) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["id", *SOURCE_COLUMNS])
    for r in source_rows(kb):
        w.writerow(["" if r[c] is None else r[c] for c in ("id", *SOURCE_COLUMNS)])
    return buf.getvalue()
