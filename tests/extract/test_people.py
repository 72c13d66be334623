"""People with titles in every usual order, on Korean sentences we wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from biohub_cli.analyse import analyse
from biohub_cli.extract.lexicon import Lexicon
from biohub_cli.extract.orgs import find_organizations
from biohub_cli.extract.people import find_people
from biohub_cli.models.records import Segment
from biohub_cli.models.stages import Document, Metadata, RawDocument


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def people_in(text: str, lexicon: Lexicon, translation: str | None = None,
              reporter: str | None = None) -> list[tuple[str, str | None, str | None]]:
    full = text if translation is None else f"{text}\n{translation}"
    segs = [Segment(kind="body", start=0, end=len(text))]
    if translation:
        segs.append(Segment(kind="translation", start=len(text) + 1, end=len(full), language="en"))
    doc = Document(raw=RawDocument(Path("t.txt"), "0" * 64, "text", full), text=full, segments=tuple(segs),
                   noise=(), metadata=Metadata(reporter=reporter))
    an = analyse(doc, user_words=lexicon.user_words())
    found = find_people(an, find_organizations(an, lexicon), lexicon)
    return sorted({(p.name, p.title, p.organization) for p in found})


def test_name_then_title(lexicon: Lexicon) -> None:
    assert people_in("인천시는 이날 하병필 행정부시장이 전략을 발표했다고 밝혔다.", lexicon) == [
        ("하병필", "행정부시장", "인천광역시")]


def test_organisation_title_name(lexicon: Lexicon) -> None:
    assert people_in("인천시 미래산업국장 이남주는 회의를 주재했다.", lexicon) == [
        ("이남주", "미래산업국장", "인천광역시")]


def test_title_and_name_in_parentheses(lexicon: Lexicon) -> None:
    assert people_in("인천광역시(시장 박남춘)는 협의회를 열었다.", lexicon) == [("박남춘", "시장", "인천광역시")]


def test_name_organisation_ordinal_title(lexicon: Lexicon) -> None:
    assert people_in("박민수 보건복지부 2차관은 축사를 했다.", lexicon) == [("박민수", "제2차관", "보건복지부")]


def test_title_without_an_organisation(lexicon: Lexicon) -> None:
    assert people_in("행사에는 최선 첨단바이오 비서관도 참석했다.", lexicon) == [("최선", "비서관", None)]


def test_word_that_looks_like_a_name_without_a_title(lexicon: Lexicon) -> None:
    assert people_in("최선을 다하겠다고 말했다. 이번 회의는 이날 끝났다.", lexicon) == []


def test_unnamed_office_holder_gives_no_person(lexicon: Lexicon) -> None:
    assert people_in("추진단은 인천시 행정부시장과 경기도 경제부지사가 공동단장을 맡는다.", lexicon) == []


def test_reporter_byline_is_not_a_person(lexicon: Lexicon) -> None:
    assert people_in("윤태오 기자 인천시는 9일 회의를 열었다.", lexicon, reporter="윤태오") == []


def test_english_name_from_translation(lexicon: Lexicon) -> None:
    text = "인천시는 하병필 행정부시장이 전략을 발표했다고 밝혔다. 류홍근 기자"
    en = "Vice Mayor Ha Byung-phil announced the strategy. Reporter Ryu Hong-geun"
    doc = Document(raw=RawDocument(Path("t.txt"), "0" * 64, "text", text + "\n" + en), text=text + "\n" + en,
                   segments=(Segment(kind="body", start=0, end=len(text)),
                             Segment(kind="translation", start=len(text) + 1, end=len(text) + 1 + len(en),
                                     language="en")), noise=(), metadata=Metadata())
    an = analyse(doc, user_words=lexicon.user_words())
    found = find_people(an, find_organizations(an, lexicon), lexicon)
    assert [(p.name, p.name_en) for p in found] == [("하병필", "Ha Byung-phil")]


@pytest.mark.parametrize("text", [
    "회의는 5월 29일 오후 3시 국무총리 주재로 열렸다.",
    "재단이 출범했다. 이후 원강수 원주시장이 이사장을 맡았다.",
    "이날 전략 발표는 하병필 행정부시장이 맡았다.",
    "전문가 위원 10명이 참여했다.",
])
def test_common_nouns_next_to_names_and_titles_are_not_people(lexicon: Lexicon, text: str) -> None:
    found = {name for name, _, _ in people_in(text, lexicon)}
    assert found <= {"원강수", "하병필"}
    assert not found & {"오후", "주재", "이후", "이날", "전략", "전문가"}


@pytest.mark.parametrize("text", [
    "시는 지역 전통시장 상인들과 간담회를 열고 온누리상품권 사용처를 늘리기로 했다.",
    "기업들은 이번 인증으로 세계시장 진출에 속도를 낼 계획이다.",
    "최근 바이오시장 성장세가 꺾이면서 투자도 줄었다.",
])
def test_a_market_is_no_mayor(lexicon: Lexicon, text: str) -> None:
    assert people_in(text, lexicon) == []  # 지역 + 전통시장 was a person titled 전통시장


def test_a_mayor_of_the_city_in_the_title(lexicon: Lexicon) -> None:
    text = "행사에는 이재준 수원시장과 신상진 성남시장이 함께 참석했다."
    assert people_in(text, lexicon) == [("신상진", "성남시장", "성남시"), ("이재준", "수원시장", "수원시")]


def test_an_agency_named_inside_the_title(lexicon: Lexicon) -> None:
    text = "협약식에는 윤원석 인천경제청장이 참석했다."
    assert people_in(text, lexicon) == [("윤원석", "인천경제청장", "인천경제자유구역청")]


def test_a_list_of_attendees_gives_each_their_own_title(lexicon: Lexicon) -> None:
    text = ("이날 협약식에는 이승미 경기도 도지사, 최경은 다솜오가노이드 대표, 박은현 종근당 대표이사 등 "
            "50여 명이 참석했다.")
    assert people_in(text, lexicon) == [
        ("박은현", "대표이사", "종근당"), ("이승미", "도지사", "경기도"), ("최경은", "대표", None)]
    # not 최경 (kiwi: 최경 + the particle 은), nor a 도지사 across the comma


def test_a_name_kiwi_reads_as_a_verb_form(lexicon: Lexicon) -> None:
    text = "간담회에는 김지은 인천시 바이오산업과장이 참석했다."
    assert people_in(text, lexicon) == [("김지은", "바이오산업과장", "인천광역시")]  # kiwi: 김 + 짓 + 은


def test_a_topic_before_the_title_it_takes(lexicon: Lexicon) -> None:
    text = "최경은 다솜오가노이드 대표로 선임됐다."
    assert people_in(text, lexicon) == [("최경", "대표", None)]


@pytest.mark.parametrize(("text", "person"), [
    ("간담회에는 고지선 바이오협회 회장이 참석했다.", ("고지선", "회장", "한국바이오협회")),  # kiwi: 고지 + 선
    ("간담회에는 전하필 가천대 총장이 참석했다.", ("전하필", "총장", "가천대학교")),  # kiwi: 전 (former) + 하필
])
def test_a_name_kiwi_reads_in_pieces_before_its_organisation_and_title(lexicon: Lexicon, text: str,
                                                                         person: tuple[str, str, str]) -> None:
    assert people_in(text, lexicon) == [person]


@pytest.mark.parametrize("text", [
    "이사회 의장이 안건을 설명했다.",
    "전담반 단장이 점검 결과를 설명했다.",  # kiwi: 전담 + 반, and no organisation stands before the title
    "박람회는 청주 오스코 전시장에서 사흘 동안 열린다.",  # 전시장 is a hall, not a mayor
])
def test_common_nouns_before_a_title_are_nobody(lexicon: Lexicon, text: str) -> None:
    assert people_in(text, lexicon) == []


@pytest.mark.parametrize("text", [
    "이날 회의에는 이남주 인천시 미래산업국장, 김민수 등 관계자가 참석했다.",  # not 김민수 the 국장
    "이날 회의에는 김민수, 인천시 미래산업국장 이남주 등이 참석했다.",  # nor here
])
def test_a_title_stays_on_its_side_of_a_comma(lexicon: Lexicon, text: str) -> None:
    assert people_in(text, lexicon) == [("이남주", "미래산업국장", "인천광역시")]


# -- kinds of error seen on real reporting (sentences written for these tests) --------------------------

def test_a_mayor_whose_city_ends_like_a_hall_is_a_mayor(lexicon: Lexicon) -> None:
    # 대전시장 also ends with 전시장 (an exhibition hall)
    assert people_in("이정우 대전시장은 15일 착공식에서 축사를 했다.", lexicon) == [
        ("이정우", "대전시장", "대전광역시")]


def test_names_listed_with_a_middle_dot_share_the_title(lexicon: Lexicon) -> None:
    found = people_in("행사에는 김성호․김명수․박대성 도의원 등 20여명이 참석했다.", lexicon)
    assert [(n, t) for n, t, _ in found] == [("김명수", "도의원"), ("김성호", "도의원"), ("박대성", "도의원")]


def test_foreign_names_of_two_words_and_a_listed_foreign_name(lexicon: Lexicon) -> None:
    found = people_in("행사에는 일본 롯데홀딩스 다카하시 겐지 대표이사와 알렉스 보로노프 인실리코 메디슨 대표가 "
                      "참석했고, 최민호·마르탱르브룅 싸토리우스코리아오퍼레이션스 공동대표가 서명했다.", lexicon)
    assert {(n, t) for n, t, _ in found} == {("다카하시 겐지", "대표이사"), ("알렉스 보로노프", "대표"),
                                            ("최민호", "공동대표"), ("마르탱르브룅", "공동대표")}


def test_an_acting_head_and_a_latin_short_form_on_the_title(lexicon: Lexicon) -> None:
    assert people_in("이종수 사장 직무대행은 협약의 뜻을 설명했다.", lexicon) == [("이종수", "사장 직무대행", None)]
    assert people_in("박상훈 LH사장 직무대행은 사업비를 분담한다고 말했다.", lexicon) == [
        ("박상훈", "사장 직무대행", "한국토지주택공사")]


def test_a_legislator_with_an_electoral_district(lexicon: Lexicon) -> None:
    assert people_in("이날 정민수 인천 연수구(을) 국회의원이 축사를 했다.", lexicon) == [
        ("정민수", "국회의원", "국회")]


def test_a_common_noun_and_its_particle_before_a_title_is_nobody(lexicon: Lexicon) -> None:
    assert people_in("센터는 국산 백신의 해외 시장 진출도 돕는다.", lexicon) == []


def test_a_body_s_english_short_name_between_name_and_title_and_words_that_are_nobody(lexicon: Lexicon) -> None:
    assert people_in("부위원장에는 바이오 석학인 김하늘 한국과학기술원(KAIST) 부총장이 내정됐다.", lexicon) == [
        ("김하늘", "부총장", "한국과학기술원")]
    assert people_in("민간 위원은 경험이 풍부한 전문가 가운데 대통령이 위촉한다.", lexicon) == []
    assert people_in("정읍은 비임상 기반 소부장 공급 지구로 조성한다.", lexicon) == []
    assert people_in("도는 제주지역 바이오 시장을 2030년까지 1조 원 규모로 키운다.", lexicon) == []  # a market


def test_a_foreign_family_and_given_name_that_each_look_korean(lexicon: Lexicon) -> None:
    assert people_in("일본 킹스카이프론트의 노무라 류타 회장이 참석했다.", lexicon) == [("노무라 류타", "회장", None)]
    assert people_in("인천 김민수 시장이 참석했다.", lexicon)[0][0] == "김민수"  # a place, then a Korean name
