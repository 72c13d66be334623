"""Clusters and programmes named in a story (sentences we wrote), each with its evidence."""

from __future__ import annotations

from biohub_cli.extract.place_names import PlaceNames
from biohub_cli.extract.places import find_clusters, find_programmes
from tests.extract.conftest import AnalysedOf

NAMES = PlaceNames.load()


def test_a_programme_is_found_with_and_without_what_follows_its_name(analysed_of: AnalysedOf) -> None:
    a = analysed_of("중기부는 K-바이오 랩허브 구축사업 최종 후보지를 발표했다. 케이바이오 랩허브는 창업기업을 돕는다. "
                    "정부는 바이오 특화단지 지정 결과를 내놓았다. 시는 바이오특화단지 유치에 힘을 쏟았다.")
    found = find_programmes(a, NAMES)
    assert [(p.surface, p.name) for p in found] == [
        ("K-바이오 랩허브", "K-바이오 랩허브"), ("케이바이오 랩허브", "K-바이오 랩허브"),
        ("바이오 특화단지", "국가첨단전략산업 바이오 특화단지"), ("바이오특화단지", "국가첨단전략산업 바이오 특화단지")]
    text = a.document.text
    assert all(text[p.evidence.start:p.evidence.end] == p.surface for p in found)


def test_a_short_cluster_name_counts_only_as_a_word_of_its_own(analysed_of: AnalysedOf) -> None:
    a = analysed_of("행사는 충북오송에서 열렸다. 참가비 오송금은 없었다. 송도컨벤시아에는 500명이 모였다.")
    found = find_clusters(a, NAMES)
    assert [(c.surface, c.name, c.site) for c in found] == [("충북오송", "오송", False),
                                                           ("송도컨벤시아", "송도", True)]


def test_a_place_written_with_a_cluster_ending_is_a_new_cluster(analysed_of: AnalysedOf) -> None:
    a = analysed_of("충주 바이오헬스 국가산업단지 조성이 확정됐다. 충남 등 7개 규제자유특구도 발표됐다.")
    found = find_clusters(a, NAMES)
    assert [(c.name, c.kind) for c in found] == [("충주 바이오헬스 국가산업단지", "national_complex")]


def test_a_cluster_named_again_by_a_short_form_is_the_same_cluster(analysed_of: AnalysedOf) -> None:
    a = analysed_of("새 공장 부지는 경북바이오2차산업단지에 있다. 도와 시는 2019년 바이오2차단지 기공식을 열었다. "
                    "인근 국가산단과 산업단지에도 기업이 몰린다.")
    found = find_clusters(a, NAMES)
    assert [(c.surface, c.name) for c in found] == [("경북바이오2차산업단지", "경북바이오산업단지"),
                                                   ("바이오2차단지", "경북바이오산업단지")]
    text = a.document.text
    assert all(text[c.evidence.start:c.evidence.end] == c.surface for c in found)


def test_a_short_form_comes_after_the_name_and_stands_for_one_cluster_only(analysed_of: AnalysedOf) -> None:
    before = analysed_of("도는 바이오2차단지 기공식을 열었다. 공장은 경북바이오2차산업단지에 들어선다.")
    assert [c.surface for c in find_clusters(before, NAMES)] == ["경북바이오2차산업단지"]
    two = analysed_of("충주 바이오헬스 국가산업단지와 제천 바이오헬스 국가산업단지가 함께 발표됐다. "
                      "바이오헬스단지 두 곳은 2030년 완공된다.")
    assert [c.surface for c in find_clusters(two, NAMES)] == ["충주 바이오헬스 국가산업단지",
                                                              "제천 바이오헬스 국가산업단지"]
