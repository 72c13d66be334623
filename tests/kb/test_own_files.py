"""`biohub validate` checks what the next ingest and build read besides records: biohub.yaml, aliases.yaml,
records/index.yaml and the templates; and merges an analyst typed into aliases.yaml are checked as
`biohub merge` checks them, by validate and before an ingest uses them.

A cycle typed into aliases.yaml (경기도 -> 교육부 -> 보건복지부 -> 경기도) passed validate; ingest exited 0
and wrote organisation records that validate then rejected, and `biohub org 교육부` showed 경기도.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from biohub_cli.cli.app import app
from biohub_cli.errors import BiohubError, RecordError
from biohub_cli.ingest import merging, pipeline

CYCLE = "merges:\n  경기도: 교육부\n  교육부: 보건복지부\n  보건복지부: 경기도\n  인천시청: 인천광역시\n"


def _cli(kb: Path, *args: str) -> tuple[int, str]:
    res = CliRunner().invoke(app, ["--kb", str(kb), *args], env={"COLUMNS": "200", "NO_COLOR": "1"})
    if isinstance(res.exception, BiohubError):
        return res.exception.exit_code, res.output + res.exception.render()
    return res.exit_code, res.output


def _problems(kb: Path) -> list[str]:
    code, out = _cli(kb, "validate")
    lines = [line for line in out.splitlines() if line.startswith(str(kb))]
    assert (code == 1) == bool(lines), out
    return lines


def test_the_fixture_knowledge_base_validates(kb_copy: Path) -> None:
    assert _problems(kb_copy) == []


def test_a_cycle_of_merges_is_a_validate_problem_naming_its_line(kb_copy: Path) -> None:
    (kb_copy / "aliases.yaml").write_text(CYCLE, encoding="utf-8")
    assert _problems(kb_copy) == [
        f"{kb_copy / 'aliases.yaml'}:2: merges make a cycle: 경기도 → 교육부 → 보건복지부 → 경기도, so none of them "
        "is the organisation the others join (remove one of them, e.g. `biohub merge --undo 경기도`)"]


def test_an_ingest_refuses_a_cycle_of_merges_before_it_reads_a_file(kb_copy: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (kb_copy / "aliases.yaml").write_text(CYCLE, encoding="utf-8")
    before = sorted((p, p.read_bytes()) for p in (kb_copy / "records").rglob("*.yaml"))
    (tmp_path / "in").mkdir()
    release = "경기도는 2024년 3월 2일 교육부와 협약을 맺었다고 밝혔다.\n"
    (tmp_path / "in" / "r.txt").write_text(release, encoding="utf-8")
    monkeypatch.setattr(pipeline, "process_files", lambda *a, **k: pytest.fail("a file was read"))
    with pytest.raises(RecordError, match="merges make a cycle"):
        pipeline.ingest(kb_copy, [tmp_path / "in"], pipeline.IngestOptions(jobs=1))
    assert sorted((p, p.read_bytes()) for p in (kb_copy / "records").rglob("*.yaml")) == before


def test_merge_refuses_a_cycle_and_undo_takes_one_back(kb_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(merging, "_apply", lambda root: merging.Outcome())  # resolving again is not tested here
    (kb_copy / "aliases.yaml").write_text("merges:\n  중소벤처기업부: 한국생명공학연구원\n", encoding="utf-8")
    with pytest.raises(BiohubError, match="would make a cycle"):
        merging.merge(kb_copy, "한국생명공학연구원", "중소벤처기업부")
    (kb_copy / "aliases.yaml").write_text(CYCLE, encoding="utf-8")
    merging.undo(kb_copy, "경기도")
    assert _problems(kb_copy) == []


@pytest.mark.parametrize(("text", "line", "says"), [
    ("merges: [경기도, 교육부]\n", 1, "'merges' must map each name"),
    ("merges:\n  경기도: {교육부: 1}\n", 1, "'merges' must map each name"),
    ("merges:\n  경기도: 경기도\n", 2, "merges make a cycle: 경기도 → 경기도"),
    ("merges: {경기도: [unclosed\n", 2, "malformed YAML"),
])
def test_aliases_biohub_cannot_use_are_validate_problems(kb_copy: Path, text: str, line: int, says: str) -> None:
    (kb_copy / "aliases.yaml").write_text(text, encoding="utf-8")
    (problem,) = _problems(kb_copy)
    assert problem.startswith(f"{kb_copy / 'aliases.yaml'}:{line}: ") and says in problem, problem


@pytest.mark.parametrize(("text", "says"), [
    ("version: 1\nlang: fr\n", "lang: 'fr' is not a language of the reports"),
    ("version: 7\nlang: ko\n", "version: 7 is not a knowledge-base version"),
    ("- lang\n- ko\n", "must be a mapping"),
    ("lang: [ko\n", "malformed YAML"),
])
def test_a_biohub_yaml_the_build_would_fail_on_is_a_validate_problem(kb_copy: Path, text: str, says: str) -> None:
    (kb_copy / "biohub.yaml").write_text(text, encoding="utf-8")
    (problem,) = _problems(kb_copy)
    assert problem.startswith(f"{kb_copy / 'biohub.yaml'}:") and says in problem, problem


@pytest.mark.parametrize(("text", "says"), [
    ("org-2606da884a: maybe\n", "state 'maybe' is neither written nor deleted"),
    ("../../etc/passwd: written\n", "holds '..'"),
    ("- org-2606da884a\n", "must be a mapping"),
    ("org-2606da884a: [written\n", "malformed YAML"),
])
def test_an_index_the_ingest_would_fail_on_is_a_validate_problem(kb_copy: Path, text: str, says: str) -> None:
    (kb_copy / "records" / "index.yaml").write_text(text, encoding="utf-8")
    (problem,) = _problems(kb_copy)
    assert problem.startswith(f"{kb_copy / 'records' / 'index.yaml'}:") and says in problem, problem


def test_a_template_the_build_would_stop_at_is_a_validate_problem(kb_copy: Path) -> None:
    (kb_copy / "templates").mkdir()
    (kb_copy / "templates" / "index.md").write_text("# {{ title }}\n\n{% for x in %}\n", encoding="utf-8")
    (problem,) = _problems(kb_copy)
    assert problem.startswith(f"{kb_copy / 'templates' / 'index.md'}:3: template error:"), problem
