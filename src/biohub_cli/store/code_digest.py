"""Digests of files that decide an output besides its data: biohub's own code, data and templates.

The extractor fingerprint (ingest/fingerprint.py), the build stamp (render/stamp.py) and the
timeline index (render/timeline_index.py) each name what made them; they hash files the same way here.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from pathlib import Path

import biohub_cli

PACKAGE = Path(biohub_cli.__file__).resolve().parent


def files_under(folder: Path, pattern: str = "*") -> list[Path]:
    """Every file below `folder` matching `pattern`, byte-code caches left out."""
    return [p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts]


def add_files(h: hashlib._Hash, base: Path, paths: Iterable[Path]) -> None:
    """Feed each file's path (relative to `base`) and bytes into `h`, in path order, unambiguously."""
    for path in sorted(set(paths), key=lambda p: p.relative_to(base).as_posix()):
        data = path.read_bytes()
        h.update(path.relative_to(base).as_posix().encode("utf-8") + b"\0")
        h.update(len(data).to_bytes(8, "big") + data)


@functools.cache
def package_digest() -> str:
    """The digest of every file of the installed biohub package, computed once per process."""
    h = hashlib.sha256()
    add_files(h, PACKAGE, files_under(PACKAGE))
    return h.hexdigest()
