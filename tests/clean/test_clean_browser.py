"""Text copied out of a browser: advertisements, share rows, counters, prompts and lists are page noise."""

from __future__ import annotations

import pytest

from biohub_cli.clean.classify import ADVERT, LATEST, MENU, PROMPT, SHARE, classify

from .conftest import CleanFixture

AD = "[대구·경북 최초] 임플란트 99만원 이벤트! 지금 상담 신청하세요 ▶"
HEADLINE = "대구 첨복단지에 바이오 의약품 위탁생산 시설 들어선다"


def test_a_browser_copy_keeps_only_the_story(clean_fixture: CleanFixture) -> None:
    doc = clean_fixture("browser_copy")
    assert doc.metadata.title == HEADLINE  # not the advertisement on the first line
    assert doc.text.startswith(HEADLINE + "\n")
    for junk in ("99만원", "이벤트", "페이스북", "구독", "쿠폰", "좋아요", "다른기사", "많이 본", "구미 반도체"):
        assert junk not in doc.text
    assert "450억 원이 들어가며" in doc.text and "성장 속도를 높일 것" in doc.text
    assert (doc.metadata.outlet, doc.metadata.reporter) == ("달구벌바이오뉴스", "윤다온")
    reasons = {n.text.split("\n")[0]: n.reason for n in doc.noise}
    assert reasons[AD] == ADVERT
    assert reasons["페이스북 트위터 카카오톡 밴드 URL복사"] == SHARE
    assert reasons["네이버에서 달구벌바이오뉴스를 구독하세요!"] == PROMPT
    assert reasons["윤다온 기자 다른기사 보기"] == LATEST


@pytest.mark.parametrize(("line", "reason"), [
    (AD, ADVERT),
    ("[뉴스레터 무료 구독 이벤트] 지금 신청하면 커피 쿠폰 증정 ▶", ADVERT),
    ("페이스북트위터카카오톡URL복사", SHARE),  # a row copied without spaces
    ("좋아요 0 훈훈해요 0 슬퍼요 0 화나요 0 후속기사 원해요 0", SHARE),
    ("공감 12 · 댓글 3", SHARE),
    ("주메뉴 바로가기 본문 바로가기", MENU),
    ("뉴스레터 구독하기 ▶", PROMPT),
    ("[관련기사]", LATEST),
    ("【많이 본 뉴스】", LATEST),
])
def test_furniture_lines(line: str, reason: str) -> None:
    assert classify(line) == reason


def test_an_advert_needs_an_offer_and_a_call_to_act() -> None:
    assert classify(AD) == ADVERT
    assert classify("시 관계자는 “무료 상담을 꼭 신청하세요”라고 당부했다.") is None  # a sentence of the story
    assert classify("▶ 무료 상담 신청: 043-000-0000") is None  # an arrow opening a line is a list mark
    assert classify("바이오 기업 공유오피스 문 열어") is None  # a headline holding a button's word
    assert classify("구독 경제가 바이오 기업에도 번진다") is None
