"""The everyday commands a new user runs first, as they run them: each case failed before its fix."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from biohub_cli.kb import knowledge_base
from tests.render.golden import FIXTURE_KB

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path | None = None, columns: int = 120, umask: int | None = None,
        kb: Path | None = FIXTURE_KB) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "BIOHUB_KB"}
    env.update(COLUMNS=str(columns), NO_COLOR="1")
    argv = [sys.executable, "-m", "biohub_cli", *(["--kb", str(kb)] if kb else []), *args]

    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run(argv, capture_output=True, text=True, cwd=cwd, env=env, preexec_fn=set_umask, timeout=300)


def test_a_query_with_the_default_table_shows_the_table() -> None:
    proc = run("timeline", "-q", "셀트리온")
    assert proc.returncode == 0, proc.stderr
    assert "internal error" not in proc.stderr
    assert "바이오 클러스터 타임라인" in proc.stdout and "셀트리온" in proc.stdout


def test_a_query_matches_every_word_wherever_it_is() -> None:
    proc = run("timeline", "-q", "셀트리온 협약", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = proc.stdout.splitlines()[1:]
    assert len(rows) == 1 and "협약" in rows[0]


def test_files_biohub_writes_follow_the_umask(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    assert run("init", str(kb), kb=None, umask=0o022).returncode == 0
    releases = tmp_path / "releases"
    releases.mkdir()
    (releases / "a.txt").write_text("인천광역시는 2025년 7월 9일 시흥시청에서 추진단 정기회의를 열었다.\n",
                                    encoding="utf-8")
    assert run("ingest", str(releases), kb=kb, umask=0o022).returncode == 0
    assert run("build", kb=kb, umask=0o022).returncode == 0
    modes = {p.relative_to(kb).as_posix(): stat.S_IMODE(p.stat().st_mode) for p in kb.rglob("*") if p.is_file()}
    assert modes["biohub.yaml"] == 0o644 and modes["reports/timeline.html"] == 0o644
    assert {m for m in modes.values()} == {0o644}, {k: oct(m) for k, m in modes.items() if m != 0o644}


def test_init_pins_biohub_in_ci_and_pre_commit_alike(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    proc = run("init", str(kb), "--source", "https://github.com/example/biohub@v0.3.1", kb=None)
    assert proc.returncode == 0, proc.stderr
    workflow = (kb / ".github" / "workflows" / "biohub.yml").read_text(encoding="utf-8")
    assert 'pip install "biohub-cli @ git+https://github.com/example/biohub@v0.3.1"' in workflow
    assert "pip install biohub-cli\n" not in workflow
    assert "not on PyPI" in workflow  # it says how and why
    hooks = yaml.safe_load((kb / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = hooks["repos"]
    assert (repo["repo"], repo["rev"]) == ("https://github.com/example/biohub", "v0.3.1")
    ours = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in repo["hooks"]} == {h["id"] for h in ours}
    assert {h["language"] for h in ours} == {"python"}  # one way: pre-commit installs biohub itself
    assert "language" not in str(repo)


def test_init_without_a_known_source_says_what_to_fill_in(tmp_path: Path) -> None:
    proc = run("init", str(tmp_path / "kb"), kb=None)
    assert proc.returncode == 0
    workflow = (tmp_path / "kb" / ".github" / "workflows" / "biohub.yml").read_text(encoding="utf-8")
    assert "pip install biohub-cli\n" not in workflow
    if "REPLACE-WITH" in workflow:  # this biohub runs from a checkout without a remote
        assert "warning: this biohub was not installed from a git repository" in proc.stderr


def test_outside_a_knowledge_base_commands_say_how_to_make_one(tmp_path: Path) -> None:
    for args in (["timeline"], ["ingest", str(tmp_path)], ["validate"], ["org", "셀트리온"]):
        proc = run(*args, cwd=tmp_path, kb=None)
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.startswith(f"error: no knowledge base in {tmp_path.resolve()} or any folder above it")
        assert "biohub init DIR" in proc.stderr
    assert not (tmp_path / "records").exists()


def test_the_korean_type_labels_are_accepted() -> None:
    korean = run("timeline", "--type", "협약", "--format", "csv")
    english = run("timeline", "--type", "agreement", "--format", "csv")
    assert korean.returncode == 0, korean.stderr
    assert korean.stdout == english.stdout and len(korean.stdout.splitlines()) > 1
    wrong = run("timeline", "--type", "협양")
    assert wrong.returncode == 2 and "agreement (협약)" in wrong.stderr


def test_limit_shows_the_first_events_out_of_all() -> None:
    total = len(run("timeline", "--format", "csv").stdout.splitlines()) - 1
    proc = run("timeline", "-n", "3")
    assert proc.returncode == 0, proc.stderr
    assert f"처음 3 / {total}건 표시 (날짜순으로 가장 이른 일정)" in proc.stdout
    assert total > 3


def test_show_suggests_close_names_too() -> None:
    proc = run("show", "하병팔")
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: no record with id or name '하병팔'; did you mean: 하병필")


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r>'
                                        "<w:t>인천시 협약</w:t></w:r></w:p></w:body></w:document>")


def test_word_documents_are_named_not_skipped(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    run("init", str(kb), kb=None)
    folder = tmp_path / "in"
    folder.mkdir()
    _docx(folder / "보도자료.docx")
    _docx(tmp_path / "given.docx")
    proc = run("ingest", str(folder), str(tmp_path / "given.docx"), kb=kb)
    assert proc.returncode == 1
    errors = sorted(line for line in proc.stderr.splitlines() if line.startswith("error:"))
    assert errors == sorted(f"error: {path}: a Word document: Word documents are not read; save it as PDF or HWPX"
                            for path in (folder / "보도자료.docx", tmp_path / "given.docx"))


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[\s,()│┃]+", text) if w}


@pytest.mark.parametrize("command", [["timeline", "--limit", "0"], ["orgs"], ["people"], ["org", "인천광역시"],
                                     ["person", "하병필"]])
def test_at_60_columns_no_name_breaks(command: list[str]) -> None:
    from rich.cells import cell_len

    narrow, wide = run(*command, columns=60), run(*command, columns=300)
    assert narrow.returncode == 0, narrow.stderr
    assert max(cell_len(line) for line in narrow.stdout.splitlines()) <= 60
    base = knowledge_base.load(FIXTURE_KB)
    names = {w for x in [*base.active_orgs(), *base.active_people()] for w in x.name.split() if len(w) > 1}
    whole = names & _words(wide.stdout)  # the names this command shows
    assert whole and whole <= _words(narrow.stdout), sorted(whole - _words(narrow.stdout))


def test_people_and_amounts_have_headings_of_their_own() -> None:
    proc = run("timeline", "--limit", "0", columns=160)
    header = next(line for line in proc.stdout.splitlines() if "날짜" in line)
    assert [h.strip() for h in header.strip("┃").split("┃")] == ["날짜", "유형", "제목", "참여 기관", "인물", "금액",
                                                                 "장소"]
    narrow = run("timeline", "--limit", "0", columns=60).stdout
    assert "인물: " in narrow and "금액: " in narrow  # narrower, they move under the title with their heading


def test_org_and_person_print_tables_in_a_terminal_and_markdown_only_when_asked() -> None:
    for command in (["org", "인천광역시"], ["person", "하병필"]):
        table = run(*command, columns=80).stdout
        assert "|---" not in table and "## " not in table and "┏" in table
        md = run(*command, "--format", "md").stdout
        assert md.startswith("# ") and "|---" in md
