"""Titles of documents and forms, and the dates a form states for what they are."""

from __future__ import annotations

import pytest

from biohub_cli.clean import clean
from biohub_cli.clean.title import collapse_spacing

from .conftest import MakeRaw

BODY = ["충청북도는 오송 첨단의료산업 클러스터에 바이오 의약품 실증 장비를 들여 지역 기업의 인허가 시험을 돕는다.",
        "사업비는 국비 40억 원과 도비 20억 원으로, 장비 구축은 올해 하반기에 끝난다."]


@pytest.mark.parametrize(("head", "title"), [
    (["(별 첨 1)", "《 충청북도 홈페이지 공표 자료(안) 》", "오 송 장 비 실 증 계 획"], "오송장비실증계획"),
    (["충청북도 공고 제2025-311호", "오송 바이오 실증 장비 공동활용 기업 모집"],
     "오송 바이오 실증 장비 공동활용 기업 모집"),
    (["품목번호", "2026-1차-바이오-실증-01", "품목명", "바이오 의약품 인허가 시험 장비 구축"],
     "바이오 의약품 인허가 시험 장비 구축"),
    (["[ 문서번호 ]", "바이오정책과-2141 (2025.03.04)", "[ 제    목 ]", "오송 실증 장비 사용료 감면 기준"],
     "오송 실증 장비 사용료 감면 기준"),
    (["제 안 요 청 서", "사 업 명 : 오송 바이오 실증 장비 통합관리 시스템 구축"],
     "오송 바이오 실증 장비 통합관리 시스템 구축"),
    (["0 3 9 4", "[붙임 2]", "오송 실증 장비 목록"], "오송 실증 장비 목록"),
    (["2026-1차-바이오-실증-01", "바이오정책과-2141", "오송 실증 장비 목록"], "오송 실증 장비 목록"),
])
def test_the_title_of_a_document(make_raw: MakeRaw, head: list[str], title: str) -> None:
    assert clean(make_raw("\n\n".join([*head, *BODY]), "doc.hwpx")).metadata.title == title


def test_a_notice_prints_its_title_under_date_and_signature(make_raw: MakeRaw) -> None:
    text = "\n\n".join(["충청북도 공고 제2025-311호",
                        "「충청북도 바이오 실증 장비 운영 규정」을 개정하면서 도민에게 미리 알려 의견을 듣고자 "
                        "그 취지와 내용을 다음과 같이 공고합니다.",
                        "2025년 3월 4일", "충청북도지사", "충청북도 바이오 실증 장비 운영 규정 일부개정규정안 입법예고",
                        "1. 개정이유", *BODY])
    meta = clean(make_raw(text)).metadata
    assert meta.title == "충청북도 바이오 실증 장비 운영 규정 일부개정규정안 입법예고"
    assert meta.published is not None and meta.published.iso() == "2025-03-04"  # the date it was signed


def test_a_notice_without_a_title_line_has_none(make_raw: MakeRaw) -> None:
    text = "\n\n".join(["충청북도 공고 제2025-311호",
                        "오송 실증 장비를 다음과 같이 기업에 빌려 드리니 신청하여 주시기 바랍니다.",
                        "2025년 3월 4일", "충청북도지사", "1. 신청자격", *BODY])
    assert clean(make_raw(text)).metadata.title is None


@pytest.mark.parametrize(("line", "iso"), [
    ("발의연월일 : 2025. 3. 4.", "2025-03-04"),
    ("공고일자 : 2025. 3. 4.", "2025-03-04"),
])
def test_dates_a_form_states_for_its_publication(make_raw: MakeRaw, line: str, iso: str) -> None:
    text = "\n\n".join(["오송 바이오 실증 장비 공동활용 지원법 일부개정법률안", line, *BODY])
    meta = clean(make_raw(text)).metadata
    assert meta.published is not None and meta.published.iso() == iso


def test_an_effective_date_is_no_publication_date(make_raw: MakeRaw) -> None:
    text = "\n\n".join(["오송 바이오 실증 장비 사용료 감면 기준", "시행일자 : 2025. 7. 1.", *BODY])
    meta = clean(make_raw(text)).metadata
    assert meta.published is None
    assert meta.header.get("시행일자") == "2025. 7. 1."


@pytest.mark.parametrize(("text", "collapsed"), [
    ("제 안 요 청 서", "제안요청서"), ("통 합 재 정 통 계", "통합재정통계"), ("보 도 자 료", "보도자료"),
    ("오송 바이오 실증", "오송 바이오 실증"), ("K 바 이 오", "K 바 이 오"),
])
def test_collapse_spacing(text: str, collapsed: str) -> None:
    assert collapse_spacing(text) == collapsed


def test_the_last_sentence_of_a_story_its_byline_closes_is_no_title(make_raw: MakeRaw) -> None:
    text = "\n".join(["", "[바이오데일리 | 청주=김민수 기자] " + BODY[0], BODY[1],
                      "김영환 지사는 \"기업의 시험 부담을 덜겠다\"고 말했다.", "minsu@biodaily.co.kr"])
    assert clean(make_raw(text)).metadata.title is None
    headed = "\n".join(["오송 실증 장비 도입", "김민수 기자 minsu@biodaily.co.kr", *BODY])
    assert clean(make_raw(headed)).metadata.title == "오송 실증 장비 도입"
