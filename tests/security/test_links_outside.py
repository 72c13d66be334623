"""A knowledge base's files are read (and its reports written) only where they resolve inside it.

A record file that was a symbolic link to a file outside the knowledge base was read and its content
published in reports/; a template that was a link to /etc/passwd was included into reports/index.md
despite the sandbox. A repository decides what its links point to: a clone must not publish the
cloner's files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from biohub_cli.cli.app import app
from biohub_cli.errors import BiohubError
from biohub_cli.kb import knowledge_base as kb_mod
from biohub_cli.kb import records_cache

SECRET = "비밀_외부_파일_내용"
runner = CliRunner()


def _cli(kb: Path, *args: str) -> tuple[int, str]:
    """The exit code and output, a user error as the one line `biohub` prints for it."""
    res = runner.invoke(app, ["--kb", str(kb), *args], env={"COLUMNS": "200", "NO_COLOR": "1"})
    if isinstance(res.exception, BiohubError):
        return res.exception.exit_code, res.output + res.exception.render()
    return res.exit_code, res.output


def _published(kb: Path) -> list[Path]:
    return [p for p in (kb / "reports").rglob("*") if p.is_file() and SECRET in p.read_text(encoding="utf-8")]


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the knowledge base holding a valid organisation record and a template."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "org-0000000001.yaml").write_text(f"id: org-0000000001\nname: {SECRET}\n", encoding="utf-8")
    (folder / "index.md").write_text(f"# {SECRET}\n", encoding="utf-8")
    return folder


def test_a_record_linked_from_outside_is_reported_and_never_read(kb_copy: Path, outside: Path) -> None:
    link = kb_copy / "records" / "orgs" / "org-0000000001.yaml"
    link.symlink_to(outside / "org-0000000001.yaml")
    for base in (kb_mod.load(kb_copy), records_cache.load_cached(kb_copy), records_cache.load_cached(kb_copy)):
        assert "org-0000000001" not in base.orgs
        assert [e.render() for e in base.errors if "org-0000000001" in e.render()] == [
            f"{link}: a symbolic link (or inside a linked folder) that leads outside the knowledge base; not read"]
    code, out = _cli(kb_copy, "validate")
    assert code == 1 and "org-0000000001.yaml" in out and "outside the knowledge base" in out
    _cli(kb_copy, "build")
    assert _published(kb_copy) == []


def test_a_linked_records_folder_leading_outside_is_not_read(kb_copy: Path, outside: Path) -> None:
    people = kb_copy / "records" / "people"
    for record in people.glob("*.yaml"):
        record.unlink()
    people.rmdir()
    (outside / "org-0000000001.yaml").rename(outside / "per-0000000001.yaml")
    (outside / "per-0000000001.yaml").write_text(f"id: per-0000000001\nname: {SECRET}\n", encoding="utf-8")
    people.symlink_to(outside, target_is_directory=True)
    base = kb_mod.load(kb_copy)
    assert base.people == {} and any("per-0000000001" in e.render() for e in base.errors)
    _cli(kb_copy, "build")
    assert _published(kb_copy) == []


def test_a_link_that_stays_inside_the_knowledge_base_is_read(kb_copy: Path) -> None:
    orgs = kb_copy / "records" / "orgs"
    original = sorted(orgs.glob("*.yaml"))[0]
    kept = kb_copy / "curated" / original.name
    kept.parent.mkdir()
    original.rename(kept)
    original.symlink_to(kept)
    base = kb_mod.load(kb_copy)
    assert original.stem in base.orgs and not base.errors


def test_a_template_linked_from_outside_is_an_error_naming_it(kb_copy: Path, outside: Path) -> None:
    templates = kb_copy / "templates"
    templates.mkdir(exist_ok=True)
    (templates / "index.md").symlink_to(outside / "index.md")
    code, out = _cli(kb_copy, "build")
    assert code == 1
    assert "template 'index.md'" in out and "outside the knowledge base" in out
    assert not (kb_copy / "reports").exists() or _published(kb_copy) == []


def test_a_template_linked_inside_the_knowledge_base_is_used(kb_copy: Path) -> None:
    templates = kb_copy / "templates"
    templates.mkdir(exist_ok=True)
    shared = kb_copy / "shared.md"
    shared.write_text("# 우리 지식 베이스\n", encoding="utf-8")
    (templates / "index.md").symlink_to(shared)
    code, out = _cli(kb_copy, "build")
    assert code == 0, out
    assert (kb_copy / "reports" / "index.md").read_text(encoding="utf-8") == "# 우리 지식 베이스\n"


def test_aliases_linked_from_outside_are_not_read(kb_copy: Path, outside: Path) -> None:
    (outside / "aliases.yaml").write_text(f"merges:\n  {SECRET}: 인천광역시\n", encoding="utf-8")
    aliases = kb_copy / "aliases.yaml"
    aliases.unlink(missing_ok=True)
    aliases.symlink_to(outside / "aliases.yaml")
    code, out = _cli(kb_copy, "merge", "인천시청", "인천광역시")
    assert code == 1 and "aliases.yaml" in out and "outside the knowledge base" in out


def test_reports_linked_outside_are_never_written(kb_copy: Path, outside: Path) -> None:
    (kb_copy / "reports").symlink_to(outside, target_is_directory=True)
    before = sorted(p.name for p in outside.iterdir())
    code, out = _cli(kb_copy, "build")
    assert code == 1 and "outside the knowledge base" in out
    assert sorted(p.name for p in outside.iterdir()) == before
