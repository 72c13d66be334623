"""`biohub clusters`, `cluster`, `programmes`, `programme`, `timeline --cluster/--programme`, the
programmes' money as CSV, and an analyst's merge of two clusters, on a knowledge base of hand-made
sources (Korean sentences we wrote) resolved and written by the ingest pipeline."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from biohub_cli.cli import _output
from biohub_cli.config import Layout
from biohub_cli.ingest.pipeline import ingest
from biohub_cli.kb import knowledge_base
from biohub_cli.models import (
    Amount,
    ClusterMention,
    EventMention,
    Evidence,
    Extraction,
    OrgMention,
    PartialDate,
    ParticipantMention,
    ProgrammeMention,
    Source,
)
from biohub_cli.render import site
from biohub_cli.store import records_io
from tests.cli.curation_kb import biohub, runner, snapshot

# text, event (date, type, title, venue, hosts), clusters (surface, name), programmes (surface, name), amounts
DOCS = [
    ("충북도는 12일 오송첨복단지에서 신약개발 지원센터 개소식을 열었다. 센터에는 국비 120억 원이 들어갔다.",
     ((2024, 6, 12), "launch", "신약개발 지원센터 개소식", "오송첨복단지 본관", ("충청북도",)),
     (("오송첨복단지", "오송 첨단의료복합단지"),), (), ()),
    ("청주시는 3일 오송생명과학단지에서 바이오 기업 간담회를 열었다. 입주 기업 20곳이 참석했다.",
     ((2025, 3, 3), "meeting", "오송 바이오 기업 간담회", None, ("청주시",)),
     (("오송생명과학단지", "오송"),), (), ()),
    ("중소벤처기업부는 9일 인천을 K-바이오 랩허브 구축사업 대상지로 선정하고 국비 2,500억 원을 지원한다고 밝혔다. "
     "인천시는 별도로 창업 펀드 300억 원을 만든다.",
     ((2021, 7, 9), "designation", "K-바이오 랩허브 대상지 선정", None, ("중소벤처기업부",)),
     (), (("K-바이오 랩허브", "K-바이오 랩허브"),),
     (("2,500억 원", 250_000_000_000, "national"), ("300억 원", 30_000_000_000, "other"))),
]


def _ev(sid: str, text: str, needle: str) -> Evidence:
    start = text.index(needle)
    first = text.rfind("다. ", 0, start)
    first = 0 if first < 0 else first + 3
    return Evidence(source=sid, start=start, end=start + len(needle), sentence=text[first:text.find("다.", start) + 2])


def _source(i: int, text: str, event: tuple, clusters: tuple, programmes: tuple, amounts: tuple) -> Source:  # type: ignore[type-arg]
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    sid = "src-" + sha[:12]
    date, kind, title, venue, hosts = event
    ex = Extraction(
        organizations=[OrgMention(surface=h, name=h, type="government", evidence=_ev(sid, text, text[:2]))
                       for h in hosts],
        events=[EventMention(date=PartialDate.of(*date), type=kind, title=title, venue=venue,
                             participants=[ParticipantMention(organization=h, role="host") for h in hosts],
                             evidence=[_ev(sid, text, text.split(". ")[0][:10])])],
        clusters=[ClusterMention(surface=s, name=n, evidence=_ev(sid, text, s)) for s, n in clusters],
        programmes=[ProgrammeMention(surface=s, name=n, evidence=_ev(sid, text, s)) for s, n in programmes],
        amounts=[Amount(value_krw=v, text=t, kind=k, evidence=_ev(sid, text, t)) for t, v, k in amounts])
    return Source(id=sid, path=f"p{i}.txt", file_name=f"p{i}.txt", sha256=sha, format="text", text=text,
                  published=PartialDate.of(*date), extraction=ex)


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """rich fixes a console's width when it is created: give the tables 160 columns."""
    monkeypatch.setattr(_output, "out", Console(width=160, soft_wrap=True, highlight=False))


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    assert runner.invoke(__import__("biohub_cli.cli.app", fromlist=["app"]).app, ["init", str(root)]).exit_code == 0
    for i, doc in enumerate(DOCS):
        records_io.save_record(Layout(root), _source(i, *doc))
    report = ingest(root, [])
    assert not report.record_errors, report.record_errors
    return root


def test_cluster_shows_its_events_and_those_of_the_clusters_inside_it(kb: Path) -> None:
    code, out, err = biohub(kb, "cluster", "오송생명과학단지")
    assert code == 0, err
    assert out.startswith("오송\n")
    assert "오송 바이오 기업 간담회" in out and "신약개발 지원센터 개소식" in out  # the 첨복단지's event too
    assert "청주시" in out and "충청북도" in out
    code, out, _ = biohub(kb, "cluster", "오송 첨복단지")
    assert code == 0 and "오송 바이오 기업 간담회" not in out and "신약개발 지원센터 개소식" in out


def test_an_unknown_cluster_or_programme_suggests_close_names(kb: Path) -> None:
    code, _, err = biohub(kb, "cluster", "오송첨복")
    assert code == 1 and "no cluster named 오송첨복; did you mean:" in err and "오송첨복단지" in err
    code, _, err = biohub(kb, "programme", "K바이오 렙허브")
    assert code == 1 and "did you mean: K-바이오 랩허브" in err


def test_programme_shows_its_milestones_and_money_by_year_and_kind(kb: Path) -> None:
    code, out, err = biohub(kb, "programme", "케이바이오 랩허브", "--lang", "en")
    assert code == 0, err
    assert out.startswith("K-바이오 랩허브\n") and "Owner: 중소벤처기업부" in out
    assert "K-바이오 랩허브 대상지 선정" in out and "selection" in out
    assert "2021" in out and "national" in out


def test_timeline_filters_by_cluster_and_by_programme(kb: Path) -> None:
    code, out, err = biohub(kb, "timeline", "--cluster", "오송", "--format", "json")
    assert code == 0, err
    assert sorted(e["title"] for e in json.loads(out)["events"]) == [
        "신약개발 지원센터 개소식", "오송 바이오 기업 간담회"]
    code, out, err = biohub(kb, "timeline", "--programme", "K-바이오 랩허브", "--format", "json")
    assert [e["title"] for e in json.loads(out)["events"]] == ["K-바이오 랩허브 대상지 선정"]
    code, _, err = biohub(kb, "timeline", "--cluster", "대구 오송")
    assert code == 1 and "no cluster named 대구 오송" in err


def test_exports_carry_clusters_programmes_and_the_programmes_money(kb: Path) -> None:
    code, out, _ = biohub(kb, "export", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {c["name"] for c in data["clusters"]} == {"오송", "오송 첨단의료복합단지"}
    (prog,) = data["programmes"]
    assert prog["name"] == "K-바이오 랩허브" and prog["amounts"][0]["value_krw"] == 250_000_000_000
    assert any(e["programmes"] == [{"id": prog["id"], "milestone": "selection"}] for e in data["events"])
    _, out, _ = biohub(kb, "export", "--format", "money-csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["programme"], r["year"], r["kind"], r["value_krw"]) for r in rows] == [
        ("K-바이오 랩허브", "2021", "national", "250000000000")]


def test_a_merge_of_two_clusters_survives_a_reingest_and_its_undo_gives_the_records_back(kb: Path) -> None:
    before = snapshot(kb)
    code, _, err = biohub(kb, "merge", "오송 첨단의료복합단지", "오송")
    assert code == 0, err
    assert "merged cluster 오송 첨단의료복합단지 into 오송" in err
    assert yaml.safe_load((kb / "aliases.yaml").read_text(encoding="utf-8"))["clusters"] == {
        "오송 첨단의료복합단지": "오송"}

    def state() -> tuple[list[str], str]:
        base = knowledge_base.load(kb)
        inner = next(c for c in base.clusters.values() if c.name == "오송 첨단의료복합단지")
        linked = sorted(base.clusters[link.cluster].name for e in base.active_events() for link in e.clusters)
        return linked, inner.status

    assert state() == (["오송", "오송"], "merged")
    ingest(kb, [])  # a re-ingest keeps the analyst's merge
    assert state() == (["오송", "오송"], "merged")
    code, out, _ = biohub(kb, "cluster", "오송첨복단지")
    assert code == 0 and out.startswith("오송\n")
    code, _, err = biohub(kb, "merge", "--undo", "오송 첨단의료복합단지")
    assert code == 0, err
    assert snapshot(kb) == before


def test_a_merge_of_two_programmes_survives_a_reingest_and_its_undo_gives_the_records_back(tmp_path: Path) -> None:
    text = ("과기정통부는 4일 첨단바이오 이니셔티브 후속으로 바이오헬스 산업 혁신전략을 내놓았다. "
            "전략에는 국비 400억 원이 들어간다.")
    root = tmp_path / "kb"
    assert biohub(root, "init", str(root))[0] == 0
    for i, doc in enumerate([*DOCS, (text, ((2025, 2, 4), "announcement", "바이오헬스 산업 혁신전략 발표", None,
                                            ("과학기술정보통신부",)), (),
                                     (("첨단바이오 이니셔티브", "첨단바이오 이니셔티브"),
                                      ("바이오헬스 산업 혁신전략", "바이오헬스 산업 혁신전략")), ())]):
        records_io.save_record(Layout(root), _source(i, *doc))
    ingest(root, [])
    before = snapshot(root)
    code, _, err = biohub(root, "merge", "첨단바이오 이니셔티브", "바이오헬스 산업 혁신전략")
    assert code == 0, err
    assert "merged programme 첨단바이오 이니셔티브 into 바이오헬스 산업 혁신전략" in err
    assert yaml.safe_load((root / "aliases.yaml").read_text(encoding="utf-8"))["programmes"] == {
        "첨단바이오 이니셔티브": "바이오헬스 산업 혁신전략"}

    def state() -> tuple[str, set[str], bool]:
        base = knowledge_base.load(root)
        gone = next(p for p in base.programmes.values() if p.name == "첨단바이오 이니셔티브")
        kept = next(p for p in base.programmes.values() if p.name == "바이오헬스 산업 혁신전략")
        event = next(e for e in base.active_events() if e.title == "바이오헬스 산업 혁신전략 발표")
        linked = {base.programmes[link.programme].name for link in event.programmes}
        return gone.status, linked, "첨단바이오 이니셔티브" in kept.aliases

    assert state() == ("merged", {"바이오헬스 산업 혁신전략"}, True)
    ingest(root, [])  # a re-ingest keeps the analyst's merge
    assert state() == ("merged", {"바이오헬스 산업 혁신전략"}, True)
    code, out, _ = biohub(root, "programme", "첨단바이오 이니셔티브")  # the merged name finds the programme
    assert code == 0 and out.startswith("바이오헬스 산업 혁신전략\n")
    code, _, err = biohub(root, "merge", "--undo", "첨단바이오 이니셔티브")
    assert code == 0, err
    assert snapshot(root) == before


def _unlinked(page: str) -> str:
    """A site's Markdown page as `--format md` prints it: names without their links, no chart image."""
    page = re.sub(r"^!\[.*\]\([^)]*\.svg\)\n\n", "", page, flags=re.M)
    return re.sub(r"\[([^\]]*)\]\(\.\./[^)]*\)", r"\1", page)


def test_cluster_and_programme_print_the_site_page_as_markdown(kb: Path) -> None:
    files = site.plan(knowledge_base.load(kb), "ko").files
    base = knowledge_base.load(kb)
    osong = next(c for c in base.clusters.values() if c.name == "오송")
    labhub = next(p for p in base.programmes.values() if p.name == "K-바이오 랩허브")
    page = files[f"clusters/{osong.id}.md"].decode()
    assert f"]({osong.id}.svg)" in page and "](../orgs/" in page  # the site's page: links and the chart
    code, out, err = biohub(kb, "cluster", "오송생명과학단지", "--format", "md")
    assert code == 0, err
    assert out == _unlinked(page)
    assert "![" not in out and "](" not in out and out.startswith("# 오송\n")
    code, out, err = biohub(kb, "programme", "케이바이오 랩허브", "-f", "md")
    assert code == 0, err
    assert out == _unlinked(files[f"programmes/{labhub.id}.md"].decode())
    assert "## 연도별 금액" in out and "| 2021 | 2,500억 원 |" in out


def _main(page: str) -> str:
    """The <main> of a site's HTML page as `--format html` prints it: names without their links, and no
    link to the site's timeline."""
    main = page[page.index("<main>"):page.index("</main>")]
    main = re.sub(r'<p><a href="\.\./timeline\.html\?place=[^"]*">[^<]*</a></p>\n', "", main)
    return re.sub(r'<a href="\.\./[^"]*">([^<]*)</a>', r"\1", main)


def test_cluster_and_programme_print_the_site_page_as_html_with_the_chart_inline(kb: Path) -> None:
    base = knowledge_base.load(kb)
    files = site.plan(base, "en").files
    osong = next(c for c in base.clusters.values() if c.name == "오송")
    page = files[f"clusters/{osong.id}.html"].decode()
    assert 'href="../orgs/' in page and "timeline.html?place=" in page
    code, out, err = biohub(kb, "cluster", "오송", "--format", "html", "--lang", "en")
    assert code == 0, err
    assert out.startswith("<!DOCTYPE html>") and "href=" not in out  # no link to a page it does not stand beside
    assert "<svg " in out and "오송: events per year by type" in out
    assert _main(out) == _main(page)
    labhub = next(p for p in base.programmes.values() if p.name == "K-바이오 랩허브")
    code, out, _ = biohub(kb, "programme", "K-바이오 랩허브", "-f", "html", "--lang", "en")
    assert code == 0 and "<h2>Money by year</h2>" in out and "<svg" not in out
    assert _main(out) == _main(files[f"programmes/{labhub.id}.html"].decode())


def test_cluster_format_is_checked(kb: Path) -> None:
    code, _, err = biohub(kb, "cluster", "오송", "--format", "json")
    assert code == 2 and "json" in err
