"""HTML pages at the edges: what the parser cannot hold is cut before it parses, and what it gives up on is
said, never lost silently; the slow fallbacks of the main-content extractor stay off on huge pages."""

from __future__ import annotations

from typing import Any

import pytest

from biohub_cli.errors import TooLargeError
from biohub_cli.read import html

STORY = ("<p>강원특별자치도는 원주 의료기기 단지에서 바이오 기업 스무 곳과 협약을 맺었다고 밝혔다.</p>"
         "<p>도는 올해 국비 40억 원을 들여 시제품 제작을 돕는다.</p>")


def test_script_style_and_comment_contents_are_cut_before_parsing() -> None:
    page = ("<html><head><style>p{}/* </p><p>스타일 속 글 */</style><script>var s = '<p>스크립트 속 글</p>';"
            "</script></head><body><!-- <script> 주석 속 태그 --><h1>원주 협약</h1>" + STORY
            + '<img src="data:image/png;base64,QUJDRA=="></body></html>')
    cut = html.strip_hidden(page)
    for hidden in ("스타일 속 글", "스크립트 속 글", "주석 속 태그", "QUJDRA"):
        assert hidden not in cut
    assert "시제품 제작을 돕는다" in cut and "<h1>원주 협약</h1>" in cut


def test_a_script_never_closed_hides_the_rest_of_the_page_as_a_browser_does() -> None:
    cut = html.strip_hidden("<p>앞 문단</p><script>var x = 1;<p>뒤 문단</p>")
    assert "앞 문단" in cut and "뒤 문단" not in cut


def test_what_the_parser_gives_up_on_is_an_error_not_a_shorter_page() -> None:
    """libxml2 stops at an attribute or text node over 10 MB and keeps what came before it: the page
    would have been read as its headline alone."""
    page = "<html><body><h1>원주 협약</h1><div title='" + "가" * 4_000_000 + "'></div>" + STORY + "</body></html>"
    with pytest.raises(TooLargeError, match="could not be read to its end"):
        html.parse_html(page)


@pytest.mark.parametrize(("paragraphs", "fast"), [(10, False), (html.MAX_FALLBACK_LINES + 1, True)])
def test_the_extractors_fallbacks_are_off_on_a_page_of_very_many_lines(
        monkeypatch: pytest.MonkeyPatch, paragraphs: int, fast: bool) -> None:
    """jusText, trafilatura's fallback, is quadratic in a run of short paragraphs (10,000 took minutes)."""
    import trafilatura

    seen: dict[str, Any] = {}

    def extract(tree: Any, **options: Any) -> str:
        seen.update(options)
        return "도는 올해 국비 40억 원을 들여 시제품 제작을 돕는다."

    monkeypatch.setattr(trafilatura, "extract", extract)
    html.extract_html("<html><body>" + "<p>짧은 줄</p>" * paragraphs + STORY + "</body></html>")
    assert seen["fast"] is fast


def test_a_page_of_more_lines_than_the_extractor_handles_is_read_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura's main pass grows with the square of a frame's elements (80,000 short paragraphs: 39 s);
    past MAX_EXTRACTOR_LINES lines the page's lines are its text, every one of them, and it is not run."""
    import trafilatura

    monkeypatch.setattr(html, "MAX_EXTRACTOR_LINES", 50)
    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: pytest.fail("the extractor ran"))
    page = "<html><body><h1>오송 소식</h1>" + "".join(f"<p>바이오 문단 {i}</p>" for i in range(60)) + "</body></html>"
    lines = html.extract_html(page).splitlines()
    assert lines[0] == "오송 소식" and lines[1:] == [f"바이오 문단 {i}" for i in range(60)]


def test_a_pages_json_ld_survives_the_cut_and_its_metadata_is_read_past_a_huge_style() -> None:
    """The metadata of a saved page comes from the cut page too: a 12 MB inline <style> made the parser
    give up on the whole page; the page's own JSON-LD (its address) is kept for html_meta."""
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          '"mainEntityOfPage": "https://news.example.kr/article/123"}</script>')
    page = (f"<html><head><title>원주 협약 체결</title>{ld}<style>{'a' * (12 * 1024 * 1024)}</style></head>"
            f"<body><h1>원주 협약 체결</h1>{STORY}</body></html>")
    assert ld in html.strip_hidden(page)
    text, meta = html.read_html(page)
    assert "시제품 제작을 돕는다" in text
    assert meta.url == "https://news.example.kr/article/123"
