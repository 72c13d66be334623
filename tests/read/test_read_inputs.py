"""iter_inputs(): folder expansion, order, hidden entries, suffixes, symlink loops, missing paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from biohub_cli.read import iter_inputs

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


def make_tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("내용", encoding="utf-8")


def test_folders_expand_recursively_in_name_order(tmp_path: Path) -> None:
    make_tree(tmp_path, ["b.txt", "a/z.hwp", "a/b/c.pdf", "C.md", "a.html", "d/e.HWPX", "d/f.htm",
                         "g.markdown"])
    paths, errors = iter_inputs([tmp_path])
    assert errors == []
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [
        "C.md", "a/b/c.pdf", "a/z.hwp", "a.html", "b.txt", "d/e.HWPX", "d/f.htm", "g.markdown",
    ]


def test_hidden_entries_and_other_suffixes_are_skipped_in_folders(tmp_path: Path) -> None:
    make_tree(tmp_path, [".hidden.txt", ".git/HEAD.txt", "image.png", "keep.txt", "sub/.cache/x.md"])
    paths, errors = iter_inputs([tmp_path])
    assert errors == []
    assert [p.name for p in paths] == ["keep.txt"]


def test_word_documents_in_folders_are_named_not_skipped(tmp_path: Path) -> None:
    make_tree(tmp_path, ["notes.docx", "old.DOC", "keep.txt"])
    paths, errors = iter_inputs([tmp_path])
    assert [p.name for p in paths] == ["keep.txt"]
    assert sorted(e.render() for e in errors) == [
        f"{tmp_path / name}: a Word document: Word documents are not read; save it as PDF or HWPX"
        for name in ("notes.docx", "old.DOC")]


def test_explicit_files_are_kept_whatever_their_suffix(tmp_path: Path) -> None:
    make_tree(tmp_path, ["notes.docx", ".hidden.txt"])
    paths, errors = iter_inputs([tmp_path / "notes.docx", tmp_path / ".hidden.txt"])
    assert errors == []
    assert paths == [tmp_path / "notes.docx", tmp_path / ".hidden.txt"]


def test_missing_paths_become_error_entries(tmp_path: Path) -> None:
    make_tree(tmp_path, ["a.txt"])
    paths, errors = iter_inputs([tmp_path / "gone.txt", tmp_path / "a.txt"])
    assert paths == [tmp_path / "a.txt"]
    assert [(e.path, e.message) for e in errors] == [(str(tmp_path / "gone.txt"), "no such file or folder")]


def test_a_file_named_twice_is_returned_once(tmp_path: Path) -> None:
    make_tree(tmp_path, ["a.txt", "b.txt"])
    paths, _ = iter_inputs([tmp_path / "a.txt", tmp_path, tmp_path / "a.txt"])
    assert paths == [tmp_path / "a.txt", tmp_path / "b.txt"]


@needs_symlinks
def test_symlink_loop_is_an_error_entry_not_a_crash(tmp_path: Path) -> None:
    make_tree(tmp_path, ["docs/a.txt", "docs/inner/b.txt"])
    (tmp_path / "docs" / "inner" / "back").symlink_to(tmp_path / "docs", target_is_directory=True)
    paths, errors = iter_inputs([tmp_path / "docs"])
    assert [p.name for p in paths] == ["a.txt", "b.txt"]
    assert len(errors) == 1
    assert errors[0].path == str(tmp_path / "docs" / "inner" / "back")
    assert "loop" in errors[0].message


@needs_symlinks
def test_self_referencing_and_broken_links(tmp_path: Path) -> None:
    make_tree(tmp_path, ["ok.txt"])
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "missing.md")
    paths, errors = iter_inputs([tmp_path, tmp_path / "self.txt"])
    assert paths == [tmp_path / "ok.txt"]
    assert sorted(e.path or "" for e in errors) == sorted([str(tmp_path / "dangling.md"),
                                                           str(tmp_path / "self.txt"),
                                                           str(tmp_path / "self.txt")])
    assert all("symbolic link" in e.message for e in errors)


@needs_symlinks
def test_symlinked_folder_elsewhere_is_reported_not_followed(tmp_path: Path) -> None:
    make_tree(tmp_path, ["shared/x.pdf", "kb/a.txt"])
    (tmp_path / "kb" / "linked").symlink_to(tmp_path / "shared", target_is_directory=True)
    paths, errors = iter_inputs([tmp_path / "kb"])
    assert [p.relative_to(tmp_path / "kb").as_posix() for p in paths] == ["a.txt"]
    assert [e.message.split(";")[0] for e in errors] == ["symbolic link to a place outside the folder given"]


def test_symlink_inside_the_folder_is_followed(tmp_path: Path) -> None:
    make_tree(tmp_path, ["kb/sub/x.txt", "kb/a.txt"])
    (tmp_path / "kb" / "linked").symlink_to(tmp_path / "kb" / "sub", target_is_directory=True)
    paths, errors = iter_inputs([tmp_path / "kb"])
    assert errors == []
    assert [p.relative_to(tmp_path / "kb").as_posix() for p in paths] == ["a.txt", "linked/x.txt"]


def test_deep_folder_tree(tmp_path: Path) -> None:
    deep = tmp_path
    for _ in range(60):
        deep = deep / "d"
    make_tree(deep, ["bottom.txt"])
    paths, errors = iter_inputs([tmp_path])
    assert errors == []
    assert paths == [deep / "bottom.txt"]
