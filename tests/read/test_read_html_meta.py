"""A saved page's own metadata: meta tags, JSON-LD and bylines outside the body wrapper, each date with its markup."""

from __future__ import annotations

import pytest
from read_builders import FIXTURES

from biohub_cli.models.stages import PageMetadata
from biohub_cli.read import read_path
from biohub_cli.read.html import parse_html
from biohub_cli.read.html_meta import page_metadata


def meta_of(markup: str) -> PageMetadata:
    from biohub_cli.read.html import _parse

    return page_metadata(markup, _parse(markup)[0])


def page(head: str, body: str = "") -> str:
    story = ("<p>대구경북첨단의료산업진흥재단은 4일 첨단의료복합단지에서 신약개발지원센터 증축 착공식을 열었다고 "
             "밝혔다.</p><p>증축동은 국비 180억 원이 들어간다.</p>")
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}<article>{story}</article></body></html>"


@pytest.mark.parametrize(("name", "expected"), [
    ("news_meta_byline_below.html", PageMetadata(
        title="대구 첨복단지 신약개발지원센터 증축 착공", outlet="달구벌바이오뉴스", reporter="윤다온 기자",
        published="2026-02-05", published_time="09:30:00",
        published_evidence='<meta property="article:published_time" content="2026-02-05T09:30:00+09:00">',
        url="https://www.dalgubeolbio.example/news/articleView.html?idxno=20417")),
    ("news_jsonld.html", PageMetadata(
        title="원주 의료기기 테크노밸리, 바이오 소재 실증센터 개소", outlet="강원메디컬타임스", reporter="강이든",
        published="2025-11-18", published_time="14:05:00",
        published_evidence='"datePublished":"2025-11-18T14:05:00+09:00"',
        url="https://gmt.example/article/2025111814050001")),
    ("news_saved_from.html", PageMetadata(
        title="인천 송도 바이오 공정 실습동 문 열어", outlet=None, reporter="서해바이오신문 민서윤 기자",
        published="2026-03-03", published_time="08:40:00",  # 23:40 UTC is 08:40 the next day in Korea
        published_evidence='<time datetime="2026-03-02T23:40:00Z">',
        url="https://www.seohaebio.example/news/view.php?no=88213&sec=bio")),
])
def test_what_a_saved_page_states(name: str, expected: PageMetadata) -> None:
    assert read_path(FIXTURES / name).page == expected


@pytest.mark.parametrize("widget", ["<span class='date'>2026.02.07 (토)</span>", "<div class='today'>2026-02-07</div>"])
def test_the_pages_own_date_is_no_publication_date(widget: str) -> None:
    """htmldate finds these; without a time or a label they are the day the page was shown."""
    meta = meta_of(page("<title>신약개발지원센터 증축 착공</title>", widget))
    assert meta.published is None
    assert meta.title == "신약개발지원센터 증축 착공"


def test_a_visible_stamp_is_evidence() -> None:
    meta = meta_of(page("", "<ul class='info'><li><i></i> 승인 2026.02.05 09:30</li></ul>"))
    assert (meta.published, meta.published_time, meta.published_evidence) == (
        "2026-02-05", "09:30", "승인 2026.02.05 09:30")
    meta = meta_of(page("", "<p class='info'>입력 2026.02.05</p>"))  # a label without a time
    assert (meta.published, meta.published_time, meta.published_evidence) == ("2026-02-05", None, "입력 2026.02.05")


@pytest.mark.parametrize("href", ["javascript:alert(1)", "/news/1", "ftp://files.example/a"])
def test_only_web_addresses_are_kept(href: str) -> None:
    assert meta_of(page(f'<link rel="canonical" href="{href}">')).url is None


def test_a_host_name_is_no_outlet() -> None:
    meta = meta_of(page('<link rel="canonical" href="https://www.dalgubeolbio.example/news/1">'))
    assert meta.url == "https://www.dalgubeolbio.example/news/1"
    assert meta.outlet is None


def test_the_same_page_gives_the_same_metadata_whatever_day_it_is_read() -> None:
    markup = page('<meta property="article:published_time" content="2099-01-05T10:00:00+09:00">')
    assert meta_of(markup).published == "2099-01-05"  # htmldate's "no later than today" would drop it


def test_scripts_stay_out_of_the_text_but_feed_the_metadata() -> None:
    raw = read_path(FIXTURES / "news_jsonld.html")
    assert "datePublished" not in raw.text
    assert "datePublished" not in " ".join(parse_html(FIXTURES.joinpath("news_jsonld.html").read_text()).itertext())
