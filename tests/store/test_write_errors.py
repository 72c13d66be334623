"""A full disk and a folder biohub may not write: one user error naming the path and the next step,
never `internal error: OSError`, and no file left half-written.

The tests run as any user (root ignores permissions), so the failures are the kernel's own where
they can be (/dev/full answers every write with ENOSPC) and injected where they cannot.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from biohub_cli.cli import app as app_module
from biohub_cli.errors import BiohubError, WriteError
from biohub_cli.store import yaml_io
from tests.render.golden import FIXTURE_KB

_real_mkstemp = tempfile.mkstemp


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every temporary file biohub stages is real, but its data goes to /dev/full (ENOSPC on write)."""
    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        fd, name = _real_mkstemp(*args, **kwargs)  # type: ignore[call-overload]
        os.close(fd)
        return os.open("/dev/full", os.O_WRONLY), name
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def _no_tmp_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob(".tmp-*"))


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_a_write_error_naming_the_file_and_leaves_nothing(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "records" / "orgs" / "바이오.yaml"
    _disk_full(monkeypatch)
    with pytest.raises(WriteError) as caught:
        yaml_io.write_atomic(target, "name: 바이오\n" * 10_000)
    line = caught.value.render()
    assert line.startswith(f"{target}: no space left on the device while writing (free some space")
    assert "nothing is left half-written" in line
    assert not target.exists() and _no_tmp_files(tmp_path) == []


@pytest.mark.parametrize(("code", "words"), [(errno.EACCES, "permission denied"),
                                             (errno.EROFS, "the file system is read-only"),
                                             (errno.EDQUOT, "the disk quota is used up")])
def test_a_folder_that_cannot_be_written_names_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        code: int, words: str) -> None:
    target = tmp_path / "reports" / "index.md"

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(code, os.strerror(code), str(target.parent))
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError) as caught:
        yaml_io.write_atomic(target, "# 보고서\n")
    assert caught.value.render().startswith(f"{target}: {words} while writing (")


def test_a_rename_that_fails_names_the_target_and_removes_the_staged_file(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "index.yaml"

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(src), None, str(dst))
    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(WriteError, match="permission denied while writing"):
        yaml_io.write_atomic(target, "sources: {}\n")
    assert _no_tmp_files(tmp_path) == [] and not target.exists()


def test_a_file_that_cannot_be_removed_is_a_write_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "old.yaml"
    target.write_text("id: x\n", encoding="utf-8")

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))
    monkeypatch.setattr(Path, "unlink", refuse)
    with pytest.raises(WriteError, match=f"^{target}: permission denied"):
        yaml_io.remove(target)


def _main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["biohub", *argv])
    with pytest.raises(SystemExit) as done:
        app_module.main()
    return int(done.value.code or 0), capsys.readouterr().err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_build_on_a_full_disk_is_one_line_naming_a_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, root, ignore=shutil.ignore_patterns("reports", ".biohub"))
    _disk_full(monkeypatch)
    code, err = _main(monkeypatch, capsys, "--kb", str(root), "build")
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error: {root / 'reports'}/")
    assert "no space left on the device while writing (free some space and run the command again" in lines[0]
    assert "internal error" not in err and "Traceback" not in err
    assert _no_tmp_files(root) == []


def test_an_os_error_no_code_path_foresaw_is_one_line_with_its_path(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "새 지식베이스"

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))
    monkeypatch.setattr(Path, "mkdir", refuse)
    code, err = _main(monkeypatch, capsys, "init", str(folder))
    assert code == 1
    assert err.count("\n") == 1 and "internal error" not in err
    assert f"{folder}" in err and "permission denied" in err
    assert "make the folder writable for this user" in err


def test_write_error_is_a_biohub_error_and_an_os_error() -> None:
    # what may fail quietly (a cache write: `except OSError`) still does; the CLI shows it as a user error
    assert issubclass(WriteError, BiohubError) and issubclass(WriteError, OSError)
