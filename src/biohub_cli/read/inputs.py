"""iter_inputs(): the files a command line names, with folders expanded in a stable order."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from biohub_cli.errors import WORD_DOCUMENT, ReadError
from biohub_cli.read.files import SUPPORTED_SUFFIXES

DirKey = tuple[int, int]
WORD_SUFFIXES = frozenset({".doc", ".docx"})  # said to be unread, not skipped in silence


@dataclass
class _Collected:
    paths: list[Path] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def add(self, path: Path) -> None:
        key = os.path.realpath(path)
        if key not in self.seen:
            self.seen.add(key)
            self.paths.append(path)


def iter_inputs(paths: Sequence[Path]) -> tuple[list[Path], list[ReadError]]:
    """Files to read and the problems met finding them.

    Explicit files are kept whatever their suffix. Folders are walked recursively in name
    order; their hidden entries are skipped and only files with a supported suffix are kept.
    A symlink that leads back into a folder being walked is reported, not followed. A file named
    twice is returned once.
    """
    collected = _Collected()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            _walk(path, collected, path.resolve())
        elif path.is_file():
            collected.add(path)
        elif path.is_symlink():
            collected.errors.append(ReadError("broken or looping symbolic link", path=path))
        elif path.exists():
            collected.errors.append(ReadError("not a regular file (a device, pipe or socket)", path=path))
        else:
            collected.errors.append(ReadError("no such file or folder", path=path))
    return collected.paths, collected.errors


def _walk(root: Path, collected: _Collected, top: Path) -> None:
    root_key = _dir_key(root)
    if root_key is None:
        collected.errors.append(ReadError("cannot open folder", path=root))
        return
    # Depth-first in name order with an explicit stack: a folder's entries, subfolders included,
    # come out in the order `ls` shows them, and deep trees cannot exhaust the Python stack.
    stack: list[tuple[Path, tuple[DirKey, ...] | None]] = [(root, (root_key,))]
    while stack:
        path, ancestors = stack.pop()
        if ancestors is None:
            collected.add(path)
            continue
        stack.extend(reversed(_members(path, ancestors, collected, top)))


def _members(folder: Path, ancestors: tuple[DirKey, ...], collected: _Collected,
             top: Path) -> list[tuple[Path, tuple[DirKey, ...] | None]]:
    """The entries of one folder worth visiting: (subfolder, its ancestors) or (file, None)."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        collected.errors.append(ReadError(f"cannot list folder ({exc.strerror or exc})", path=folder))
        return []
    members: list[tuple[Path, tuple[DirKey, ...] | None]] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if entry.is_symlink() and not _inside(path, top):
            collected.errors.append(ReadError(
                "symbolic link to a place outside the folder given; skipped (name the target itself to read it)",
                path=path))
            continue
        if _is_dir(entry):
            key = _dir_key(path)
            if key is None:
                collected.errors.append(ReadError("cannot open folder", path=path))
            elif key in ancestors:
                collected.errors.append(ReadError(
                    "symbolic link loop (it points back to a folder above it); skipped", path=path))
            else:
                members.append((path, (*ancestors, key)))
        elif path.suffix.lower() in WORD_SUFFIXES:
            collected.errors.append(ReadError(WORD_DOCUMENT, path=path))
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        elif _is_file(entry):
            members.append((path, None))
        elif entry.is_symlink():
            collected.errors.append(ReadError("broken or looping symbolic link", path=path))
    return members


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _dir_key(path: Path) -> DirKey | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _inside(path: Path, top: Path) -> bool:
    """Whether a link's target lies inside the folder named on the command line."""
    try:
        return path.resolve().is_relative_to(top)
    except (OSError, RuntimeError):
        return False
