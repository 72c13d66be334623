"""Events: the main event(s) of a story with type, title, date, venue, participants, count and ordinal,
and the other dated happenings it mentions as related events."""

from __future__ import annotations

from biohub_cli.extract.dates.find import find_dates
from biohub_cli.extract.events.cues import type_of_name
from biohub_cli.extract.events.find import find_events
from biohub_cli.extract.events.parts import attendee_count, body_of, ordinal_of
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.facts import EventMention
from tests.extract.conftest import AnalysedOf, build_analysed, org_mentions, person_mentions

ORGS = {
    "부산광역시": "부산광역시", "부산시": "부산광역시", "부산시의회": "부산광역시의회",
    "한빛바이오": "한빛바이오",
    "동백제약": "동백제약", "해운대학교": "해운대학교", "해운대학교병원": "해운대학교병원",
    "부산바이오밸리 추진위원회": "부산바이오밸리 추진위원회", "양산시": "양산시", "경상남도": "경상남도",
    "부산-양산 바이오 특화단지 협의회": "부산-양산 바이오 특화단지 협의회", "양산시청": "양산시",
    "산업통상자원부": "산업통상자원부", "식품의약품안전처": "식품의약품안전처", "해양수산부": "해양수산부",
    "보건복지부": "보건복지부", "해운대병원": "해운대학교병원", "동래의료원": "동래의료원",
}


def events_of(text: str, published: str | None = None, people: dict[str, str | None] | None = None,
              translation: str | None = None) -> list[EventMention]:
    p = None
    if published:
        parsed = PartialDate.parse_iso(published)
        p = PartialDate.of(parsed.year, parsed.month, parsed.day, basis="text")
    analysed = build_analysed(text, p, translation)
    orgs = org_mentions(analysed, ORGS)
    persons = person_mentions(analysed, people or {})
    return find_events(analysed, find_dates(analysed, p), orgs, persons)


def mains(events: list[EventMention]) -> list[EventMention]:
    return [e for e in events if e.main]


def roles(event: EventMention) -> dict[str, str]:
    return {p.organization: p.role for p in event.participants}


MEETING = (
    "부산바이오 협의회 다섯 번째 회의 열려\n"
    "부산광역시(시장 김바다)는 6월 11일 부산 해운대구 센텀타워에서 한솔 부산바이오밸리 추진위원회 위원장 등 "
    "14명의 위원이 참석한 가운데 ‘제5회 부산바이오밸리 추진위원회’를 개최했다고 밝혔다.\n"
    "‘부산바이오밸리 추진위원회’는 바이오 정책을 논의하기 위해 지난 2020년 3월 처음 구성됐다.\n"
    "이날 위원회에는 부산시, 부산시의회, 한빛바이오, 동백제약, 해운대학교, 해운대병원 등이 참석했다.\n"
    "한편, 부산시는 6월 7일 『산·학·연·병 라운드 테이블』을 개최했다.\n"
)


def test_meeting_lead_gives_title_date_venue_host_count_and_ordinal() -> None:
    main = mains(events_of(MEETING, people={"김바다": "부산광역시", "한솔": None}))
    assert len(main) == 1
    ev = main[0]
    assert ev.type == "meeting"
    assert ev.title == "제5회 부산바이오밸리 추진위원회"
    assert ev.date.iso() == "--06-11" and not ev.date.year_certain
    assert ev.venue == "부산 해운대구 센텀타워"
    assert ev.attendees == 14 and ev.ordinal == 5
    r = roles(ev)
    assert r["부산광역시"] == "host"
    assert {"부산광역시의회", "한빛바이오", "동백제약", "해운대학교", "해운대학교병원"} <= set(r)
    assert "부산바이오밸리 추진위원회" not in r  # the meeting body itself is not a participant
    assert "김바다" not in ev.people  # `부산광역시(시장 김바다)는`: the city's head, not someone who took part


def test_related_events_are_dated_happenings_around_the_story() -> None:
    related = [e for e in events_of(MEETING) if not e.main]
    got = {(e.date.iso(), e.type, e.title) for e in related}
    assert ("2020-03", "launch", "부산바이오밸리 추진위원회 구성") in got
    assert ("--06-07", "meeting", "산·학·연·병 라운드 테이블") in got
    assert len(related) == 2


def test_launch_meeting_without_venue_or_year() -> None:
    text = ("해양수산부는 5월 29일 오후 2시 해양바이오 클러스터 간 협력을 위해 "
            "'해양바이오 협의체' 출범을 위한 1차 회의를 개최했다고 밝혔다.\n"
            "협의체는 산업통상자원부, 식품의약품안전처 등 관계 부처와 민간전문가가 모여 결성됐다.\n"
            "이날 진행된 협의체 제1차 회의에서는 운영계획을 공유했다.\n")
    events = events_of(text)
    assert len(events) == 1  # `이날 진행된 제1차 회의` is the same meeting, not another one
    ev = events[0]
    assert (ev.type, ev.date.iso(), ev.venue, ev.ordinal) == ("launch", "--05-29", None, 1)
    assert "해양바이오 협의체" in ev.title
    r = roles(ev)
    assert r["해양수산부"] == "host" and {"산업통상자원부", "식품의약품안전처"} <= set(r)


def test_co_hosted_meeting_with_publication_date_and_related_launch() -> None:
    text = ("부산광역시는 7월 9일 양산시청 글로벌홀 회의실에서 경상남도 양산시와"
            "‘부산-양산 바이오 특화단지 협의회 제2차 정기회의’를 공동 개최했다고 밝혔다.\n"
            "이번 회의는 지난해 12월 부산시에서 열린 출범식 이후 두 번째 정기회의다.\n"
            "이날 회의에는 대학, 연구기관, 기업 관계자 30여 명이 참석했다.\n")
    events = events_of(text, published="2025-07-09")
    ev = mains(events)[0]
    assert ev.date.iso() == "2025-07-09" and ev.date.year_certain
    assert ev.title == "부산-양산 바이오 특화단지 협의회 제2차 정기회의"
    assert ev.venue == "양산시청 글로벌홀 회의실"
    assert (ev.attendees, ev.ordinal, ev.type) == (30, 2, "meeting")
    assert roles(ev)["부산광역시"] == "host" and roles(ev)["양산시"] == "host"
    assert "부산-양산 바이오 특화단지 협의회" not in roles(ev)
    related = [e for e in events if not e.main]
    assert [(e.date.iso(), e.type, e.title) for e in related] == [
        ("2024-12", "launch", "부산-양산 바이오 특화단지 협의회 출범식")]


AGREEMENTS = (
    "부산광역시가 11월 5일 벡스코 제2전시장에서 열린 '2025 해양바이오 투자박람회'에서 "
    "바이오 생태계 조성을 위한 2건의 협약을 체결했다. "
    "김도윤 행정부시장이 직접 '부산 바이오 도약전략(BLUE)'을 발표하며 미래 모델을 제시했다.\n"
    "첫 번째 협약 '부산-한빛바이오 공동연구 협약'은 연구개발 협력을 골자로 한다.\n"
    "두 번째 협약 '부산-해운대병원·동래의료원 임상혁신 협약'은 임상 역량을 기업과 잇는다. "
    "한빛바이오, 동백제약 등 국내외 바이오기업 300여 명이 행사에 참석했다.\n"
)


def test_announcement_and_agreement_signed_together_are_two_main_events() -> None:
    events = events_of(AGREEMENTS, people={"김도윤": "부산광역시"})
    main = {e.type: e for e in mains(events)}
    assert set(main) == {"announcement", "agreement"}
    ann, agr = main["announcement"], main["agreement"]
    assert ann.title == "부산 바이오 도약전략(BLUE) 발표"
    assert agr.title == "부산-한빛바이오 공동연구 협약 및 부산-해운대병원·동래의료원 임상혁신 협약 체결"
    for ev in (ann, agr):
        assert ev.date.iso() == "2025-11-05" and ev.date.year_basis == "text"
        assert ev.venue == "벡스코 제2전시장" and ev.attendees is None
    assert roles(ann) == {"부산광역시": "host"}
    assert {"부산광역시", "한빛바이오", "해운대학교병원", "동래의료원"} <= set(roles(agr))
    assert set(roles(agr).values()) == {"signatory"}
    assert "동백제약" not in roles(agr)  # attending a fair is not signing
    fair = [e for e in events if not e.main]
    assert [(e.type, e.title, e.date.iso(), e.attendees) for e in fair] == [
        ("event", "2025 해양바이오 투자박람회", "2025-11-05", 300)]  # `300여 명이 행사에 참석했다`: the fair's


def test_simple_agreement_between_two_bodies() -> None:
    text = "부산시와 한빛바이오는 3월 5일 시청 접견실에서 바이오 인재 양성 업무협약을 체결했다.\n"
    ev = mains(events_of(text))[0]
    assert ev.type == "agreement" and ev.venue == "시청 접견실"
    assert roles(ev) == {"부산광역시": "signatory", "한빛바이오": "signatory"}
    assert "업무협약" in ev.title


def test_designation_and_funding() -> None:
    designated = events_of("산업통상자원부는 5월 20일 부산을 바이오 특화단지로 지정했다고 밝혔다.\n")
    assert [(e.type, e.title) for e in mains(designated)] == [("designation", "부산 바이오 특화단지 지정")]
    funded = events_of("부산시는 3월 5일 해양바이오 실증 공모사업에 선정돼 국비 50억 원을 확보했다.\n")
    assert [e.type for e in mains(funded)] == ["funding"]


def test_report_date_is_not_the_event_date() -> None:
    text = "부산시는 지난 26일 바이오 포럼을 개최했다고 29일 밝혔다.\n"
    ev = mains(events_of(text, published="2025-08-01"))[0]
    assert ev.date.iso() == "2025-07-26" and ev.type == "event"


def test_no_date_gives_an_unknown_date_never_a_guess() -> None:
    ev = mains(events_of("부산시는 바이오 간담회를 개최했다.\n"))[0]
    assert ev.date.iso() == "" and not ev.date.year_certain and ev.type == "meeting"


def test_translation_adds_no_events() -> None:
    events = events_of("부산시는 6월 11일 바이오 포럼을 개최했다.\n",
                       translation="Busan held a bio forum on June 11, 2025 and signed an MOU on June 12.")
    assert [(e.date.iso(), e.type) for e in events] == [("--06-11", "event")]


def test_type_of_name() -> None:
    assert type_of_name("제5회 부산바이오밸리 추진위원회") == "meeting"
    assert type_of_name("2025 해양바이오 투자박람회") == "event"
    assert type_of_name("부산-한빛바이오 공동연구 협약") == "agreement"
    assert type_of_name("협약(MOU)") == "agreement"
    assert type_of_name("해양바이오 협의체 출범을 위한 1차 회의") == "launch"
    assert type_of_name("추진단 출범식") == "launch"
    assert type_of_name("부산 바이오 도약전략(BLUE)") is None


def test_ordinals_and_bodies() -> None:
    assert ordinal_of("제5회 부산바이오밸리 추진위원회") == 5
    assert ordinal_of("협의회 제2차 정기회의") == 2
    assert ordinal_of("1차 회의") == 1
    assert ordinal_of("두 번째 정기회의") == 2
    assert ordinal_of("2025 해양바이오 투자박람회") is None
    assert body_of("부산-양산 바이오 특화단지 협의회 제2차 정기회의") == "부산-양산 바이오 특화단지 협의회"


def test_attendee_counts(analysed_of: AnalysedOf) -> None:
    def count(text: str) -> int | None:
        return attendee_count(analysed_of(text).sentences[0])

    assert count("위원장 등 12명의 위원이 참석한 가운데 회의가 열렸다.") == 12
    assert count("관계자 30여 명이 참석했다.") == 30
    assert count("기업인 1,200여 명이 행사에 참가했다.") == 1200
    assert count("참석자는 모두 45명이었다.") == 45
    assert count("12개 기관이 참석했다.") is None


def test_background_sentence_before_the_lead_is_related_not_main() -> None:
    text = ("정부는 지난 2023년 7월 부산을 바이오 특화단지로 지정했다.\n"
            "부산시는 6월 11일 시청 대회의실에서 '부산 바이오 특화단지 간담회'를 개최했다.\n")
    events = events_of(text)
    assert [(e.date.iso(), e.type) for e in mains(events)] == [("--06-11", "meeting")]
    related = [(e.date.iso(), e.type) for e in events if not e.main]
    assert related == [("2023-07", "designation")]


def test_planned_event_with_a_range() -> None:
    text = "부산시는 오는 11월 22일부터 30일까지 벡스코에서 '부산 바이오 주간'을 개최할 예정이다.\n"
    ev = mains(events_of(text, published="2025-07-09"))[0]
    assert ev.date.iso() == "2025-11-22" and ev.end_date is not None and ev.end_date.iso() == "2025-11-30"
    assert ev.venue == "벡스코" and ev.type == "event"


def test_an_undated_lead_takes_the_day_it_was_reported() -> None:
    text = "동백제약은 미국 제약사와 1,500억 원 규모의 위탁생산(CMO) 계약을 체결했다고 2일 공시했다.\n"
    ev = mains(events_of(text, published="2025-01-03"))[0]
    assert (ev.type, ev.title, ev.date.iso()) == ("agreement", "동백제약 위탁생산(CMO) 계약 체결", "2025-01-02")
    assert roles(ev) == {"동백제약": "signatory"}


def test_taking_part_in_a_named_fair() -> None:
    text = "한빛바이오는 20일 벡스코에서 열린 '바이오코리아 2025'에 참가해 기술을 알렸다.\n"
    events = events_of(text)
    assert [(e.main, e.type, e.title, e.venue) for e in events] == [
        (True, "event", "바이오코리아 2025", "벡스코")]


def test_parties_named_with_an_abbreviation() -> None:
    text = "경상남도는 27일 도청에서 한빛바이오(HB), 양산시와 '양산 바이오 산단 조성 협약'을 체결했다.\n"
    ev = mains(events_of(text))[0]
    assert ev.title == "양산 바이오 산단 조성 협약"
    assert set(roles(ev)) == {"경상남도", "한빛바이오", "양산시"}


def test_venue_from_a_release_outline() -> None:
    text = ("부산시, 바이오 기업 간담회 개최\n"
            "부산시는 6월 11일 바이오 기업 대표들과 '부산 바이오 기업 간담회'를 개최했다.\n"
            "□ 장소: 부산시청 국제의전실\n")
    ev = mains(events_of(text))[0]
    assert ev.venue == "부산시청 국제의전실"


def test_a_noun_like_committee_forming_is_no_membership() -> None:
    text = ("부산시는 6월 11일 '부산 바이오 특화단지 간담회'를 개최했다.\n"
            "시는 앞으로 동백제약 등과 혁신 주체 간 협의체 구성, 기업 소통 강화를 추진할 계획이다.\n")
    ev = mains(events_of(text))[0]
    assert "동백제약" not in roles(ev)


def test_a_visit_is_an_event_named_by_the_place() -> None:
    text = "해양수산부 차관은 6월 11일 부산 해양바이오 클러스터를 방문해 기업 대표들과 간담회를 가졌다.\n"
    ev = mains(events_of(text))[0]
    assert (ev.type, ev.title, ev.date.iso()) == ("event", "부산 해양바이오 클러스터 방문", "--06-11")
