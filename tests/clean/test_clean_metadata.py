"""Metadata lifted around a story: the headline under navigation, broken release titles, header dates, issuers."""

from __future__ import annotations

import pytest

from biohub_cli.clean import clean
from biohub_cli.clean.classify import SECTION, breadcrumb, classify, dated_credit
from biohub_cli.clean.header import is_header_line
from biohub_cli.clean.outlet import is_issuer

from .conftest import MakeRaw

LEAD = [
    "충청북도는 4일 오송첨단의료산업진흥재단에서 바이오 기업 15곳과 공동 연구장비 활용 협약을 맺었다고 밝혔다.",
    "협약에 따라 진흥재단은 기업이 신약 후보물질 분석 장비를 하루 단위로 빌려 쓸 수 있도록 예약 창구를 연다.",
    "도는 올해 하반기까지 장비 이용료의 절반을 지원하고, 성과가 좋으면 내년 예산에 반영할 계획이다.",
]
HEADLINE = "오송 바이오 기업 15곳, 공동 연구장비 함께 쓴다"


def news(*top: str, byline: str = "한소망 기자 | 입력 2024.03.04 10:20") -> str:
    return "\n\n".join([*top, HEADLINE, byline, *LEAD, "ⓒ 오송바이오신문 무단전재 및 재배포 금지"])


@pytest.mark.parametrize("crumb", [
    "HOME > 정책 > 보건의료",
    "오송바이오신문 > 산업 > 충북",
    "지역경제 | 청주",
    "오송바이오신문 | 정책·지역",
    "홈 › 바이오 › 기업",
])
def test_the_headline_under_a_breadcrumb_is_the_title(make_raw: MakeRaw, crumb: str) -> None:
    doc = clean(make_raw(news(crumb)))
    assert doc.metadata.title == HEADLINE
    assert crumb not in doc.text
    assert any(n.text == crumb and n.reason == SECTION for n in doc.noise)


@pytest.mark.parametrize(("line", "crumb"), [
    ("HOME > 정책 > 보건의료", True),
    ("지역경제 | 원주", True),
    ("| 지역 | 육성 방향 |", False),  # a Markdown table row
    ("송지호 기자 | 승인 2023.03.22 15:10", False),  # a byline
    ("단독 | 셀트리온, 송도에 다섯 번째 공장 짓는다", False),  # a headline with a bar
    ("담당부서 | 바이오산업과", False),  # a release header field
    ("매출은 2배 > 비용은 절반으로 줄어든 것으로 나타났다.", False),
])
def test_breadcrumbs(line: str, crumb: bool) -> None:
    assert breadcrumb(line) is crumb


@pytest.mark.parametrize("head", [f"# {HEADLINE}", f"## {HEADLINE}", f"**{HEADLINE}**"])
def test_markdown_marks_leave_the_title(make_raw: MakeRaw, head: str) -> None:
    text = "\n\n".join([head, *LEAD])
    assert clean(make_raw(text)).metadata.title == HEADLINE


RELEASE_HEAD = ["보 도 자 료", "충청북도", "보 도 시 점  배포 즉시 보도하여 주시기 바랍니다.",
                "담 당 부 서  바이오산업국 바이오정책과", "연 락 처  043-220-1234"]


def test_a_release_title_broken_after_a_comma_is_joined(make_raw: MakeRaw) -> None:
    text = "\n\n".join([*RELEASE_HEAD, "오송 바이오 기업 15곳,", "공동 연구장비 함께 쓴다",
                        "- 충북도, 진흥재단과 장비 공동활용 협약 맺어 -", *LEAD])
    assert clean(make_raw(text)).metadata.title == HEADLINE


def test_a_title_inside_open_quotes_goes_on_on_the_next_line(make_raw: MakeRaw) -> None:
    text = "\n\n".join([*RELEASE_HEAD, "충북도 ‘오송 바이오", "공동 연구장비’ 협약 체결", *LEAD])
    assert clean(make_raw(text)).metadata.title == "충북도 ‘오송 바이오 공동 연구장비’ 협약 체결"


def test_a_subtitle_is_not_joined_to_a_whole_title(make_raw: MakeRaw) -> None:
    text = "\n\n".join([*RELEASE_HEAD, HEADLINE, "- 충북도, 진흥재단과 장비 공동활용 협약 맺어 -", *LEAD])
    assert clean(make_raw(text)).metadata.title == HEADLINE


def test_the_issuing_body_of_a_release_is_its_outlet(make_raw: MakeRaw) -> None:
    doc = clean(make_raw("\n\n".join([*RELEASE_HEAD, HEADLINE, *LEAD])))
    assert doc.metadata.outlet == "충청북도"
    assert "충청북도\n" not in doc.text.split(HEADLINE)[0]


def test_a_release_without_its_issuer_in_the_header_has_no_outlet(make_raw: MakeRaw) -> None:
    head = [line for line in RELEASE_HEAD if line != "충청북도"]
    assert clean(make_raw("\n\n".join([*head, HEADLINE, *LEAD]))).metadata.outlet is None


def test_the_issuer_heads_the_breadcrumb_of_a_city_hall_page(make_raw: MakeRaw) -> None:
    text = "\n\n".join(["청주시 > 소식 > 보도자료", "보도자료", HEADLINE, "담당부서", "바이오산업과",
                        "제공일시", "2023-05-04", *LEAD])
    meta = clean(make_raw(text)).metadata
    assert meta.outlet == "청주시"
    assert meta.published is not None and meta.published.iso() == "2023-05-04"


def test_the_issuer_opens_the_department_field(make_raw: MakeRaw) -> None:
    text = "\n\n".join(["보도자료", "담당부서  대구광역시 바이오산업과  연락처 053-803-1234", HEADLINE, *LEAD])
    assert clean(make_raw(text)).metadata.outlet == "대구광역시"


@pytest.mark.parametrize(("name", "issuer"), [
    ("인천광역시", True), ("보건복지부", True), ("인천경제자유구역청", True), ("충청북도", True),
    ("일자리경제본부", False), ("미래산업과", False), ("바이오산업국", False), ("연락처", True), ("시", False),
])
def test_issuer_names(name: str, issuer: bool) -> None:
    # "연락처" has the shape of a body's name; the header label test keeps it out (see below)
    assert is_issuer(name) is issuer


def test_a_header_label_is_never_the_issuer(make_raw: MakeRaw) -> None:
    text = "\n\n".join(["보도자료", HEADLINE, "연락처", "043-220-1234", *LEAD])
    assert clean(make_raw(text)).metadata.outlet is None


def test_provided_date_of_a_release_board_is_published_with_its_evidence(make_raw: MakeRaw) -> None:
    raw = make_raw("\n".join(["보도자료", "", HEADLINE, "", "담당부서", "바이오정책과 / 한소망 (043-220-1234)",
                              "제공일시", "2023-05-04", "조회수", "1,204", "첨부파일",
                              "230504 장비 공동활용 협약(바이오정책과).hwp", "", *LEAD]))
    doc = clean(raw)
    meta = doc.metadata
    assert meta.published is not None and meta.published.iso() == "2023-05-04"
    ev = meta.published_evidence
    assert ev is not None and raw.text[ev.start:ev.end] == "제공일시\n2023-05-04"
    assert ev.sentence == "제공일시 2023-05-04"
    assert meta.header["첨부파일"] == "230504 장비 공동활용 협약(바이오정책과).hwp"
    assert meta.header["조회수"] == "1,204"
    for gone in ("1,204", ".hwp", "조회수", "제공일시"):
        assert gone not in doc.text


@pytest.mark.parametrize(("header", "iso"), [
    ("보도시점  2024. 3. 4.(월) 12:00", "2024-03-04"),
    ("배포 일시  2024. 3. 4.(월) 09:00", "2024-03-04"),
    ("제공일시 : 2024-03-04 10:00", "2024-03-04"),
    ("작성일\n2024.03.04", "2024-03-04"),
    ("담당부서 바이오정책과\n2024. 3. 4.(월)", "2024-03-04"),  # a date line inside the header table
])
def test_release_header_dates(make_raw: MakeRaw, header: str, iso: str) -> None:
    text = "\n\n".join(["보도자료", header, HEADLINE, *LEAD])
    meta = clean(make_raw(text)).metadata
    assert meta.published is not None and meta.published.iso() == iso


def test_a_page_header_date_above_a_release_is_not_published(make_raw: MakeRaw) -> None:
    text = "\n\n".join(["2025.11.18 (화)", "  • 맑음청주 6.2℃", "보도자료", "보 도 시 점  배포 즉시 보도 바랍니다.",
                        HEADLINE, *LEAD])
    assert clean(make_raw(text)).metadata.published is None


def test_widget_and_latest_news_dates_are_not_published(make_raw: MakeRaw) -> None:
    text = "\n\n".join(["2025.11.18 (화)", "  • 맑음청주 6.2℃", "  • 흐림충주 4.1℃", "기상청 제공", HEADLINE,
                        "한소망 기자", *LEAD, "최신뉴스", "청주시, 무심천 벚꽃길 차 없는 거리 운영 2025-03-20",
                        "ⓒ 2025 오송바이오신문"])
    meta = clean(make_raw(text)).metadata
    assert meta.published is None
    assert meta.title == HEADLINE


def test_a_dated_credit_line_gives_date_and_author(make_raw: MakeRaw) -> None:
    text = "\n\n".join([f"# {HEADLINE}", "> 오송바이오 브리핑 · 2024-03-04 · 글 한소망", *LEAD])
    raw = make_raw(text)
    meta = clean(raw).metadata
    assert meta.published is not None and meta.published.iso() == "2024-03-04"
    assert meta.reporter == "한소망"
    ev = meta.published_evidence
    assert ev is not None and raw.text[ev.start:ev.end] == "2024-03-04"


@pytest.mark.parametrize(("line", "author"), [
    ("> 오송바이오 브리핑 · 2024-03-04 · 글 한소망", "한소망"),
    ("2024.03.04 | 한소망 기자", "한소망"),
    ("오송바이오 브리핑 · 2024-03-04", None),  # no author: an unlabelled date stays unused
    ("글 한소망 · 사진 오송바이오", None),  # no date
])
def test_dated_credits(line: str, author: str | None) -> None:
    assert dated_credit(line) == author


@pytest.mark.parametrize(("line", "header"), [
    ("조회수 2,317", True),
    ("첨부파일 230504 협약(바이오정책과).hwp", True),
    ("조회수 100만 회를 넘기며 화제가 됐다.", False),
    ("첨부 자료를 보면 참여 기업이 늘었다.", False),
])
def test_board_fields_need_a_value_of_their_shape(line: str, header: bool) -> None:
    assert is_header_line(line) is header


def test_a_picture_credit_of_a_graphic_is_a_caption() -> None:
    assert classify("오송 바이오 연구지원센터 조감도 (자료=충북도)") == "photo caption"
    assert classify("장비 이용 기업은 1년 새 두 배로 늘었다(자료=충북도).") is None
