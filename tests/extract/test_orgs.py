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
