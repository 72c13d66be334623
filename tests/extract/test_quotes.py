"""Quotes: the words inside the marks, and the speaker the text names."""

from __future__ import annotations

from biohub_cli.extract.quotes import find_quotes
from biohub_cli.models.facts import Quote
from tests.extract.conftest import AnalysedOf, build_analysed, person_mentions


def quotes(analysed_of: AnalysedOf, text: str, people: dict[str, str | None]) -> list[Quote]:
    analysed = analysed_of(text)
    found = find_quotes(analysed, person_mentions(analysed, people))
    for q in found:
        assert " ".join(analysed.document.text[q.evidence.start:q.evidence.end].split()) == q.text
    return found


def test_curly_quote_with_speaker_before(analysed_of: AnalysedOf) -> None:
    text = "김하늘 바이오국장은 “송도를 연구 중심 도시로 키우겠다”라고 말했다."
    found = quotes(analysed_of, text, {"김하늘": "인천광역시"})
    assert [(q.speaker, q.text) for q in found] == [("김하늘", "송도를 연구 중심 도시로 키우겠다")]


def test_straight_quotes_in_two_parts(analysed_of: AnalysedOf) -> None:
    text = '박서진 부시장은 "오늘 협약은 출발점"이라며 "기업 지원을 아끼지 않겠다"고 했다.'
    found = quotes(analysed_of, text, {"박서진": None})
    assert [(q.speaker, q.text) for q in found] == [
        ("박서진", "오늘 협약은 출발점"), ("박서진", "기업 지원을 아끼지 않겠다")]


def test_continuation_takes_the_previous_speaker(analysed_of: AnalysedOf) -> None:
    text = ("이도윤 본부장은 “바이오 산업을 보는 눈이 달라졌다”고 말했다.\n"
            "참석 기관들도 협력을 약속했다.\n"
            "이어 “좋은 의견을 부탁드린다”고 말했다.")
    found = quotes(analysed_of, text, {"이도윤": "인천광역시"})
    assert [q.speaker for q in found] == ["이도윤", "이도윤"]
    assert found[1].text == "좋은 의견을 부탁드린다"


def test_nearest_person_before_wins(analysed_of: AnalysedOf) -> None:
    text = "회의에는 최민호 원장이 함께했다. 행사에 참석한 정유나 비서관은 “협력이 중요하다”며 당부했다."
    found = quotes(analysed_of, text, {"최민호": None, "정유나": None})
    assert [q.speaker for q in found] == ["정유나"]


def test_speaker_after_the_quote(analysed_of: AnalysedOf) -> None:
    found = quotes(analysed_of, "“지역과 함께 성장하겠다”라고 한지우 대표는 밝혔다.", {"한지우": None})
    assert [q.speaker for q in found] == ["한지우"]


def test_no_named_speaker_stays_none(analysed_of: AnalysedOf) -> None:
    found = quotes(analysed_of, "시 관계자는 “예산 확보에 힘쓰겠다”고 말했다.", {})
    assert [(q.speaker, q.text) for q in found] == [(None, "예산 확보에 힘쓰겠다")]


def test_quoted_names_are_not_quotes(analysed_of: AnalysedOf) -> None:
    text = '시는 "바이오 성장 파트너"를 비전으로 내걸고 “K-바이오”라는 구호를 앞세웠다.'
    assert quotes(analysed_of, text, {}) == []


def test_people_inside_a_quote_are_not_speakers(analysed_of: AnalysedOf) -> None:
    text = "오세린 국장은 “윤태오 교수님 덕분에 협의회가 컸다”고 말했다."
    found = quotes(analysed_of, text, {"오세린": None, "윤태오": None})
    assert [q.speaker for q in found] == ["오세린"]


def test_translation_quotes_are_skipped() -> None:
    analysed = build_analysed("강다은 시장은 “함께 가겠다”고 말했다.",
                              translation='Mayor Kang said, "We will go together."')
    found = find_quotes(analysed, person_mentions(analysed, {"강다은": None}))
    assert [q.text for q in found] == ["함께 가겠다"]
