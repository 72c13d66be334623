"""The events-per-year chart as a file beside the Markdown pages: reports/index.svg and
reports/clusters/<id>.svg hold the very <svg> the HTML pages inline, the Markdown pages show it with an
alt text saying what it shows, and a build removes the file of a cluster that is gone. On the small
knowledge base of tests/render/place_kb.py (Korean sentences we wrote)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from biohub_cli.kb import knowledge_base
from biohub_cli.render import chart, site
from tests.cli.curation_kb import biohub
from tests.render import place_kb


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return place_kb.build(tmp_path / "kb")


def _ids(root: Path) -> dict[str, str]:
    return {c.name: c.id for c in knowledge_base.load(root).clusters.values()}


def _inline(html: bytes) -> bytes:
    found = re.search(rb"<svg .*?</svg>", html, re.S)
    assert found, "no chart in the page"
    return found.group(0)


def test_each_chart_is_written_beside_its_markdown_page_as_the_html_inlines_it(root: Path) -> None:
    files = site.plan(knowledge_base.load(root), "ko").files
    ids = _ids(root)
    assert sorted(n for n in files if n.endswith(".svg")) == sorted(
        ["index.svg", f"clusters/{ids['오송']}.svg", f"clusters/{ids['오송 첨단의료복합단지']}.svg"])
    assert files["index.svg"] == _inline(files["index.html"]) + b"\n"
    for cid in ids.values():
        svg = files[f"clusters/{cid}.svg"]
        assert svg == _inline(files[f"clusters/{cid}.html"]) + b"\n"
        assert svg.startswith(b'<svg xmlns="http://www.w3.org/2000/svg"')
    assert not any(n.startswith("programmes/") and n.endswith(".svg") for n in files)


def test_the_markdown_pages_show_the_chart_with_what_it_shows_in_words(root: Path) -> None:
    files = site.plan(knowledge_base.load(root), "ko").files
    ids = _ids(root)
    index = files["index.md"].decode()
    assert "\n![연도별 일정 수, 2024–2025: 오송 2](index.svg)\n" in index  # 오송 with the event inside it
    osong = files[f"clusters/{ids['오송']}.md"].decode()
    assert f"\n![오송: 유형별·연도별 일정 수, 2024–2025: 출범 1, 회의 1]({ids['오송']}.svg)\n" in osong
    assert osong.index("![") < osong.index("## 타임라인")
    inner = ids["오송 첨단의료복합단지"]
    en = site.plan(knowledge_base.load(root), "en").files[f"clusters/{inner}.md"].decode()
    assert f"![오송 첨단의료복합단지: events per year by type, 2024: launch 1]({inner}.svg)" in en


def test_a_chart_of_nothing_is_neither_drawn_nor_described() -> None:
    empty = [chart.Series("오송", {})]
    assert chart.events_chart(empty, "연도별 일정 수") == "" and chart.describe(empty, "연도별 일정 수") == ""
    one = [chart.Series("송도", {2023: 2, 2025: 1}), chart.Series("오송", {})]
    assert chart.describe(one, "연도별 일정 수") == "연도별 일정 수, 2023–2025: 송도 3"


def test_a_build_removes_the_chart_of_a_cluster_that_is_gone_and_keeps_files_it_does_not_own(root: Path) -> None:
    ids = _ids(root)
    inner = ids["오송 첨단의료복합단지"]
    result = site.build(knowledge_base.load(root), "ko")
    reports = root / "reports"
    assert f"clusters/{inner}.svg" in result.written and (reports / "index.svg").is_file()
    (reports / "clusters" / "map.png").write_bytes(b"an analyst's own file")
    (reports / "orgs" / "logo.svg").write_text("<svg/>\n", encoding="utf-8")  # no chart is written there
    code, _, err = biohub(root, "merge", "오송 첨단의료복합단지", "오송")
    assert code == 0, err
    base = knowledge_base.load(root)
    assert [d for d in site.check(base, "ko") if d.path == f"clusters/{inner}.svg"] == [
        site.Difference(f"clusters/{inner}.svg", "extra")]
    result = site.build(base, "ko")
    assert f"clusters/{inner}.svg" in result.removed and not (reports / "clusters" / f"{inner}.svg").exists()
    assert (reports / "clusters" / "map.png").is_file() and (reports / "orgs" / "logo.svg").is_file()
    assert site.check(base, "ko") == []


def test_the_index_chart_goes_when_no_cluster_has_a_dated_event(root: Path) -> None:
    site.build(knowledge_base.load(root), "ko")
    assert (root / "reports" / "index.svg").is_file()
    for path in (root / "records" / "clusters").glob("*.yaml"):
        path.unlink()
    base = knowledge_base.load(root)
    result = site.build(base, "ko")
    assert "index.svg" in result.removed and not (root / "reports" / "index.svg").exists()
    assert "![" not in (root / "reports" / "index.md").read_text(encoding="utf-8")
