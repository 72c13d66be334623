"""Record files and their signatures, found without loading anything heavy (no pydantic, no YAML).

Shared by the records cache (kb/records_cache.py) and the timeline index (render/timeline_index.py): both prove a
snapshot fresh by comparing the signature (size, mtime, ctime, inode) of every record file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

FOLDERS: tuple[str, ...] = ("sources", "events", "orgs", "people", "clusters", "programmes")  # kb._KINDS order

Signature = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode
# A file changed less than this before its signature was taken may change again within the same clock
# tick without changing the signature ("racily clean"): caches never trust such a signature alone.
RACY_NS = 3_000_000_000


def content_digest(data: bytes) -> str:
    """The digest caches keep of a file's bytes where its signature alone cannot be trusted."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_digest(path: Path) -> str:
    return content_digest(path.read_bytes())


def signature(path: Path | os.DirEntry[str]) -> Signature | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def iter_signed(records: Path, folder: str) -> Iterator[tuple[list[str], os.DirEntry[str], Signature]]:
    """The files `store.iter_yaml(records / folder)` yields, in its order, with their signatures.

    One scandir pass instead of rglob plus a stat per file: same rules (symlinked folders are not
    entered, `.tmp-` files are skipped, only regular files or links to them count).
    """
    found: list[tuple[list[str], os.DirEntry[str]]] = []
    _walk(records / folder, [folder], found)
    for parts, entry in found:
        sig = signature(entry)
        if sig is not None:
            yield parts, entry, sig


def listing_line(rel: str, sig: Signature) -> bytes:
    """One file's line of a listing digest (cache.CacheStats.listing)."""
    return f"{rel}\0{sig}\n".encode()


def listing(records: Path) -> str:
    """The digest of every record file's path and signature, as the records cache computes it while
    it loads (cache.CacheStats.listing). Equal digests: the same files with the same signatures.
    """
    lines: list[str] = []
    for folder in FOLDERS:
        found: list[tuple[list[str], os.DirEntry[str]]] = []
        _walk(records / folder, [folder], found)
        for parts, entry in found:
            try:
                st = entry.stat()
            except OSError:
                continue
            # the text of listing_line, written out: one format per file is most of the time here
            lines.append(f"{'/'.join(parts)}\0({st.st_size}, {st.st_mtime_ns}, {st.st_ctime_ns}, {st.st_ino})\n")
    return hashlib.sha256("".join(lines).encode()).hexdigest()


def _walk(folder: Path | str, parts: list[str], out: list[tuple[list[str], os.DirEntry[str]]]) -> None:
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return
    entries.sort(key=lambda e: e.name)  # depth first in name order: the order of sorted path parts
    for entry in entries:
        try:
            is_dir = entry.is_dir() and not entry.is_symlink()
        except OSError:
            is_dir = False
        if is_dir:
            _walk(entry.path, [*parts, entry.name], out)
        if entry.name.endswith(".yaml") and not entry.name.startswith(".tmp-"):
            try:
                if entry.is_file():
                    out.append(([*parts, entry.name], entry))
            except OSError:
                continue
