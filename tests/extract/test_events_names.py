"""Events: titles that must name something (no `지난해 행사`), another edition of a yearly series, the
venue of `같은 장소`, a headline that does not lead, a body launched by name, and what a decision is."""

from __future__ import annotations

from pathlib import Path

from biohub_cli.analyse import analyse
from biohub_cli.extract.dates.find import find_dates
from biohub_cli.extract.events.clauses import decided_name
from biohub_cli.extract.events.find import find_events
from biohub_cli.extract.events.titles import is_vacuous, series_title, year_shift
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.facts import EventMention
from biohub_cli.models.records import Segment
from biohub_cli.models.stages import Document, Metadata, RawDocument
from tests.extract.conftest import org_mentions
from tests.extract.test_events import ORGS, events_of, mains, roles
from tests.extract.test_events_leads import only_main, related


def test_vacuous_titles_are_time_words_vague_words_and_event_nouns() -> None:
    vacuous = ("지난해 행사", "올해 회의", "이번 사업 선정", "당시 행사", "제2차 회의", "같은 행사", "작년 협약 체결")
    for title in vacuous:
        assert is_vacuous(title), title
    for title in ("BIO KOREA 2024", "해양바이오 박람회", "부산바이오밸리 추진위원회 구성", "지난해 부산 바이오 포럼"):
        assert not is_vacuous(title), title


def test_series_title_moves_the_year_of_the_main_title() -> None:
    assert series_title("해양바이오 엑스포 2026", 2026, 2025) == "해양바이오 엑스포 2025"
    assert series_title("2026 부산 바이오 투자박람회", 2026, 2024) == "2024 부산 바이오 투자박람회"
    assert series_title("해양바이오 엑스포", 2026, 2025) is None  # no year in the name: nothing to move
    assert series_title("해양바이오 엑스포 2026", 2026, 2026) is None
    assert year_shift("지난해 행사") == -1 and year_shift("올해 행사") == 0 and year_shift("행사") is None


PREVIEW = (
    "경상남도는 세계 해양바이오 기업이 모이는 '해양바이오 엑스포 2026'을 오는 4월 14일부터 16일까지 "
    "창원 컨벤션센터에서 연다고 3일 밝혔다.\n"
    "같은 장소에서 4월 15일부터 17일까지 열린 지난해 행사에는 30개국에서 8,000여 명이 다녀갔다.\n"
)


def test_last_years_edition_takes_the_series_name_and_the_same_venue() -> None:
    events = events_of(PREVIEW, published="2026-02-03")
    ev = only_main(events)
    assert (ev.title, ev.date.iso(), ev.venue) == ("해양바이오 엑스포 2026", "2026-04-14", "창원 컨벤션센터")
    assert related(events) == [("2025-04-15", "event", "해양바이오 엑스포 2025")]
    last = next(e for e in events if not e.main)
    assert last.venue == "창원 컨벤션센터" and last.end_date is not None and last.end_date.iso() == "2025-04-17"


def test_a_vacuous_related_event_without_a_series_name_is_dropped() -> None:
    text = ("경상남도는 오는 4월 14일 창원 컨벤션센터에서 '해양바이오 엑스포'를 연다고 3일 밝혔다.\n"
            "지난해 4월 15일 열린 지난해 행사에는 8,000여 명이 다녀갔다.\n")
    events = events_of(text, published="2026-02-03")
    assert only_main(events).title == "해양바이오 엑스포"
    assert related(events) == []


def test_every_title_of_a_story_names_something() -> None:
    events = events_of(PREVIEW, published="2026-02-03") + events_of(MEETING_HEAD, published="2025-03-11")
    assert events and not [e.title for e in events if is_vacuous(e.title)]


def _with_title(text: str, title: str, published: str) -> list[EventMention]:
    parsed = PartialDate.parse_iso(published)
    date = PartialDate.of(parsed.year, parsed.month, parsed.day, basis="text")
    doc = Document(raw=RawDocument(path=Path("t.txt"), sha256="1" * 64, format="text", text=text), text=text,
                   segments=(Segment(kind="body", start=0, end=len(text)),), noise=(),
                   metadata=Metadata(title=title, published=date))
    analysed = analyse(doc)
    return find_events(analysed, find_dates(analysed, date), org_mentions(analysed, ORGS), [])


HEADLINE = "부산시, 5월 20일(수) 센텀서 ‘2026 부산 바이오 투자박람회’ 연다"


def test_the_headline_does_not_lead_when_a_full_sentence_does() -> None:
    text = (f"{HEADLINE}\n"
            "부산시는 오는 5월 20일(수) 벡스코 컨벤션홀에서 ‘2026 부산 바이오 투자박람회’를 개최한다고 "
            "12일 밝혔다.\n")
    ev = only_main(_with_title(text, HEADLINE, "2026-05-12"))
    assert (ev.title, ev.date.iso(), ev.venue) == ("2026 부산 바이오 투자박람회", "2026-05-20", "벡스코 컨벤션홀")
    assert roles(ev) == {"부산광역시": "host"}


def test_a_headline_leads_when_nothing_else_does() -> None:
    text = f"{HEADLINE}\n행사에는 기업 40곳이 참여한다.\n"
    ev = only_main(_with_title(text, HEADLINE, "2026-05-12"))
    assert (ev.title, ev.date.iso()) == ("2026 부산 바이오 투자박람회", "2026-05-20")


MEETING_HEAD = (
    "부산바이오밸리 추진위원회가 3월 11일 부산 해운대구 센텀타워에서 세 번째 회의를 열었다고 "
    "부산광역시가 밝혔다.\n"
    "추진위원회는 기업과 대학이 함께 꾸린 협의체로, 지난 2023년 9월 처음 출범했다.\n"
)


def test_a_body_launched_under_its_short_name_is_named_in_full() -> None:
    events = events_of(MEETING_HEAD, published="2025-03-11")
    assert related(events) == [("2023-09", "launch", "부산바이오밸리 추진위원회 출범")]
    launch = next(e for e in events if not e.main)
    assert roles(launch) == {}  # what was launched is no host of its own launch


def test_a_decision_is_typed_by_what_was_decided_not_by_money_nearby() -> None:
    board = events_of("동백제약은 지난 8일 이사회를 열고 3천억 원을 들인 제2공장 건설 안건을 의결했다고 공시했다.\n",
                      published="2025-04-10")
    ev = only_main(board)
    assert (ev.date.iso(), ev.type, ev.title) == ("2025-04-08", "announcement", "제2공장 건설 의결")
    budget = only_main(events_of("부산시의회는 9일 본회의를 열고 바이오 기업 지원 예산안을 의결했다.\n",
                                 published="2025-04-10"))
    assert budget.type == "funding"


def test_decided_name_drops_an_agenda_word_but_keeps_words_ending_in_an() -> None:
    assert decided_name("제2공장 건설 안건") == "제2공장 건설"
    assert decided_name("특화단지 지정안") == "특화단지 지정"
    assert decided_name("바이오 육성 방안") == "바이오 육성 방안"


def test_mains_are_kept_for_a_story() -> None:
    assert len(mains(events_of(PREVIEW, published="2026-02-03"))) == 1


def test_a_linking_noun_after_a_describing_verb_is_no_part_of_the_name() -> None:
    text = ("해양수산부는 29일 정부세종청사에서 기업과 병원 관계자가 참석한 가운데 해양바이오 민관 회의를 열었다고 "
            "밝혔다.\n")
    events = events_of(text, published="2024-05-29")
    assert [(e.main, e.title) for e in events] == [(True, "해양바이오 민관 회의")]


def test_the_happening_a_story_counts_from_is_a_related_event() -> None:
    text = ("경상남도는 10월 14일 창원 컨벤션센터에서 ‘창원 해양바이오 규제자유특구 실증 보고회’를 열었다고 밝혔다.\n"
            "이번 보고회는 지난 7월 특구 지정 이후 처음 열린 공식 회의다.\n")
    events = events_of(text, published="2024-10-15")
    assert related(events) == [("2024-07", "designation", "창원 해양바이오 규제자유특구 지정")]


def test_a_launch_counted_from_takes_the_name_of_the_body() -> None:
    text = ("‘부산-양산 바이오 특화단지 협의회’는 9일 양산시청 대회의실에서 제2차 정기회의를 가졌다.\n"
            "지난해 12월 출범식 이후 두 번째로 열린 이 자리에는 관계자 30여 명이 모였다.\n")
    events = events_of(text, published="2025-07-09")
    assert related(events) == [("2024-12", "launch", "부산-양산 바이오 특화단지 협의회 출범식")]
