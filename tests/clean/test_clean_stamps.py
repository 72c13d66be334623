"""Publication stamps as real pages print them: header lines, odd separators, credits, garbled labels, widgets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from biohub_cli.clean import clean
from biohub_cli.clean.classify import MARKET, classify
from biohub_cli.clean.stamps import credited_date, garbled_stamp, leading_stamp
from biohub_cli.cli.app import app
from biohub_cli.ingest.pipeline import IngestOptions, ingest

from .conftest import MakeRaw

HEADLINE = "제천 한방바이오 실증센터 문 열어…기업 시제품 제작 지원"
LEAD = [
    "충청북도와 제천시는 21일 제천 바이오밸리에서 한방바이오 실증센터 개소식을 열고 운영에 들어갔다고 밝혔다.",
    "센터는 한약재 추출 설비와 시제품 생산 라인을 갖추고 지역 기업 30곳의 제품 개발을 돕는다.",
    "도는 내년까지 입주 기업을 50곳으로 늘리고 실증 결과를 인허가 자료로 쓸 수 있게 할 계획이다.",
]


def page(*head: str) -> str:
    return "\n\n".join([HEADLINE, *head, *LEAD])


@pytest.mark.parametrize(("line", "iso", "time"), [
    ("기사입력 2025/10/22 [15:10]", "2025-10-22", "15:10"),  # the time in brackets
    ("입력 2025-10-22T15:10:00+09:00", "2025-10-22", "15:10:00"),  # ISO, as a CMS prints it
    ("입력 | 2025.10.22 15:10", "2025-10-22", "15:10"),
    ("입력 2025.10.22 (3시간 전)", "2025-10-22", None),  # how long ago, not three o'clock
    ("[입력] 2025.10.22 15:10", "2025-10-22", "15:10"),
    ("승인 ▸ 2025.10.22 15:10", "2025-10-22", "15:10"),
    ("작성일자 2025-10-22", "2025-10-22", None),
    ("등록일자 : 2025.10.22 09:30", "2025-10-22", "09:30"),
    ("작성일 | 25-10-22", "2025-10-22", None),  # a two-digit year after a bar
    ("date 2025-10-22", "2025-10-22", None),
    ("Է:2025-10-22 14:10", "2025-10-22", "14:10"),  # the label 입력 garbled by a wrong decoding
    ("ÀÔ·Â : 2025-10-22 14:10", "2025-10-22", "14:10"),
    ("hsm@jecheonbio.kr | 2025-10-22 10:00:04", "2025-10-22", "10:00:04"),
    ("2025-10-22     한소망 기자", "2025-10-22", None),  # a stamp inside a byline, before the name
    ("2025-10-22     한소망", "2025-10-22", None),
    ("2025.10.22 보건복지부", "2025-10-22", None),
    ("2025년 10월 22일(수) 19:05", "2025-10-22", "19:05"),
    ("2025년 10월 22일, 오전 10:54", "2025-10-22", "10:54"),
])
def test_stamps_real_pages_print(make_raw: MakeRaw, line: str, iso: str, time: str | None) -> None:
    raw = make_raw(page(line))
    doc = clean(raw)
    meta = doc.metadata
    assert meta.published is not None and meta.published.iso() == iso
    assert meta.published.year_basis == "text"
    assert meta.published_time == time
    ev = meta.published_evidence
    assert ev is not None and raw.text[ev.start:ev.end].strip() in line
    assert "2025" not in doc.text and "22일" not in doc.text  # the stamp is no part of the story


def test_a_date_header_line_running_into_the_headline(make_raw: MakeRaw) -> None:
    raw = make_raw("\n\n".join([f" date 2025-10-22 {HEADLINE}", *LEAD]))
    doc = clean(raw)
    assert doc.metadata.published is not None and doc.metadata.published.iso() == "2025-10-22"
    assert doc.metadata.title == HEADLINE
    assert doc.text.startswith(HEADLINE)
    ev = doc.metadata.published_evidence
    assert ev is not None and raw.text[ev.start:ev.end] == "date 2025-10-22" and ev.sentence == "date 2025-10-22"
    assert any(n.text == "date 2025-10-22" for n in doc.noise)


def test_a_date_header_line_running_into_the_lead(make_raw: MakeRaw) -> None:
    doc = clean(make_raw("\n\n".join([f"date 2025-10-22 {LEAD[0]}", *LEAD[1:]])))
    assert doc.metadata.published is not None and doc.metadata.published.iso() == "2025-10-22"
    assert doc.text.startswith(LEAD[0])


def test_a_stamp_lower_down_is_left_in_the_story(make_raw: MakeRaw) -> None:
    sentence = "등록 2025.10.22 기준 센터 장비를 쓰겠다고 신청한 기업은 12곳이다."
    text = "\n\n".join([f"date 2025-10-21 {HEADLINE}", *LEAD, sentence])
    doc = clean(make_raw(text))
    assert doc.metadata.published is not None and doc.metadata.published.iso() == "2025-10-21"
    assert sentence in doc.text


def test_a_date_with_a_time_or_a_credit_is_a_stamp_only_above_the_lead(make_raw: MakeRaw) -> None:
    above = clean(make_raw(page("2025.10.22 15:10", "2025.10.22 보건복지부"))).metadata
    assert above.published is not None and above.published.iso() == "2025-10-22"
    chronology = ["추진 경과", "2024.03.05 14:00", "2024.07.10 보건복지부", "2025.10.21 11:00"]
    below = clean(make_raw("\n\n".join([HEADLINE, *LEAD, *chronology]))).metadata
    assert below.published is None and below.outlet is None


def test_an_update_is_no_date_label(make_raw: MakeRaw) -> None:
    """"update" holds "date": a label in Latin letters counts only as a word of its own."""
    meta = clean(make_raw(page("last update 2025-10-23 09:00", "2025-10-22     한소망 기자"))).metadata
    assert meta.published is not None and meta.published.iso() == "2025-10-22"


def test_the_byline_stamp_names_no_date_as_outlet_and_a_name_as_reporter(make_raw: MakeRaw) -> None:
    assert clean(make_raw(page("2025-10-22     한소망 기자"))).metadata.outlet is None
    assert clean(make_raw(page("2025-10-22     한소망"))).metadata.reporter == "한소망"
    assert clean(make_raw(page("2025.10.22 보건복지부"))).metadata.outlet == "보건복지부"


def test_a_widgets_date_is_never_the_stamp(make_raw: MakeRaw) -> None:
    """A weather or market widget's date, even with its time, loses to the stamp under the headline."""
    text = "\n\n".join(["제천바이오신문", "  • 맑음제천 14.2℃", "2025.10.21 06:00", "코스피 2,612.34 ▲12.10 +0.47%",
                        "2025.10.21 15:30", HEADLINE, "2025-10-22     한소망 기자", *LEAD])
    meta = clean(make_raw(text)).metadata
    assert meta.published is not None and meta.published.iso() == "2025-10-22"
    assert meta.title == HEADLINE


def test_a_quote_box_is_a_market_widget(make_raw: MakeRaw) -> None:
    text = page("2025-10-22     한소망 기자", "한방바이오텍 123450 | 코스닥",
                "현재가 8,150 전일대비 ▲150 등락률 +1.88%", "2025.10.22 15:30 장마감")
    doc = clean(make_raw(text))
    assert "현재가" not in doc.text
    assert any(n.reason == MARKET for n in doc.noise)
    assert doc.metadata.published is not None and doc.metadata.published.iso() == "2025-10-22"


@pytest.mark.parametrize("line", ["코스피 2,612.34 ▲12.10 +0.47%", "원/달러 환율 1,391.5 ▼2.3", "등락률 -0.33%"])
def test_market_lines(line: str) -> None:
    assert classify(line) == MARKET
    assert classify("코스피는 이날 0.47% 오른 2,612.34에 장을 마쳤다.") is None  # a sentence about the market


def test_relative_words_are_never_the_stamp(make_raw: MakeRaw) -> None:
    """이날, 전날, 지난 20일: the day the story is about, read against the stamp, never taken for it."""
    lead = ["전날 열린 설명회에 이어 충청북도는 이날 제천 바이오밸리에서 실증센터 개소식을 열었다고 밝혔다.",
            "센터 공사는 지난 20일 모두 끝났으며 장비 시운전은 다음 달까지 이어진다.", *LEAD[1:]]
    meta = clean(make_raw("\n\n".join([HEADLINE, "2025-10-22     한소망 기자", *lead]))).metadata
    assert meta.published is not None and meta.published.iso() == "2025-10-22"
    assert clean(make_raw("\n\n".join([HEADLINE, "이날 오전 10:30", *lead]))).metadata.published is None


def test_days_of_the_story_are_read_against_a_header_stamp(tmp_path: Path) -> None:
    """"21일 … 개소식" under a " date 2025-10-22" header line is 2025-10-21, its year fixed by the stamp."""
    release = tmp_path / "in" / "jecheon.txt"
    release.parent.mkdir()
    release.write_text("\n\n".join([f" date 2025-10-22 {HEADLINE}", *LEAD]), encoding="utf-8")
    assert not ingest(tmp_path / "kb", [release.parent], IngestOptions(jobs=1)).failed
    res = CliRunner().invoke(app, ["--kb", str(tmp_path / "kb"), "export"])
    data = json.loads(res.stdout)
    assert [d["published"] for d in data["documents"]] == ["2025-10-22"]
    assert [(e["date"], e["year_certain"]) for e in data["events"]] == [("2025-10-21", True)]


def test_stamp_shapes() -> None:
    assert leading_stamp("입력 2025.10.22 15:10 | 수정 2025.10.22 16:00") is not None  # a byline: plan() keeps it whole
    assert leading_stamp("입력 2025.10.22 15:10") is None  # nothing follows
    assert credited_date("2025.10.22 15:30 기준") is None  # a widget's "as of"
    assert credited_date("2025.10.22 15:30 장마감") is None
    assert credited_date("2025.10.22 착공") is None  # a chronology row: no credit
    assert garbled_stamp("일시: 2025-10-22 14:10") is None  # a Korean label is no garbled one
    assert garbled_stamp("Է:2025-10-22") is None  # without its time a garbled line proves nothing
