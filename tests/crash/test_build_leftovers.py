"""A build killed half-way leaves temporary files in reports/: `build --check` names them, and the next
build removes them. Before, no later build removed them and `build --check` said reports/ was current."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from hostile_kit import run_biohub
from tests.render.golden import FIXTURE_KB


def _kb(tmp_path: Path) -> Path:
    kb = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, kb, ignore=shutil.ignore_patterns(".biohub", "reports"))
    return kb


def _temporaries(kb: Path) -> list[str]:
    return sorted(p.relative_to(kb).as_posix() for p in (kb / "reports").rglob(".tmp-*"))


def test_a_build_killed_before_its_renames_is_cleaned_up_by_the_next(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    assert run_biohub(kb, ["build"]).code == 0
    (kb / "records" / "orgs" / "org-2606da884a.yaml").write_text(
        (kb / "records" / "orgs" / "org-2606da884a.yaml").read_text(encoding="utf-8").replace(
            "name: 가천대학교 길병원", "name: 가천대학교 길병원 본원"), encoding="utf-8")
    killed = run_biohub(kb, ["build"], env={"BIOHUB_TEST_CRASH_AT": "build-staged"})
    assert killed.code == -9
    left = _temporaries(kb)
    assert left, "the killed build left its staged files"
    check = run_biohub(kb, ["build", "--check"])
    assert check.code == 1
    assert all(f"{rel.removeprefix('reports/')}: left over from a build that was stopped" in check.stdout
               for rel in left), check.stdout
    build = run_biohub(kb, ["build"])
    assert build.code == 0, build.stderr
    assert _temporaries(kb) == []
    assert run_biohub(kb, ["build", "--check"]).code == 0


def test_old_temporaries_of_the_caches_go_too(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    old = kb / ".biohub" / "cache" / ".tmp-pages.json"
    old.parent.mkdir(parents=True)
    old.write_text("{}", encoding="utf-8")
    os.utime(old, (1_000_000_000, 1_000_000_000))
    fresh = kb / ".biohub" / ".tmp-in-use.json"
    fresh.write_text("{}", encoding="utf-8")
    assert run_biohub(kb, ["build"]).code == 0
    assert not old.exists() and fresh.exists()


def test_temporaries_found_in_reports_make_it_stale_until_a_build(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    assert run_biohub(kb, ["build"]).code == 0
    for rel in ("reports/.tmp-abc123.md", "reports/orgs/.tmp-def456.md"):
        (kb / rel).write_text("# 반쯤 쓴 페이지\n", encoding="utf-8")
    check = run_biohub(kb, ["build", "--check"])
    assert check.code == 1 and ".tmp-abc123.md: left over" in check.stdout and "orgs/.tmp-def456.md" in check.stdout
    build = run_biohub(kb, ["build"])
    assert build.code == 0 and "2 removed" in build.stderr, build.stderr
    assert _temporaries(kb) == []
