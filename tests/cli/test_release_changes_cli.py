"""A release that changes keeps the analyst's work, and a publication date set by hand dates the
document's relative dates anew: `biohub ingest` as an analyst runs it, on releases we wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from biohub_cli.kb import knowledge_base
from tests.cli.curation_kb import biohub

AGREEMENT = """인천시, 바이오 기업과 인재 양성 협약 체결

인천광역시는 2025년 3월 12일 송도컨벤시아에서 셀트리온, 인천대학교와 바이오 인재 양성 업무협약을 체결했다고 밝혔다.
협약에 따라 세 기관은 바이오 공정 교육 과정을 함께 운영한다.
"""
# the same release, corrected: another day and another hall
CORRECTED = AGREEMENT.replace("2025년 3월 12일 송도컨벤시아에서", "2025년 3월 13일 인천시청 대회의실에서")

MEETING = """시흥시, 바이오 특화단지 실무협의회 개최

시흥시는 지난 12일 시흥시청 회의실에서 바이오 특화단지 실무협의회 첫 회의를 열었다고 밝혔다.
이날 회의에는 시흥시와 인천광역시 관계자 20여 명이 참석했다.
"""


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    assert biohub(root, "init", str(root))[0] == 0
    return root


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def _edit(path: Path, field: str, value: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(f"{field}: {value}\n" if line.startswith(f"{field}:") else line for line in lines),
                    encoding="utf-8")


def _active_events(root: Path) -> list:  # type: ignore[type-arg]
    return [e for e in knowledge_base.load(root).events.values() if e.status == "active"]


def test_a_changed_release_keeps_the_edits_on_its_event_and_reports_the_conflict(kb: Path, tmp_path: Path) -> None:
    releases = _write(tmp_path / "releases", "a.txt", AGREEMENT)
    assert biohub(kb, "ingest", str(releases))[0] == 0
    (event,) = _active_events(kb)
    path = knowledge_base.load(kb).paths[event.id]
    _edit(path, "title", "인천시·셀트리온·인천대 인재 양성 협약")
    _edit(path, "venue", "송도컨벤시아 프리미어볼룸")
    _write(releases, "a.txt", CORRECTED)
    code, _, err = biohub(kb, "ingest", str(releases))
    assert code == 0, err
    (now,) = _active_events(kb)  # one event, not a second one beside the edited one
    assert now.title == "인천시·셀트리온·인천대 인재 양성 협약" and now.venue == "송도컨벤시아 프리미어볼룸"
    assert now.date.iso() == "2025-03-13"
    base = knowledge_base.load(kb)
    assert len(base.sources) == 1 and now.sources == sorted(base.sources)
    assert f"your edits (title, venue) now apply to {now.id}" in err
    assert f"event {now.id}: field 'venue' was edited by hand and the new extraction differs; kept the edit" in err
    code, out, _ = biohub(kb, "validate")
    assert code == 0, out
    assert "changed (new content) │ 1" in err
    assert "records removed: record files no document makes any more" in err  # what was removed, said


def test_a_published_date_set_by_hand_dates_the_relative_dates_at_the_next_ingest(kb: Path, tmp_path: Path) -> None:
    releases = _write(tmp_path / "releases", "b.txt", MEETING)
    assert biohub(kb, "ingest", str(releases))[0] == 0
    (event,) = _active_events(kb)
    assert event.date.iso() == "---12"  # no publication date: the year and month stay unknown
    base = knowledge_base.load(kb)
    (src,) = base.sources.values()
    _edit(base.paths[src.id], "published", "{year: 2025, month: 6, day: 20, precision: day, year_certain: true}")
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    code, _, err = biohub(kb, "ingest", str(nothing))
    assert code == 0, err
    (event,) = _active_events(kb)
    assert event.date.iso() == "2025-06-12"
    assert "b.txt: dated 2025-06-20 as set by hand in its record; its relative dates were worked out again" in err
    # and it stays so through a forced re-extraction of the file
    code, _, err = biohub(kb, "ingest", "--force", str(releases))
    assert code == 0, err
    (event,) = _active_events(kb)
    assert event.date.iso() == "2025-06-12"
    assert "extracted again       │ 1" in err


def test_published_on_a_known_file_applies_it(kb: Path, tmp_path: Path) -> None:
    releases = _write(tmp_path / "releases", "b.txt", MEETING)
    assert biohub(kb, "ingest", str(releases))[0] == 0
    code, _, err = biohub(kb, "ingest", "--published", "2025-06-20", str(releases))
    assert code == 0, err
    assert "extracted again       │ 1" in err and "unchanged             │ 0" in err
    (event,) = _active_events(kb)
    assert event.date.iso() == "2025-06-12"  # 지난 12일, said on 20 June
    (src,) = knowledge_base.load(kb).sources.values()
    assert src.published is not None and src.published.iso() == "2025-06-20"
    code, _, err = biohub(kb, "ingest", "--published", "2025-06-20", str(releases))
    assert "unchanged             │ 1" in err  # nothing new to apply


MEETING_RELEASE = """인천시·시흥시, 바이오 특화단지 추진단 정기회의 개최

인천광역시와 시흥시는 2025년 7월 9일 시흥시청에서 바이오 특화단지 추진단 제2차 정기회의를 열었다고 밝혔다.
회의에는 두 도시 관계자 30여 명이 참석했다.
"""
MEETING_ARTICLE = """시흥서 바이오 특화단지 추진단 두 번째 정기회의

인천광역시와 시흥시가 2025년 7월 9일 시흥시청 회의실에서 바이오 특화단지 추진단 제2차 정기회의를 공동 개최했다.
"""
TALENT = """셀트리온, 인천시와 바이오 인재 양성 협약

셀트리온은 2025년 8월 20일 인천시청에서 인천광역시와 바이오 인재 양성 업무협약을 체결했다고 밝혔다.
"""


def test_event_merges_and_splits_survive_reingest_and_force(kb: Path, tmp_path: Path) -> None:
    releases = tmp_path / "releases"
    for name, text in (("a.txt", MEETING_RELEASE), ("b.txt", MEETING_ARTICLE), ("c.txt", TALENT)):
        _write(releases, name, text)
    assert biohub(kb, "ingest", str(releases))[0] == 0
    events = _active_events(kb)
    (meeting,) = [e for e in events if len(e.sources) == 2]  # two reports, one meeting
    (talent,) = [e for e in events if e.type == "agreement"]
    code, _, err = biohub(kb, "split", meeting.id, "b.txt")
    assert code == 0, err
    (alone,) = [e for e in _active_events(kb) if e.id not in (meeting.id, talent.id)]
    code, _, err = biohub(kb, "merge", talent.id, alone.id)
    assert code == 0, err

    def curated() -> list[tuple[str, int, str]]:
        return sorted((e.id, len(e.sources), e.status) for e in knowledge_base.load(kb).events.values())

    expected = [(talent.id, 1, "merged"), (meeting.id, 1, "active"), (alone.id, 2, "active")]
    assert curated() == sorted(expected)
    before = {p: p.read_bytes() for p in (kb / "records").rglob("*.yaml")}
    for args in (["ingest", str(releases)], ["ingest", "--force", str(releases)]):
        code, _, err = biohub(kb, *args)
        assert code == 0, err
        assert curated() == sorted(expected), args
        assert {p: p.read_bytes() for p in (kb / "records").rglob("*.yaml")} == before, args
    assert biohub(kb, "merge", "--undo", talent.id)[0] == 0
    assert biohub(kb, "split", "--undo", meeting.id, "b.txt")[0] == 0
    assert sorted(e.id for e in _active_events(kb)) == sorted([meeting.id, talent.id])
