"""Events on reporting the rules were not written against: a programme passing a review, targets and plans
that are no main event, the day a release reports as opposed to the day of the happening, titles without
stray words, and the parties of an agreement."""

from __future__ import annotations

from tests.extract.test_events import events_of, mains, roles
from tests.extract.test_events_leads import only_main, related


def test_a_programme_passing_a_feasibility_review_is_a_decision_on_the_day_reported() -> None:
    text = ("보건복지부 의료기기 실증사업인 ‘부산 메디컬 테스트베드 조성사업’이 예비타당성조사(2022년 3월~2023년 1월)를 "
            "통과했다고 14일 밝혔다.\n"
            "이에 따라 2024년부터 5년간 900억 원이 들어간다.\n")
    ev = only_main(events_of(text))
    assert (ev.date.iso(), ev.type) == ("---14", "designation")
    assert ev.title == "부산 메디컬 테스트베드 조성사업 예비타당성조사 통과"
