"""clean() on hostile input: it never raises, stays deterministic and keeps its offsets honest."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from biohub_cli.clean import clean, clean_document
from biohub_cli.models.stages import Document

from .conftest import MakeRaw, raw_document

TRICKY_LINES = [
    "", " ", "\xa0", "\u200b", "\t\t", "2025.12.30 (화)", "  • 맑음서울 -0.1℃", "기상청 제공",
    "검색창 열기", "최신뉴스", "더보기", "뉴스댓글 >", "[저작권자ⓒ 뉴스스텝. 무단전재-재배포 금지]",
    "  • -", "  • 인쇄", "최선경 기자 / 기사승인 : 2025-07-09 16:55:30", "입력 2024.05.29 15:54",
    "- 4 -", "보 도 시 점  배포 즉시", "사진 □ 없음 ▣ 있음", "담당 부서", "보도시점",
    "2024. 1. 2.(화) 08:00", "※ 관련 사진은 게시될 예정입니다.", "[뉴스스텝] 인천시는 밝혔다.",
    "(서울=연합뉴스) 정하은 기자 = 정부는 밝혔다.", "▲ 제목", "◆ 소제목",
    "Below is the full text of the English article translated using 'Google Translate'.",
    "Reporter Kim", "인천광역시는 6월 11일 인천 연수구 미추홀타워에서 서",
    "병조 위원장 등 12명이 참석", "한 가운데 회의를 개최 했다고 ", "밝혔다.", "- 인천시, 협의체 개최 -",
    "등록 25-99-99 99:99", "작성일 2025년 2월 30일",
    "이 문장은 충분히 길어서 본문 문단처럼 보이는 한국어 문장으로 끝맺음까지 합니다.",
    "This is a fairly long English paragraph that looks like the body of a machine translation of the story.",
    "(((((((((", "[[[[]]]]", "【=】", "=", "|", "기자", "기자 기자 기자", "\ud7a3" * 300, "가" * 5000,
]


def invariants(doc: Document) -> None:
    text = doc.raw.text
    for noise in doc.noise:
        assert 0 <= noise.start <= noise.end <= len(text)
        assert text[noise.start:noise.end] == noise.text
    if doc.text:
        assert doc.segments[0].start == 0 and doc.segments[-1].end == len(doc.text)
        for left, right in zip(doc.segments, doc.segments[1:], strict=False):
            assert left.end == right.start
    else:
        assert doc.segments == ()
    ev = doc.metadata.published_evidence
    if ev is not None:
        assert 0 <= ev.start <= ev.end <= len(text)


def test_empty_text_gives_an_empty_document(make_raw: MakeRaw) -> None:
    doc = clean(make_raw(""))
    assert (doc.text, doc.segments, doc.noise) == ("", (), ())
    assert doc.metadata.title is None and doc.metadata.published is None


def test_whitespace_only_text(make_raw: MakeRaw) -> None:
    doc = clean(make_raw(" \n\xa0\n\t\r\n\u200b\n"))
    assert (doc.text, doc.segments) == ("", ())


def test_only_furniture_keeps_nothing(make_raw: MakeRaw) -> None:
    doc = clean(make_raw("2025.12.30 (화)\n  • 맑음서울 -0.1℃\n기상청 제공\n검색창 열기\n최신뉴스\n더보기"))
    assert doc.text == ""
    assert doc.metadata.published is None
    assert {n.reason for n in doc.noise} == {
        "page header date", "weather widget", "page menu", "latest-news list"}


def test_any_line_break_convention(make_raw: MakeRaw) -> None:
    lines = ["송도 바이오 기업 간담회 개최",
             "인천시는 12일 송도에서 바이오 기업 20곳과 간담회를 열었다고 밝혔다."]
    expected = "\n".join(lines)
    for sep in ("\n", "\r\n", "\r", "\u2028", "\n\n\n"):
        doc = clean(make_raw(sep.join(lines)))
        assert doc.text == expected
        invariants(doc)


def test_lone_surrogates_and_controls_do_not_break_it(make_raw: MakeRaw) -> None:
    doc = clean(make_raw("제목\x00\x01\n\ud800 본문입니다.\x7f\n" + "\x0c" * 3))
    invariants(doc)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TRICKY_LINES) | st.text(max_size=80), max_size=30),
       st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_never_raises_and_keeps_invariants(lines: list[str], sep: str) -> None:
    raw = raw_document(sep.join(lines))
    doc = clean_document(raw)  # the unguarded path: a bug here would be hidden by clean()
    invariants(doc)
    assert doc == clean_document(raw)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    invariants(clean_document(raw_document(text)))
