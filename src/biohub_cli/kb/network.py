"""The organisation network: two organisations are linked when they take part in the same event.

`co_participation(kb)` builds the graph; `to_mermaid` draws it for Markdown, `to_graphml` writes it
for Gephi, yEd or networkx. Both outputs are deterministic: nodes and edges are sorted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from xml.sax.saxutils import escape, quoteattr

from biohub_cli.kb.knowledge_base import KnowledgeBase

MAX_MERMAID_EDGES = 120

# Characters Mermaid would read as syntax inside a quoted label, as its `#code;` entities.
_MERMAID_ENTITIES = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "#": "#35;", "`": "#96;"}
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_TYPE_STYLES = {
    "government": "fill:#e3ecfa,stroke:#3b6fb6",
    "company": "fill:#e6f4ea,stroke:#2e7d4f",
    "university": "fill:#fdf1dc,stroke:#b7791f",
    "hospital": "fill:#fbe4e6,stroke:#b83246",
    "research": "fill:#efe6f7,stroke:#7048a8",
    "public_agency": "fill:#e0f3f4,stroke:#23808a",
    "association": "fill:#f1efe6,stroke:#7a6f45",
    "council": "fill:#f4e8f2,stroke:#9c3f8a",
    "media": "fill:#eeeeee,stroke:#666666",
    "other": "fill:#f5f5f5,stroke:#888888",
}


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    type: str
    events: int


@dataclass(frozen=True)
class Edge:
    """An undirected link; `source` sorts before `target`."""

    source: str
    target: str
    weight: int


@dataclass(frozen=True)
class Graph:
    nodes: list[Node]
    edges: list[Edge]

    def node(self, node_id: str) -> Node:
        return next(n for n in self.nodes if n.id == node_id)


def co_participation(kb: KnowledgeBase) -> Graph:
    """Active organisations of active events; edge weight = number of events they share."""
    active = {o.id for o in kb.active_orgs()}
    events: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for ev in kb.active_events():
        present = sorted({p.organization for p in ev.participants} & active)
        events.update(present)
        pairs.update(combinations(present, 2))
    nodes = [Node(o.id, o.name, o.type, events[o.id]) for o in kb.active_orgs() if events[o.id]]
    edges = [Edge(a, b, n) for (a, b), n in sorted(pairs.items())]
    return Graph(nodes=nodes, edges=edges)


def strongest_edges(graph: Graph, limit: int = MAX_MERMAID_EDGES) -> list[Edge]:
    """The most frequent pairs first; ties by the organisations' names."""
    names = {n.id: n.name for n in graph.nodes}
    ranked = sorted(graph.edges,
                    key=lambda e: (-e.weight, names[e.source], names[e.target], e.source, e.target))
    return ranked[:limit]


def to_mermaid(graph: Graph, limit: int = MAX_MERMAID_EDGES) -> str:
    """A Mermaid `graph LR` of the strongest `limit` pairs, nodes styled by organisation type."""
    edges = strongest_edges(graph, limit)
    used = {e.source for e in edges} | {e.target for e in edges}
    nodes = [n for n in graph.nodes if n.id in used]
    short = {n.id: f"n{i}" for i, n in enumerate(nodes, start=1)}
    lines = ["graph LR"]
    lines += [f'  {short[n.id]}["{mermaid_label(n.name)}"]' for n in nodes]
    lines += [f"  {short[e.source]} ---|{e.weight}| {short[e.target]}" for e in edges]
    for kind in sorted({n.type for n in nodes}):
        members = ",".join(short[n.id] for n in nodes if n.type == kind)
        lines.append(f"  classDef {kind} {_TYPE_STYLES.get(kind, _TYPE_STYLES['other'])}")
        lines.append(f"  class {members} {kind}")
    return "\n".join(lines) + "\n"


def mermaid_label(text: str) -> str:
    """Text safe inside a quoted Mermaid label (and inside a Markdown code fence)."""
    flat = " ".join(text.split())
    return "".join(_MERMAID_ENTITIES.get(c, c) for c in flat)


def to_graphml(graph: Graph) -> str:
    """GraphML 1.0: node attributes name, type, events; edge attribute weight."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
        ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
        '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
        '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
        '  <key id="events" for="node" attr.name="events" attr.type="int"/>',
        '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
        '  <graph id="organisations" edgedefault="undirected">',
    ]
    for n in graph.nodes:
        out.append(f"    <node id={_attr(n.id)}>")
        out.append(f'      <data key="name">{_text(n.name)}</data>')
        out.append(f'      <data key="type">{_text(n.type)}</data>')
        out.append(f'      <data key="events">{n.events}</data>')
        out.append("    </node>")
    for i, e in enumerate(graph.edges):
        out.append(f'    <edge id="e{i}" source={_attr(e.source)} target={_attr(e.target)}>')
        out.append(f'      <data key="weight">{e.weight}</data>')
        out.append("    </edge>")
    out += ["  </graph>", "</graphml>"]
    return "\n".join(out) + "\n"


def _text(value: str) -> str:
    return escape(_XML_INVALID.sub("", value))


def _attr(value: str) -> str:
    return quoteattr(_XML_INVALID.sub("", value))
