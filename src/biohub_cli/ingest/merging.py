"""`biohub merge`: analyst-declared organisation merges, kept in aliases.yaml."""

from __future__ import annotations

from pathlib import Path

from biohub_cli.config import Layout
from biohub_cli.errors import NotFoundError, UsageError
from biohub_cli.store import records_io
from biohub_cli.store.lock import ingest_lock


def merge(root: Path, name: str, into: str | None) -> str:
    if not into:
        raise UsageError("say which organisation to merge into: biohub merge NAME INTO")
    if name == into:
        raise UsageError("an organisation cannot be merged into itself")
    layout = Layout(root)
    with ingest_lock(layout):
        return _merge(layout, root, name, into)


def _merge(layout: Layout, root: Path, name: str, into: str) -> str:
    merges = records_io.read_merges(layout)
    cycles = [c for c in records_io.merge_cycles({**merges, name: into}) if name in c]
    if cycles:
        cycle = cycles[0][cycles[0].index(name):] + cycles[0][:cycles[0].index(name)]  # told from NAME on
        raise UsageError(f"merging {name} into {into} would make a cycle: {' → '.join([*cycle, name])}")
    merges[name] = into
    records_io.write_merges(layout, merges)
    _apply(root)
    return f"{name} → {into} recorded in {layout.aliases} and applied"


def undo(root: Path, name: str) -> str:
    layout = Layout(root)
    with ingest_lock(layout):
        return _undo(layout, root, name)


def _undo(layout: Layout, root: Path, name: str) -> str:
    merges = records_io.read_merges(layout, checked=False)  # the way out of a file with a cycle
    if name not in merges:
        raise NotFoundError(f"{name} is not merged into anything", path=layout.aliases)
    target = merges.pop(name)
    records_io.write_merges(layout, merges)
    _apply(root)
    return f"{name} is no longer merged into {target}"


def _apply(root: Path) -> None:
    """Resolve the knowledge base again from its sources (no file is read or re-extracted)."""
    from biohub_cli.ingest.pipeline import ingest

    ingest(root, [])
