"""`biohub merge`, `merge --undo` and `split` as an analyst runs them: an undo gives back the records
byte for byte, a refusal says why and what to do, and nothing is changed silently."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from biohub_cli.kb import knowledge_base
from tests.cli.curation_kb import biohub, build, snapshot


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    return build(tmp_path / "kb")


def _org(root: Path, name: str) -> dict:  # type: ignore[type-arg]
    base = knowledge_base.load(root)
    org = base.org_by_name(name)
    assert org is not None, name
    return org.model_dump()


def test_undo_gives_back_the_records_byte_for_byte(kb: Path) -> None:
    before = snapshot(kb)
    code, _, err = biohub(kb, "merge", "셀트리온", "삼성바이오로직스")
    assert code == 0, err
    assert snapshot(kb) != before
    code, _, err = biohub(kb, "merge", "--undo", "셀트리온")
    assert code == 0, err
    assert "no longer merged into 삼성바이오로직스" in err
    assert snapshot(kb) == before
    code, out, _ = biohub(kb, "org", "셀트리온", "--format", "md")
    assert code == 0 and out.startswith("# 셀트리온")
    code, out, _ = biohub(kb, "org", "삼성바이오로직스", "--format", "md")
    assert "Celltrion" not in out and "셀트리온" not in out.split("## ")[0]


def test_undo_survives_a_later_ingest(kb: Path) -> None:
    before = snapshot(kb)
    biohub(kb, "merge", "셀트리온", "삼성바이오로직스")
    biohub(kb, "merge", "--undo", "셀트리온")
    from biohub_cli.ingest.pipeline import ingest

    ingest(kb, [])
    assert snapshot(kb) == before


def test_the_organisation_merged_into_keeps_its_type_and_says_what_changed(kb: Path) -> None:
    code, _, err = biohub(kb, "merge", "경북대병원", "경북대학교")
    assert code == 0, err
    assert _org(kb, "경북대학교")["type"] == "university"
    assert "type changed" not in err
    code, _, err = biohub(kb, "merge", "--undo", "경북대병원")
    assert code == 0, err
    assert _org(kb, "경북대병원")["type"] == "hospital"


def test_a_new_english_name_is_announced(kb: Path) -> None:
    # 삼성바이오로직스's own reports give no English name and keep it so; Celltrion becomes an alias
    code, _, err = biohub(kb, "merge", "셀트리온", "삼성바이오로직스")
    assert code == 0, err
    org = _org(kb, "삼성바이오로직스")
    assert org["name_en"] is None and "Celltrion" in org["aliases"]


def test_a_misspelt_target_is_refused_with_suggestions(kb: Path) -> None:
    before = snapshot(kb)
    code, _, err = biohub(kb, "merge", "경북대병원", "경북대핵교")
    assert code == 1
    assert err == "error: no organisation named 경북대핵교; did you mean: 경북대학교, 경북대병원?\n"
    assert snapshot(kb) == before
    assert not (kb / "aliases.yaml").exists()


def test_a_second_merge_of_the_same_name_is_refused(kb: Path) -> None:
    assert biohub(kb, "merge", "경북대병원", "경북대학교")[0] == 0
    code, _, err = biohub(kb, "merge", "경북대병원", "인천광역시")
    assert code == 2
    assert "경북대병원 is already merged into 경북대학교 (aliases.yaml)" in err
    assert "biohub merge --undo 경북대병원" in err
    assert yaml.safe_load((kb / "aliases.yaml").read_text(encoding="utf-8"))["merges"] == {"경북대병원": "경북대학교"}


def test_merging_into_ones_own_alias_is_refused(kb: Path) -> None:
    before = snapshot(kb)
    code, _, err = biohub(kb, "merge", "인천광역시", "인천시")
    assert code == 2
    assert "인천광역시 and 인천시 are one organisation already (인천광역시)" in err
    assert snapshot(kb) == before


def test_an_alias_names_the_organisation_it_stands_for(kb: Path) -> None:
    before = snapshot(kb)
    code, _, err = biohub(kb, "merge", "Celltrion", "삼성바이오로직스")
    assert code == 0, err
    assert "merged 셀트리온 (as Celltrion) into 삼성바이오로직스" in err
    assert biohub(kb, "merge", "--undo", "셀트리온")[0] == 0
    assert snapshot(kb) == before


def test_undo_of_a_name_never_merged_says_so(kb: Path) -> None:
    biohub(kb, "merge", "경북대병원", "경북대학교")
    code, _, err = biohub(kb, "merge", "--undo", "경북대벙원")
    assert code == 1
    assert "경북대벙원 is not merged into anything (aliases.yaml); did you mean: 경북대병원?" in err


def _event_ids(root: Path) -> dict[str, str]:
    base = knowledge_base.load(root)
    return {e.title: e.id for e in base.events.values() if e.status == "active"}


def test_events_merge_and_undo_give_back_the_records(kb: Path) -> None:
    ids = _event_ids(kb)
    before = snapshot(kb)
    a, b = ids["바이오 인력 양성 간담회"], ids["삼성바이오로직스 5공장 착공식"]
    code, _, err = biohub(kb, "merge", a, b)
    assert code == 0, err
    base = knowledge_base.load(kb)
    assert base.events[a].status == "merged"
    merged = base.events[b]
    assert merged.title == "삼성바이오로직스 5공장 착공식" and merged.date.iso() == "2023-04-18"  # b's own
    assert len(merged.sources) == 2
    code, out, _ = biohub(kb, "timeline", "--format", "csv")
    assert "바이오 인력 양성 간담회" not in out
    assert biohub(kb, "validate")[0] == 0
    assert biohub(kb, "merge", "--undo", a)[0] == 0
    assert snapshot(kb) == before


def test_event_merge_refusals_match_the_organisation_ones(kb: Path) -> None:
    ids = _event_ids(kb)
    a, b = ids["바이오 인력 양성 간담회"], ids["삼성바이오로직스 5공장 착공식"]
    code, _, err = biohub(kb, "merge", a, b[:-3])
    assert code == 1 and err.startswith(f"error: no event with id '{b[:-3]}'; did you mean: {b}")
    assert biohub(kb, "merge", a, b)[0] == 0
    code, _, err = biohub(kb, "merge", a, ids["셀트리온·인천광역시 바이오 생산 허브 업무협약"])
    assert code == 2 and f"{a} is already merged into {b} (events.yaml)" in err
    code, _, err = biohub(kb, "merge", "셀트리온", b)
    assert code == 2 and "two organisations or two events" in err


def test_split_takes_a_report_out_and_its_undo_puts_it_back(kb: Path) -> None:
    base = knowledge_base.load(kb)
    (meeting,) = [e for e in base.events.values() if len(e.sources) == 2]
    before = snapshot(kb)
    code, _, err = biohub(kb, "split", meeting.id, "d1.txt")
    assert code == 0, err
    after = knowledge_base.load(kb)
    assert len(after.events[meeting.id].sources) == 1
    alone = [e for e in after.events.values() if e.sources == [s for s in meeting.sources
                                                               if after.sources[s].file_name == "d1.txt"]]
    assert len(alone) == 1 and alone[0].id != meeting.id
    assert f"it is event {alone[0].id} now" in err
    assert biohub(kb, "validate")[0] == 0
    code, _, err = biohub(kb, "split", "--undo", meeting.id, "d1.txt")
    assert code == 0, err
    assert snapshot(kb) == before


def test_split_refuses_what_it_cannot_do(kb: Path) -> None:
    ids = _event_ids(kb)
    lone = ids["바이오 인력 양성 간담회"]
    code, _, err = biohub(kb, "split", lone, "d0.txt")
    assert code == 1 and f"d0.txt is not a report of {lone}; its reports: " in err
    base = knowledge_base.load(kb)
    (meeting,) = [e for e in base.events.values() if len(e.sources) == 2]
    biohub(kb, "merge", lone, meeting.id)
    joined = base.sources[base.events[lone].sources[0]]
    code, _, err = biohub(kb, "split", meeting.id, joined.file_name)
    assert code == 2
    assert f"is in {meeting.id} because {lone} was merged into it by hand" in err
    assert f"biohub merge --undo {lone}" in err
