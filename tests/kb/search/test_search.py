"""`biohub search` on releases we wrote: morphemes, compounds, aliases, phrases, filters, a stale index."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from biohub_cli.cli.app import app
from biohub_cli.kb.search import expression
from biohub_cli.kb.search import terms as terms_mod
from tests.kb.search.conftest import OSONG, ingest_files

runner = CliRunner()


@pytest.fixture
def kb(made: Path, tmp_path: Path) -> Path:
    shutil.copytree(made / "kb", tmp_path / "kb")
    return tmp_path / "kb"


def search(kb: Path, *args: str) -> dict[str, Any]:
    res = runner.invoke(app, ["--kb", str(kb), "search", *args, "--format", "json", "--limit", "0"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)  # type: ignore[no-any-return]


def titles(kb: Path, *args: str, kind: str = "source") -> set[str]:
    return {h["title"].split(",")[0] for h in search(kb, *args)["hits"] if h["kind"] == kind}


def test_a_word_matches_whatever_particle_follows_it(kb: Path) -> None:
    for word in ("셀트리온", "셀트리온은", "셀트리온과", "셀트리온이"):  # 셀트리온이 is written nowhere
        assert titles(kb, word) == {"인천광역시"}, word


def test_a_compound_finds_its_parts_written_apart_and_back(kb: Path) -> None:
    assert titles(kb, "바이오클러스터") == {"인천광역시", "충청북도"}
    assert titles(kb, '"바이오 클러스터"') == {"인천광역시", "충청북도"}


def test_an_alias_finds_its_organisations_events(kb: Path) -> None:
    events = {h["title"] for h in search(kb, "대구시")["hits"] if h["kind"] == "event"}
    assert events == {"첨단의료복합단지 입주 기업 설명회"}  # found by its organisation 대구광역시, not its words


def test_several_words_mean_all_of_them(kb: Path) -> None:
    assert titles(kb, "국비") == {"충청북도", "대구시"}
    assert titles(kb, "국비 오송") == {"충청북도"}
    assert titles(kb, "국비 셀트리온") == set()


def test_a_quoted_phrase_means_those_words_in_a_row(kb: Path) -> None:
    assert titles(kb, "설비 생산") == {"인천광역시"}
    assert titles(kb, '"설비 생산"') == set()
    assert titles(kb, '"생산 설비"') == {"인천광역시"}


def test_hits_show_the_source_a_marked_snippet_and_the_records_citing_the_sentence(kb: Path) -> None:
    hit = next(h for h in search(kb, "증설 체결")["hits"] if h["kind"] == "source")
    marked = [hit["snippet"][a:b] for a, b in hit["marks"]]
    assert marked == ["증설", "체결"]
    assert any(c["kind"] == "event" for c in hit["cited"])
    assert any(c["kind"] == "org" and c["label"] == "셀트리온" for c in hit["cited"])


def test_filters_as_the_timeline_has_them(kb: Path) -> None:
    assert titles(kb, "바이오", "--since", "2025") == {"인천광역시", "충청북도"}
    assert titles(kb, "바이오", "--until", "2024") == {"대구시"}
    assert titles(kb, "바이오", "--org", "셀트리온") == {"인천광역시"}
    assert titles(kb, "바이오", "--type", "agreement") == {"인천광역시"}
    hits = search(kb, "바이오", "--type", "협약")["hits"]
    assert {h["date"] for h in hits if h["kind"] == "event"} == {"2025-03-04"}
    res = runner.invoke(app, ["--kb", str(kb), "search", "바이오", "--org", "없는기관"])
    assert res.exit_code == 1 and "no organisation named 없는기관" in res.output


def test_a_query_of_latin_letters_and_digits_needs_no_kiwi(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(texts: object) -> None:
        raise AssertionError("Kiwi was asked")

    monkeypatch.setattr(terms_mod, "analyse", refuse)
    assert terms_mod.query_terms(["IBIS", "mRNA-1273", "2025"], {}) == [["ibis"], ["mrna", "1273"], ["2025"]]
    assert terms_mod.query_terms(["셀트리온은"], {"셀트리온은": ("셀트리온",)}) == [["셀트리온"]]


def test_compound_alternatives_come_from_the_index_vocabulary() -> None:
    parsed = expression.parse('바이오 클러스터 "생산 설비"')
    groups = expression.groups(parsed, [["바이오"], ["클러스터"], ["생산"], ["설비"]],
                               lambda c: {"바이오클러스터"} & set(c))
    assert groups[0] == (((("바이오",), ("클러스터",))), (("바이오클러스터",),))
    assert groups[1] == ((("생산", "설비"),),)
    split = expression.groups(expression.parse("바이오클러스터"), [["바이오클러스터"]],
                              lambda c: {"바이오", "클러스터"} & set(c))
    assert split == [((("바이오클러스터",),), ((("바이오", "클러스터"),)))]


def _settle(kb: Path) -> None:
    """Files written seconds ago count as settled (the index may keep its listing)."""
    old = 1_600_000_000
    for p in (kb / "records").rglob("*.yaml"):
        os.utime(p, (old, old))


def test_the_index_follows_an_ingest_a_hand_edit_and_a_deleted_record(kb: Path, tmp_path: Path) -> None:
    assert titles(kb, "오송") == {"충청북도"}
    ingest_files(tmp_path, {"osong2.txt": OSONG.replace("임상시험 지원 센터", "오가노이드 연구동")})
    assert len(titles(kb, "오가노이드")) == 1
    event = next((kb / "records" / "events").rglob("*.yaml"))
    text = event.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    event.write_text(text.replace(title, "title: 줄기세포 치료제 공동연구"), encoding="utf-8")
    _settle(kb)
    assert {h["id"] for h in search(kb, "줄기세포")["hits"]} == {event.stem}
    event.unlink()
    assert search(kb, "줄기세포")["hits"] == []
