"""The single rules of clean/: dates next to labels, headers, prefixes, joins, translations, overrides."""

from __future__ import annotations

import pytest

from biohub_cli.clean import clean
from biohub_cli.clean.classify import POST_NAVIGATION, classify
from biohub_cli.clean.dates import find_dates, is_bare_date
from biohub_cli.clean.header import is_header_line, parse_header_line
from biohub_cli.clean.prefix import find_prefix
from biohub_cli.models.dates import PartialDate

from .conftest import MakeRaw

BODY = [
    "인천시는 12일 송도에서 바이오 기업 20곳과 간담회를 열고 공동 연구장비 활용 방안을 논의했다고 밝혔다.",
    "시는 이번 간담회에서 나온 의견을 토대로 하반기 지원 사업의 세부 계획을 마련할 예정이다.",
    "간담회에 참석한 기업 대표들은 장비 예약 절차를 간소화해 달라고 요청했다.",
]


def article(*lines: str) -> str:
    return "\n\n".join(["송도 바이오 기업 간담회 개최", *lines, *BODY])


@pytest.mark.parametrize(("line", "iso", "time"), [
    ("등록 25-09-02 14:10", "2025-09-02", "14:10"),
    ("작성일 2025년 7월 9일 16시", "2025-07-09", "16:00"),
    ("입력 : 2023/11/30 오후 3:05", "2023-11-30", "15:05"),
    ("김민수 기자 | 승인 2024.02.01 08:30", "2024-02-01", "08:30"),
    ("발행일 2022. 8. 3.(수) 10:00", "2022-08-03", "10:00"),
])
def test_labelled_dates_give_the_publication_date(make_raw: MakeRaw, line: str, iso: str, time: str) -> None:
    meta = clean(make_raw(article(line))).metadata
    assert meta.published is not None and meta.published.iso() == iso
    assert meta.published.year_basis == "text" and meta.published.year_certain
    assert meta.published_time == time


def test_input_date_wins_over_a_correction_printed_first(make_raw: MakeRaw) -> None:
    raw = make_raw(article("수정 2024.06.02 09:00", "입력 2024.06.01 18:20"))
    meta = clean(raw).metadata
    assert meta.published is not None and meta.published.iso() == "2024-06-01"
    ev = meta.published_evidence
    assert ev is not None and raw.text[ev.start:ev.end] == "입력 2024.06.01 18:20"


def test_a_correction_date_is_used_when_nothing_better_is_there(make_raw: MakeRaw) -> None:
    meta = clean(make_raw(article("최종수정 2024.06.02 09:00"))).metadata
    assert meta.published is not None and meta.published.iso() == "2024-06-02"


@pytest.mark.parametrize("top", ["2024.06.03 (월)", "2024년 6월 3일 월요일",
                                 "  • 맑음서울 21.5℃\n2024.06.03"])
def test_unlabelled_dates_at_the_top_are_not_the_publication_date(make_raw: MakeRaw, top: str) -> None:
    doc = clean(make_raw(top + "\n\n" + article()))
    assert doc.metadata.published is None
    assert "2024" not in doc.text


def test_a_date_in_the_body_is_not_the_publication_date(make_raw: MakeRaw) -> None:
    text = article("협약식은 2024년 5월 20일 오후 2시 송도에서 열렸다.")
    assert clean(make_raw(text)).metadata.published is None


def test_analyst_date_wins_with_its_own_basis(make_raw: MakeRaw) -> None:
    raw = make_raw(article("입력 2024.06.01 18:20"))
    given = PartialDate.of(2021, 6, 11, basis="text")
    meta = clean(raw, published=given).metadata
    assert meta.published == PartialDate.of(2021, 6, 11, basis="analyst")
    assert meta.published_evidence is None and meta.published_time is None
    same = clean(raw, published=PartialDate.parse_iso("2024-06-01")).metadata
    assert same.published is not None and same.published.year_basis == "analyst"
    assert same.published_time == "18:20"  # the text agrees: its time and evidence stay


def test_release_header_date_counts_as_published(make_raw: MakeRaw) -> None:
    text = "보도자료\n보도시점 2025. 9. 19.(금) 11:00 배포 2025. 9. 19.(금) 08:00\n\n" + article()
    meta = clean(make_raw(text)).metadata
    assert meta.published is not None and meta.published.iso() == "2025-09-19"
    assert meta.published_time == "11:00"  # 보도시점, not the earlier 배포
    assert meta.header == {"보도시점": "2025. 9. 19.(금) 11:00", "배포일시": "2025. 9. 19.(금) 08:00"}


def test_release_header_laid_out_one_cell_a_line(make_raw: MakeRaw) -> None:
    text = "\n".join(["보도자료", "", "보도시점", "2024. 1. 2.(화) 08:00", "", article(), "",
                      "담당 부서", "바이오정책과", "담당자", "사무관", "윤하린", "(044-200-1234)"])
    doc = clean(make_raw(text))
    assert doc.metadata.header == {"보도시점": "2024. 1. 2.(화) 08:00", "담당 부서": "바이오정책과",
                                   "담당자": "사무관 윤하린 (044-200-1234)"}
    assert doc.metadata.published is not None and doc.metadata.published.iso() == "2024-01-02"
    assert "윤하린" not in doc.text and "보도시점" not in doc.text


@pytest.mark.parametrize(("line", "header"), [
    ("사진 □ 없음 ▣ 있음 참고자료 ▣ 없음 □ 있음", True),
    ("보 도 시 점  배포 즉시 보도하여 주시기 바랍니다.", True),
    ("담당 부서 대외경제국 책임자 과장 강병중(044-215-7630)", True),
    ("담당자는 이번 사업의 목표를 설명했다.", False),
    ("사진은 인천시가 제공했다.", False),
])
def test_header_lines(line: str, header: bool) -> None:
    assert is_header_line(line) is header


def test_header_pairs_and_checked_boxes() -> None:
    assert parse_header_line("사진 □ 없음 ▣ 있음 참고자료 ▣ 없음 □ 있음") == [
        ("사진", "있음"), ("참고자료", "없음")]
    assert parse_header_line("담 당 자  주무관 한지우   연 락 처  032-440-4321") == [
        ("담당자", "주무관 한지우"), ("연락처", "032-440-4321")]


@pytest.mark.parametrize(("line", "outlet", "reporter", "rest"), [
    ("[뉴스스텝] 인천시는 밝혔다.", "뉴스스텝", None, "인천시는 밝혔다."),
    ("(인천=연합뉴스) 홍길동 기자 = 인천시는 밝혔다.", "연합뉴스", "홍길동", "인천시는 밝혔다."),
    ("【서울=뉴시스】김철수 기자 = 정부는 밝혔다.", "뉴시스", "김철수", "정부는 밝혔다."),
    ("어웨이크뉴스 오경하 기자 | 민관이 함께 나선다.", "어웨이크뉴스", "오경하", "민관이 함께 나선다."),
    ("[청주=충북바이오일보 서하준 기자] 충북도는 밝혔다.", "충북바이오일보", "서하준", "충북도는 밝혔다."),
    ("[오송뉴스 = 한소망 기자] 재단은 밝혔다.", "오송뉴스", "한소망", "재단은 밝혔다."),
    ("【바이오타임스 원주=윤다온 기자】 원주시는 밝혔다.", "바이오타임스", "윤다온", "원주시는 밝혔다."),
    ("[달구벌뉴스 | 대구=민서윤 기자] 대구시가 밝혔다.", "달구벌뉴스", "민서윤", "대구시가 밝혔다."),
    # a place alone before "=" names no outlet; nor does an outlet's desk
    ("【 안동=권하늘기자】안동시는 밝혔다.", None, "권하늘", "안동시는 밝혔다."),
    ("호남취재본부 정바다기자 = 화순군은 밝혔다.", None, "정바다", "화순군은 밝혔다."),
])
def test_lead_prefixes(line: str, outlet: str, reporter: str | None, rest: str) -> None:
    prefix = find_prefix(line)
    assert prefix is not None
    assert (prefix.outlet, prefix.reporter, line[prefix.length:]) == (outlet, reporter, rest)


@pytest.mark.parametrize("line", ["[단독] 인천시가 바이오 펀드를 만든다.", "[속보] 정부가 발표했다.",
                                  "인천시는 밝혔다."])
def test_tags_that_are_not_outlets_stay(line: str) -> None:
    assert find_prefix(line) is None


def test_find_dates_and_bare_dates() -> None:
    [found] = find_dates("기사승인 : 2025-07-09 16:55:30")
    assert (found.year, found.month, found.day, found.time) == (2025, 7, 9, "16:55:30")
    assert find_dates("2025-02-30") == []  # no such day
    assert find_dates("25-09-02") == []  # two-digit years only next to a label
    assert [f.year for f in find_dates("등록 25-09-02", short_years=True)] == [2025]
    assert is_bare_date("2025.12.30 (화)") and not is_bare_date("입력 2025.12.30")


def test_translation_without_a_disclaimer_is_found(make_raw: MakeRaw) -> None:
    english = [
        "Incheon held a meeting with twenty bio companies in Songdo on the 12th and discussed how to share "
        "research equipment.",
        "The city plans to prepare a detailed plan for its support programme in the second half based on the "
        "opinions raised at the meeting.",
    ]
    doc = clean(make_raw("\n\n".join([*BODY, *english])))
    assert [s.kind for s in doc.segments] == ["body", "translation"]
    translation = doc.segments[1]
    assert doc.text[translation.start:translation.end] == "\n".join(english)


def test_a_short_english_line_is_no_translation(make_raw: MakeRaw) -> None:
    doc = clean(make_raw("\n\n".join([*BODY, "K-Bio Lab Hub Project"])))
    assert [s.kind for s in doc.segments] == ["body"]
    assert doc.text.endswith("K-Bio Lab Hub Project")


def test_plain_paragraphs_are_not_joined(make_raw: MakeRaw) -> None:
    doc = clean(make_raw("\n".join(["송도 바이오 기업 간담회 개최", "기업 애로 듣고 지원 약속", *BODY])))
    assert doc.text.split("\n") == ["송도 바이오 기업 간담회 개최", "기업 애로 듣고 지원 약속", *BODY]


def test_pdf_wrapped_lines_without_trailing_spaces_join_inside_words(make_raw: MakeRaw) -> None:
    lines = [
        "인천시는 올해 바이오 분야 창업기업 40곳을 선발해 시제품 제작과 임상 설계",
        "비용을 지원하고, 송도 공동연구센터의 장비를 우선 쓸 수 있도록 할 계획이",
        "다. 시는 선발 기업 가운데 성과가 좋은 곳에는 후속 투자 유치를 위한 설명회",
        "를 열어 줄 방침이며, 지원 규모는 모두 36억 원이다.",
        "시 관계자는 창업 초기 기업의 부담을 덜어 주는 데 예산을 집중하겠다고 설명",
        "했다.",
    ]
    doc = clean(make_raw("\n".join(lines)))
    assert doc.text.split("\n") == [
        "인천시는 올해 바이오 분야 창업기업 40곳을 선발해 시제품 제작과 임상 설계비용을 지원하고, "
        "송도 공동연구센터의 장비를 우선 쓸 수 있도록 할 계획이다. 시는 선발 기업 가운데 성과가 좋은 "
        "곳에는 후속 투자 유치를 위한 설명회를 열어 줄 방침이며, 지원 규모는 모두 36억 원이다.",
        "시 관계자는 창업 초기 기업의 부담을 덜어 주는 데 예산을 집중하겠다고 설명했다.",
    ]


def test_repeated_caption_line_is_dropped_but_its_first_use_as_title_stays(make_raw: MakeRaw) -> None:
    title = "송도 바이오 기업 간담회 개최"
    doc = clean(make_raw("\n\n".join([title, BODY[0], title, *BODY[1:]])))
    assert doc.text.split("\n") == [title, *BODY]
    assert [n.reason for n in doc.noise] == ["photo caption"]


@pytest.mark.parametrize("credit", ["사진/인천광역시", "(사진=인천시 제공)", "[사진=바이오스텝 DB]",
                                    "(인천시 제공, 재판매 및 DB금지)", "[시흥시 제공. 재판매 및 DB 금지]"])
def test_photo_credit_lines_are_captions(make_raw: MakeRaw, credit: str) -> None:
    doc = clean(make_raw("\n\n".join(["간담회에서 기념촬영하는 참석자들. " + credit, *BODY])))
    assert doc.text.split("\n") == BODY
    assert [n.reason for n in doc.noise] == ["photo caption"]


def test_copyright_ends_the_story_even_without_a_heading(make_raw: MakeRaw) -> None:
    other = "부산시는 해양바이오 창업센터를 열었다고 밝혔다. 센터에는 입주기업 15곳이 들어선다."
    doc = clean(make_raw("\n\n".join([*BODY, "Copyright © 바이오데일리 All rights reserved.", other])))
    assert doc.text.split("\n") == BODY
    assert doc.metadata.outlet == "바이오데일리"
    assert [n.reason for n in doc.noise] == ["copyright", "other story"]


@pytest.mark.parametrize(("line", "navigation"), [
    ("이전글", True),
    ("◀ 이전 글", True),
    ("다음글 ▶", True),
    ("이전글이 없습니다.", True),
    ("이전글  인천시, 추석 연휴 생활쓰레기 수거 대책 마련  2020-09-25", True),
    ("다음글 | 송도 바이오 기업 간담회 개최", True),
    ("윗글 : 오송 실증센터 착공식 열려", True),
    ("다음 글에서 지원 대상과 신청 방법을 자세히 안내한다.", False),  # a sentence that starts with the cue
    ("이전글에서 밝힌 대로 시는 장비 예약 절차를 줄였다.", False),
    ("다음은 이날 간담회에서 나온 주요 질문이다.", False),
])
def test_post_navigation_lines(line: str, navigation: bool) -> None:
    assert (classify(line) == POST_NAVIGATION) is navigation


def test_post_navigation_on_one_line_ends_the_story(make_raw: MakeRaw) -> None:
    doc = clean(make_raw("\n\n".join([
        *article().split("\n\n"),
        "이전글 | 시청 주차장 야간 개방 2025-08-30",
        "다음글 | 가을 축제 개최 안내 2025-09-15",
    ])))
    assert doc.text.endswith(BODY[-1])
    assert {n.reason for n in doc.noise} == {POST_NAVIGATION}
    assert doc.metadata.published is None  # the neighbours' dates are not this post's


def test_a_neighbour_posts_date_is_not_this_posts(make_raw: MakeRaw) -> None:
    doc = clean(make_raw("\n\n".join([
        *article().split("\n\n"), "다음글", "작성일 2025-09-15 | 작성자 문화예술과", "가을 축제 개최 안내",
    ])))
    assert doc.text.endswith(BODY[-1])
    assert doc.metadata.published is None  # the 작성일 under 다음글 is the next post's


def test_a_stock_tooltip_spliced_into_the_lead_is_dropped_and_the_sentence_reads_on(make_raw: MakeRaw) -> None:
    tip = ("한빛바이오 123456 | 코스닥 증권정보 현재가 10,500 전일대비 200 등락률 +1.94% 2024.05.02 10:11 "
           "장중(20분지연) 관련기사 백신 기업들, 하반기 수출 기대 close")
    lead = f"[가상일보 김민수 기자] 한빛바이오 {tip} 가 송도에 신규 공장을 짓는다."
    raw = make_raw(lead + "\n시는 이날 협약을 맺었다고 밝혔다.")
    doc = clean(raw)
    assert doc.text.splitlines()[0].startswith("한빛바이오 가 송도에 신규 공장을 짓는다")
    assert "증권정보" not in doc.text and "관련기사" not in doc.text
    (widget,) = [n for n in doc.noise if n.reason == "market widget"]
    assert raw.text[widget.start:widget.end] == tip
