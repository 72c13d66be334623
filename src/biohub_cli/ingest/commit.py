"""The store phase of an ingest: resolved records into records/, the index last as the commit point.

Every changed record is first written to a temporary file beside its place; one file-system sync
makes them all durable; then each is renamed into place in an order that keeps every reference
resolvable: organisations and people, the sources (citing only events already on disk), the events,
then the sources that cite new events. A second sync makes the renames durable, records/index.yaml
is written (fsynced), and stale files are removed (see `_remove_stale`). A SIGKILL anywhere leaves
every record whole (old or new), `biohub validate` passing, and temporary files that the next
ingest removes; a power cut does too, for two syncs in all instead of one fsync per record.
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from biohub_cli.config import Layout
from biohub_cli.ingest.forked import Forked
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.models import Event, Source
from biohub_cli.models.records import Mentions
from biohub_cli.resolve import Existing, Resolved
from biohub_cli.store import records_io, yaml_io
from biohub_cli.store.record_files import content_digest

SPLIT_AFTER = 200  # records: fewer are dumped faster than a child is forked


def _side(rec: BaseModel, i: int) -> int:
    """Which process of a split dump takes a record: both versions of a source go to the same one."""
    return zlib.crc32(str(getattr(rec, "id", i)).encode("utf-8")) & 1


def dump_records(records: Sequence[BaseModel], *, split: bool = False) -> Iterator[tuple[int, str]]:
    """`(i, dump_record(records[i]))` for every record, each text made when asked for, so a caller that
    writes it out never holds them all. With `split`, about half the records (by id) are dumped by a
    forked child meanwhile (dumping YAML is most of an ingest's store phase, and it uses one core):
    this process's share comes first, in order, then the child's, read back from its file."""
    if not split or len(records) < SPLIT_AFTER:
        dump = records_io.BatchDumper(records)
        for i, rec in enumerate(records):
            yield i, dump(rec)
        return
    theirs = [i for i, rec in enumerate(records) if _side(rec, i)]
    child = Forked(lambda: map(records_io.BatchDumper([records[i] for i in theirs]), (records[i] for i in theirs)))
    try:
        mine = [i for i, rec in enumerate(records) if not _side(rec, i)]
        dump = records_io.BatchDumper([records[i] for i in mine])
        for i in mine:
            yield i, dump(records[i])
        yield from zip(theirs, child, strict=True)
    finally:
        child.stop()

CrashPoint = Callable[[str], None]


@dataclass
class Stored:
    written: int = 0
    removed: int = 0
    record_errors: list[str] = field(default_factory=list)
    index: dict[str, str] = field(default_factory=dict)
    # every resolved record now on disk: its file, and the digest of the text dumped for it, or None
    # where the file was left as loaded (canonical); for the records cache (cache.remember_stored)
    on_disk: list[tuple[Path, BaseModel, str | None]] = field(default_factory=list)


def remove_leftovers(layout: Layout) -> None:
    """Temporary files of a write that was killed half-way (under the lock, so none is in use), and old
    ones of biohub's caches."""
    if layout.records.is_dir():
        for tmp in sorted(layout.records.rglob(".tmp-*")):
            tmp.unlink(missing_ok=True)
    yaml_io.remove_stale_temporaries(layout.state)


def broken_paths(kb: KnowledgeBase) -> set[Path]:
    return {Path(e.path).resolve() for e in kb.errors if e.path}


def existing(kb: KnowledgeBase, index: dict[str, str], replaced: Mapping[str, str] | None = None) -> Existing:
    """Ids in the index that are no longer on disk (and not merely broken) were deleted by an analyst.
    `replaced`: old source id -> the new one read from the same path in this run."""
    on_disk = set(kb.events) | set(kb.orgs) | set(kb.people) | set(kb.clusters) | set(kb.programmes)
    broken_names = {p.stem for p in broken_paths(kb)}
    deleted = {rid for rid, state in index.items()
               if state == "deleted" or (state == "written" and rid not in on_disk and rid not in broken_names)}
    return Existing(orgs=kb.orgs, people=kb.people, events=kb.events, clusters=kb.clusters,
                    programmes=kb.programmes, deleted=frozenset(deleted),
                    replaced=dict(replaced or {}))


def _same_as_on_disk(layout: Layout, kb: KnowledgeBase, loaded: BaseModel | None, rec: BaseModel, path: Path,
                     canonical: frozenset[str]) -> bool:
    """The file at `path` is canonical, was loaded as this record's id, and the record is unchanged."""
    if loaded is None or kb.paths.get(getattr(rec, "id", "")) != path:
        return False
    try:
        rel = path.relative_to(layout.root).as_posix()
    except ValueError:
        return False
    return rel in canonical and loaded == rec


def _citing_stored_events(sources: Mapping[str, Source], stored: Mapping[str, Event]) -> dict[str, Source]:
    """Each source as it may stand before the events are renamed into place: citing only events already
    on disk. Events cite their sources and sources cite their events; writing these first, then the
    events, then the sources that cite new events, keeps every reference resolvable at every step."""
    out: dict[str, Source] = {}
    for sid, src in sources.items():
        events = [eid for eid in src.mentions.events if eid in stored]
        out[sid] = src if events == src.mentions.events else src.model_copy(
            update={"mentions": src.mentions.model_copy(update={"events": events})})
    return out


def store_resolved(layout: Layout, kb: KnowledgeBase, resolved: Resolved, old_index: dict[str, str],
                   extractor: str | None, crash: CrashPoint, canonical: frozenset[str] = frozenset(),
                   *, split: bool = False) -> Stored:
    """Write what changed, then the index, then remove what is stale; see the module's docstring.

    `canonical`: files (relative to the knowledge base) known to hold biohub's own dump of the record
    loaded from them (untouched since the last settled ingest wrote them). A record equal to the one
    loaded from such a file would be dumped to the same bytes: it is not dumped again. `split`: dump
    the records on two cores (dump_records).
    """
    out = Stored()
    broken = broken_paths(kb)
    tables: dict[str, Mapping[str, BaseModel]] = {"clusters": kb.clusters, "programmes": kb.programmes,
                                                  "orgs": kb.orgs, "people": kb.people, "events": kb.events,
                                                  "sources-first": kb.sources, "sources": kb.sources}
    groups = (("clusters", resolved.clusters), ("programmes", resolved.programmes),
              ("orgs", resolved.orgs), ("people", resolved.people), ("events", resolved.events),
              ("sources", resolved.sources))
    first = _citing_stored_events(resolved.sources, kb.events)
    plan: tuple[tuple[str, Mapping[str, BaseModel]], ...] = (
        ("clusters", resolved.clusters), ("programmes", resolved.programmes), ("orgs", resolved.orgs),
        ("people", resolved.people), ("sources-first", first),
        ("events", resolved.events),
        ("sources", {sid: src for sid, src in resolved.sources.items() if first[sid] is not src}))
    todo: list[tuple[str, BaseModel, Path]] = []
    kept: set[Path] = set()  # files left as they were loaded
    for kind, group in plan:
        loaded = tables[kind]
        final = resolved.sources if kind == "sources-first" else group
        for rid, rec in group.items():
            path = records_io.record_path(layout, rec)
            if canonical and _same_as_on_disk(layout, kb, loaded.get(rid), final[rid], path, canonical):
                kept.add(path)
                continue
            if broken and path.resolve() in broken:
                out.record_errors.append(f"{path}: not rewritten because it does not validate; fix it by hand")
                continue
            todo.append((kind, rec, path))
    staged: list[tuple[str, list[tuple[Path, Path]]]] = [(kind, []) for kind, _ in plan]
    moves_of = dict(staged)
    checked: dict[Path, bool] = {}  # folders already found to lie inside the knowledge base
    tmps: list[Path | None] = [None] * len(todo)
    text_digests: list[str] = [""] * len(todo)
    try:
        # each text written to its temporary file as soon as it is made, never all held at once
        for i, text in dump_records([rec for _, rec, _ in todo], split=split):
            _, rec, _ = todo[i]
            text_digests[i] = content_digest(text.encode("utf-8"))
            tmps[i] = records_io.stage_record(layout, rec, text, checked)
    except BaseException:
        for tmp in tmps:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    tmp.unlink()
        raise
    for (kind, _, path), tmp in zip(todo, tmps, strict=True):
        if tmp is not None:
            moves_of[kind].append((tmp, path))
    digests = {path: digest for (_, _, path), digest in zip(todo, text_digests, strict=True)}
    if any(moves for _, moves in staged):
        yaml_io.sync_folder(layout.records, [tmp for _, moves in staged for tmp, _ in moves])
    writes = 0
    for kind, moves in staged:
        for tmp, path in moves:
            yaml_io.replace(tmp, path)
            writes += 1
            crash(f"record-{writes}")
        crash(f"store-{kind}")
    if writes:
        yaml_io.sync_folder(layout.records, [path for _, moves in staged for _, path in moves])
    out.written = writes
    keep: set[Path] = set()  # every resolved record's file (only files loaded at the start can be stale)
    for _, group in groups:
        for rec in group.values():
            path = records_io.record_path(layout, rec)
            if kb.paths:
                keep.add(path.resolve())
            if path in digests or path in kept:
                out.on_disk.append((path, rec, digests.get(path)))
    # The index goes before the removals: a stale file left by a crash is machine-written and dropped by
    # the next run, whereas an id missing from disk but listed as written would read as an analyst's deletion.
    index = next_index(kb, resolved, old_index)
    records_io.write_index(layout, index, extractor)
    out.index = index
    crash("index")
    out.removed = _remove_stale(layout, kb, keep, crash)
    crash("removed")
    return out


def next_index(kb: KnowledgeBase, resolved: Resolved, old_index: dict[str, str]) -> dict[str, str]:
    """The index `store_resolved` writes: every resolved id written, and the ids an analyst deleted."""
    index = {rid: "written" for g in (resolved.orgs, resolved.people, resolved.events, resolved.clusters,
                                      resolved.programmes) for rid in g}
    deleted = existing(kb, old_index).deleted
    for rid, state in old_index.items():
        if rid not in index and (state == "deleted" or rid in deleted):
            index[rid] = "deleted"
    return index


# what cites comes before what it cites
_REMOVAL_ORDER = ("events", "sources", "people", "orgs", "clusters", "programmes")


def _remove_stale(layout: Layout, kb: KnowledgeBase, keep: set[Path], crash: CrashPoint) -> int:
    """Delete the files no resolved record stands for, keeping every reference resolvable meanwhile.

    Events cite sources and sources cite events: a stale source is first rewritten citing nothing,
    then stale events go, then stale sources, people (who cite organisations) and organisations.
    """
    stale = {rid: path for rid, path in kb.paths.items() if path.resolve() not in keep}
    for rid in sorted(stale):
        src = kb.sources.get(rid)
        if src is not None and src.mentions != Mentions():
            records_io.save_record(layout, src.model_copy(update={"mentions": Mentions()}))
    removed = 0
    for kind in _REMOVAL_ORDER:
        table: Mapping[str, BaseModel] = getattr(kb, kind)
        for rid in sorted(r for r in stale if r in table):
            yaml_io.remove(stale[rid])
            removed += 1
            crash(f"unlink-{removed}")
    for rid in sorted(r for r in stale if not any(r in getattr(kb, k) for k in _REMOVAL_ORDER)):
        yaml_io.remove(stale[rid])  # a file loaded under an id of no table (not expected)
        removed += 1
    return removed
