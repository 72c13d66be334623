"""Events: who takes part and in which role — co-hosts listed before 함께, bodies that 주최/주관/후원 a
gathering, a council holding its own meeting, the head count of a sentence that looks back to an
earlier date, and people referred to by surname and title."""

from __future__ import annotations

from biohub_cli.extract.dates.find import find_dates
from biohub_cli.extract.events.find import find_events
from biohub_cli.models.facts import EventMention
from tests.extract.conftest import build_analysed, org_mentions, person_mentions
from tests.extract.test_events import ORGS, events_of, roles
from tests.extract.test_events_leads import only_main


def test_co_hosts_listed_before_together_all_host() -> None:
    text = ("부산광역시는 12일 벡스코 컨벤션홀에서 경상남도, 양산시와 함께 ‘부산-양산 바이오 특화단지 협의회’ "
            "출범식을 가졌다고 밝혔다.\n")
    ev = only_main(events_of(text, published="2024-12-12"))
    assert roles(ev) == {"부산광역시": "host", "경상남도": "host", "양산시": "host"}


def test_a_co_host_in_brackets_and_joined_by_wa_hosts() -> None:
    text = ("부산광역시(시장 김바다)와 양산시가 7월 9일 양산시청 대회의실에서 "
            "‘부산-양산 바이오 특화단지 협의회 제2차 정기회의’를 함께 열었다.\n")
    ev = only_main(events_of(text, published="2025-07-09"))
    assert roles(ev)["부산광역시"] == "host" and roles(ev)["양산시"] == "host"


def test_together_inside_a_describing_clause_makes_no_co_host() -> None:
    text = ("부산광역시는 해양수산부와 보건복지부가 함께 공모한 ‘해양바이오 인력양성센터 구축사업’에 "
            "부산시 컨소시엄이 최종 선정됐다고 15일 밝혔다.\n")
    ev = only_main(events_of(text, published="2020-10-16"))
    # the ministries running the contest take part in the selection, but host nothing
    assert roles(ev) == {"부산광역시": "host", "해양수산부": "other", "보건복지부": "other"}


def test_host_organiser_and_sponsor_sentences_about_the_event() -> None:
    text = ("부산시는 오는 5월 20일 벡스코 컨벤션홀에서 ‘2026 부산 바이오 투자박람회’를 개최한다고 12일 밝혔다.\n"
            "이번 행사는 부산시가 주최하고 해운대학교와 동백제약이 공동 주관하며 보건복지부가 후원한다.\n")
    ev = only_main(events_of(text, published="2026-05-12"))
    assert roles(ev) == {"부산광역시": "host", "해운대학교": "organizer", "동백제약": "organizer",
                         "보건복지부": "other"}


def test_jointly_run_without_a_main_host_means_both_host() -> None:
    ev = _council_meeting("‘부산-양산 바이오 특화단지 협의회’는 9일 양산시청 대회의실에서 제2차 정기회의를 가졌다.\n"
                          "회의는 부산시와 양산시가 공동으로 주관했다.\n", "2025-07-09")
    assert roles(ev) == {"부산광역시": "host", "양산시": "host"}


def test_a_sentence_about_something_else_gives_no_hosts() -> None:
    text = ("부산시는 오는 5월 20일 벡스코 컨벤션홀에서 ‘2026 부산 바이오 투자박람회’를 개최한다고 12일 밝혔다.\n"
            "한빛바이오는 동백제약이 주최하는 기술 설명회에도 나선다.\n")
    ev = only_main(events_of(text, published="2026-05-12"))
    assert "동백제약" not in roles(ev) and "한빛바이오" not in roles(ev)


def _council_meeting(text: str, published: str) -> EventMention:
    analysed = build_analysed(text, published)
    council = {"부산-양산 바이오 특화단지 협의회": "부산-양산 바이오 특화단지 협의회"}
    others = {k: v for k, v in ORGS.items() if k not in council}
    orgs = sorted(org_mentions(analysed, council, "council") + org_mentions(analysed, others, "government"),
                  key=lambda o: o.evidence.start)
    dates = find_dates(analysed, analysed.document.metadata.published)
    return only_main(find_events(analysed, dates, orgs, []))


def test_a_council_holding_its_own_meeting_is_no_participant_of_it() -> None:
    ev = _council_meeting("‘부산-양산 바이오 특화단지 협의회’는 9일 양산시청 대회의실에서 제2차 정기회의를 가졌다.\n"
                          "이날 회의에는 부산시와 양산시 공무원 등 25명이 참석했다.\n", "2025-07-09")
    assert ev.title == "부산-양산 바이오 특화단지 협의회 제2차 정기회의"
    assert "부산-양산 바이오 특화단지 협의회" not in roles(ev)
    assert ev.attendees == 25


def test_a_sentence_counting_from_an_earlier_date_still_gives_the_head_count() -> None:
    text = ("‘부산-양산 바이오 특화단지 협의회’는 9일 양산시청 대회의실에서 제2차 정기회의를 가졌다.\n"
            "지난해 12월 출범식 이후 두 번째로 열린 이 자리에는 관계자 30여 명이 모였다.\n")
    assert only_main(events_of(text, published="2025-07-09")).attendees == 30
    other_day = ("‘부산-양산 바이오 특화단지 협의회’는 9일 양산시청 대회의실에서 제2차 정기회의를 가졌다.\n"
                 "지난해 12월 열린 출범식에는 관계자 50여 명이 모였다.\n")
    assert only_main(events_of(other_day, published="2025-07-09")).attendees is None


def test_members_present_are_counted_with_jari_han() -> None:
    text = ("부산바이오밸리 추진위원회가 3월 11일 센텀타워에서 세 번째 회의를 열었다고 부산광역시가 밝혔다.\n"
            "한솔 위원장 등 위원 9명이 자리한 이번 회의는 투자 유치를 주제로 진행됐다.\n")
    assert only_main(events_of(text, published="2025-03-11")).attendees == 9


def test_a_speaker_named_by_surname_and_title_joins_the_event() -> None:
    text = ("보건복지부는 5월 29일 과기자문회의 대회의실에서 '해양바이오 협의체'를 출범시켰다고 밝혔다.\n"
            "위원장은 윤하늘 보건복지부 제1차관이 맡았다.\n"
            "윤 차관은 \"클러스터 간 협력을 넓히는 통로가 되길 바란다\"고 말했다.\n")
    analysed = build_analysed(text)
    people = [p.model_copy(update={"title": "제1차관"}) for p in person_mentions(analysed, {"윤하늘": "보건복지부"})]
    ev = only_main(find_events(analysed, find_dates(analysed, None), org_mentions(analysed, ORGS), people))
    assert "윤하늘" in ev.people
    other = [p.model_copy(update={"title": "국장"}) for p in person_mentions(analysed, {"윤하늘": "보건복지부"})]
    ev2 = only_main(find_events(analysed, find_dates(analysed, None), org_mentions(analysed, ORGS), other))
    assert "윤하늘" not in ev2.people  # `윤 차관` is not the 국장 윤하늘


def test_bodies_that_joined_a_launched_council_take_part_in_its_launch() -> None:
    text = ("보건복지부는 5월 29일 과기자문회의 대회의실에서 '해양바이오 협의체'를 출범시켰다고 밝혔다.\n"
            "산업통상자원부, 해양수산부 등 관계 부처가 참여하고, 운영기관으로는 해운대학교 등 3곳이 이름을 올렸다.\n")
    r = roles(only_main(events_of(text)))
    assert r["보건복지부"] == "host"
    assert {"산업통상자원부", "해양수산부", "해운대학교"} <= set(r)


def test_bodies_that_put_their_names_to_an_agreement_sign_it() -> None:
    text = ("부산시는 22일 벡스코 컨벤션홀에서 해양수산부, 해운대학교와 함께 '해양바이오 허브 업무협약'을 체결했다고 "
            "밝혔다.\n"
            "기업으로는 한빛바이오와 동백제약이, 병원으로는 동래의료원이 이름을 올렸다.\n"
            "행사장에는 식품의약품안전처 관계자 등 200여 명이 모였다.\n")
    r = roles(only_main(events_of(text, published="2023-03-22")))
    assert {r[o] for o in ("한빛바이오", "동백제약", "동래의료원")} == {"signatory"}
    assert "식품의약품안전처" not in r  # present in the hall, no party to the agreement


def test_the_head_named_beside_a_body_takes_part_only_where_the_text_says_so() -> None:
    text = ("부산광역시(시장 김바다)는 6월 11일 벡스코에서 '부산 바이오 간담회'를 개최했다.\n"
            "해양수산부(장관 한솔, 이하 해수부)도 함께했다.\n")
    ev = only_main(events_of(text, people={"김바다": "부산광역시", "한솔": "해양수산부"}))
    assert "김바다" not in ev.people and "한솔" not in ev.people
    spoke = text + "김바다 시장은 인사말에서 “바이오 기업을 돕겠다”고 말했다.\n"
    ev = only_main(events_of(spoke, people={"김바다": "부산광역시", "한솔": "해양수산부"}))
    assert "김바다" in ev.people


def test_a_head_count_goes_to_the_happening_its_sentence_is_about() -> None:
    fair = ("부산시는 11월 5일 벡스코에서 열린 '2025 해양바이오 박람회'에서 한빛바이오와 '부산-한빛 협약'을 "
            "체결했다.\n"
            "기업인 300여 명이 행사에 참석했다.\n")
    events = events_of(fair)
    assert [(e.main, e.type, e.attendees) for e in events] == [(True, "agreement", None), (False, "event", 300)]
    signing = fair.replace("기업인 300여 명이 행사에 참석했다.", "이날 협약식에는 양 기관 관계자 20여 명이 참석했다.")
    events = events_of(signing)
    assert [(e.main, e.type, e.attendees) for e in events] == [(True, "agreement", 20), (False, "event", None)]
    lead = "부산시와 한빛바이오는 7월 18일 관계자 20여명이 참석한 가운데 투자양해각서(MOU)를 체결했다.\n"
    assert only_main(events_of(lead)).attendees == 20
