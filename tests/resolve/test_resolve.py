from __future__ import annotations

import itertools

from biohub_cli.models import PartialDate
from biohub_cli.resolve import Existing, resolve
from biohub_cli.resolve.curation import fingerprints
from tests.conftest import MakeSource

RELEASE = "인천광역시는 7월 9일 시흥시청 글로벌센터에서 추진단 제2차 정기회의를 열었다."
REPRINT = "인천시와 시흥시가 9일 바이오 특화단지 추진단 2차 정기회의를 공동 개최했다."
LAUNCH = "인천시는 지난해 12월 추진단 출범식을 열었다."


def _meeting(make_source: MakeSource, text: str, surface: str, date: PartialDate, title: str):  # type: ignore[no-untyped-def]
    return make_source(text, orgs=[(surface, "인천광역시"), ("시흥시", "시흥시")],
                       events=[{"date": date, "title": title, "orgs": ["인천광역시", "시흥시"]}])


def test_a_release_and_its_reprint_are_one_event(make_source: MakeSource) -> None:
    a = _meeting(make_source, RELEASE, "인천광역시", PartialDate.of(2025, 7, 9),
                 "인천-경기시흥 바이오 특화단지 추진단 제2차 정기회의")
    b = _meeting(make_source, REPRINT, "인천시", PartialDate.of(2025, 7, 9),
                 "바이오 특화단지 추진단 2차 정기회의")
    res = resolve([a, b])
    assert len(res.events) == 1
    ev = next(iter(res.events.values()))
    assert ev.sources == sorted([a.id, b.id])
    assert ev.merged_because and "similar titles" in ev.merged_because[0]
    # 인천시 and 인천광역시 are one organisation with the short form as alias
    incheon = [o for o in res.orgs.values() if o.name == "인천광역시"]
    assert len(incheon) == 1 and incheon[0].aliases == ["인천시"]


def test_launch_and_later_meeting_stay_apart(make_source: MakeSource) -> None:
    a = _meeting(make_source, RELEASE, "인천광역시", PartialDate.of(2025, 7, 9), "추진단 제2차 정기회의")
    b = make_source(LAUNCH, orgs=[("인천시", "인천광역시")],
                    events=[{"date": PartialDate.of(2024, 12), "title": "추진단 출범식", "type": "launch",
                             "orgs": ["인천광역시"], "main": False}])
    assert len(resolve([a, b]).events) == 2


def test_conflicting_years_are_not_merged(make_source: MakeSource) -> None:
    a = _meeting(make_source, RELEASE, "인천광역시", PartialDate.of(2025, 7, 9), "추진단 정기회의")
    b = _meeting(make_source, REPRINT, "인천시", PartialDate.of(2024, 7, 9), "추진단 정기회의")
    assert len(resolve([a, b]).events) == 2


def test_unknown_year_joins_a_dated_report_of_the_same_day(make_source: MakeSource) -> None:
    a = _meeting(make_source, RELEASE, "인천광역시", PartialDate.of(None, 7, 9), "추진단 제2차 정기회의")
    b = _meeting(make_source, REPRINT, "인천시", PartialDate.of(2025, 7, 9), "추진단 제2차 정기회의")
    (ev,) = resolve([a, b]).events.values()
    assert ev.date.iso() == "2025-07-09" and ev.date.year_certain


def test_any_order_gives_identical_records(make_source: MakeSource) -> None:
    srcs = [
        _meeting(make_source, RELEASE, "인천광역시", PartialDate.of(2025, 7, 9), "추진단 제2차 정기회의"),
        _meeting(make_source, REPRINT, "인천시", PartialDate.of(2025, 7, 9), "추진단 2차 정기회의"),
        make_source(LAUNCH, orgs=[("인천시", "인천광역시")],
                    events=[{"date": PartialDate.of(2024, 12), "title": "추진단 출범식", "type": "launch"}]),
    ]
    dumps = set()
    for order in itertools.permutations(srcs):
        res = resolve(list(order))
        dumps.add(repr(sorted((k, v.model_dump_json()) for k, v in
                              [*res.events.items(), *res.orgs.items(), *res.sources.items()])))
    assert len(dumps) == 1


def test_alias_claimed_by_two_organisations_belongs_to_neither(make_source: MakeSource) -> None:
    a = make_source("시는 이날 밝혔다. 인천광역시", orgs=[("시", "인천광역시"), ("인천광역시", "인천광역시")])
    b = make_source("시는 이날 밝혔다. 시흥시", orgs=[("시", "시흥시"), ("시흥시", "시흥시")])
    res = resolve([a, b])
    assert all("시" not in o.aliases for o in res.orgs.values())


def test_a_university_written_short_is_the_same_body(make_source: MakeSource) -> None:
    a = make_source("시흥배곧서울대병원은 2029년 문을 연다.", orgs=[("시흥배곧서울대병원", "시흥배곧서울대병원")])
    long_name = "시흥배곧서울대학교병원"
    b = make_source(f"{long_name} 착공식이 열렸다.", orgs=[(long_name, long_name)])
    for sources in ([a, b], [b, a]):
        (org,) = resolve(sources).orgs.values()
        assert org.name == "시흥배곧서울대학교병원" and org.aliases == ["시흥배곧서울대병원"]


def test_hand_edit_survives_and_conflict_is_reported(make_source: MakeSource) -> None:
    src = _meeting(make_source, RELEASE, "인천광역시", PartialDate.of(2025, 7, 9), "추진단 제2차 정기회의")
    first = resolve([src])
    (ev,) = first.events.values()
    edited = ev.model_copy(update={"venue": "시흥시청 글로벌센터 3층 회의실"})
    again = resolve([src], Existing(events={ev.id: edited}, orgs=first.orgs))
    assert again.events[ev.id].venue == "시흥시청 글로벌센터 3층 회의실"
    assert again.events[ev.id].generated == fingerprints(ev)
    assert not again.curation.conflicts  # the extraction did not change, so nothing to report
    # the extraction now says something else about the edited field: reported, edit kept
    src2 = src.model_copy(update={"extraction": src.extraction.model_copy(update={"events": [
        src.extraction.events[0].model_copy(update={"venue": "시흥시청"})]})})
    third = resolve([src2], Existing(events={ev.id: again.events[ev.id]}))
    assert third.events[ev.id].venue == "시흥시청 글로벌센터 3층 회의실"
    assert any("venue" in c for c in third.curation.conflicts)


def test_rejected_and_deleted_records_are_not_recreated(make_source: MakeSource) -> None:
    src = _meeting(make_source, RELEASE, "인천광역시", PartialDate.of(2025, 7, 9), "추진단 제2차 정기회의")
    first = resolve([src])
    (ev,) = first.events.values()
    rejected = ev.model_copy(update={"status": "rejected"})
    assert resolve([src], Existing(events={ev.id: rejected})).events[ev.id].status == "rejected"
    gone = resolve([src], Existing(deleted=frozenset({ev.id})))
    assert ev.id not in gone.events
    assert ev.id not in gone.sources[src.id].mentions.events


def test_people_keep_roles_over_time(make_source: MakeSource) -> None:
    a = make_source("박민수 보건복지부 제2차관이 밝혔다.", orgs=[("보건복지부", "보건복지부")],
                    people=[("박민수", "제2차관", "보건복지부")], published=PartialDate.of(2024, 5, 29))
    b = make_source("박민수 차관은 이어 말했다.", people=[("박민수", "제2차관", None)],  # type: ignore[list-item]
                    published=PartialDate.of(2024, 8, 1))
    c = make_source("박민수 위원장이 회의를 주재했다.", people=[("박민수", "위원장", None)],  # type: ignore[list-item]
                    published=PartialDate.of(2024, 6, 3))
    (person,) = resolve([a, b, c]).people.values()
    roles = [(r.title, r.first_seen, r.last_seen) for r in person.roles]
    assert roles == [("제2차관", "2024-05-29", "2024-08-01"), ("위원장", "2024-06-03", "2024-06-03")]
    assert person.roles[0].organization is not None


def test_one_office_written_three_ways_is_one_role(make_source: MakeSource) -> None:
    city = [("인천시", "인천광역시")]
    a = make_source("유정민 인천시장이 축사를 했다.", orgs=city, people=[("유정민", "인천시장", "인천광역시")],
                    published=PartialDate.of(2024, 7, 3))
    b = make_source("유정민 인천광역시장이 참석했다.", orgs=city, people=[("유정민", "인천광역시장", "인천광역시")],
                    published=PartialDate.of(2024, 9, 1))
    c = make_source("인천시 유정민 시장은 말했다.", orgs=city, people=[("유정민", "인천시장", "인천광역시")],
                    published=PartialDate.of(2025, 1, 5))
    d = make_source("유정민 인천시 행정부시장이 말했다.", orgs=city, people=[("유정민", "행정부시장", "인천광역시")],
                    published=PartialDate.of(2023, 1, 5))
    (person,) = resolve([a, b, c, d]).people.values()
    # the body once: 인천시장 and 인천광역시장 at 인천광역시 are its 시장
    assert [(r.title, r.first_seen, r.last_seen) for r in person.roles] == [
        ("행정부시장", "2023-01-05", "2023-01-05"), ("시장", "2024-07-03", "2025-01-05")]
    assert {r.organization for r in person.roles} == {next(iter(resolve([a]).orgs))}


def test_close_names_are_proposed_not_merged(make_source: MakeSource) -> None:
    a = make_source("원주의료기기테크노밸리", orgs=[("원주의료기기테크노밸리", "원주의료기기테크노밸리")])
    b = make_source("원주의료기기테크노밸리재단", orgs=[("원주의료기기테크노밸리재단", "원주의료기기테크노밸리재단")])
    res = resolve([a, b])
    assert len(res.orgs) == 2
    assert [(x, y) for x, y, _ in res.proposals] == [("원주의료기기테크노밸리", "원주의료기기테크노밸리재단")]
