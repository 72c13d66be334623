"""What the last complete ingest left behind, so an ingest in which nothing changed can stop early.

After an ingest has stored its records, and a second resolve over exactly what it stored gives the
same records again (the knowledge base is settled), `.biohub/ingest-state.json` (machine state,
never committed) records:

- the signature of every file under records/ and of the curation files (aliases.yaml, events.yaml):
  size, mtime, ctime and inode, plus a content digest for files written in the last seconds ("racily
  clean": a second write in the same clock tick would keep the signature);
- the source ids the knowledge base holds, with the path each was read from;
- the extractor's fingerprint, and the conflicts and merge proposals that resolve reported.

A later ingest whose input files all hash to known sources, with the same extractor, and whose
records/ and curation files are exactly as recorded (an analyst edit, a `git checkout`, a crash
half-way through a write all change a signature) would read, extract, resolve and write nothing
new: it reports that without loading a record. Anything else takes the full path, which deletes
this file before it writes.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from biohub_cli.config import Layout
from biohub_cli.store import yaml_io
from biohub_cli.store.record_files import RACY_NS  # one module global each: tests set it per cache
from biohub_cli.store.record_files import file_digest as _digest

STATE_NAME = "ingest-state.json"
FORMAT = 1

Signature = tuple[int, int, int, int, str]  # size, mtime_ns, ctime_ns, inode, digest ("" when not racy)


@dataclass(frozen=True)
class Settled:
    extractor: str
    files: dict[str, Signature]  # path relative to the knowledge base → signature
    sources: dict[str, str]      # source id → the path it was read from (as stored in its record)
    conflicts: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)


def state_path(layout: Layout) -> Path:
    return layout.state / STATE_NAME


def forget(layout: Layout) -> None:
    """Before anything under records/ is written: the recorded state no longer describes it."""
    with contextlib.suppress(FileNotFoundError):
        state_path(layout).unlink()


def _watched(layout: Layout) -> list[Path]:
    """Every file under records/ (temporary files and dotfiles too), and the curation files."""
    found: list[Path] = []
    for folder, dirs, names in os.walk(layout.records):
        dirs.sort()
        found += (Path(folder) / n for n in sorted(names))
    found += (p for p in (layout.aliases, layout.event_curation) if p.is_file())
    return found


def signatures(layout: Layout, *, racy_after_ns: int | None = None) -> dict[str, Signature]:
    """The signature of every watched file; a digest for those modified after `racy_after_ns`."""
    out: dict[str, Signature] = {}
    for path in _watched(layout):
        st = path.stat()
        racy = racy_after_ns is not None and max(st.st_mtime_ns, st.st_ctime_ns) >= racy_after_ns
        out[path.relative_to(layout.root).as_posix()] = (
            st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, _digest(path) if racy else "")
    return out


def record(layout: Layout, settled: Settled) -> None:
    """Write the state file (its durability does not matter: without it the next ingest takes the full path)."""
    payload = {"format": FORMAT, "extractor": settled.extractor, "files": settled.files,
               "sources": dict(sorted(settled.sources.items())), "conflicts": settled.conflicts,
               "proposals": settled.proposals}
    layout.state.mkdir(parents=True, exist_ok=True)
    yaml_io.write_atomic(state_path(layout), json.dumps(payload, ensure_ascii=False, sort_keys=True),
                       durable=False)


def snapshot(layout: Layout, *, extractor: str, sources: dict[str, str], conflicts: list[str],
             proposals: list[str]) -> Settled:
    """The state of records/ now, with a digest for every file written in the last few seconds."""
    return Settled(extractor=extractor, files=signatures(layout, racy_after_ns=time.time_ns() - RACY_NS),
                   sources=sources, conflicts=list(conflicts), proposals=list(proposals))


def load(layout: Layout) -> Settled | None:
    try:
        data: Any = json.loads(state_path(layout).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        return Settled(extractor=str(data["extractor"]),
                       files={str(k): _signature(v) for k, v in data["files"].items()},
                       sources={str(k): str(v) for k, v in data["sources"].items()},
                       conflicts=[str(c) for c in data["conflicts"]],
                       proposals=[str(p) for p in data["proposals"]])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _signature(value: Any) -> Signature:
    size, mtime, ctime, ino, digest = value
    return int(size), int(mtime), int(ctime), int(ino), str(digest)


def unchanged_since(layout: Layout, settled: Settled) -> bool:
    """True when records/ and the curation files hold exactly the files, signatures and racy contents recorded."""
    try:
        now = signatures(layout)
    except OSError:  # a file vanished while it was looked at
        return False
    if now.keys() != settled.files.keys():
        return False
    for name, (size, mtime, ctime, ino, digest) in settled.files.items():
        if now[name][:4] != (size, mtime, ctime, ino):
            return False
        if digest:
            try:
                if _digest(layout.root / name) != digest:
                    return False
            except OSError:
                return False
    return True
