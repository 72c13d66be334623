"""HTML pages: the story and its byline are kept; widgets, menus, sidebars and scripts are not."""

from __future__ import annotations

from pathlib import Path

import pytest
from read_builders import FIXTURES, WriteFile

from biohub_cli.errors import ReadError, TooLargeError
from biohub_cli.read import html, read_path
from biohub_cli.read.html import extract_html, header_lines

NEWS_PAGE = FIXTURES / "news_article.html"

STORY = [
    "인천광역시와 인천경제자유구역청은 9일 연수구 송도동 바이오 특화단지 부지에서",
    "150여 명이 참석해",
    "국비 500억 원과 시비 450억 원, 민간투자 300억 원 등 모두 1,250억 원이 들어간다.",
    "김철수 인천경제자유구역청 투자유치본부장은",
    "운영은 인천테크노파크가 맡는다.",
]
NOISE = [
    "맑음 27.3℃", "로그인", "회원가입", "오피니언", "최신뉴스", "남해안 굴 양식장", "많이 본 기사",
    "폭염특보", "개인정보처리방침", "Copyright", "광고 스크립트", "tracking pixel", "dataLayer",
    "font-family", "페이스북",
]


@pytest.fixture(scope="module")
def news_text() -> str:
    return read_path(NEWS_PAGE).text


def test_story_is_kept(news_text: str) -> None:
    for phrase in STORY:
        assert phrase in news_text


def test_headline_and_byline_lead_the_text(news_text: str) -> None:
    lines = news_text.split("\n")
    assert lines[0] == "송도 바이오 연구지원센터 착공식 열려"
    assert lines[1] == "총사업비 1,250억 원 투입…2027년 하반기 준공 목표"
    assert lines[2] == "홍길동 기자 | 기사승인 2025-07-09 16:55"
    assert lines[3].startswith("인천광역시와 인천경제자유구역청은")


@pytest.mark.parametrize("noise", NOISE)
def test_page_furniture_is_dropped(news_text: str, noise: str) -> None:
    assert noise not in news_text


def test_the_copyright_line_under_the_story_comes_last(news_text: str) -> None:
    """It names the outlet; clean/ drops it as page furniture and keeps the name."""
    lines = news_text.split("\n")
    assert lines[-1] == "저작권자 © 서해바이오신문 무단전재 및 재배포 금지"
    assert news_text.count("무단전재") == 1  # the footer's own notice further down stays out


def test_copyright_lines_far_from_the_story_are_not_taken() -> None:
    page = ("<html><body><article><h1>송도 바이오 센터 착공</h1>"
            "<p>인천시는 9일 송도에서 바이오 연구지원센터 착공식을 열었다고 밝혔다.</p></article>"
            "<aside><p>많이 본 기사</p><p>다른 기사 하나</p><p>다른 기사 둘</p><p>다른 기사 셋</p></aside>"
            "<footer><p>Copyright © 2024 어느신문. All rights reserved.</p></footer></body></html>")
    assert "Copyright" not in extract_html(page)


def test_format_and_encoding_of_an_html_file() -> None:
    doc = read_path(NEWS_PAGE)
    assert doc.format == "html"
    assert doc.encoding == "utf-8"


def test_html_saved_as_txt_is_recognised_by_its_markup(write: WriteFile) -> None:
    doc = read_path(write("copied.txt", NEWS_PAGE.read_bytes()))
    assert doc.format == "html"
    assert "최신뉴스" not in doc.text and STORY[0] in doc.text


def test_cp949_page_declaring_euc_kr(write: WriteFile) -> None:
    page = NEWS_PAGE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', '<meta charset="euc-kr">')
    doc = read_path(write("legacy.htm", page.encode("cp949", errors="replace")))
    assert doc.encoding == "cp949"
    assert STORY[0] in doc.text


def test_page_without_an_article_falls_back_to_the_body_text() -> None:
    page = ("<html><body><div>짧은 공지</div><script>alert('x')</script>"
            "<div>회의는 3일 열린다</div></body></html>")
    assert extract_html(page) == "짧은 공지\n회의는 3일 열린다"


def test_scripts_and_styles_never_reach_the_text() -> None:
    page = ("<html><head><style>p{color:red}</style></head><body><p>본문 첫 문장입니다.</p>"
            "<script>document.write('주입된 문장')</script>"
            "<noscript>자바스크립트를 켜세요</noscript></body></html>")
    text = extract_html(page)
    assert "본문 첫 문장입니다." in text
    assert "주입된" not in text and "color" not in text and "자바스크립트" not in text


def test_page_with_only_scripts_is_an_error(write: WriteFile) -> None:
    path = write("empty.html", b"<html><head><script>var a = 1;</script></head><body> </body></html>")
    with pytest.raises(ReadError, match=r"no readable text|no text"):
        read_path(path)


def test_deeply_nested_page_does_not_crash(write: WriteFile) -> None:
    depth = 50_000
    page = "<html><body>" + "<div>" * depth + "<p>깊은 곳의 문장</p>" + "</div>" * depth + "</body></html>"
    path = write("deep.html", page.encode())
    with pytest.raises(ReadError, match="nested more than 255 levels"):
        read_path(path)


def test_deep_widget_does_not_hide_a_shallow_story(write: WriteFile) -> None:
    widget = "<div>" * 1000 + "광고" + "</div>" * 1000
    page = f"<html><body><article><p>{STORY[0]} 열었다.</p></article>{widget}</body></html>"
    assert STORY[0] in read_path(write("ad.html", page.encode())).text


def test_xhtml_with_an_xml_declaration(write: WriteFile) -> None:
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            "<body><p>청주 오송에서 바이오 포럼이 열렸다.</p></body></html>")
    doc = read_path(write("page.xhtml", page.encode()))
    assert doc.format == "html"
    assert "오송에서 바이오 포럼" in doc.text


def test_header_lines_need_a_title_close_to_the_body() -> None:
    lines = ["메뉴", "기사 제목", "기자 이름", "본문 첫 문장이다."]
    assert header_lines(lines, "본문 첫 문장이다.", ["기사 제목"]) == ["기사 제목", "기자 이름"]
    assert header_lines(lines, "본문 첫 문장이다.", ["다른 제목"]) == []
    far = ["기사 제목", *[f"줄 {n}" for n in range(12)], "본문 첫 문장이다."]
    assert header_lines(far, "본문 첫 문장이다.", ["기사 제목"]) == []



def test_a_page_too_big_to_be_one_article_is_refused_by_name(tmp_path: Path) -> None:
    para = "<p>송도 바이오 클러스터에 새 연구소가 문을 열었다는 소식이 이어졌다.</p>\n"
    page = tmp_path / "거대한 페이지.html"
    page.write_text("<html><body>" + para * (html.MAX_PAGE_CHARS // len(para) + 10) + "</body></html>",
                    encoding="utf-8")
    with pytest.raises(TooLargeError, match="limit for one page"):
        read_path(page)


def test_scripts_and_inline_images_do_not_count_towards_the_page_limit(tmp_path: Path) -> None:
    script = "<script>var x = '" + "a" * html.MAX_PAGE_CHARS + "';</script>"
    image = '<img src="data:image/png;base64,' + "QUJD" * (html.MAX_PAGE_CHARS // 4) + '">'
    story = "<p>인천시는 2일 송도컨벤시아에서 바이오 혁신전략을 발표했다고 밝혔다.</p>" * 5
    page = tmp_path / "saved.html"
    body = f"<h1>인천시 바이오 혁신전략 발표</h1>{image}{story}"
    page.write_text(f"<html><head>{script}</head><body>{body}</body></html>", encoding="utf-8")
    assert "바이오 혁신전략을 발표했다" in read_path(page).text
