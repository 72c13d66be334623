"""The iCalendar writer: RFC 5545 escaping, folding at 75 octets, all-day events, no clock."""

from __future__ import annotations

from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.models import Event
from biohub_cli.models.dates import PartialDate
from biohub_cli.render import calendar


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_only_events_with_a_full_date_are_placed(fixture_kb: KnowledgeBase) -> None:
    events = fixture_kb.active_events()
    text = calendar.to_ics(events)
    lines = _unfold(text)
    placed = [line.split(":", 1)[1] for line in lines if line.startswith("UID:")]
    assert "ev-xxxx-c1e63cee1b@biohub" not in placed  # ????-06-11
    assert "ev-2019-cf3a186636@biohub" not in placed  # 2019-07
    assert len(placed) == len(events) - len(calendar.undated(events)) == 6
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""


def test_multi_day_events_end_after_the_last_day_and_inferred_years_are_tentative(
        fixture_kb: KnowledgeBase) -> None:
    lines = _unfold(calendar.to_ics(fixture_kb.active_events()))
    i = lines.index("UID:ev-2025-304dfb4e1f@biohub")
    assert lines[i + 1: i + 4] == ["DTSTAMP:20250507T000000Z", "DTSTART;VALUE=DATE:20250507",
                                   "DTEND;VALUE=DATE:20250510"]
    j = lines.index("UID:ev-2024-9ed583be74@biohub")
    block = lines[j: lines.index("END:VEVENT", j)]
    assert "STATUS:TENTATIVE" in block


def test_text_is_escaped_and_lines_fold_without_splitting_characters() -> None:
    title = "인천-셀트리온 공동성장 협약; 가천대길병원, 인하대병원\\의료혁신\n" * 3
    ev = Event(id="ev-1", date=PartialDate.of(2025, 12, 2), type="agreement", title=title)
    text = calendar.to_ics([ev])
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    summary = next(line for line in _unfold(text) if line.startswith("SUMMARY:"))
    once = "인천-셀트리온 공동성장 협약\\; 가천대길병원\\, 인하대병원\\\\의료혁신\\n"
    assert summary == "SUMMARY:" + once * 3
    text.encode("utf-8").decode("utf-8")  # every fold fell between characters


def test_folded_lines_are_as_full_as_they_can_be_and_controls_are_dropped() -> None:
    title = "바이오\x00헬스 혁신 포럼\x07 — Songdo Bio Forum 2025 " * 4
    text = calendar.to_ics([Event(id="ev-2", date=PartialDate.of(2025, 5, 7), type="event", title=title)])
    lines = text.split("\r\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("SUMMARY:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    folded = lines[start:end]
    assert len(folded) > 2
    for i, line in enumerate(folded[:-1]):
        limit = 75
        size = len(line.encode("utf-8"))
        next_char = folded[i + 1][1]  # after the leading space
        assert size <= limit and size + len(next_char.encode("utf-8")) > limit
    summary = "".join([folded[0], *(line[1:] for line in folded[1:])])
    assert summary == "SUMMARY:" + "바이오헬스 혁신 포럼 — Songdo Bio Forum 2025 " * 4
