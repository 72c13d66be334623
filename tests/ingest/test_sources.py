"""The paths sources record: display_path's string shortcuts must give what pathlib and realpath give."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from biohub_cli.ingest.sources import display_path, display_resolved, resolved_path


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    kb = tmp_path / "kb"
    (kb / "releases").mkdir(parents=True)
    (kb / "releases" / "보도자료.txt").write_text("인천", encoding="utf-8")
    (kb / "linked").symlink_to(kb / "releases")
    (kb / "releases" / "별칭.txt").symlink_to(kb / "releases" / "보도자료.txt")
    elsewhere = tmp_path / "elsewhere" / "deep"
    elsewhere.mkdir(parents=True)
    (tmp_path / "elsewhere" / "a.txt").write_text("a", encoding="utf-8")
    (kb / "far").symlink_to(elsewhere)
    monkeypatch.chdir(kb)
    return kb


def _pathlib(path: Path, root: Path) -> str:
    here, base = path.resolve(), root.resolve()
    if here.is_relative_to(base):
        return here.relative_to(base).as_posix()
    return Path(os.path.relpath(here, Path.cwd())).as_posix()


PATHS = ["releases/보도자료.txt", "linked/보도자료.txt", "releases/별칭.txt", "./releases/../linked/보도자료.txt",
         "far/../a.txt", "far/../a.txt", "../kb/releases/보도자료.txt", "releases", "."]


def test_resolved_is_realpath_with_links_and_dotdot(tree: Path) -> None:
    folders: dict[str, str] = {}
    for p in [*PATHS, str(tree / "linked" / "보도자료.txt")]:
        assert resolved_path(Path(p), folders) == os.path.realpath(p), p


def test_display_path_is_what_pathlib_gives(tree: Path) -> None:
    for p in PATHS:
        assert display_path(Path(p), tree) == _pathlib(Path(p), tree), p
    assert display_path(Path("far/../a.txt"), tree) == "../elsewhere/a.txt"  # outside: relative to the cwd
    assert display_path(Path("linked/보도자료.txt"), tree) == "releases/보도자료.txt"
    assert display_resolved("/", "/", "/") == "." and display_resolved("/a/b", "/", "/") == "a/b"
    assert display_resolved("/a/bc/x", "/a/b", "/") == "a/bc/x"  # a name that only starts like the base is outside
