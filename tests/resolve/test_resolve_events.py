"""One record per happening across outlets: reports that give only the day join the dated report of the
same happening and take its year (saying from which report); near-miss happenings stay apart."""

from __future__ import annotations

from biohub_cli.models import PartialDate, Source
from biohub_cli.resolve import resolve
from tests.conftest import MakeSource

ORGS = [("부산시", "부산광역시"), ("양산시", "양산시"), ("해운공사", "해운공사"), ("한빛바이오", "한빛바이오"),
        ("동백제약", "동백제약"), ("해양수산부", "해양수산부")]


def report(make_source: MakeSource, text: str, date: PartialDate, title: str, orgs: list[str],
           kind: str = "agreement", main: bool = True) -> Source:
    return make_source(text, orgs=[o for o in ORGS if o[1] in orgs],
                       events=[{"date": date, "title": title, "type": kind, "orgs": orgs, "main": main}])


def test_a_report_that_gives_only_the_day_joins_the_dated_one(make_source: MakeSource) -> None:
    dated = report(make_source, "부산시와 양산시, 해운공사는 4일 부지 매입 협약을 체결했다. 2025.12.04",
                   PartialDate.of(2025, 12, 4), "부산광역시·양산시·해운공사 명지 바이오밸리 부지 매입 협약",
                   ["부산광역시", "양산시", "해운공사"])
    day_only = report(make_source, "부산시·양산시·해운공사는 4일 명지 바이오밸리 부지 매매 협약을 했다.",
                      PartialDate.of(None, None, 4), "명지 바이오밸리 부지 매매 협약 체결",
                      ["부산광역시", "양산시", "해운공사"])
    (ev,) = resolve([dated, day_only]).events.values()
    assert ev.sources == sorted([dated.id, day_only.id])
    assert ev.date.iso() == "2025-12-04" and ev.date.year_certain
    assert ev.year_from == dated.id  # the record says which report fixed the year
    assert ev.merged_because and "same day" in ev.merged_because[0]


def groups(sources: list[Source]) -> set[frozenset[str]]:
    return {frozenset(e.sources) for e in resolve(sources).events.values()}


def test_two_companies_groundbreakings_in_one_place_on_one_day_stay_apart(make_source: MakeSource) -> None:
    first = report(make_source, "한빛바이오는 18일 부산 명지에서 제3공장 기공식을 열었다.",
                   PartialDate.of(2020, 11, 18), "명지 바이오캠퍼스 공장 기공식", ["한빛바이오"], "event")
    second = report(make_source, "동백제약이 18일 명지 캠퍼스에서 제4공장 착공식을 개최했다. 2020.11.18",
                    PartialDate.of(2020, 11, 18), "명지 바이오캠퍼스 공장 착공식", ["동백제약"], "event")
    reprint = report(make_source, "한빛바이오에 이어 동백제약도 이날 명지에서 제4공장 착공식을 열었다.",
                     PartialDate.of(None, None, 18), "명지 바이오캠퍼스 착공식", ["동백제약"], "event")
    assert groups([first, second, reprint]) == {frozenset({first.id}), frozenset({second.id, reprint.id})}


def test_two_topping_out_ceremonies_on_the_ninth_a_year_apart(make_source: MakeSource) -> None:
    lotte_like = report(make_source, "한빛건설은 전날 명지에서 한빛바이오 제1공장 상량식을 열었다고 10일 밝혔다.",
                        PartialDate.of(2025, 9, 9), "명지 바이오캠퍼스 제1공장 상량식",
                        ["한빛바이오"], "event")
    lotte_reprint = report(make_source, "한빛바이오 명지 바이오캠퍼스 제1공장이 9일 상량식을 가졌다.",
                           PartialDate.of(None, None, 9), "한빛바이오 바이오캠퍼스 제1공장 상량식",
                           ["한빛바이오"], "event")
    sk_like = report(make_source, "동백제약은 명지 연구센터의 상량식을 지난 9일 열었다고 13일 밝혔다.",
                     PartialDate.of(None, None, 9), "명지 바이오캠퍼스 연구센터 상량식", ["동백제약"], "event")
    assert groups([lotte_like, lotte_reprint, sk_like]) == \
        {frozenset({sk_like.id}), frozenset({lotte_like.id, lotte_reprint.id})}


def test_two_editions_of_a_series_stay_apart(make_source: MakeSource) -> None:
    old = report(make_source, "'해양바이오 엑스포 2019'가 17일 벡스코에서 개막했다.", PartialDate.of(None, None, 17),
                 "해양바이오 엑스포 2019 개막", ["해양수산부"], "event")
    new = report(make_source, "'해양바이오 엑스포 2025'가 17일 벡스코에서 막을 열었다.", PartialDate.of(None, None, 17),
                 "해양바이오 엑스포 2025", ["해양수산부"], "event")
    dated = report(make_source, "'해양바이오 엑스포 2025'가 5월 17일 개막했다.", PartialDate.of(2025, 5, 17),
                   "해양바이오 엑스포 2025 개막", ["해양수산부"], "event")
    assert groups([old, new, dated]) == {frozenset({old.id}), frozenset({new.id, dated.id})}


def test_a_memorandum_and_the_land_contract_that_followed_stay_apart(make_source: MakeSource) -> None:
    mou = report(make_source, "부산시와 한빛바이오는 2일 명지 시설투자 양해각서를 체결했다.",
                 PartialDate.of(2021, 11, 2), "부산광역시·한빛바이오 명지 시설투자 양해각서(MOU) 체결",
                 ["부산광역시", "한빛바이오"])
    mou_reprint = report(make_source, "2일 부산시, 한빛바이오 간 명지 시설투자 업무협약(MOU)이 진행됐다.",
                         PartialDate.of(None, None, 2), "명지 시설투자 업무협약(MOU)", ["부산광역시", "한빛바이오"])
    contract = report(make_source, "부산시는 2일 한빛바이오와 명지 산업시설용지 토지매매계약을 체결했다.",
                      PartialDate.of(None, None, 2), "부산광역시·한빛바이오 명지 산업시설용지 토지매매계약 체결",
                      ["부산광역시", "한빛바이오"])
    assert groups([mou, mou_reprint, contract]) == {frozenset({contract.id}), frozenset({mou.id, mou_reprint.id})}


def test_a_centres_selection_groundbreaking_and_opening_stay_apart(make_source: MakeSource) -> None:
    selected = report(make_source, "부산시는 15일 해양바이오 인력양성센터 구축사업에 최종 선정됐다.",
                      PartialDate.of(2020, 10, 15), "해양바이오 인력양성센터 구축사업 부산시 선정",
                      ["부산광역시"], "designation")
    ground = report(make_source, "부산시는 15일 해양바이오 인력양성센터 착공식을 열었다.",
                    PartialDate.of(None, None, 15), "해양바이오 인력양성센터 착공식", ["부산광역시"], "event")
    opened = report(make_source, "해양바이오 인력양성센터가 15일 문을 열었다.",
                    PartialDate.of(2025, 11, 15), "해양바이오 인력양성센터 개소", ["부산광역시"], "launch")
    opened_again = report(make_source, "부산시는 15일 해양바이오 인력양성센터 개소식을 가졌다.",
                          PartialDate.of(None, None, 15), "해양바이오 인력양성센터 개소식", ["부산광역시"], "launch")
    assert groups([selected, ground, opened, opened_again]) == \
        {frozenset({selected.id}), frozenset({ground.id}), frozenset({opened.id, opened_again.id})}


def test_a_mention_in_passing_by_month_does_not_join_a_main_event(make_source: MakeSource) -> None:
    main = report(make_source, "부산시와 한빛바이오는 7월 18일 투자양해각서를 체결했다.",
                  PartialDate.of(None, 7, 18), "부산광역시·한빛바이오 백신공장 투자양해각서 체결",
                  ["부산광역시", "한빛바이오"])
    passing = report(make_source, "앞서 2018년 7월에도 두 기관은 투자양해각서를 체결한 바 있다.",
                     PartialDate.of(2018, 7), "부산광역시·한빛바이오 백신공장 투자양해각서 체결",
                     ["부산광역시", "한빛바이오"], main=False)
    events = resolve([main, passing]).events.values()
    assert len(events) == 2
    assert next(e for e in events if e.main).date.iso() == "--07-18"  # no year taken from a month-level mention
    # a month mentioned in passing joins a main event whose year is known: the launch is one record
    launch = report(make_source, "부산시는 12월 12일 협의회 출범식을 열었다. 2024.12.12",
                    PartialDate.of(2024, 12, 12), "부산-양산 바이오 협의회 출범식", ["부산광역시"], "launch")
    later = report(make_source, "협의회는 지난해 12월 출범식을 가진 뒤 처음 모였다.", PartialDate.of(2024, 12),
                   "부산-양산 바이오 협의회 출범식", ["부산광역시"], "launch", main=False)
    (ev,) = resolve([launch, later]).events.values()
    assert ev.date.iso() == "2024-12-12" and len(ev.sources) == 2


def test_one_decision_reported_for_the_nation_and_for_one_city_is_one(make_source: MakeSource) -> None:
    nation = report(make_source, "해양수산부는 6일 7개 지역을 해양바이오 특구로 새로 지정했다. 2020-07-06",
                    PartialDate.of(2020, 7, 6), "7개 지역 해양바이오 특구 지정", [], "designation")
    city = report(make_source, "부산시가 6일 해양바이오 특구로 지정됐다. 2020.07.07",
                  PartialDate.of(2020, 7, 6), "부산 해양바이오 특구 지정 의결", ["부산광역시"], "designation")
    (ev,) = resolve([nation, city]).events.values()
    assert len(ev.sources) == 2 and ev.merged_because


def test_a_day_of_an_unknown_month_joins_on_two_shared_bodies(make_source: MakeSource) -> None:
    dated = report(make_source, "부산시는 15일 해양바이오센터 구축사업에 최종 선정됐다. 2020.10.15",
                   PartialDate.of(2020, 10, 15), "해양바이오센터 구축사업 부산시 선정",
                   ["부산광역시", "해양수산부"], "designation")
    day_only = report(make_source, "해양수산부는 15일 부산시 연합체를 사업자로 선정했다.",
                      PartialDate.of(None, None, 15), "부산시-해운대학교 연합체 사업자 선정",
                      ["해양수산부", "부산광역시"], "designation")
    one_body = report(make_source, "해양수산부는 15일 양산시를 특구 후보로 선정했다.",
                      PartialDate.of(None, None, 15), "양산시 특구 후보 선정", ["해양수산부"], "designation")
    assert groups([dated, day_only, one_body]) == {frozenset({dated.id, day_only.id}), frozenset({one_body.id})}


def test_two_signings_of_one_day_with_no_party_in_common_stay_apart(make_source: MakeSource) -> None:
    first = report(make_source, "부산시는 3일 해운대에서 바이오 인재 양성 협약을 체결했다. 2024.09.03",
                   PartialDate.of(2024, 9, 3), "부산광역시 바이오 인재 양성 협약", ["부산광역시"])
    second = report(make_source, "양산시는 3일 바이오 인재 양성 협약을 체결했다. 2024.09.03",
                    PartialDate.of(2024, 9, 3), "바이오 인재 양성 협약", ["양산시"])
    reprint = report(make_source, "양산시가 3일 바이오 인재 협약을 맺었다.", PartialDate.of(None, None, 3),
                     "바이오 인재 양성 협약 체결", ["양산시"])
    assert groups([first, second, reprint]) == {frozenset({first.id}), frozenset({second.id, reprint.id})}
    # and two designations of one day by different hosts, their titles sharing only `바이오`
    city = report(make_source, "부산시는 3일 바이오 인재센터를 지정했다. 2024.09.03", PartialDate.of(2024, 9, 3),
                  "부산 바이오 인재센터 지정", ["부산광역시"], "designation")
    other = report(make_source, "양산시는 3일 바이오 펀드 운용사를 지정했다. 2024.09.03", PartialDate.of(2024, 9, 3),
                   "양산 바이오 펀드 운용사 지정", ["양산시"], "designation")
    assert len(resolve([city, other]).events) == 2


def test_a_record_takes_the_type_of_its_ceremony_not_of_the_works(make_source: MakeSource) -> None:
    works = report(make_source, "한빛바이오는 제3공장 건립을 본격화했다고 18일 밝혔다. 2020.11.18 입력",
                   PartialDate.of(2020, 11, 18), "한빛바이오 제3공장 건립 본격화", ["한빛바이오"], "other")
    ceremony = report(make_source, "한빛바이오는 18일 명지에서 기공식을 열었다.", PartialDate.of(None, None, 18),
                      "한빛바이오 제3공장 기공식", ["한빛바이오"], "event")
    (ev,) = resolve([works, ceremony]).events.values()
    assert ev.type == "event" and ev.date.iso() == "2020-11-18"


def test_one_wire_story_with_no_date_in_two_outlets_is_one_record(make_source: MakeSource) -> None:
    text = "양산시는 최근 해양수산부 공모에 선정돼 국비 80억 원을 확보했다고 밝혔다."
    first = report(make_source, text, PartialDate.of(None, None, None), "국비 80억 원 확보", ["양산시", "해양수산부"],
                   "funding")
    reprint = report(make_source, text + " 2025.07.01", PartialDate.of(None, None, None), "국비 80억 원 확보",
                     ["양산시"], "funding")
    assert groups([first, reprint]) == {frozenset({first.id, reprint.id})}
    # no participant named: the same sentence of the wire story says it
    first, reprint = (report(make_source, t, PartialDate.of(None, None, None), "국비 80억 원 확보", [], "funding")
                      for t in (text, text + " 2025.07.01"))
    reprint = reprint.model_copy(update={"extraction": reprint.extraction.model_copy(update={"events": [
        e.model_copy(update={"evidence": [ev.model_copy(update={"sentence": text}) for ev in e.evidence]})
        for e in reprint.extraction.events]})})
    assert groups([first, reprint]) == {frozenset({first.id, reprint.id})}


def test_two_undated_happenings_with_one_title_both_keep_their_record(make_source: MakeSource) -> None:
    busan = report(make_source, "부산시는 최근 국비 80억 원을 확보했다.", PartialDate.of(None, None, None),
                   "국비 80억 원 확보", ["부산광역시"], "funding")
    yangsan = report(make_source, "양산시는 최근 국비 80억 원을 확보했다.", PartialDate.of(None, None, None),
                     "국비 80억 원 확보", ["양산시"], "funding")
    events = resolve([busan, yangsan]).events
    assert {frozenset(e.sources) for e in events.values()} == {frozenset({busan.id}), frozenset({yangsan.id})}
    assert len(events) == 2 and all(eid == e.id for eid, e in events.items())
