"""`biohub build [--check]` through the CLI: summary on stderr, stale files on stdout, exit codes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from biohub_cli.cli.app import app
from tests.render.golden import FIXTURE_KB

runner = CliRunner()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, target)
    return target


def build(root: Path, *args: str) -> tuple[int, str, str]:
    res = runner.invoke(app, ["--kb", str(root), "build", *args])
    return res.exit_code, res.stdout, res.stderr


def test_build_then_check_is_current(root: Path) -> None:
    code, out, err = build(root)
    assert (code, out) == (0, "")
    assert err == "reports/: 57 written, 0 unchanged, 0 removed\n"
    assert (root / "reports" / "timeline.html").is_file()
    assert build(root) == (0, "", "reports/: 0 written, 57 unchanged, 0 removed\n")
    assert build(root, "--check") == (0, "", "reports/ is current\n")


def test_check_lists_what_is_stale_writes_nothing_and_exits_1(root: Path) -> None:
    code, out, err = build(root, "--check")
    assert code == 1
    assert not (root / "reports").exists()
    assert out.splitlines()[:3] == ["index.html: missing", "index.md: missing", "network.graphml: missing"]
    assert len(out.splitlines()) == 57
    assert err == "reports/ is stale (57 file(s)); run `biohub build`\n"


def test_a_changed_record_makes_the_reports_stale(root: Path) -> None:
    build(root)
    org = root / "records" / "orgs" / "org-8d9250bf44.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("name_en: Celltrion", "name_en: Celltrion Inc."),
                   encoding="utf-8")
    code, out, _ = build(root, "--check")
    assert code == 1
    assert "orgs/org-8d9250bf44.md: stale" in out.splitlines()
    assert "timeline.md: stale" not in out  # English names do not show in the timeline


def test_english_build_and_check(root: Path) -> None:
    build(root, "--lang", "en")
    assert "# Bio-cluster timeline" in (root / "reports" / "timeline.md").read_text(encoding="utf-8")
    assert build(root, "--check", "--lang", "en")[0] == 0
    assert build(root, "--check")[0] == 1  # biohub.yaml says ko


def test_a_broken_record_is_reported_and_the_rest_is_built(root: Path) -> None:
    (root / "records" / "orgs" / "org-broken.yaml").write_text("id: org-broken\nname: [\n", encoding="utf-8")
    code, _, err = build(root)
    assert code == 1
    assert "org-broken.yaml" in err and "malformed YAML" in err
    assert (root / "reports" / "index.md").is_file()


def test_build_help_shows_an_example() -> None:
    res = runner.invoke(app, ["build", "--help"])
    assert res.exit_code == 0 and "Example: biohub build --check" in res.stdout


def test_check_exit_code_through_the_real_entry_point(root: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "biohub_cli", "--kb", str(root), "build", "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "index.md: missing" in proc.stdout
