"""Dates: what the text states; a year only when the text, the publication date or a weekday fixes it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biohub_cli.extract.dates.find import DateMention, find_dates
from biohub_cli.models.dates import PartialDate
from tests.extract.conftest import AnalysedOf, build_analysed


def pub(iso: str) -> PartialDate:
    p = PartialDate.parse_iso(iso)
    return PartialDate.of(p.year, p.month, p.day, basis="text")


def dates_of(analysed_of: AnalysedOf, text: str, published: str | None = None) -> list[DateMention]:
    p = pub(published) if published else None
    found = find_dates(analysed_of(text, p), p)
    for d in found:  # every span is exact
        assert analysed_of(text, p).document.text[d.start:d.end] == d.text
    return found


def one(analysed_of: AnalysedOf, text: str, published: str | None = None) -> DateMention:
    found = dates_of(analysed_of, text, published)
    assert len(found) == 1, [(d.text, d.date.iso()) for d in found]
    return found[0]


@pytest.mark.parametrize("written", ["2025년 12월 2일", "2025.12.2.", "2025. 12. 2.", "2025-12-02",
                                     "2025/12/02", "2025년12월2일"])
def test_absolute_dates_in_every_written_form(analysed_of: AnalysedOf, written: str) -> None:
    d = one(analysed_of, f"바이오 협의회는 {written} 정기회의를 열었다.")
    assert d.date.iso() == "2025-12-02"
    assert d.date.year_certain and d.date.year_basis == "text"
    assert d.text.rstrip(".") == written.rstrip(".")


def test_partial_dates_keep_their_precision(analysed_of: AnalysedOf) -> None:
    found = dates_of(analysed_of, "협의회는 지난 2019년 7월 처음 꾸려졌고 2024년에는 회원이 늘었다.")
    assert [d.date.iso() for d in found] == ["2019-07", "2024"]
    assert [d.date.precision for d in found] == ["month", "year"]
    assert found[0].text == "지난 2019년 7월"
    assert not found[0].relative  # the year is written; 지난 adds nothing


def test_month_day_without_publication_date_keeps_the_year_unknown(analysed_of: AnalysedOf) -> None:
    d = one(analysed_of, "보건복지부는 5월 29일 바이오 협의체 첫 회의를 열었다.")
    assert d.date.iso() == "--05-29"
    assert d.date.year is None and not d.date.year_certain and d.date.year_basis is None


def test_month_day_takes_the_stated_publication_year(analysed_of: AnalysedOf) -> None:
    d = one(analysed_of, "경기도는 7월 9일 시흥에서 추진단 회의를 열었다고 밝혔다.", "2025-07-09")
    assert d.date.iso() == "2025-07-09" and d.date.year_basis == "published" and d.date.year_certain


def test_a_later_month_day_in_a_past_report_is_last_year(analysed_of: AnalysedOf) -> None:
    d = one(analysed_of, "인천시는 12월 30일 송도에서 바이오 간담회를 열었다.", "2025-01-03")
    assert d.date.iso() == "2024-12-30"


def test_an_earlier_month_day_that_is_still_to_come_is_next_year(analysed_of: AnalysedOf) -> None:
    d = one(analysed_of, "시는 1월 8일 송도에서 바이오 포럼을 개최할 예정이다.", "2025-12-20")
    assert d.date.iso() == "2026-01-08"


def test_last_year_december_counts_back_from_publication(analysed_of: AnalysedOf) -> None:
    d = one(analysed_of, "이번 회의는 지난해 12월 출범식 이후 두 번째다.", "2025-07-09")
    assert d.date.iso() == "2024-12" and d.date.year_basis == "relative" and d.relative


def test_last_year_december_without_publication_date(analysed_of: AnalysedOf) -> None:
    d = one(analysed_of, "이번 회의는 지난해 12월 출범식 이후 두 번째다.")
    assert d.date.iso() == "--12" and not d.date.year_certain


def test_weekday_that_contradicts_the_year_drops_the_year(analysed_of: AnalysedOf) -> None:
    d = one(analysed_of, "설명회는 2025년 12월 3일(화) 코엑스에서 열린다.")  # 2025-12-03 is a Wednesday
    assert d.date.iso() == "--12-03" and d.date.year is None and not d.date.year_certain


def test_weekday_fixes_the_year_only_when_one_year_near_the_document_fits(analysed_of: AnalysedOf) -> None:
    text = "2025년 바이오 주간 행사를 연다. 개막식은 12월 2일(화) 송도에서 열린다."
    found = dates_of(analysed_of, text)
    assert found[-1].date.iso() == "2025-12-02" and found[-1].date.year_basis == "weekday"


def test_weekday_without_any_year_in_the_document_fixes_nothing(analysed_of: AnalysedOf) -> None:
    d = one(analysed_of, "개막식은 12월 2일(화) 송도에서 열린다.")
    assert d.date.iso() == "--12-02" and not d.date.year_certain


def test_weekday_mismatch_with_the_publication_year_drops_it(analysed_of: AnalysedOf) -> None:
    d = one(analysed_of, "개막식은 12월 2일(화) 송도에서 열린다.", "2024-11-20")  # 2024-12-02 is a Monday
    assert d.date.iso() == "--12-02" and d.date.year is None


def test_year_of_a_named_event_fixes_a_month_day_in_its_sentence(analysed_of: AnalysedOf) -> None:
    d = one(analysed_of, "인천시는 12월 2일 송도에서 열린 '2025 바이오 투자박람회'에서 협약을 맺었다.")
    assert d.date.iso() == "2025-12-02" and d.date.year_basis == "text"


def test_a_past_year_in_the_same_sentence_does_not_fix_the_meeting_year(analysed_of: AnalysedOf) -> None:
    found = dates_of(analysed_of, "지난 2019년 구성된 협의회는 6월 11일 다섯 번째 회의를 열었다.")
    assert [d.date.iso() for d in found] == ["2019", "--06-11"]


def test_ranges_take_missing_parts_from_their_start(analysed_of: AnalysedOf) -> None:
    d = one(analysed_of, "상권 세일은 오는 11월 22일부터 30일까지 열린다.", "2025-07-09")
    assert d.date.iso() == "2025-11-22" and d.end_date is not None and d.end_date.iso() == "2025-11-30"
    assert d.relative
    r = one(analysed_of, "전시는 2025.3.2~3.5 킨텍스에서 열린다.")
    assert (r.date.iso(), r.end_date.iso() if r.end_date else None) == ("2025-03-02", "2025-03-05")
    k = one(analysed_of, "교육은 3월 2일~5일 진행된다.")
    assert (k.date.iso(), k.end_date.iso() if k.end_date else None) == ("--03-02", "--03-05")


def test_a_range_across_new_year(analysed_of: AnalysedOf) -> None:
    d = one(analysed_of, "공모는 2025년 12월 29일부터 1월 9일까지 받는다.")
    assert d.date.iso() == "2025-12-29" and d.end_date is not None and d.end_date.iso() == "2026-01-09"


def test_relative_days_count_from_publication(analysed_of: AnalysedOf) -> None:
    text = "동의안은 지난 26일 도의회를 통과했다. 도는 이를 29일 밝혔다."
    found = dates_of(analysed_of, text, "2025-08-01")
    assert [d.date.iso() for d in found] == ["2025-07-26", "2025-07-29"]
    assert all(d.date.year_basis == "relative" for d in found)


def test_relative_days_without_publication_keep_only_the_day(analysed_of: AnalysedOf) -> None:
    d = one(analysed_of, "동의안은 지난 26일 도의회를 통과했다.")
    assert d.date.iso() == "---26" and d.date.month is None and d.date.year is None


def test_coming_month_and_next_half_year(analysed_of: AnalysedOf) -> None:
    found = dates_of(analysed_of, "센터는 오는 3월 문을 연다. 2단계는 내년 상반기 착공한다.", "2025-07-09")
    assert [d.date.iso() for d in found] == ["2026-03", "2026"]


def test_this_day_refers_to_the_story_day(analysed_of: AnalysedOf) -> None:
    found = dates_of(analysed_of, "협의회는 6월 11일 회의를 열었다. 이날 회의에는 위원 12명이 참석했다.")
    assert [d.text for d in found] == ["6월 11일", "이날"]
    assert found[1].date.iso() == "--06-11" and found[1].relative


def test_time_after_a_date(analysed_of: AnalysedOf) -> None:
    assert one(analysed_of, "회의는 5월 29일 오후 3시 열렸다.").time == "15:00"
    assert one(analysed_of, "회의는 5월 29일 10시 30분 열렸다.").time == "10:30"
    assert one(analysed_of, "회의는 2025.5.29. 14:00 열렸다.").time == "14:00"


def test_two_digit_years_only_in_clear_date_contexts(analysed_of: AnalysedOf) -> None:
    assert one(analysed_of, "일시: 25-09-02 시청 대회의실").date.iso() == "2025-09-02"
    assert one(analysed_of, "행사 25-09-02(화) 개최").date.iso() == "2025-09-02"
    assert dates_of(analysed_of, "제품 번호 25-09-02 를 확인한다.") == []


@pytest.mark.parametrize("text", [
    "위원 12명이 참석했다.",
    "총사업비 3,350억 원 규모다.",
    "행복도시 6-3생활권 공원을 조성했다.",
    "문의는 031-123-4567 로 하면 된다.",
    "부지는 약 2만5천㎡ 규모다.",
    "축제는 3일간 이어진다.",
    "행사는 오후 3시에 시작한다.",
    "매출이 20% 늘었다.",
    "연구원 2,025명이 일한다.",
])
def test_numbers_that_are_not_dates(analysed_of: AnalysedOf, text: str) -> None:
    assert dates_of(analysed_of, text) == []


def test_translation_segment_adds_no_dates() -> None:
    analysed = build_analysed("인천시는 12월 2일 협약을 체결했다.",
                              translation="Incheon signed the agreement on December 2, 2025.")
    assert [d.text for d in find_dates(analysed, None)] == ["12월 2일"]


def test_impossible_days_are_not_dates(analysed_of: AnalysedOf) -> None:
    found = dates_of(analysed_of, "공모는 2025년 2월 30일 마감한다.")
    assert all(d.date.day != 30 or d.date.year is None for d in found)


_DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=_DAYS, style=st.sampled_from(["{y}년 {m}월 {d}일", "{y}.{m}.{d}.", "{y}. {m}. {d}.",
                                         "{y}-{m:02d}-{d:02d}"]))
def test_every_written_form_normalises_to_the_same_day(analysed_of: AnalysedOf, day: dt.date,
                                                       style: str) -> None:
    text = "행사는 " + style.format(y=day.year, m=day.month, d=day.day) + " 열렸다."
    d = one(analysed_of, text)
    assert d.date == PartialDate.of(day.year, day.month, day.day, basis="text")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(published=_DAYS, month=st.integers(1, 12), day=st.integers(1, 28), past=st.booleans())
def test_month_days_resolve_next_to_the_publication_date(analysed_of: AnalysedOf, published: dt.date,
                                                         month: int, day: int, past: bool) -> None:
    marker = "지난" if past else "오는"
    d = one(analysed_of, f"협의회는 {marker} {month}월 {day}일 회의를 연다.", published.isoformat())
    assert d.date.year_certain and d.date.year is not None and d.date.year_basis == "relative"
    when = dt.date(d.date.year, month, day)
    if past:
        assert when <= published and (published - when).days < 366
    else:
        assert when >= published and (when - published).days < 366


def test_a_target_year_in_a_name_does_not_date_the_event(analysed_of: AnalysedOf) -> None:
    d = one(analysed_of, "시는 12월 2일 '2030 바이오 비전'을 선포했다.")
    assert d.date.iso() == "--12-02" and not d.date.year_certain
    found = dates_of(analysed_of, "시는 12월 2일 2025년 바이오 포럼을 열었다.")
    assert [d.date.iso() for d in found] == ["2025-12-02", "2025"]


def test_press_release_short_forms(analysed_of: AnalysedOf) -> None:
    a = one(analysed_of, "일시: '25. 7. 9.(수) 15:00")
    assert (a.date.iso(), a.time) == ("2025-07-09", "15:00")
    b = one(analysed_of, "일시: 7. 9.(수) 15:00, 장소: 시청")
    assert b.date.iso() == "--07-09" and b.time == "15:00"
    assert dates_of(analysed_of, "비율은 7.9 수준이다.") == []


_PIECES = st.sampled_from(["2025", "년", "12", "월", "2", "일", "(화)", " ", ".", "-", "~", "부터", "까지",
                           "지난", "오는", "지난해", "이날", "오후", "3", "시", "명", "억", "원", "'", "25",
                           "0", "31", "30", "상반기", "내년", "29", "밝혔다", "개최", ",", "2월"])


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=14), published=st.none() | _DAYS)
def test_any_mix_of_date_parts_gives_valid_exact_spans(pieces: list[str], published: dt.date | None) -> None:
    text = "시는 " + "".join(pieces) + " 행사를 열었다."
    p = pub(published.isoformat()) if published else None
    analysed = build_analysed(text, p)
    for d in find_dates(analysed, p):
        assert analysed.document.text[d.start:d.end] == d.text
        assert d.date.year is None or d.date.year_certain
        if p is None:
            assert d.date.year_basis in (None, "text", "weekday")


def test_serial_numbers_are_not_months(analysed_of: AnalysedOf) -> None:
    assert dates_of(analysed_of, "품목번호 2026-1차-바이오-01") == []
    assert one(analysed_of, "기준일은 2024-08 이다.").date.iso() == "2024-08"


def test_the_day_before_counts_from_the_release_day(analysed_of: AnalysedOf) -> None:
    text = "한빛바이오는 전날 부산 명지에서 연구동 상량식을 열었다고 10일 밝혔다."
    before, release = dates_of(analysed_of, text, "2025-09-10")
    assert before.text == "전날" and before.date.iso() == "2025-09-09" and before.date.year_certain
    assert release.date.iso() == "2025-09-10"
    undated = dates_of(analysed_of, text)
    assert [d.date.iso() for d in undated] == ["---09", "---10"]
    first = dates_of(analysed_of, "부산시는 전날 포럼을 열었다고 1일 밝혔다.")
    assert [d.date.iso() for d in first] == ["---01"]  # no month to count back into: unknown, not guessed
    # a stock quote against the previous day's price is no date
    assert dates_of(analysed_of, "한빛바이오 현재가 15,200 전일대비 500 등락률 -0.33% 전일가 15,700") == []
    assert dates_of(analysed_of, "주가는 전일 대비 3% 올랐다.") == []


def test_the_day_itself_after_a_release_day(analysed_of: AnalysedOf) -> None:
    text = "부산시는 해양바이오센터를 2026년 말까지 짓는다고 9일 밝혔다. 이날 부산시는 착공식을 열었다."
    found = dates_of(analysed_of, text)
    assert [(d.text, d.date.iso()) for d in found] == [("2026년", "2026"), ("9일", "---09"), ("이날", "---09")]


def test_a_year_closing_the_name_of_what_is_held_fixes_its_dates(analysed_of: AnalysedOf) -> None:
    text = "'해양바이오 엑스포 2026'이 5월 7일부터 9일까지 부산 벡스코에서 개최된다."
    d = one(analysed_of, text)
    assert d.date.iso() == "2026-05-07" and d.date.year_certain and d.date.year_basis == "text"
    assert d.end_date is not None and d.end_date.iso() == "2026-05-09"
    plan = one(analysed_of, "부산시는 '해양바이오 비전 2035'를 5월 7일 벡스코에서 열린 행사에서 알렸다.")
    assert plan.date.iso() == "--05-07" and not plan.date.year_certain  # a vision's target year


def test_an_area_around_a_lot_number_is_no_day(analysed_of: AnalysedOf) -> None:
    text = "부산시는 오는 29일 명지동 247-1 일원에서 착공식을 연다. 기장 1일대에서도 공사가 있다."
    found = dates_of(analysed_of, text)
    assert [d.text for d in found] == ["오는 29일"]
