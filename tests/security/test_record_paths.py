"""No write outside the knowledge base, whatever ids, titles or file names contain."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_kit import release, run_biohub, snapshot

from biohub_cli.config import Layout
from biohub_cli.errors import BiohubError
from biohub_cli.kb import knowledge_base as kb_mod
from biohub_cli.models import Event, Organization, PartialDate, Person, Source
from biohub_cli.store import records_io

UNSAFE_IDS = [
    "../outside", "../../../../tmp/biohub-escape", "a/b", "/etc/passwd", "a\\b", "C:evil", "..", ".", "",
    ".hidden", "x..y", "a\x00b", "a\nb", "a\rb", "a\tb", "a\x1b[31mb", "a\u2028b", "x" * 121, "con",
    "NUL.yaml", "aux", "trailing.", " leading", "trailing ", 'quo"te', "star*", "pipe|", "q?",
]
SAFE_IDS = ["org-0a1b2c3d4e", "per-9f8e7d6c5b", "ev-2024-0123456789", "ev-xxxx-0123456789",
            "src-3f2a9c01d4e5", "org-바이오재단", "console", "x" * 120, "a.b"]


def records_with(rid: str) -> list[object]:
    return [
        Organization(id=rid, name="바이오재단"),
        Person(id=rid, name="김바이오"),
        Event(id=rid, date=PartialDate.of(2024, 4, 3), type="agreement", title="협약"),
        Source(id=rid, path="in/a.txt", file_name="a.txt", sha256="0" * 64, format="text", text="본문"),
    ]


@pytest.mark.parametrize("rid", UNSAFE_IDS, ids=repr)
def test_unsafe_ids_are_refused_before_anything_is_written(tmp_path: Path, rid: str) -> None:
    layout = Layout(tmp_path / "kb")
    for rec in records_with(rid):
        with pytest.raises(BiohubError, match="unsafe id"):
            records_io.save_record(layout, rec)  # type: ignore[arg-type]
    assert list(tmp_path.rglob("*")) == []
    assert records_io.id_problem(rid) is not None


@pytest.mark.parametrize("rid", SAFE_IDS)
def test_ids_biohub_makes_are_accepted_and_stay_inside(tmp_path: Path, rid: str) -> None:
    layout = Layout(tmp_path / "kb")
    assert records_io.id_problem(rid) is None
    for rec in records_with(rid):
        path = records_io.record_path(layout, rec)  # type: ignore[arg-type]
        assert layout.records.resolve() in path.resolve().parents
        assert path.name == f"{rid}.yaml"


def _hand_made_org(kb: Path, file_name: str, rid: str) -> Path:
    path = kb / "records" / "orgs" / file_name
    path.write_text(f"id: '{rid}'\nname: 손으로 만든 재단\n", encoding="utf-8")
    return path


def test_a_hand_made_record_with_an_escaping_id_writes_nothing_outside(kb: Path) -> None:
    root = kb.parent
    _hand_made_org(kb, "evil.yaml", "../../../escaped")
    (root / "in" / "a.txt").write_text(release(0), encoding="utf-8")
    outside = snapshot(root, skip=kb)
    run = run_biohub(kb, ["ingest", "--jobs", "1", "in"], cwd=root)
    assert "Traceback" not in run.stderr
    assert snapshot(root, skip=kb) == outside
    assert not list(root.parent.glob("escaped*"))
    assert all(kb.resolve() in p.resolve().parents for p in kb.rglob("*.yaml"))


def test_a_hand_made_record_with_an_escaping_id_does_not_stop_the_batch(kb: Path) -> None:
    root = kb.parent
    _hand_made_org(kb, "evil.yaml", "../../../escaped")
    (root / "in" / "a.txt").write_text(release(0), encoding="utf-8")
    run = run_biohub(kb, ["ingest", "--jobs", "1", "in"], cwd=root)
    assert [line for line in run.lines if "evil.yaml" in line] != []
    assert {s.file_name for s in kb_mod.load(kb).sources.values()} == {"a.txt"}


HOSTILE_TITLE = "../../../../tmp/biohub-escape <script>alert('제목')</script> 바이오 협약"


def _hostile_release() -> str:
    body = release(12).split("\n", 1)[1]
    return (f"{HOSTILE_TITLE}\n{body}"
            "협약식에는 <img src=x onerror=alert('본문')> 관계자 50여 명이 참석했다.\n")


def test_hostile_titles_and_file_names_write_nothing_outside(kb: Path) -> None:
    root = kb.parent
    name = "보도..%2F..%2Fescape <img src=x onerror=alert(1)>.txt"
    (root / "in" / name).write_text(_hostile_release(), encoding="utf-8")
    outside = snapshot(root, skip=kb)
    run = run_biohub(kb, ["ingest", "--jobs", "1", "in"], cwd=root)
    assert run.code == 0, run.stderr
    sources = list(kb_mod.load(kb).sources.values())
    assert [s.file_name for s in sources] == [name]
    assert snapshot(root, skip=kb) == outside
    assert not Path("/tmp/biohub-escape").exists()
    for path in kb.rglob("*"):
        assert kb.resolve() in path.resolve().parents
        assert ".." not in path.relative_to(kb).parts


def test_a_symlinked_records_folder_is_not_followed_out_of_the_knowledge_base(kb: Path) -> None:
    root = kb.parent
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    (kb / "records" / "orgs" / ".gitkeep").unlink()
    (kb / "records" / "orgs").rmdir()
    (kb / "records" / "orgs").symlink_to(elsewhere, target_is_directory=True)
    (root / "in" / "a.txt").write_text(release(0), encoding="utf-8")
    run_biohub(kb, ["ingest", "--jobs", "1", "in"], cwd=root)
    assert list(elsewhere.iterdir()) == []


def test_a_symlink_in_an_input_folder_cannot_pull_in_files_from_elsewhere(kb: Path) -> None:
    root = kb.parent
    secret = root / "secret.txt"
    secret.write_text(release(13), encoding="utf-8")  # stands for any private file the user can read
    (root / "in" / "a.txt").write_text(release(0), encoding="utf-8")
    (root / "in" / "notes.txt").symlink_to(secret)
    run = run_biohub(kb, ["ingest", "--jobs", "1", "in"], cwd=root)
    assert {s.file_name for s in kb_mod.load(kb).sources.values()} == {"a.txt"}
    assert len([line for line in run.lines if "notes.txt" in line]) == 1
