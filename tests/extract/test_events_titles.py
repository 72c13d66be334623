"""Event titles an analyst would write: actor(s) + object + event noun, never a bare kind, a pointing phrase
(`두 센터`, `이번 협의체`) or an aside (`(가칭)`, `(이하 …)`); and what leads a story (not a photo caption)."""

from __future__ import annotations

from tests.extract.test_events import ORGS, events_of, mains
from tests.extract.test_events_leads import only_main, related

COMPANIES = {"한빛바이오": "한빛바이오", "한빛건설": "한빛건설", "동백제약": "동백제약"}


def title_of(text: str, published: str | None = None) -> str:
    return only_main(events_of(text, published=published)).title


def test_a_bare_ceremony_takes_the_thing_quoted_before_it() -> None:
    text = ("부산시가 해양바이오 창업지원시설인 ‘부산 바이오창업관’(가칭) 건립에 본격 착수했다.\n"
            "시는 15일 명지 일원에서 착공식을 열고, 2027년 운영을 목표로 첫 삽을 떴다.\n")
    ev = only_main(events_of(text))
    assert (ev.type, ev.title, ev.date.iso()) == ("event", "부산 바이오창업관 착공식", "---15")
    text = "부산시는 15일 명지 일원에서 창업지원시설인 ‘부산바이오창업관’(가칭) 착공식을 열었다.\n"
    assert title_of(text) == "부산바이오창업관 착공식"


def test_two_centres_pointed_back_to_are_named() -> None:
    text = ("부산시는 명지 캠퍼스에 ‘해양바이오 인력양성센터’와 ‘해양바이오실용화센터’를 짓는다고 9일 밝혔다.\n"
            "이날 부산시와 해운대학교는 캠퍼스에서 두 센터의 착공식을 열었다.\n")
    assert title_of(text) == "해양바이오 인력양성센터·해양바이오실용화센터 착공식"
    joined = "부산시는 9일 명지 캠퍼스에서 해양바이오 인력양성센터와 해양바이오실용화센터 착공식을 열었다.\n"
    assert title_of(joined) == "해양바이오 인력양성센터·해양바이오실용화센터 착공식"


def test_a_companys_facility_takes_the_company() -> None:
    text = "동백제약은 명지에 짓는 '글로벌 연구센터'의 상량식 및 안전기원제를 지난 9일 열었다고 13일 밝혔다.\n"
    ev = only_main(events_of_companies(text))
    assert ev.title == "동백제약 글로벌 연구센터 상량식 및 안전기원제"
    text = "한빛바이오가 18일 명지 캠퍼스에서 세계 최대 규모의 ‘제4공장’ 착공식을 개최했다.\n"
    assert only_main(events_of_companies(text)).title == "한빛바이오 제4공장 착공식"


def events_of_companies(text: str):  # type: ignore[no-untyped-def]
    from biohub_cli.extract.dates.find import find_dates
    from biohub_cli.extract.events.find import find_events
    from tests.extract.conftest import build_analysed, org_mentions

    analysed = build_analysed(text)
    others = {k: v for k, v in ORGS.items() if v not in COMPANIES.values()}
    orgs = org_mentions(analysed, others) + org_mentions(analysed, COMPANIES, "company")
    return find_events(analysed, find_dates(analysed, None), sorted(orgs, key=lambda o: o.evidence.start), [])


def test_an_agreement_names_its_parties_and_not_its_purpose_words() -> None:
    text = "부산시와 한빛바이오는 3일 시청에서 해양바이오 인재 양성을 위한 업무협약을 체결했다.\n"
    assert title_of(text) == "부산광역시·한빛바이오 해양바이오 인재 양성 업무협약 체결"


def test_asides_and_pointing_phrases_never_make_a_title() -> None:
    text = ("부산시는 ‘해양바이오 클러스터 협의체’를 꾸리기로 했다.\n"
            "부산시와 양산시는 12일 이번 협의체를 결성했다.\n")
    assert title_of(text) == "해양바이오 클러스터 협의체 결성"
    text = "해양바이오안전기술센터(이하 바이오센터) 개소식이 10일 명지에서 열렸다.\n"
    assert title_of(text) == "해양바이오안전기술센터 개소식"


def test_a_photo_caption_does_not_lead() -> None:
    text = ("박해운 부산시장이 지난해 7월 시청에서 특구 지정과 관련해 브리핑을 하고 있다.(사진=부산시 제공)\n"
            "부산시는 해양바이오 특구 사업에 본격 착수한다.\n"
            "시는 12일 오후 3시 명지 캠퍼스에서 현장 기자회견을 열고 사업 추진 계획을 발표했다.\n")
    ev = only_main(events_of(text, published="2021-01-13"))
    assert (ev.date.iso(), ev.type) == ("2021-01-12", "announcement")  # a plan talked about is no future
    assert "기자회견" in ev.title


def test_the_main_event_reported_twice_is_one_and_its_meeting_is_part_of_it() -> None:
    text = ("한빛건설이 9일 한빛바이오 명지 제1공장 상량식을 진행하고 있다.\n"
            "10일 한빛건설은 전일 명지에서 건설 중인 한빛바이오 명지 제1공장의 상량식을 개최했다고 밝혔다.\n")
    events = events_of(text)
    assert [(e.date.iso(), e.type) for e in mains(events)] == [("---09", "event")]
    assert related(events) == []
    text = ("해양수산부는 19일 '해양바이오 2.0 추진방향'을 발표했다.\n"
            "장관은 이날 벡스코에서 '해양바이오 원탁회의'를 개최하고 업계와 전략을 논의했다.\n"
            "추진방향은 모두 4+1 과제로 구성됐다.\n")
    events = events_of(text)
    assert only_main(events).title == "해양바이오 2.0 추진방향 발표(해양바이오 원탁회의)"
    assert related(events) == []  # `…으로 구성됐다` says what it consists of: no launch


def test_another_companys_happening_the_same_day_is_its_own_event() -> None:
    text = ("한빛바이오가 명지에 5000억원을 들여 제3공장을 짓는다.\n"
            "한빛바이오는 18일 명지에서 기공식을 열었다.\n"
            "한편 동백제약도 이날 명지에서 세계 최대 규모의 제4공장 착공식을 열었다.\n"
            "앞서 지난해 7월에도 두 회사는 MOU를 체결한 바 있다.\n")
    events = events_of_companies(text)
    assert [(e.date.iso(), e.title) for e in mains(events)] == [("---18", "한빛바이오 기공식")]
    assert related(events) == [("---18", "event", "동백제약 제4공장 착공식")]  # a bare `MOU` names nothing


def test_a_selection_or_a_launch_is_never_just_a_body_and_a_verb() -> None:
    assert title_of("부산시는 해양수산부 공모사업에 최종 선정됐다고 15일 밝혔다.\n") \
        == "해양수산부 공모사업 부산시 선정"
    assert title_of("부산시는 15일 해양바이오 특화단지 사업 대상지로 선정됐다고 밝혔다.\n") \
        == "해양바이오 특화단지 사업 대상지 부산시 선정"
    assert title_of("‘해양바이오산업 협의체’가 12일 공식 발족했다.\n") == "해양바이오산업 협의체 발족"


def test_a_signing_ceremony_and_a_meetings_aside_read_once() -> None:
    text = "부산시는 5일 시청에서 한빛바이오와 명지 산업용지 토지매매계약 체결식을 가졌다고 밝혔다.\n"
    assert title_of(text).endswith("토지매매계약 체결식")
    text = ("해양수산부는 19일 '해양바이오 2.0 추진방향'을 발표했다.\n"
            "장관은 이날 '해양바이오 원탁회의(제9차 해양전략 원탁회의)'를 개최하고 업계와 논의했다.\n")
    assert title_of(text) == "해양바이오 2.0 추진방향 발표(해양바이오 원탁회의)"


def test_named_works_take_no_slogan_from_around_them() -> None:
    text = ("한빛바이오, 명지 제3공장 신축…\"바이오 수요 선제 대응\"\n"
            "한빛바이오는 명지 부지에 제3공장 건립을 본격화했다고 18일 밝혔다.\n")
    ev = only_main(events_of(text))
    assert (ev.type, ev.title) == ("other", "제3공장 건립 본격화")
