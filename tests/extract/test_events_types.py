"""Events: the type a happening takes as the development gold reads Korean reporting (ceremonies are
events, starting a centre is a launch, a press briefing is an announcement), and the verbs that name one
in other words: idioms (`문을 열었다`, `첫 삽을 떴다`, `막을 열었다`), `협약을 했다`, a subject that opens."""

from __future__ import annotations

from tests.extract.test_events import events_of, mains
from tests.extract.test_events_leads import only_main


def main_of(text: str, published: str | None = None) -> tuple[str, str, str]:
    ev = only_main(events_of(text, published=published))
    return ev.date.iso(), ev.type, ev.title


def test_ceremonies_for_a_building_are_events() -> None:
    assert main_of("한빛바이오는 3일 부산 명지에서 제2공장 착공식을 개최했다고 밝혔다.\n")[1] == "event"
    assert main_of("동백제약은 12일 기장 공장 부지에서 기공식을 열었다.\n")[1] == "event"
    text = "한빛바이오는 신축 중인 연구동의 상량식 및 안전기원제를 지난 9일 열었다고 13일 밝혔다.\n"
    assert main_of(text)[:2] == ("---09", "event")


def test_works_begun_without_a_ceremony_are_other() -> None:
    text = "부산바이오병원이 18일 첫 삽을 떴다.\n"
    assert main_of(text)[:2] == ("---18", "other")
    assert "부산바이오병원" in main_of(text)[2]


def test_a_centre_that_opens_its_doors_is_a_launch() -> None:
    text = "해양바이오인재센터가 25일 해운대구 센텀타워에 문을 열고 운영에 들어갔다.\n"
    date, kind, title = main_of(text)
    assert (date, kind) == ("---25", "launch")
    assert "해양바이오인재센터" in title


def test_a_building_that_opens_names_the_event() -> None:
    text = "부산광역시는 바이오허브의 마지막 건물인 교류동(협업 공간)이 5일 개관한다고 4일 밝혔다.\n"
    date, kind, title = main_of(text, published="2023-06-04")
    assert (date, kind) == ("2023-06-05", "launch")
    assert title.startswith("교류동") and "부산광역시" not in title


def test_a_fair_whose_name_is_the_subject_opens() -> None:
    text = "국내 최대 해양바이오 행사인 ‘해양바이오 엑스포 2026’이 7일 부산 벡스코에서 개막했다.\n"
    date, kind, title = main_of(text)
    assert (date, kind) == ("---07", "event")
    assert "해양바이오 엑스포 2026" in title
    curtain = "‘해양바이오 엑스포 2026’이 막을 열었다. 부산시는 7일 벡스코에서 개막식을 열었다.\n"
    assert any(e.type == "event" for e in mains(events_of(curtain)))


def test_a_press_briefing_is_an_announcement_a_roundtable_a_meeting() -> None:
    text = "박해운 부산시장은 24일 기자간담회를 열어 바이오 특화단지 추진 계획을 설명했다.\n"
    assert main_of(text)[:2] == ("---24", "announcement")
    assert main_of("부산시는 24일 시청에서 바이오 기업 간담회를 열었다.\n")[1] == "meeting"
    assert main_of("부산시는 2일 벡스코에서 바이오 특구 공청회를 열었다.\n")[1] == "meeting"


def test_an_agreement_made_with_the_light_verb() -> None:
    text = "부산시와 양산시, 한빛바이오는 4일 해양바이오 산단 부지 매매 협약을 했다.\n"
    date, kind, title = main_of(text)
    assert (date, kind) == ("---04", "agreement")
    assert "부지 매매 협약" in title


def test_handing_in_an_application_is_other() -> None:
    text = "부산시는 바이오 특화단지 공모 신청서를 29일 해양수산부에 제출했다.\n"
    date, kind, title = main_of(text)
    assert (date, kind) == ("---29", "other")
    assert title == "바이오 특화단지 공모 신청서 제출"


def test_an_edition_of_a_series_held_is_an_event_dated_from_its_start() -> None:
    text = "17일 해양바이오진흥원은 해양바이오 엑스포 2019를 오는 19일까지 벡스코 제1홀에서 개최한다고 밝혔다.\n"
    ev = only_main(events_of(text, published="2019-04-17"))
    assert (ev.date.iso(), ev.type) == ("2019-04-17", "event")  # 17일, not the 19일 the fair runs until
    convention = "부산시와 해양바이오진흥원은 17일 벡스코에서 `해양바이오 2019 인터내셔널 컨벤션'을 공동 개최한다.\n"
    ev = only_main(events_of(convention))
    assert (ev.type, ev.title) == ("event", "해양바이오 2019 인터내셔널 컨벤션")


def test_works_begun_with_a_blast_or_made_in_earnest() -> None:
    text = "한빛바이오는 18일 명지 부지에 기공 발파를 시작으로 제3공장을 건립한다고 밝혔다.\n"
    assert main_of(text)[:2] == ("---18", "event")
    text = "한빛바이오는 명지 부지에 제3공장 건립을 본격화했다고 18일 밝혔다.\n"
    assert main_of(text)[:2] == ("---18", "other")
    text = "부산시는 해양바이오병원 건립을 위한 우선 공사에 착수했다고 18일 밝혔다.\n"
    assert main_of(text)[:2] == ("---18", "other")
    assert mains(events_of("부산시는 올해 해양바이오 사업에 본격 착수한다고 18일 밝혔다.\n")) == []


def test_a_selection_in_a_public_contest_is_a_designation() -> None:
    text = "부산시는 15일 해양수산부 공모사업인 ‘해양바이오 인력양성센터 구축사업’에 부산시가 최종 선정됐다고 밝혔다.\n"
    assert main_of(text)[1] == "designation"


def test_an_evening_named_with_of_keeps_its_name() -> None:
    text = "해양바이오진흥원은 6일 해운대 호텔에서 해양바이오인의 밤 행사를 개최했다.\n"
    assert main_of(text)[2] == "해양바이오인의 밤 행사"


def test_the_kind_named_before_a_quoted_name_gives_its_type() -> None:
    text = "정부가 26일 오후 부산 해운대에서 스물다섯 번째 민생토론회 ‘해양바이오의 중심, 부산’을 개최했다.\n"
    ev = only_main(events_of(text))
    assert (ev.type, ev.title) == ("meeting", "스물다섯 번째 민생토론회 ‘해양바이오의 중심, 부산’")
    assert ev.venue == "부산 해운대"
