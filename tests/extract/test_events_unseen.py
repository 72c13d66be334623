"""Events on reporting the rules were not written against: a programme passing a review, targets and plans
that are no main event, the day a release reports as opposed to the day of the happening, titles without
stray words, and the parties of an agreement."""

from __future__ import annotations

from biohub_cli.extract.dates.find import find_dates
from biohub_cli.extract.events.find import find_events
from biohub_cli.models.facts import EventMention
from tests.extract.conftest import build_analysed, org_mentions
from tests.extract.test_events import events_of, mains, roles
from tests.extract.test_events_leads import only_main, related


def test_a_programme_passing_a_feasibility_review_is_a_decision_on_the_day_reported() -> None:
    text = ("보건복지부 의료기기 실증사업인 ‘부산 메디컬 테스트베드 조성사업’이 "
            "예비타당성조사(2022년 3월~2023년 1월)를 통과했다고 14일 밝혔다.\n"
            "이에 따라 2024년부터 5년간 900억 원이 들어간다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type) == ("---14", "designation")
    assert ev.title == "부산 메디컬 테스트베드 조성사업 예비타당성조사 통과"


def test_a_later_step_the_release_plans_is_not_its_main_event() -> None:
    text = ("울산경제자유구역청은 테크노파크 2단지 부지를 바이오 기업 연구소 용지로 공급할 계획이라고 8일 밝혔다.\n"
            "경자청은 오는 9월 20일 우선협상대상자 선정을 위한 심사위원회를 열 예정이다.\n")
    events = events_of(text)
    ev = only_main(events)
    assert (ev.date.iso(), ev.type) == ("---08", "announcement")
    assert "공급" in ev.title
    assert ("--09-20", "meeting") in [(d, t) for d, t, _ in related(events)]  # the later step stays related


def test_a_resolution_at_a_staff_assembly_is_the_news_not_the_government_s_plan() -> None:
    text = ("강원 홍천군은 4일 군청 강당에서 열린 월례 조회에서 바이오 특화단지 유치를 위한 결의를 다졌다고 밝혔다.\n"
            "정부는 이달 말까지 신청을 받아 하반기 중 특화단지를 지정할 계획이다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type, ev.title) == ("---04", "event", "바이오 특화단지 유치 결의")


def test_a_deadline_and_a_conditional_are_never_the_main_event() -> None:
    text = ("보건복지부는 재생의료 특화단지 지정을 위한 공모 절차를 개시한다고 11일 밝혔다.\n"
            "지정을 원하는 지방자치단체는 오는 3월 15일까지 육성계획서를 제출하면 된다.\n")
    events = events_of(text)
    ev = only_main(events)
    assert (ev.date.iso(), ev.type) == ("---11", "announcement")
    assert related(events) == []  # the deadline dates no happening


def test_a_release_quoting_its_own_news_names_the_happening() -> None:
    text = ("부산시는 “한빛바이오와 해운대 바이오 연구단지 건립을 위한 투자협약을 체결했다”고 19일 밝혔다.\n"
            "한빛바이오는 5월 착공해 2027년 말 완공할 계획이다.\n")
    events = events_of(text)
    ev = only_main(events)
    assert (ev.date.iso(), ev.type) == ("---19", "agreement")
    assert "투자협약" in ev.title
    assert all(not d.startswith("2027") for d, _, _ in related(events))  # a target year dates no event


def test_a_target_month_before_another_clause_dates_nothing() -> None:
    text = ("해운대바이오재단은 12일 연구동 기공식을 개최했다.\n"
            "연구동은 오는 2027년 6월 준공 예정으로, 동백건설이 시공사로 선정됐다.\n")
    assert related(events_of(text)) == []


def test_a_month_word_dates_the_happening_not_the_release_day() -> None:
    text = "양산시는 내달 부산시, 경상남도와 함께 바이오 협의체를 발족한다고 28일 밝혔다.\n"
    ev = only_main(events_of(text, published="2025-03-28"))
    assert (ev.date.iso(), ev.type) == ("2025-04", "launch")
    undated = only_main(events_of(text))
    assert undated.date.iso() == ""  # next month of an unknown month: unknown, never the 28th


def test_the_day_a_later_sentence_gives_the_reported_meeting_dates_it() -> None:
    text = ("울산시는 바이오헬스 전략회의를 개최했다고 10일 밝혔다.\n"
            "이 회의는 지난 2일 경상남도와 양산시가 참여한 가운데 시청 대회의실에서 진행됐다.\n")
    events = events_of(text, published="2025-10-10")
    ev = only_main(events)
    assert (ev.date.iso(), ev.type, ev.title) == ("2025-10-02", "meeting", "바이오헬스 전략회의")
    assert related(events) == []  # one meeting, not a second one on the 2nd


def test_a_happening_pointed_back_to_does_not_lead() -> None:
    text = ("양산시가 바이오 특화단지 유치에 성공했다.\n"
            "양산시장은 28일 시청에서 열린 언론브리핑에서 성과를 설명했다.\n"
            "이날 브리핑은 국회의원과 함께하는 공동브리핑으로 진행됐다.\n"
            "앞서 산업통상자원부는 6월 27일 양산 바이오 특화단지를 지정했다.\n")
    ev = only_main(events_of(text))
    assert ev.type == "designation" and ev.date.iso() == "--06-27"


def test_a_designation_named_and_announced_together_is_a_designation() -> None:
    text = ("양산시는 1일 시청에서 바이오 특화단지 추진 보고회를 개최했다.\n"
            "해양수산부가 지난달 27일 지정, 발표한 ‘양산 해양바이오 특화단지’는 물금지구에 들어선다.\n")
    found = [(d, t) for d, t, _ in related(events_of(text, published="2024-07-01"))]
    assert found == [("2024-06-27", "designation")]


def test_a_particle_after_a_role_is_no_name() -> None:
    text = ("울산시는 지난 3월 해양바이오 규제자유특구로 지정된 데 이어 "
            "5월에는 첨단재생의료 실증단지로도 추가 선정됐다.\n")
    titles = [e.title for e in events_of(text)]
    assert any(t.startswith("첨단재생의료 실증단지") and t.endswith("선정") for t in titles), titles


def test_a_word_quoted_for_stress_does_not_name_a_ceremony() -> None:
    text = ("울산 바이오 클러스터 신성장 거점으로 ‘우뚝’\n"
            "울산경제자유구역청과 울산시는 연구동과 시험동 건립을 마치고 오는 29일 준공식을 개최한다고 25일 밝혔다.\n")
    ev = only_main(events_of(text))
    assert ev.type == "event" and ev.date.iso() == "---29"
    assert "우뚝" not in ev.title


def _with_types(text: str, orgs: dict[str, str]) -> list[EventMention]:
    analysed = build_analysed(text)
    found = sorted([*org_mentions(analysed, {k: k for k, v in orgs.items() if v == "company"}, "company"),
                    *org_mentions(analysed, {k: k for k, v in orgs.items() if v != "company"}, "government")],
                   key=lambda o: o.evidence.start)
    return find_events(analysed, find_dates(analysed, None), found, [])


def test_the_company_an_agreement_is_made_for_signs_it() -> None:
    text = "울산경제자유구역청은 지난 20일 한빛바이오 백신 공장 유치를 위한 양해각서를 체결했다.\n"
    ev = only_main(_with_types(text, {"울산경제자유구역청": "government", "한빛바이오": "company"}))
    assert roles(ev) == {"울산경제자유구역청": "signatory", "한빛바이오": "signatory"}


def test_the_bodies_listed_as_having_signed_are_signatories_but_not_an_aside() -> None:
    text = ("경상남도는 양산 바이오단지 입주를 희망하는 기업 3곳과 지난 7일 양해각서를 체결했다고 8일 밝혔다.\n"
            "협약을 체결한 기업과 기관은 한빛바이오(진단키트), 동백제약(백신), "
            "양산종자원(종자 관리, 해양수산부 산하기관) 등 3곳이다.\n")
    orgs = {"경상남도": "government", "한빛바이오": "company", "동백제약": "company", "양산종자원": "government",
            "해양수산부": "government"}
    ev = only_main(_with_types(text, orgs))
    assert set(roles(ev)) == {"경상남도", "한빛바이오", "동백제약", "양산종자원"}


def test_a_quoted_thing_before_a_press_conference_is_what_it_is_about() -> None:
    text = "양산시장이 지난달 28일 시청에서 '양산 해양바이오 특화단지’ 유치 확정 기자회견을 열었다.\n"
    ev = only_main(events_of(text))
    assert ev.type == "announcement"
    assert ev.title == "양산 해양바이오 특화단지 유치 확정 기자회견"


def test_a_plan_put_out_before_names_no_body_launched() -> None:
    text = ("양산시-울산시 바이오 공동추진단 내달 발족\n"
            "양산시가 바이오 특화단지 조성을 위해 내달 울산시와 함께 추진단을 발족한다고 30일 밝혔다.\n"
            "시는 울산시와 ‘양산~울산 바이오 특화단지 조성 및 운영계획’을 공동으로 발표한 바 있다.\n")
    analysed = build_analysed(text)
    orgs = sorted([*org_mentions(analysed, {"양산시": "양산시", "울산시": "울산시"}, "government"),
                   *org_mentions(analysed, {"바이오 공동추진단": "바이오 공동추진단"}, "council")],
                  key=lambda o: o.evidence.start)
    ev = only_main(find_events(analysed, find_dates(analysed, None), orgs, []))
    assert (ev.type, ev.title) == ("launch", "바이오 공동추진단 발족")


def test_an_agreement_with_a_counted_group_names_that_group() -> None:
    text = ("경상남도는 양산 바이오단지 입주를 바라는 의료기기 기업 및 연구기관 9곳과 "
            "지난 7일 양해각서를 체결했다고 8일 밝혔다.\n")
    ev = only_main(events_of(text))
    assert ev.title == "경상남도·의료기기 기업 및 연구기관 9곳 양해각서 체결"


def test_a_government_s_own_named_meeting_carries_its_name() -> None:
    text = "울산시는 20일 시장 주재로 민생경제점검회의를 열고 바이오 산업에 1조 원을 투입하기로 했다고 밝혔다.\n"
    ev = only_main(_with_types(text, {"울산시": "government"}))
    assert (ev.type, ev.title) == ("meeting", "울산시 민생경제점검회의")
    assert roles(ev) == {"울산시": "host"}


def test_the_day_of_an_earlier_step_does_not_date_the_later_one() -> None:
    text = ("울산경제자유구역청은 바이오 기업 연구소 용지를 공급할 계획이라고 8일 밝혔다.\n"
            "경자청은 다음 달 30일 사업제안서를 접수한 뒤 평가위원회를 열어 우선협상대상자를 정한다.\n")
    events = events_of(text, published="2025-10-09")
    assert all(e.date.iso() != "2025-11-30" for e in events)
    assert (mains(events)[0].date.iso(), mains(events)[0].type) == ("2025-10-08", "announcement")


def test_a_bare_ceremony_is_for_the_works_the_lead_says_were_done() -> None:
    text = ("울산바이오재단과 울산시는 연구동, 시험동 등 공공 연구시설 2개 동 건립을 마치고 "
            "오는 29일 준공식을 연다고 25일 밝혔다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type, ev.title) == ("---29", "event", "공공 연구시설 2개 동 준공식")


def test_a_happening_done_recently_is_not_dated_by_the_day_it_was_reported() -> None:
    text = ("충남도는 최근 천안과 아산을 묶어 바이오 특화단지 공모에 신청서를 제출했다고 7일 밝혔다.\n"
            "도는 결과가 상반기 중 나올 것으로 본다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type) == ("", "other") and "제출" in ev.title
    according = ("7일 충남도에 따르면 도는 최근 천안과 아산을 묶어 바이오 특화단지 공모에 신청서를 제출했다.\n"
                 "도는 결과가 상반기 중 나올 것으로 본다.\n")
    assert only_main(events_of(according)).date.iso() == ""
    # without 최근 the day of the report still dates what the release reports
    assert only_main(events_of(text.replace("최근 ", ""))).date.iso() == "---07"
    assert only_main(events_of(according.replace("최근 ", ""))).date.iso() == "---07"


def test_a_decision_that_says_which_companies_signed_is_no_event_of_its_own() -> None:
    text = ("충북도와 청주시는 23일 도청에서 오송에 연구소 건립을 결정한 4개 기업과 투자협약을 체결했다.\n"
            "협약식에는 도지사와 부시장, 각 업체 대표가 참석했다.\n")
    events = events_of(text)
    ev = only_main(events)
    assert (ev.date.iso(), ev.type) == ("---23", "agreement")
    assert related(events) == []


def test_works_begun_and_their_ceremony_the_same_day_are_one_ceremony() -> None:
    text = ("한빛대학교가 19일 바이오융합연구센터를 착공했다.\n"
            "대학은 이날 오전 총장과 시장 등 100여 명이 참석한 가운데 ‘바이오융합연구센터’ 착공식을 가졌다.\n")
    events = events_of(text)
    ev = only_main(events)
    assert (ev.date.iso(), ev.type) == ("---19", "event") and ev.title.endswith("착공식")
    assert related(events) == []


def test_the_year_a_strategy_began_does_not_date_what_came_of_it() -> None:
    text = ("도는 지난 2002년부터 추진 중인 의료기기 육성 전략의 결과 정부로부터 혁신클러스터로 지정됐다.\n"
            "도는 앞으로도 기업 유치에 힘쓸 방침이다.\n")
    assert all(e.date.year is None for e in events_of(text))


def test_a_briefing_the_news_came_out_of_is_the_announcement_and_quoted_words_are_speech() -> None:
    text = ("대통령이 위원장을 맡는 국가해양바이오위원회가 12월 출범한다.\n"
            "김민수 대통령실 과학기술수석은 3일 브리핑을 통해 “올해 4월 해양바이오 전략을 발표하고 "
            "관련 조직을 정비해 위원회 출범에 이르게 됐다”고 밝혔다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type) == ("---03", "announcement") and "브리핑" in ev.title
    assert "전략" not in ev.title  # said in the quote, not the news of the day


def test_a_dated_release_leads_over_a_plan_given_with_its_year() -> None:
    text = ("한빛바이오가 2027년 부산 명지에 제2공장을 착공하고 바이오타운 조성을 추진한다.\n"
            "한빛바이오는 부산광역시와 명지를 거점으로 하는 바이오 클러스터 조성 업무협약을 체결했다고 5일 밝혔다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type) == ("---05", "agreement")


def test_a_dated_release_whose_verb_names_no_happening_is_its_announcement() -> None:
    text = ("부산시는 보건복지부의 ‘제3차 해양바이오 종합계획’에 명지 바이오밸리 조성 사업이 반영됐다고 30일 밝혔다.\n"
            "종합계획은 5년마다 세우는 법정계획이다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type) == ("---30", "announcement")
    assert ev.title.startswith("제3차 해양바이오 종합계획")
    # a release quoting a plan the body set out keeps its own reading
    planned = events_of("부산시가 해양바이오 창업원을 설립해 2027년부터 운영한다고 24일 밝혔다.\n")
    assert "설립" in only_main(planned).title


def test_a_meeting_held_right_after_the_ceremony_is_a_happening_of_its_day() -> None:
    text = ("포항시는 9일 바이오 특화단지에서 ‘해양바이오 벤처캠퍼스’ 착공식을 개최했다.\n"
            "이번 착공식에는 장관과 시장 등 200여 명이 참석했다.\n"
            "착공식 후에는 해양바이오 산업 발전협의회가 포항 지식산업센터에서 열렸다.\n")
    events = events_of(text)
    assert only_main(events).type == "event"
    assert ("---09", "meeting") in [(d, t) for d, t, _ in related(events)]


def test_two_heads_meeting_to_agree_is_an_agreement_a_meeting_otherwise() -> None:
    text = ("경상남도와 양산시가 ‘해양바이오 특구’를 함께 유치하기로 했다.\n"
            "도지사와 양산시장은 27일 도청에서 만나 특구를 공동으로 유치하기로 합의했다고 밝혔다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type) == ("---27", "agreement") and ev.title.endswith("합의")
    met = only_main(events_of("양산시장은 27일 시청에서 기업 대표들을 만나 애로사항을 들었다.\n"))
    assert (met.date.iso(), met.type) == ("---27", "meeting")


def test_attending_a_launch_ceremony_and_being_designated_by_another_body() -> None:
    text = ("김민수 도 정무부지사는 27일 서울대학교 평창캠퍼스에서 열린 농식품부 주관 ‘해양바이오 산업 발전 협의회’ "
            "발족식에 참석했다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type) == ("---27", "launch") and ev.title.endswith("발족식")
    text = ("부산시는 지난 14일 중소벤처기업부로부터 명지 바이오 산업기술단지(이하 단지) 지정·승인을 "
            "받았다고 19일 밝혔다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type, ev.title) == ("---14", "designation", "명지 바이오 산업기술단지 지정")


def test_a_range_of_days_dates_the_first_and_an_adverb_does_not_end_the_clause() -> None:
    text = "경남도는 10월 22~24일 창원 세코에서 ‘해양바이오 2025’를 개최한다고 2일 밝혔다.\n"
    ev = only_main(events_of(text))
    assert ev.date.iso() == "2025-10-22" and ev.end_date is not None and ev.end_date.iso() == "2025-10-24"
    text = ("경남도는 22일 창원 세코에서 ‘해양바이오 2025 국제컨퍼런스’가 성대하게 막을 올렸다고 밝혔다.\n"
            "행사는 24일까지 3일간 진행된다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type) == ("---22", "event") and "국제컨퍼런스" in ev.title


def test_a_plant_starting_to_run_is_a_launch_and_a_target_year_dates_no_act() -> None:
    text = ("한빛바이오가 이르면 11일 부산 명지 2공장을 가동한다.\n"
            "한빛바이오는 오는 2027년 완공을 목표로 2년 전 명지 2공장 건설에 착수했다.\n")
    events = events_of(text)
    ev = only_main(events)
    assert (ev.date.iso(), ev.type) == ("---11", "launch") and ev.title.endswith("가동")
    assert all(e.date.year != 2027 for e in events)


def test_a_release_put_out_lately_is_its_undated_announcement_not_the_background_before_it() -> None:
    text = ("부산경제자유구역청은 명지 11공구 바이오 산업시설 용지를 공급한다고 최근 밝혔다.\n"
            "이 용지는 2019년 6월 산업통상자원부의 개발계획 변경 승인을 받았다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type) == ("", "announcement") and ev.title.endswith("용지 공급")


def test_several_items_decided_together_are_named_by_the_first() -> None:
    text = ("정부는 27일 제6차 해양바이오위원회를 개최해 해양바이오 특화단지 지정, 해양전략기술 신규 지정 및 변경 "
            "계획을 서면으로 심의·의결했다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type) == ("---27", "designation")
    assert ev.title.startswith("해양바이오 특화단지 지정")


def test_a_call_opened_with_its_deadline_a_signing_ceremony_and_page_words_that_meet_nobody() -> None:
    text = ("해양수산부는 27일 해양바이오 특화단지 지정을 위한 공모절차를 개시했다.\n"
            "희망하는 지자체는 내년 2월 29일까지 육성계획서 등 서류를 제출하면 된다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type) == ("---27", "announcement") and ev.title.endswith("공모절차 개시")
    text = "해양수산부는 내년 2월까지 해양바이오 특화단지 지정 공모를 진행한다고 27일 밝혔다.\n"
    assert only_main(events_of(text)).date.iso() == "---27"
    text = "부산시는 24일 벡스코에서 ‘경제자유구역 투자의향서 서명식’을 열었다.\n"
    assert only_main(events_of(text)).type == "agreement"
    assert events_of("다양한 정보가 숨쉬는 바이오뉴스를 만나보세요.\n") == []


def test_opening_a_centre_is_a_launch_holding_a_named_gathering_is_an_event() -> None:
    text = "부산재단은 10일 바이오 기술상용화센터 '한빛랩스(Hanbit Labs)' 열고 창업기업 육성에 나섰다.\n"
    assert only_main(events_of(text)).type == "launch"
    text = "부산시는 10일 벡스코에서 '해양바이오 위크 2025'를 열고 투자 유치에 나섰다.\n"
    assert only_main(events_of(text)).type == "event"
