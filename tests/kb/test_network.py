"""The co-participation graph and its Mermaid and GraphML forms."""

from __future__ import annotations

from xml.etree import ElementTree

from biohub_cli.kb import network
from biohub_cli.kb.knowledge_base import KnowledgeBase

INCHEON, CELLTRION, INHA = "org-66957d5a52", "org-8d9250bf44", "org-7d88960af7"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def test_edges_count_shared_active_events(fixture_kb: KnowledgeBase) -> None:
    graph = network.co_participation(fixture_kb)
    weights = {(e.source, e.target): e.weight for e in graph.edges}
    # the 5th council meeting and the agreement signing; the rejected meeting does not count
    assert weights[(INCHEON, CELLTRION)] == 2
    assert weights[(INHA, CELLTRION)] == 2
    assert all(e.source < e.target for e in graph.edges)
    ids = {n.id for n in graph.nodes}
    assert "org-bfa42cf6a1" not in ids  # rejected organisation
    assert "org-480cb694da" not in ids  # named in a document, but in no event
    assert graph.node(INCHEON).events == 8


def test_mermaid_escapes_labels_and_keeps_the_strongest_pairs(fixture_kb: KnowledgeBase) -> None:
    graph = network.co_participation(fixture_kb)
    text = network.to_mermaid(graph, limit=3)
    assert text.startswith("graph LR\n")
    assert text.count("---|") == 3 and "---|2|" in text and "---|1|" not in text
    full = network.to_mermaid(graph)
    assert '["바이오#lt;랩#gt; #amp; #quot;파트너스#quot;"]' in full
    assert "```" not in network.mermaid_label("a ``` b") and '"' not in network.mermaid_label('"')


def test_graphml_is_well_formed_and_complete(fixture_kb: KnowledgeBase) -> None:
    graph = network.co_participation(fixture_kb)
    root = ElementTree.fromstring(network.to_graphml(graph).encode("utf-8"))
    nodes = root.findall(f"{GRAPHML}graph/{GRAPHML}node")
    edges = root.findall(f"{GRAPHML}graph/{GRAPHML}edge")
    assert len(nodes) == len(graph.nodes) and len(edges) == len(graph.edges)
    names = {n.get("id"): n.find(f"{GRAPHML}data[@key='name']").text for n in nodes}  # type: ignore[union-attr]
    assert names["org-6018cb5abb"] == '바이오<랩> & "파트너스"'
    first = edges[0]
    assert first.find(f"{GRAPHML}data[@key='weight']").text == str(graph.edges[0].weight)  # type: ignore[union-attr]


def test_control_characters_do_not_break_the_xml() -> None:
    graph = network.Graph([network.Node("a", "이름\x0b\x00끝", "other", 1)], [])
    root = ElementTree.fromstring(network.to_graphml(graph).encode("utf-8"))
    assert root.find(f"{GRAPHML}graph/{GRAPHML}node/{GRAPHML}data").text == "이름끝"  # type: ignore[union-attr]


def test_network_page_says_when_the_diagram_is_cut(fixture_kb: KnowledgeBase) -> None:
    from biohub_cli.render import views
    from biohub_cli.render.environment import make_environment, render
    from biohub_cli.render.queries import Index

    full = views.network_context(Index(fixture_kb), "ko")
    assert full.shown == full.total == 20
    cut = type(full)(lang="ko", labels=full.labels, title=full.title, mermaid=network.to_mermaid(
        network.co_participation(fixture_kb), limit=5), pairs=full.pairs, shown=5, total=20)
    text = render(make_environment(), "network.md", cut)
    assert "도표에는 가장 자주 함께 나온 5개 쌍만 그렸습니다 (전체 20개 쌍은 network.graphml)." in text
    assert text.count(" ---|") == 5 and text.count("\n| [") == 20
