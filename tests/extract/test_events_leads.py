"""Events: leads that name their happening with a decision, a rename, a selection or a strategy put out,
leads whose date sits apart from the verb, and related events that must come from their own dated clause."""

from __future__ import annotations

from biohub_cli.extract.dates.find import find_dates
from biohub_cli.models.facts import EventMention
from tests.extract.conftest import build_analysed
from tests.extract.test_events import events_of, mains, roles


def only_main(events: list[EventMention]) -> EventMention:
    found = mains(events)
    assert len(found) == 1, [(e.type, e.title) for e in found]
    return found[0]


def related(events: list[EventMention]) -> list[tuple[str, str, str]]:
    return [(e.date.iso(), e.type, e.title) for e in events if not e.main]


def test_board_decision_is_the_main_event_on_its_relative_day() -> None:
    text = ("한빛바이오, 2천억 들여 3공장 늘린다\n"
            "한빛바이오는 지난 14일 이사회를 열고 제3공장 증설 안건을 의결했다고 공시했다.\n"
            "증설에는 모두 2천억 원이 들어간다.\n")
    ev = only_main(events_of(text, published="2024-05-16"))
    assert (ev.date.iso(), ev.type, ev.title) == ("2024-05-14", "announcement", "제3공장 증설 의결")
    assert roles(ev) == {"한빛바이오": "host"}


def test_decided_designation_plan_is_a_designation_taken_at_its_meeting() -> None:
    text = ("해양수산부는 21일 국무총리 주재로 열린 제3차 해양바이오위원회에서 해양바이오 분야 특화단지 "
            "지정안을 심의·의결했다고 밝혔다.\n"
            "공모에는 모두 여덟 곳이 뛰어들었다.\n")
    events = events_of(text, published="2024-08-21")
    ev = only_main(events)
    assert (ev.date.iso(), ev.type, ev.title) == ("2024-08-21", "designation",
                                                  "해양바이오 분야 특화단지 지정(제3차 해양바이오위원회)")
    assert ev.ordinal is None  # the meeting's number is not the designation's
    assert related(events) == []  # the meeting is where it was decided: one happening


def test_meeting_held_to_select_is_the_frame_of_the_selection() -> None:
    text = ("정부는 10일 오후 국무총리 주재로 제3차 해양바이오위원회를 열고 두 지역을 해양바이오 특화단지 "
            "입지로 복수 선정했다고 밝혔다.\n")
    events = events_of(text, published="2012-05-10")
    ev = only_main(events)
    assert (ev.date.iso(), ev.type, ev.title) == ("2012-05-10", "designation",
                                                  "해양바이오 특화단지 입지 선정(제3차 해양바이오위원회)")
    assert related(events) == []


def test_strategy_put_out_at_a_roundtable_is_one_announcement() -> None:
    text = ("해양수산부는 19일 부산 벡스코에서 '해양바이오 원탁회의'를 열고 '해양바이오 2.0 추진전략'을 "
            "발표했다.\n")
    events = events_of(text)
    ev = only_main(events)
    assert (ev.date.iso(), ev.type) == ("---19", "announcement")
    assert ev.title == "해양바이오 2.0 추진전략 발표(해양바이오 원탁회의)"
    assert related(events) == []


def test_event_named_before_its_date_range_and_place() -> None:
    text = ("부산광역시는 국내 최대 해양바이오 행사인 '해양바이오 엑스포 2026'을 오는 9월 2일부터 4일까지 "
            "부산 벡스코에서 연다고 10일 밝혔다.\n")
    ev = only_main(events_of(text, published="2026-03-10"))
    assert (ev.type, ev.title, ev.venue) == ("event", "해양바이오 엑스포 2026", "부산 벡스코")
    assert ev.date.iso() == "2026-09-02" and ev.end_date is not None and ev.end_date.iso() == "2026-09-04"
    assert roles(ev) == {"부산광역시": "host"}


def test_rename_takes_the_day_the_next_sentence_gives() -> None:
    text = ("(재)부산바이오진흥재단이 기관 이름을 '부산바이오산업진흥원'으로 바꿨다.\n"
            "부산바이오산업진흥원은 새 이름이 지난 3일부터 쓰이고 있다고 5일 밝혔다.\n")
    ev = only_main(events_of(text, published="2025-02-05"))
    assert (ev.date.iso(), ev.type, ev.title) == ("2025-02-03", "other", "부산바이오산업진흥원 명칭 변경")


def test_changing_a_plan_is_no_rename() -> None:
    text = "부산광역시는 지난 3일 사업 계획을 바꿨다고 5일 밝혔다.\n"
    assert mains(events_of(text, published="2025-02-05")) == []


def test_strategy_put_out_with_agreements_takes_the_day_of_its_stage() -> None:
    text = ("부산광역시가 '부산 해양바이오 전략(BOMB)'을 내놓고 기업·병원과 2건의 협약을 맺었다. "
            "무대는 10월 21일 벡스코 컨벤션홀에서 막을 올린 '2026 해양바이오 투자박람회'였다.\n"
            "첫 번째 '부산-한빛바이오 공동연구 협약'은 연구 협력을 담았다.\n"
            "함께 체결된 '부산-해운대병원 임상혁신 협약'은 임상 연계를 다룬다.\n")
    events = events_of(text, published="2026-10-22")
    main = {e.type: e for e in mains(events)}
    assert set(main) == {"announcement", "agreement"}
    assert main["announcement"].title == "부산 해양바이오 전략(BOMB) 발표"
    assert main["agreement"].title == "부산-한빛바이오 공동연구 협약 및 부산-해운대병원 임상혁신 협약 체결"
    for ev in main.values():
        assert ev.date.iso() == "2026-10-21" and ev.venue == "벡스코 컨벤션홀"
    assert related(events) == [("2026-10-21", "event", "2026 해양바이오 투자박람회")]  # `막을 올린 ‘…’`


def test_passive_selection_says_who_was_selected_for_what() -> None:
    text = ("부산광역시는 해양수산부가 공모한 ‘해양바이오 인력양성센터 구축사업’에 부산시 컨소시엄이 "
            "최종 선정됐다고 15일 밝혔다.\n")
    ev = only_main(events_of(text))
    assert ev.title == "해양바이오 인력양성센터 구축사업 부산시 컨소시엄 선정"
    assert ev.date.iso() == "---15" and not ev.date.year_certain  # no publication date: day only
    dated = only_main(events_of(text, published="2020-10-16"))
    assert dated.date.iso() == "2020-10-15" and dated.title == ev.title


MEETING_AFTER_LAUNCH = (
    "부산광역시와 양산시가 7월 9일 양산시청 대회의실에서 ‘부산-양산 바이오 특화단지 협의회 제2차 정기회의’를 "
    "함께 열었다.\n"
    "이번 회의는 지난해 12월 부산에서 출범식을 가진 뒤 열린 두 번째 정기회의로, 협력과제를 점검하는 자리였다.\n"
)


def test_related_event_comes_from_the_clause_its_date_belongs_to() -> None:
    events = events_of(MEETING_AFTER_LAUNCH, published="2025-07-09")
    assert only_main(events).ordinal == 2
    assert related(events) == [("2024-12", "launch", "부산-양산 바이오 특화단지 협의회 출범식")]
    launch = next(e for e in events if not e.main)
    assert launch.venue is None  # `부산에서`: a bare city is no venue


def test_related_designation_title_is_no_clause_fragment() -> None:
    text = ("부산광역시는 12일 벡스코 컨벤션홀에서 ‘부산-양산 바이오 특화단지 협의회’ 출범식을 가졌다고 밝혔다.\n"
            "협의회는 지난 6월 부산과 양산이 해양수산부로부터 해양바이오 특화단지로 지정된 데 따른 후속 조치로 "
            "꾸려졌다.\n"
            "협의회는 내년 상반기부터 사업을 본격 추진하고, 해마다 12월 성과보고회를 열어 성과를 점검할 계획이다.\n")
    events = events_of(text, published="2024-12-12")
    assert related(events) == [("2024-06", "designation", "해양바이오 특화단지 지정")]
    designation = next(e for e in events if not e.main)
    assert roles(designation) == {}  # the body formed later did not take part


def test_related_name_after_a_modifier_keeps_its_head() -> None:
    text = ("해양수산부는 21일 해양바이오 분야 특화단지 지정안을 의결했다고 밝혔다.\n"
            "이번 지정은 지난해 7월 지정된 반도체·이차전지·디스플레이·수소 특화단지에 이은 것이다.\n")
    events = events_of(text, published="2024-08-21")
    assert related(events) == [("2023-07", "designation", "반도체·이차전지·디스플레이·수소 특화단지 지정")]


def test_a_recurring_month_is_no_date() -> None:
    analysed = build_analysed("협의회는 해마다 12월 성과보고회를 열고, 매년 5월 총회를 연다.\n")
    assert find_dates(analysed, None) == []


def test_a_target_year_dates_no_main_event() -> None:
    text = ("정부가 2035년 해양바이오 강국으로 도약하려고 세운 전략 '해양바이오 이니셔티브'를 발표했다.\n"
            "정부는 서울에서 해양바이오위원회를 열어 '해양바이오 이니셔티브'를 심의·의결했다고 25일 밝혔다.\n")
    ev = only_main(events_of(text))
    assert ev.date.iso() == "---25" and not ev.date.year_certain
    named = "정부가 2035년 해양바이오 강국을 목표로 '해양바이오 이니셔티브'를 25일 발표했다.\n"
    ev = only_main(events_of(named))
    assert (ev.date.iso(), ev.type, ev.title) == ("---25", "announcement", "해양바이오 이니셔티브 발표")


def test_a_planned_completion_is_no_lead() -> None:
    text = ("한빛바이오는 부산 명지에 제3공장과 연구센터 건립을 본격화했다고 18일 밝혔다.\n"
            "3공장은 2027년 5월, 연구센터는 2026년 7월 준공될 계획이다.\n")
    events = events_of(text)
    assert all(e.date.iso() not in ("2027-05", "2026-07") for e in mains(events))


def test_the_groundbreaking_the_day_a_plan_was_released() -> None:
    text = ("부산시는 명지 국제캠퍼스에 '해양바이오 실습센터'를 2026년 말까지 조성한다고 9일 밝혔다.\n"
            "이날 부산시와 해운대학교는 국제캠퍼스에서 센터 착공식을 열었다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type) == ("---09", "event")


def test_a_plan_put_out_on_its_release_day_is_an_announcement() -> None:
    text = ("부산시가 해양바이오 창업 지원시설인 가칭 ‘부산바이오창업관’을 설립해 2026년부터 본격 운영한다고 "
            "24일 밝혔다.\n"
            "이를 위해 해운대학교 등이 참여하는 ‘부산바이오창업관 추진단’을 구성하고 지난 18일 첫 회의를 마쳤다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type, ev.title) == ("---24", "announcement", "부산바이오창업관 설립 계획 발표")
    assert {p.organization for p in ev.participants} == {"부산광역시"}


def test_a_photo_story_is_led_by_its_verbless_line() -> None:
    text = ("[포토] 한빛바이오, 명지 바이오 캠퍼스 '첫 삽'\n"
            "3일 착공식 개최…회장 등 참석\n"
            "(왼쪽부터) 부산시장, 한빛바이오 대표가 '한빛바이오 명지 바이오 캠퍼스 1공장 착공식'에서 삽을 들고 "
            "기념 촬영을 하고 있다. [사진=한빛바이오]\n")
    ev = only_main(events_of(text, published="2024-07-03"))
    assert (ev.date.iso(), ev.type, ev.title) == ("2024-07-03", "event", "한빛바이오 명지 바이오 캠퍼스 1공장 착공식")
    footnote = ("1분기 해양바이오 투자는 150억 원으로 줄었다.\n"
                "* 지분 10% 미만인 경우에도 ① 임원파견, ② 기술제공 등의 계약 체결 시 해당\n")
    assert mains(events_of(footnote, published="2024-06-21")) == []  # a verbless line without a day leads nothing


def test_a_strategy_put_out_at_a_launch_is_part_of_it() -> None:
    text = ("정부는 1월 23일 해양바이오위원회(이하 위원회) 출범식을 갖고 이 같은 내용을 포함한 "
            "‘해양바이오 대전환 전략’을 발표했다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type) == ("--01-23", "launch")
    assert ev.title == "해양바이오위원회 출범식(해양바이오 대전환 전략 발표)"
    text = "23일 장관은 서울에서 해양바이오위원회 출범식과 1차 회의를 주재했다.\n"
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type, ev.title) == ("---23", "launch", "해양바이오위원회 출범식·1차 회의")


def test_a_consortium_picked_for_a_role_and_both_ministries_that_picked_it() -> None:
    text = "해양수산부와 보건복지부는 15일 '부산시-해운대학교' 연합체를 사업자로 최종 선정했다고 밝혔다.\n"
    ev = only_main(events_of(text))
    assert (ev.type, ev.title) == ("designation", "부산시-해운대학교 연합체 사업자 선정")
    assert {"해양수산부", "보건복지부"} <= {p.organization for p in ev.participants if p.role == "host"}


def test_works_take_the_building_named_just_before() -> None:
    text = ("국내 최초의 해양바이오 병원인 '(가칭)부산해양바이오병원'이 드디어 첫 삽을 떴다.\n"
            "18일 부산시는 병원 건립에 필요한 기초 공사에 착수했다고 밝혔다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type) == ("---18", "other")
    assert ev.title.startswith("부산해양바이오병원 ") and ev.title.endswith("공사 착수")


def test_a_bill_is_proposed_on_its_labelled_day() -> None:
    from pathlib import Path

    from biohub_cli.analyse import analyse
    from biohub_cli.extract.dates.find import find_dates
    from biohub_cli.extract.events.find import find_events
    from biohub_cli.models.records import Segment
    from biohub_cli.models.stages import Document, Metadata, RawDocument

    title = "해양바이오산업 육성에 관한 법률 일부개정법률안"
    text = (f"{title}\n(김바다의원 대표발의)\n발의연월일 : 2024. 3. 9.\n의 안 번 호\n"
            "제안이유 및 주요내용\n현행법은 해양바이오위원회를 두어 기본계획을 심의·의결하도록 하고 있음.\n"
            "지난해 정부 출범 이후 위원회가 새로 출범했지만 참여가 배제되었음.\n")
    doc = Document(raw=RawDocument(path=Path("b.pdf"), sha256="1" * 64, format="pdf", text=text), text=text,
                   segments=(Segment(kind="body", start=0, end=len(text)),), noise=(),
                   metadata=Metadata(title=title))
    analysed = analyse(doc)
    ev = only_main(find_events(analysed, find_dates(analysed, None), [], []))
    assert (ev.date.iso(), ev.type, ev.title) == ("2024-03-09", "other", f"{title} 발의")
    assert ev.date.year_certain
