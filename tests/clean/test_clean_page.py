"""A saved page's own metadata comes before the rules on its text; the original address goes through to reports."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from biohub_cli.clean import clean
from biohub_cli.clean.page import reporter_name
from biohub_cli.cli.app import app
from biohub_cli.ingest.pipeline import IngestOptions, ingest
from biohub_cli.models.stages import PageMetadata
from biohub_cli.read import read_path

from .conftest import MakeRaw

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "read"
runner = CliRunner()
LEAD = ["대구경북첨단의료산업진흥재단은 4일 첨단의료복합단지에서 신약개발지원센터 증축 착공식을 열었다고 밝혔다.",
        "증축동은 지상 5층 규모로 국비 180억 원과 시비 60억 원 등 모두 240억 원이 들어간다."]


def test_a_page_whose_byline_sits_outside_the_body_wrapper() -> None:
    """Its meta tags give what the text around the story no longer holds."""
    meta = clean(read_path(FIXTURES / "news_meta_byline_below.html")).metadata
    assert meta.title == "대구 첨복단지 신약개발지원센터 증축 착공"
    assert (meta.outlet, meta.reporter) == ("달구벌바이오뉴스", "윤다온")
    assert meta.published is not None and meta.published.iso() == "2026-02-05"
    assert meta.published.year_basis == "text" and meta.published_time == "09:30:00"
    ev = meta.published_evidence
    assert ev is not None and ev.sentence.startswith('<meta property="article:published_time"')
    assert meta.url == "https://www.dalgubeolbio.example/news/articleView.html?idxno=20417"


def test_the_text_stamp_of_the_same_day_keeps_its_span(make_raw: MakeRaw) -> None:
    raw = make_raw("\n\n".join(["증축 착공", "윤다온 기자 | 승인 2026.02.05 09:30", *LEAD]))
    page = PageMetadata(published="2026-02-05", published_time="09:30:00", published_evidence="<meta …>")
    meta = clean(type(raw)(raw.path, raw.sha256, raw.format, raw.text, page=page)).metadata
    ev = meta.published_evidence
    assert ev is not None and raw.text[ev.start:ev.end] == "승인 2026.02.05 09:30"


def test_the_pages_date_wins_over_a_text_rule(make_raw: MakeRaw) -> None:
    raw = make_raw("\n\n".join(["증축 착공", "윤다온 기자 | 수정 2026.02.06 11:00", *LEAD]))
    page = PageMetadata(published="2026-02-05", published_evidence='<meta name="pubdate" content="20260205">')
    meta = clean(type(raw)(raw.path, raw.sha256, raw.format, raw.text, page=page)).metadata
    assert meta.published is not None and meta.published.iso() == "2026-02-05"
    assert meta.published_evidence is not None and meta.published_evidence.sentence.startswith("<meta")


def test_reporter_names_from_a_pages_byline() -> None:
    assert reporter_name("충청바이오일보 서하준 기자") == "서하준"
    assert reporter_name("윤다온 기자 dawn@dalgubeol.example") == "윤다온"
    assert reporter_name("강이든") == "강이든"
    assert reporter_name("편집국") is None and reporter_name("admin") is None


def test_the_original_address_reaches_the_export_and_the_reports(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "page.html").write_bytes((FIXTURES / "news_meta_byline_below.html").read_bytes())
    kb = tmp_path / "kb"
    assert not ingest(kb, [folder], IngestOptions(jobs=1)).failed
    data = json.loads(runner.invoke(app, ["--kb", str(kb), "export"]).stdout)
    url = "https://www.dalgubeolbio.example/news/articleView.html?idxno=20417"
    assert [(d["published"], d["url"], d["outlet"]) for d in data["documents"]] == [
        ("2026-02-05", url, "달구벌바이오뉴스")]
    assert ("2026-02-04", True) in {(e["date"], e["year_certain"]) for e in data["events"]}  # "4일 … 착공식"
    md = runner.invoke(app, ["--kb", str(kb), "org", "대구경북첨단의료산업진흥재단", "--format", "md"]).stdout
    assert f"]({url.replace('?', chr(92) + '?')})" in md or f"]({url})" in md
    html = runner.invoke(app, ["--kb", str(kb), "org", "대구경북첨단의료산업진흥재단", "--format", "html"]).stdout
    assert f'<a href="{url.replace("&", "&amp;")}">' in html
