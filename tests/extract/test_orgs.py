"""Organisations on Korean sentences we wrote: lexicon, suffix rules, enumerations, traps."""

from __future__ import annotations

from pathlib import Path

import pytest

from biohub_cli.analyse import analyse
from biohub_cli.extract.lexicon import Lexicon, OrgEntry
from biohub_cli.extract.orgs import find_organizations
from biohub_cli.models.facts import OrgMention
from biohub_cli.models.records import Segment
from biohub_cli.models.stages import Document, Metadata, RawDocument


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def orgs_in(text: str, lexicon: Lexicon, translation: str | None = None) -> list[OrgMention]:
    full = text if translation is None else f"{text}\n{translation}"
    segs = [Segment(kind="body", start=0, end=len(text))]
    if translation:
        segs.append(Segment(kind="translation", start=len(text) + 1, end=len(full), language="en"))
    doc = Document(raw=RawDocument(Path("t.txt"), "0" * 64, "text", full), text=full, segments=tuple(segs),
                   noise=(), metadata=Metadata())
    return find_organizations(analyse(doc, user_words=lexicon.user_words()), lexicon)


def names(mentions: list[OrgMention]) -> set[str]:
    return {m.name for m in mentions}


def test_short_forms_map_to_official_names(lexicon: Lexicon) -> None:
    found = orgs_in("인천시와 중기부, 복지부는 인하대병원, 가천대길병원과 함께 사업을 추진한다.", lexicon)
    assert names(found) == {"인천광역시", "중소벤처기업부", "보건복지부", "인하대학교병원", "가천대학교 길병원"}
    assert {m.surface for m in found} == {"인천시", "중기부", "복지부", "인하대병원", "가천대길병원"}


def test_suffix_rules_find_unknown_bodies_with_a_type(lexicon: Lexicon) -> None:
    found = orgs_in("이날 송도바이오진흥재단과 한빛생명과학연구원, 미래바이오 추진협의회가 참석했다.", lexicon)
    by_name = {m.name: m.type for m in found}
    assert by_name == {"송도바이오진흥재단": "public_agency", "한빛생명과학연구원": "research",
                       "미래바이오 추진협의회": "council"}


def test_works_are_no_public_corporation(lexicon: Lexicon) -> None:
    found = orgs_in("시는 노후 교량 보수 공사를 마치고, 인천도시공사는 산업단지 진입로 확장 공사에 들어간다.", lexicon)
    assert {m.name: m.type for m in found} == {"인천도시공사": "public_agency"}  # not 교량 보수 공사


def test_convention_and_conference_centres_are_venues(lexicon: Lexicon) -> None:
    found = orgs_in("협약식은 대전컨벤션센터에서, 포럼은 서울 여의도 전경련회관 컨퍼런스센터에서 열렸다.", lexicon)
    assert found == []


def test_run_together_enumeration_is_two_foundations(lexicon: Lexicon) -> None:
    found = orgs_in("회의에는 대구경북·오송첨단의료산업진흥재단 관계자가 참석했다.", lexicon)
    assert names(found) == {"대구경북첨단의료산업진흥재단", "오송첨단의료산업진흥재단"}


def test_industry_academia_shorthand_is_not_an_organisation(lexicon: Lexicon) -> None:
    assert orgs_in("산·학·연·관이 힘을 모아 바이오 생태계를 키운다.", lexicon) == []


def test_generic_nouns_and_venues_are_rejected(lexicon: Lexicon) -> None:
    found = orgs_in("대학, 연구기관, 기업 관계자 30여 명이 시흥시청 글로벌센터 회의실에 모였다.", lexicon)
    assert names(found) == {"시흥시"}  # 시흥시청 is the city government; the room is a venue


def test_parenthesised_abbreviation_is_an_alias(lexicon: Lexicon) -> None:
    found = orgs_in("인천경제자유구역청(IFEZ)은 이날 협약을 맺었다.", lexicon)
    assert [(m.surface, m.name) for m in found] == [("인천경제자유구역청", "인천경제자유구역청"),
                                                   ("IFEZ", "인천경제자유구역청")]


def test_a_back_reference_is_the_named_body(lexicon: Lexicon) -> None:
    found = orgs_in("한강바이오 추진협의회가 출범했다. 추진협의회는 매년 두 차례 회의를 연다.", lexicon)
    assert names(found) == {"한강바이오 추진협의회"}
    assert len(found) == 2


def test_agreement_partners_in_a_hyphenated_name(lexicon: Lexicon) -> None:
    found = orgs_in("'인천-가천대길병원·인하대병원 의료혁신 협약'을 맺었다.", lexicon)
    assert names(found) == {"가천대학교 길병원", "인하대학교병원"}


def test_english_names_in_a_translation_map_to_korean(lexicon: Lexicon) -> None:
    found = orgs_in("셀트리온이 협약을 맺었다.", lexicon, translation="Celltrion signed the agreement with Google.")
    eng = [m for m in found if m.surface == "Celltrion"]
    assert eng and eng[0].name == "셀트리온" and eng[0].name_en == "Celltrion"
    assert "Google" not in {m.surface for m in found}


def test_knowledge_base_entries_extend_the_lexicon() -> None:
    lex = Lexicon.load(extra_orgs=[OrgEntry(name="바이오브릿지", type="company", aliases=("BB사",))])
    assert names(orgs_in("바이오브릿지는 송도에 공장을 짓는다.", lex)) == {"바이오브릿지"}
    assert ("바이오브릿지", "NNP") in lex.user_words()


# -- kinds of error seen on real reporting (sentences written for these tests) --------------------------

def test_a_campus_is_where_its_university_is(lexicon: Lexicon) -> None:
    found = orgs_in("개소식은 연세대학교 국제캠퍼스에서 열렸고, 카이스트 오송캠퍼스와 바이오메디컬 캠퍼스가 "
                    "들어선다.", lexicon)
    assert names(found) == {"연세대학교", "한국과학기술원"}


@pytest.mark.parametrize("text", [
    "센터는 창업보육센터를 운영하고 임상병원과 함께 연구한다.",
    "병원에는 암센터·모아센터·뇌심혈관센터가 들어선다.",
    "시는 분양심사위원회를 구성하고 조성공사를 마쳤다.",
    "대규모 연구센터가 들어설 예정이다.",
])
def test_units_named_by_their_kind_are_no_bodies(lexicon: Lexicon, text: str) -> None:
    assert orgs_in(text, lexicon) == []


def test_a_centre_with_a_name_of_its_own_is_a_body(lexicon: Lexicon) -> None:
    found = orgs_in("바이오공정인력양성센터와 제약바이오실용화센터가 문을 연다.", lexicon)
    assert names(found) == {"바이오공정인력양성센터", "제약바이오실용화센터"}


def test_a_known_name_inside_a_longer_word_is_not_cut_out_of_it(lexicon: Lexicon) -> None:
    found = orgs_in("싸토리우스코리아바이오텍은 송도에 공장을 짓는다.", lexicon)
    assert "싸토리우스코리아" not in names(found)


def test_a_title_written_onto_a_body_keeps_the_body(lexicon: Lexicon) -> None:
    found = orgs_in("구복규 화순군수와 권덕철 보건복지부장관, 윤원석 인천경제자유구역청장이 참석했다.", lexicon)
    assert names(found) == {"화순군", "보건복지부", "인천경제자유구역청"}


@pytest.mark.parametrize("text", [
    "(서울=연합뉴스) 김민수 기자 = 시는 협약을 맺었다.",
    "협약식 모습. 연합뉴스\n시는 협약을 맺었다.",
    "시는 협약을 맺었다고 밝혔다. /뉴시스",
    "사진=뉴스1 시는 협약을 맺었다.",
])
def test_an_outlet_credited_for_the_copy_or_a_photo_is_no_party(lexicon: Lexicon, text: str) -> None:
    assert not [m for m in orgs_in(text, lexicon) if m.type == "media"]


def test_an_outlet_in_the_story_is_one(lexicon: Lexicon) -> None:
    found = orgs_in("시장은 연합뉴스와의 인터뷰에서 계획을 설명했다.", lexicon)
    assert names(found) == {"연합뉴스"}


def test_two_bodies_side_by_side_are_two(lexicon: Lexicon) -> None:
    found = orgs_in("울산시는 중소벤처기업부 규제자유특구위원회에서 지정을 받았고, 한빛플라스틱협동조합 "
                    "한국바이오연료협회도 참여했다.", lexicon)
    assert names(found) == {"울산광역시", "중소벤처기업부", "규제자유특구위원회", "한빛플라스틱협동조합",
                            "한국바이오연료협회"}


def test_a_branch_is_its_body(lexicon: Lexicon) -> None:
    found = orgs_in("한국화학융합시험연구원 강원센터와 인하대병원이 장비를 지원한다.", lexicon)
    assert names(found) == {"한국화학융합시험연구원", "인하대학교병원"}


def test_a_unit_of_a_university_is_named_with_the_university(lexicon: Lexicon) -> None:
    found = orgs_in("연세대 디지털헬스케어사업단과 한국과학기술원 의과학대학원이 함께한다.", lexicon)
    assert names(found) == {"연세대학교 디지털헬스케어사업단", "한국과학기술원 의과학대학원"}


def test_partners_joined_by_hyphens_are_each_a_body(lexicon: Lexicon) -> None:
    found = orgs_in("사업자로 인천광역시-인천테크노파크-연세대학교 연합체가 선정됐다.", lexicon)
    assert names(found) == {"인천광역시", "인천테크노파크", "연세대학교"}


def test_regions_in_an_address_are_no_parties(lexicon: Lexicon) -> None:
    assert orgs_in("센터는 전라남도 화순군 화순백신특구에 자리 잡았다.", lexicon) == []
    found = orgs_in("경기도 시흥시(시장 임병택)는 병원 착공식을 연다.", lexicon)
    assert names(found) == {"시흥시"}


def test_a_short_form_defined_in_the_text_names_its_body(lexicon: Lexicon) -> None:
    found = orgs_in("식약처는 백신안전기술지원센터(이하 백신센터)를 열었다. 백신센터는 기업을 돕는다.", lexicon)
    assert names(found) == {"식품의약품안전처", "백신안전기술지원센터"}
    assert {m.surface for m in found if m.name == "백신안전기술지원센터"} == {"백신안전기술지원센터", "백신센터"}


def test_a_foreign_ministry_is_not_the_korean_one(lexicon: Lexicon) -> None:
    found = orgs_in("설명회에는 영국 산업통상부와 사우디아라비아 투자부가 참여했다.", lexicon)
    assert names(found) == {"영국 산업통상부", "사우디아라비아 투자부"}


# -- bodies named in passing, and the gazetteer --------------------------------------------------------

def test_every_company_of_a_list_with_known_ones_is_a_company(lexicon: Lexicon) -> None:
    found = orgs_in("협의체에는 셀트리온, 한빛바이오텍, 삼성바이오로직스, 누리메디칼 등이 참여했다.", lexicon)
    by_name = {m.name: m.type for m in found}
    assert by_name == {"셀트리온": "company", "한빛바이오텍": "company", "삼성바이오로직스": "company",
                       "누리메디칼": "company"}


def test_a_list_closed_by_a_collective_noun_names_bodies(lexicon: Lexicon) -> None:
    found = orgs_in("전시관에서는 누리메디칼, 한빛바이오텍, 소망셀 등 기업이 기술을 선보인다.", lexicon)
    assert {m.name: m.type for m in found} == {"누리메디칼": "company", "한빛바이오텍": "company", "소망셀": "company"}


def test_the_first_item_of_a_list_is_its_last_word(lexicon: Lexicon) -> None:
    found = orgs_in("이 가운데 암젠, 화이자, 노보노디스크, 한빛파마 등 글로벌 제약사가 참가한다.", lexicon)
    assert names(found) == {"암젠", "화이자", "노보 노디스크", "한빛파마"}


@pytest.mark.parametrize("text", [
    "서울, 부산, 대구 등 여러 지역에서 행사가 열린다.",
    "김철수, 이영희, 박민수 등이 참석했다.",
    "예산은 국비, 시비, 민자 등으로 마련한다.",
    "이번 회의에는 주요 클러스터 운영·관리기관, 한국보건산업진흥원, 한국산업기술진흥원이 참석했다.",
    "신청은 관계 부처의 장, 광역 시·도지사, 전략산업 등 관련 기업이 할 수 있다.",
    "이날 회의에는 전국 경제자유구역청 7곳의 관계자가 참석했다.",
    "오송은 첨단 바이오인프라가 갖춰진 곳이다.",  # a company's name that is also a common phrase
])
def test_lists_of_places_people_or_common_words_name_no_bodies(lexicon: Lexicon, text: str) -> None:
    assert all(lexicon.lookup(m.name) for m in orgs_in(text, lexicon))  # only the known bodies


def test_a_quoted_name_introduced_as_a_body_is_one(lexicon: Lexicon) -> None:
    found = orgs_in("시는 미국의 창업 지원기관 ‘바이오하우스’를 본떴고, '바이오 동맹'도 출범했다.", lexicon)
    assert names(found) == {"바이오하우스", "바이오 동맹"}


def test_a_quoted_group_formed_is_a_body_and_a_hall_opened_is_not(lexicon: Lexicon) -> None:
    found = orgs_in("시는 대학과 병원이 함께하는 ‘광주바이오센터 실무추진단’을 구성하고 첫 회의를 열었다.", lexicon)
    assert "광주바이오센터 실무추진단" in names(found)
    found = orgs_in("올해 박람회에는 신생 기업 20곳이 참여하는 '도약관'도 신설됐다.", lexicon)
    assert names(found) == set()
    found = orgs_in("정부와 기업은 그린바이오 얼라이언스를 출범했다.", lexicon)
    assert "그린바이오 얼라이언스" in names(found)


def test_the_gazetteer_knows_local_governments_agencies_and_global_pharma(lexicon: Lexicon) -> None:
    found = orgs_in("고성군과 국가기술표준원, 아스트라제네카, 한국산업기술시험원이 협약을 맺었다.", lexicon)
    assert names(found) >= {"국가기술표준원", "아스트라제네카", "한국산업기술시험원"}
    assert not any(m.name == "고성군" for m in found)  # two counties share the name: neither is guessed


def test_a_campus_in_the_gazetteer_is_its_university(lexicon: Lexicon) -> None:
    found = orgs_in("행사는 경희대 국제캠퍼스에서 열렸다.", lexicon)
    assert names(found) == {"경희대학교"}


def test_a_known_name_written_with_a_space_inside_it(lexicon: Lexicon) -> None:
    found = orgs_in("김철수 싸토리우스 코리아바이오텍 대표가 서명했다.", lexicon)
    assert names(found) == {"싸토리우스코리아바이오텍"}


def test_the_site_of_something_is_a_place(lexicon: Lexicon) -> None:
    found = orgs_in("공사는 수원 광교테크노밸리 바이오부지를 혁신거점으로 만든다.", lexicon)
    assert found == []


def test_an_address_with_a_dong_and_a_joint_host_that_is_no_address(lexicon: Lexicon) -> None:
    assert names(orgs_in("협약식은 연수구 송도동 연세대 국제캠퍼스에서 열렸다.", lexicon)) == {"연세대학교"}
    assert names(orgs_in("인천시와 시흥시 공동 주관으로 회의가 열렸다.", lexicon)) == {"인천광역시", "시흥시"}


def test_a_startup_centre_and_an_international_body(lexicon: Lexicon) -> None:
    found = orgs_in("대전바이오창업원은 세계보건기구(WHO)와 협력한다.", lexicon)
    assert names(found) == {"대전바이오창업원", "세계보건기구"}


def test_a_byline_run_into_the_next_line_is_no_part_of_a_name(lexicon: Lexicon) -> None:
    found = orgs_in("사진=김민수 기자박철수 대전시의회 의장이 축사를 했다.", lexicon)
    assert names(found) == {"대전광역시의회"}


def test_an_ethics_committee_every_institute_has_is_a_kind(lexicon: Lexicon) -> None:
    assert orgs_in("시는 기관생명윤리위원회와 분양심사위원회를 구성한다.", lexicon) == []


def test_a_unit_of_a_university_written_with_spaces(lexicon: Lexicon) -> None:
    found = orgs_in("연세대 디지털헬스케어 사업단이 참여했다.", lexicon)
    assert names(found) == {"연세대학교 디지털헬스케어 사업단"}


def test_competing_regions_listed_by_short_form_are_their_governments(lexicon: Lexicon) -> None:
    found = names(orgs_in("이번 공모에는 경남·대전·충북 등 7개 지자체가 신청해 치열한 경쟁을 벌였다.", lexicon))
    assert {"경상남도", "대전광역시", "충청북도"} <= found
    found = names(orgs_in("울산은 대구와 경북, 충남 등을 제치고 최종 후보지에 올랐다.", lexicon))
    assert {"대구광역시", "경상북도", "충청남도"} <= found


def test_short_place_words_without_a_contest_stay_places(lexicon: Lexicon) -> None:
    assert names(orgs_in("서울·경기 지역 바이오 기업의 매출이 지난해보다 늘었다.", lexicon)) == set()
    assert names(orgs_in("경남 창원에 있는 공장에서 원료의약품을 생산한다.", lexicon)) == set()
    # a contest in the sentence, but one place word alone is where it happens, not a rival
    assert names(orgs_in("부산 벡스코에서 열린 공모 설명회에 기업 300곳이 참가했다.", lexicon)) == set()
    # short forms each followed by a candidate site are places; so are towns in brackets after their province
    assert names(orgs_in("유치전에는 대구·경북 신서, 광주·전남 진곡 등 여러 곳이 뛰어들어 경쟁했다.", lexicon)) == set()
    assert names(orgs_in("| 경북(안동·포항) | 백신 산업의 글로벌 경쟁력 |", lexicon)) == set()


def test_a_name_with_its_legal_form_is_a_company_whatever_its_words(lexicon: Lexicon) -> None:
    found = orgs_in("협약에는 ㈜한빛제약(원료의약품), ㈜누리메드(진단키트), 동해기기㈜(주사기), (주)가온바이오 "
                    "등이 참여했다. 주식회사 서해정밀이 장비를 댄다.", lexicon)
    assert {(m.name, m.type) for m in found} == {("한빛제약", "company"), ("누리메드", "company"),
                                                 ("동해기기", "company"), ("가온바이오", "company"),
                                                 ("서해정밀", "company")}


def test_a_centre_named_for_what_it_supports_is_a_body_a_support_centre_is_a_kind(lexicon: Lexicon) -> None:
    found = names(orgs_in("재단은 신약개발지원센터와 임상시험신약생산센터를 준공했고, 시는 창업지원센터를 열었다.",
                          lexicon))
    assert found == {"신약개발지원센터", "임상시험신약생산센터"}


def test_large_companies_and_a_groups_initials_on_a_name(lexicon: Lexicon) -> None:
    found = names(orgs_in("회의에는 삼성전자와 SK하이닉스가 참여했고 LS전선과 LG이노텍 등이 뒤를 이었다.", lexicon))
    assert found == {"삼성전자", "SK하이닉스", "LS전선", "LG이노텍"}
    assert names(orgs_in("LG사장이 공장을 둘러봤다.", lexicon)) == set()  # initials on a title


def test_no_word_of_the_sentence_runs_into_a_name(lexicon: Lexicon) -> None:
    found = names(orgs_in("시는 그동안 의료기기테크노밸리를 중심으로 기업을 키웠다.", lexicon))
    assert found == {"의료기기테크노밸리"}
    found = names(orgs_in("업체 대표들이 참석한 가운데 오송첨단의료산업진흥재단이 행사를 주관했다. "
                          "정부는 민관 합동 국가바이오위원회를 둔다.", lexicon))
    assert found == {"오송첨단의료산업진흥재단", "국가바이오위원회"}
    # `광역 시·도지사` split on its middle dot is no company of a list closed by 기업
    found = names(orgs_in("희망하는 기관의 장, 광역 시·도지사, 관련 기업은 서류를 낸다.", lexicon))
    assert not any(n.startswith("광역") for n in found)


def test_a_listed_name_keeps_the_type_its_suffix_gives(lexicon: Lexicon) -> None:
    found = {m.name: m.type for m in orgs_in("KAIST, 충남대병원, 한빛 R&D센터 등이 축을 이룬다. "
                                             "국토부는 산업입지정책심의회를 열었다.", lexicon)}
    assert found["한빛 R&D센터"] == "public_agency"
    assert found["산업입지정책심의회"] == "council"


def test_a_hospital_with_a_name_of_its_own_is_a_body_a_kind_of_hospital_is_not(lexicon: Lexicon) -> None:
    found = names(orgs_in("송도 화상전문병원인 베스티안병원은 새 병원을 짓고, 마디사랑병원 관계자도 협약식에 참석했다.",
                          lexicon))
    assert found == {"베스티안병원", "마디사랑병원"}
    assert names(orgs_in("시는 요양병원과 융합병원, 시립병원, 감염병전문병원을 늘린다.", lexicon)) == set()


def test_a_city_in_an_address_or_before_the_day_s_venue_is_a_place(lexicon: Lexicon) -> None:
    assert names(orgs_in("연구 부지는 수원시 영통구 이의동 919 일원에 있다.", lexicon)) == set()
    assert names(orgs_in("두 도시는 26일 청주시 라마다 호텔에서 공동발전 협약을 맺었다.", lexicon)) == set()
    assert names(orgs_in("청주시는 라마다 호텔에서 협약을 맺었다.", lexicon)) == {"청주시"}  # it acts


def test_names_the_press_writes_for_bodies_of_the_gazetteer(lexicon: Lexicon) -> None:
    found = names(orgs_in("전북자치도는 포항제철, 대한적십자사 혈액관리본부와 함께 "
                          "신설된 ′바이오전략위원회′에 참여한다.",
                          lexicon))
    assert found == {"전북특별자치도", "포스코", "대한적십자사", "바이오전략위원회"}


def test_places_a_contestant_bundles_as_its_sites_are_no_rivals(lexicon: Lexicon) -> None:
    found = names(orgs_in("도는 전주와 익산, 정읍 등 1천만㎡ 규모를 벨트로 묶어 바이오 특화단지 공모에 신청서를 냈다.",
                          lexicon))
    assert found == set()
    found = names(orgs_in("전남도는 이번 공모에 화순과 나주 등 2개 시군을 하나로 묶어 특화단지로 제안했다.", lexicon))
    assert found == {"전라남도"}


def test_a_cluster_is_a_place_and_a_body_named_like_one_stays_a_body(lexicon: Lexicon) -> None:
    assert names(orgs_in("도는 광교테크노밸리 바이오 부지를 공사에 출자했다.", lexicon)) == set()
    assert names(orgs_in("원주의료기기테크노밸리가 협약에 참여했다.", lexicon)) == {"원주의료기기테크노밸리"}


def test_a_known_name_written_in_two_or_three_words(lexicon: Lexicon) -> None:
    assert names(orgs_in("한국 바이오협회가 참여했다.", lexicon)) == {"한국바이오협회"}
    assert names(orgs_in("정부는 '국가 바이오 위원회' 구성에 착수했다.", lexicon)) == {"국가바이오위원회"}


def test_a_council_title_written_on_a_city_names_its_council(lexicon: Lexicon) -> None:
    found = names(orgs_in("원강수 원주시장과 이재용 원주시의장, 김민수 인천시의원이 참석했다.", lexicon))
    assert found == {"원주시", "원주시의회", "인천광역시의회"}


def test_a_quoted_name_attached_to_a_body_is_a_body(lexicon: Lexicon) -> None:
    found = names(orgs_in("KAIST 부설 ‘AI 바이오 과학영재학교’도 2027년 개교를 목표로 추진한다.", lexicon))
    assert found == {"한국과학기술원", "AI 바이오 과학영재학교"}


def test_a_verb_or_half_of_a_kind_in_a_list_of_bodies_is_no_body(lexicon: Lexicon) -> None:
    found = names(orgs_in("해양수산부, 환경부 등 관계 부처가 함께하고, 특구 운영·관리기관으로는 부산테크노파크, "
                          "울산테크노파크, 경남테크노파크 등 3곳이 참여했다.", lexicon))
    assert found == {"해양수산부", "환경부", "부산테크노파크", "울산테크노파크", "경남테크노파크"}


def test_companies_joined_by_wa_in_a_list_and_a_name_kiwi_never_saw(lexicon: Lexicon) -> None:
    found = names(orgs_in("방문단은 큐브랩스와 리가켐바이오, 한빛팜 등 대전의 대표 바이오 기업을 찾는다.", lexicon))
    assert found == {"큐브랩스", "리가켐바이오사이언스", "한빛팜"}


def test_a_regional_office_a_building_and_a_hotel_named_with_a_body_s_letters(lexicon: Lexicon) -> None:
    found = names(orgs_in("LH대전충남지역본부와 대전상공회의소가 참여했다.", lexicon))
    assert found == {"한국토지주택공사", "대전상공회의소"}
    assert names(orgs_in("시설은 송도 IBS타워 24층에 문을 연다.", lexicon)) == set()
    assert names(orgs_in("도는 2일 서울 JW메리어트호텔에서 포럼을 열었다.", lexicon)) == set()
    found = names(orgs_in("공유시설 전문기업인 한빛비즈니스인큐베이터와 협약했다.", lexicon))
    assert found == {"한빛비즈니스인큐베이터"}


def test_a_national_university_written_with_guknip_and_quoted_agreements_and_listed_places(lexicon: Lexicon) -> None:
    found = names(orgs_in("질병관리청, 안동시, 국립안동대와 함께 센터를 짓는다.", lexicon))
    assert found == {"질병관리청", "안동시", "안동대학교"}
    assert names(orgs_in("16개 기관·기업이 ‘제주 바이오산업 활성화 MOU’를 맺었다.", lexicon)) == set()
    found = names(orgs_in("경상남도는 도내 4개 지역(양산시·김해시·진주시·창원시)에 거점을 만든다.", lexicon))
    assert found == {"경상남도"}
    found = names(orgs_in("협약에는 구축기관 3곳(중기부·인천시·연세대)을 포함해 31개 기관이 참여했다.", lexicon))
    assert found == {"중소벤처기업부", "인천광역시", "연세대학교"}  # bodies counted, not places


def test_a_list_closed_by_a_counted_collective_far_on_or_by_a_copula(lexicon: Lexicon) -> None:
    found = names(orgs_in("이날 서명한 기업은 큐라젠, 엠피오라, 한빛바이오셀, 아반테크 등 9개 기업이다.", lexicon))
    assert found == {"큐라젠", "엠피오라", "한빛바이오셀", "아반테크"}
    found = names(orgs_in("큐라젠, 엠피오라, 한빛바이오셀 등 제1회 광교 바이오 서밋에 참가한 9개 기업은 서명했다.",
                          lexicon))
    assert found == {"큐라젠", "엠피오라", "한빛바이오셀"}
    found = names(orgs_in("두 사업에는 케이셀랩, 지플러스바이오 등 8개 업체가 참여한다.", lexicon))
    assert found == {"케이셀랩", "지플러스바이오"}
    # a body's local office in such a list is no body of its own
    found = names(orgs_in("협약에는 한국생명공학연구원 전북분원, 한빛바이오 등 9개 기관이 참여했다.", lexicon))
    assert "전북분원" not in found


def test_names_kiwi_cuts_at_a_particle_a_body_s_land_an_english_aside_and_a_title_written_on(lexicon: Lexicon) -> None:
    found = names(orgs_in("사업은 김해시와 김해의생명산업진흥원(이사장 허성곤)이 추진한다.", lexicon))
    assert found == {"김해시", "김해의생명산업진흥원"}
    found = names(orgs_in("도는 김해의생명산업진흥원 부지 내 실용화센터 건립을 마쳤다.", lexicon))
    assert "김해의생명산업진흥원" in found
    found = names(orgs_in("도는 10일 창업센터인 '한빛랩스(Hanbit Labs)' 개소식을 열었다.", lexicon))
    assert "한빛랩스" in found
    assert names(orgs_in("권범선 한빛대일산병원장은 축사를 했다.", lexicon)) == {"한빛대일산병원"}
