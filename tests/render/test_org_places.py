"""An organisation's clusters and programmes on its page (site Markdown and HTML, `biohub org` in every
format): those of its events, counted as the clusters' and programmes' own pages count the organisation,
and the cluster it is at home in; a cluster's page names its home bodies. On the small knowledge base of
tests/render/place_kb.py (Korean sentences we wrote) and on the bundled examples' records."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.console import Console

from biohub_cli.cli import _output
from biohub_cli.kb import knowledge_base, places
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.render import place_site, site, views
from biohub_cli.render.queries import Index
from tests.cli.curation_kb import biohub
from tests.render import place_kb

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return place_kb.build(tmp_path_factory.mktemp("places") / "kb")


@pytest.fixture(scope="module")
def kb(root: Path) -> KnowledgeBase:
    return knowledge_base.load(root)


@pytest.fixture(scope="module")
def files(kb: KnowledgeBase) -> dict[str, bytes]:
    return site.plan(kb, "ko").files


def _ids(kb: KnowledgeBase) -> dict[str, str]:
    found = {c.name: c.id for c in kb.clusters.values()} | {p.name: p.id for p in kb.programmes.values()}
    return found | {o.name: o.id for o in kb.orgs.values()}


def _section(page: str, heading: str) -> str:
    start = page.index(heading)
    end = page.find("\n## ", start + 1)
    return page[start:] if end < 0 else page[start:end]


def test_an_organisation_page_lists_its_clusters_and_programmes_most_events_first(
        kb: KnowledgeBase, files: dict[str, bytes]) -> None:
    ids = _ids(kb)
    page = files[f"orgs/{ids['충청북도']}.md"].decode()
    assert _section(page, "## 클러스터·국가 사업") == (
        "## 클러스터·국가 사업 (3)\n\n"
        "| 이름 | 구분 | 일정 |\n|---|---|---:|\n"
        f"| [오송](../clusters/{ids['오송']}.md) | 클러스터 | 2 |\n"  # its own event and the one inside it
        f"| [K-바이오 랩허브](../programmes/{ids['K-바이오 랩허브']}.md) | 국가 사업 | 1 |\n"
        f"| [오송 첨단의료복합단지](../clusters/{ids['오송 첨단의료복합단지']}.md) | 클러스터 | 1 |\n")
    html = files[f"orgs/{ids['충청북도']}.html"].decode()
    rows = re.findall(r'<tr><td><a href="([^"]+)">([^<]+)</a></td><td>([^<]+)</td><td class="num">(\d+)</td></tr>',
                      html)
    assert rows == [(f"../clusters/{ids['오송']}.html", "오송", "클러스터", "2"),
                    (f"../programmes/{ids['K-바이오 랩허브']}.html", "K-바이오 랩허브", "국가 사업", "1"),
                    (f"../clusters/{ids['오송 첨단의료복합단지']}.html", "오송 첨단의료복합단지", "클러스터", "1")]
    assert '<h2>클러스터·국가 사업<span class="count">3</span></h2>' in html


def test_the_home_cluster_is_listed_without_an_event_there_and_names_its_body(
        kb: KnowledgeBase, files: dict[str, bytes]) -> None:
    ids = _ids(kb)
    page = files[f"orgs/{ids['오송첨단의료산업진흥재단']}.md"].decode()
    assert (f"| [오송 첨단의료복합단지](../clusters/{ids['오송 첨단의료복합단지']}.md) (소재지) | 클러스터 | 0 |"
            in page)
    html = files[f"orgs/{ids['오송첨단의료산업진흥재단']}.html"].decode()
    assert '오송 첨단의료복합단지</a> <span class="tag">소재지</span>' in html
    cluster = files[f"clusters/{ids['오송 첨단의료복합단지']}.md"].decode()
    assert f"- 소재 기관: [오송첨단의료산업진흥재단](../orgs/{ids['오송첨단의료산업진흥재단']}.md)\n" in cluster
    assert "<dt>소재 기관</dt><dd><a href=" in files[f"clusters/{ids['오송 첨단의료복합단지']}.html"].decode()
    assert "소재 기관" not in files[f"clusters/{ids['오송']}.md"].decode()  # a body of the cluster inside it


def test_an_organisation_in_no_cluster_or_programme_has_no_such_section(kb: KnowledgeBase,
                                                                       files: dict[str, bytes]) -> None:
    ids = _ids(kb)
    assert "클러스터·국가 사업" not in files[f"orgs/{ids['보건복지부']}.md"].decode()
    assert "클러스터·국가 사업" not in files[f"orgs/{ids['보건복지부']}.html"].decode()


def test_biohub_org_shows_the_section_in_every_format_and_language(root: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   kb: KnowledgeBase) -> None:
    monkeypatch.setattr(_output, "out", Console(width=160, soft_wrap=True, highlight=False))
    code, out, err = biohub(root, "org", "오송첨단의료산업진흥재단")
    assert code == 0, err
    assert "클러스터·국가 사업 (1)" in out
    assert re.search(r"│ 오송 첨단의료복합단지 \(소재지\) +│ 클러스터 +│ +0 │", out)
    code, out, _ = biohub(root, "org", "충청북도", "--lang", "en")
    assert code == 0 and "Clusters and programmes (3)" in out
    assert re.search(r"│ 오송 +│ Cluster +│ +2 │", out) and re.search(r"│ K-바이오 랩허브 +│ Programme +│ +1 │", out)
    code, out, _ = biohub(root, "org", "오송첨단의료산업진흥재단", "--format", "md", "--lang", "en")
    assert code == 0 and "## Clusters and programmes (1)\n" in out
    assert "| 오송 첨단의료복합단지 (home) | Cluster | 0 |" in out
    code, out, _ = biohub(root, "org", "충청북도", "--format", "html")
    assert code == 0 and '<h2>클러스터·국가 사업<span class="count">3</span></h2>' in out


def _agree(kb: KnowledgeBase) -> int:
    """Every organisation a cluster's or programme's page counts is on that organisation's page with the
    same count, and the other way round; returns how many such pairs there were."""
    ix = Index(kb)
    from_places: dict[tuple[str, str], int] = {}
    for c in places.active_clusters(kb):
        from_places |= {(r.ref.id, c.id): r.count for r in place_site.cluster_context(ix, c, "ko").orgs if r.ref}
    for p in places.active_programmes(kb):
        from_places |= {(r.ref.id, p.id): r.count for r in place_site.programme_context(ix, p, "ko").orgs if r.ref}
    from_orgs = {(o.id, r.ref.id): r.events for o in ix.active_orgs
                 for r in views.org_context(ix, o, "ko").places if r.events}
    assert from_orgs == from_places
    return len(from_orgs)


def test_the_organisation_and_the_cluster_pages_agree(kb: KnowledgeBase) -> None:
    assert _agree(kb) == 5  # 충청북도 ×3, 청주시 ×1 (오송, none inside it), 중소벤처기업부 ×1


def test_they_agree_on_the_bundled_examples() -> None:
    assert _agree(knowledge_base.load(REPO)) > 20
