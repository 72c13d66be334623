"""Wires the stages: read → clean → analyse → extract per file, then resolve and store once."""

from __future__ import annotations

import hashlib
import os
import signal
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from biohub_cli.config import Layout
from biohub_cli.errors import BiohubError
from biohub_cli.ingest import last_run
from biohub_cli.ingest.fingerprint import extractor_fingerprint
from biohub_cli.ingest.sources import display_path, display_resolved, resolved_path
from biohub_cli.store.lock import ingest_lock
from biohub_cli.store.record_files import file_digest as _digest  # as last_run digests racy files

# The rest (pydantic models, the caches, resolve) is imported past the fast path, so an unchanged
# re-ingest (_settled) reads and hashes the files without loading them.
if TYPE_CHECKING:
    from biohub_cli.ingest import worker as worker_mod
    from biohub_cli.kb import knowledge_base as kb_mod
    from biohub_cli.models import Source
    from biohub_cli.models.curation import AnalystCuration
    from biohub_cli.models.dates import PartialDate
    from biohub_cli.resolve import Existing, Resolved


@dataclass
class FileResult:
    path: str
    status: str  # "new", "changed", "unchanged", "failed"
    source_id: str | None = None
    message: str | None = None


@dataclass
class IngestReport:
    files: list[FileResult] = field(default_factory=list)
    written: int = 0
    removed: int = 0
    conflicts: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    record_errors: list[str] = field(default_factory=list)
    redated: list[str] = field(default_factory=list)  # documents dated anew by a `published` set by hand
    interrupted: bool = False  # Ctrl-C: the files read before it were stored, the rest were not read
    not_read: list[str] = field(default_factory=list)
    stored: bool = True  # False when Ctrl-C came before anything was written

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "failed"]

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)


@dataclass(frozen=True)
class IngestOptions:
    published: PartialDate | None = None
    force: bool = False
    jobs: int = 1
    max_bytes: int | None = None
    executor: str = "local"  # "local" (processes on this machine) or "dask" (a dask.distributed cluster)
    scheduler: str | None = None  # the Dask scheduler's address when executor is "dask"


Progress = Callable[[str], None]

RELEASE_AFTER = 200  # sources to resolve past which a batch that analysed any unloads the tokeniser first
CHECK_APART_AFTER = 200  # sources past which the fixed-point check (`_fixed_point`) runs in a process of its own


def ingest(root: Path, paths: Sequence[Path], options: IngestOptions = IngestOptions(),
           progress: Progress | None = None, on_wait: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest files and folders into the knowledge base at `root`; per-file failures never stop the batch.
    `on_wait` hears that the ingest waits for another one holding the knowledge base's lock."""
    from biohub_cli.read import iter_inputs

    layout = Layout(root)
    report = IngestReport()
    with ingest_lock(layout, on_wait=on_wait):
        files, errors = iter_inputs(paths)
        for e in errors:
            report.files.append(FileResult(path=e.path or "?", status="failed", message=e.message))
        if files and not options.force and options.published is None \
                and _settled(layout, files, options, report, progress):
            return report
        from biohub_cli.ingest import commit, memory
        from biohub_cli.ingest.forked import Forked
        from biohub_cli.kb import records_cache
        from biohub_cli.store import curation_files, records_io

        canonical = _canonical_files(layout)
        last_run.forget(layout)
        commit.remove_leftovers(layout)
        # the snapshot is written once the records are stored
        kb, loaded = records_cache.load_with_stats(root, write=False)
        report.record_errors = [e.render() for e in kb.errors]
        index = records_io.load_index(layout)
        curation_files.read_curation(layout)  # checked before any file is read: a cycle stops the ingest here
        extractor = extractor_fingerprint()
        stale = index.extractor != extractor  # another extractor made these sources: extract again
        sources = dict(kb.sources)
        by_hand = _published_by_hand(kb)
        redo = {**by_hand, **_published_anew(kb, options.published)}
        outcomes = process_files(files, kb, replace(options, force=options.force or stale), progress, redo=redo,
                                 dates=_analysts_dates(kb))
        if len(outcomes) < len(files):  # Ctrl-C: store what was read, report the rest
            report.interrupted = True
            report.not_read = [str(f) for f in files[len(outcomes):]]
        fresh = sum(o.packed is not None for o in outcomes)
        if fresh and len(sources) + fresh >= RELEASE_AFTER:  # before the sources are unpacked
            memory.release_tokeniser()  # resolve and store need the memory more than a next batch needs the model
        extracted: set[str] = set()
        at_path: dict[str, set[str]] = {}  # the ids in `sources` by path, kept as `sources` changes
        replaced: dict[str, str] = {}  # old source id -> the new one read from the same path
        for s in sources.values():
            at_path.setdefault(s.path, set()).add(s.id)
        for outcome in outcomes:
            report.files.append(outcome.result)
            sid = outcome.result.source_id
            if sid is None or outcome.result.status == "failed":
                continue
            here = display_path(Path(outcome.result.path), root)
            for old in at_path.get(here, set()) - {sid}:
                at_path[here].discard(old)
                sources.pop(old)  # the file at this path has new content now
                replaced[old] = sid
            source = outcome.source  # compacted before it was packed: equal strings are one object again
            if source is not None and sid in kb.sources:
                source = _with_edits(source, kb.sources[sid])
                if sid in by_hand and sid not in redo.keys() - by_hand.keys():
                    report.redated.append(_redated(source))
            if source is not None:
                if sid in sources:
                    at_path[sources[sid].path].discard(sid)
                sources[sid] = source
                at_path.setdefault(source.path, set()).add(sid)
                extracted.add(sid)
        again = [(sources[sid], date) for sid, date in sorted(by_hand.items())
                 if sid not in extracted and sid in sources]
        if again:  # a `published` set by hand in a source whose file was not extracted in this run
            from biohub_cli.ingest import worker

            settings = worker.Settings.of(kb, None, options.max_bytes, False)
            for src in worker.extract_again(again, settings):
                sources[src.id] = src
                extracted.add(src.id)
                report.redated.append(_redated(src))
        curation = curation_files.read_curation(layout)
        try:
            resolved = resolve(list(sources.values()), commit.existing(kb, index.states, replaced), curation)
            _crash_point("resolved")
        except KeyboardInterrupt:  # nothing is written yet: stop with records/ untouched
            report.interrupted, report.stored = True, False
            report.not_read = [str(f) for f in files[len(outcomes):]]
            return report
        report.conflicts = resolved.curation.conflicts
        report.proposals = _proposals(resolved)
        # The fingerprint moves on only when every source is now the current extractor's.
        current = not stale or set(resolved.sources) <= extracted
        # Whether the stored records will be a fixed point is worked out beside the store phase (in a
        # forked child with two or more jobs and enough to resolve); it is used only when the store went through.
        after = commit.next_index(kb, resolved, index.states) if current else {}
        apart = options.jobs > 1 and current and len(resolved.sources) >= CHECK_APART_AFTER
        check = Forked(lambda: iter([_fixed_point(resolved, after, curation)] if current else []),
                       fork=None if apart else False)
        try:
            with _interrupt_deferred() as interrupts:
                stored = commit.store_resolved(layout, kb, resolved, index.states,
                                                      extractor if current else index.extractor, _crash_point,
                                                      canonical, split=options.jobs > 1)
                report.written, report.removed = stored.written, stored.removed
                report.record_errors += stored.record_errors
                records_cache.remember_stored(layout, stored.on_disk, loaded)
                if current and not report.record_errors and not report.interrupted and not interrupts:
                    _settle(layout, resolved, next(iter(check)), extractor)
        finally:
            check.stop()
        report.interrupted = report.interrupted or bool(interrupts)
    return report


def _published_by_hand(kb: kb_mod.KnowledgeBase) -> dict[str, PartialDate]:
    """Sources whose `published` an analyst set by hand since biohub wrote it: their relative dates are
    worked out again from it."""
    from biohub_cli.resolve.curation import source_edits

    return {sid: src.published for sid, src in sorted(kb.sources.items())
            if src.published is not None and "published" in source_edits(src)}


def _analysts_dates(kb: kb_mod.KnowledgeBase) -> dict[str, PartialDate]:
    """The publication dates an analyst gave (`--published`, or by hand and applied): a source extracted
    again (--force, a new extractor) keeps its date."""
    return {sid: src.published for sid, src in kb.sources.items()
            if src.published is not None and src.published.year_basis == "analyst"}


def _published_anew(kb: kb_mod.KnowledgeBase, published: PartialDate | None) -> dict[str, PartialDate]:
    """With --published, the known sources dated otherwise: extracted again when their file is given."""
    if published is None:
        return {}
    return {sid: published for sid, src in kb.sources.items()
            if src.published is None or src.published.iso() != published.iso()}


def _redated(src: Source) -> str:
    when = src.published.iso() if src.published else "?"
    return f"{src.path}: dated {when} as set by hand in its record; its relative dates were worked out again"


def _with_edits(new: Source, old: Source) -> Source:
    """A source extracted again keeps the metadata an analyst edited in its record (and the fingerprints
    that say so); a `published` set by hand was used to extract it, and is the analyst's from now on."""
    from biohub_cli.resolve.curation import source_edits

    kept = [k for k in source_edits(old) if k != "published"]
    if not kept:
        return new
    return new.model_copy(update={**{k: getattr(old, k) for k in kept},
                                  "generated": {**new.generated, **{k: old.generated[k] for k in kept}}})


def _canonical_files(layout: Layout) -> frozenset[str]:
    """Files under records/ untouched since the last settled ingest stored them: each holds biohub's
    dump of its record, so an equal record need not be dumped again to know its bytes are there. Only
    while the extractor is the same: its fingerprint covers the record models, whose dump may change."""
    state = last_run.load(layout)
    if state is None or state.extractor != extractor_fingerprint():
        return frozenset()
    try:
        now = last_run.signatures(layout)
    except OSError:
        return frozenset()
    out = []
    for name, (size, mtime, ctime, ino, digest) in state.files.items():
        if now.get(name, (None,))[:4] != (size, mtime, ctime, ino):
            continue
        if digest:
            try:
                if _digest(layout.root / name) != digest:
                    continue
            except OSError:
                continue
        out.append(name)
    return frozenset(out)


def _proposals(resolved: Resolved) -> list[str]:
    return [f"{a} ~ {b} ({score:.0f}% alike): if they are one body, run `biohub merge '{a}' '{b}'`"
            for a, b, score in resolved.proposals]


Verdict = tuple[bool, list[str], list[str]]  # a fixed point?, and what the next ingest would report


def resolve(sources: list[Source], existing: Existing, curation: AnalystCuration) -> Resolved:
    """resolve.resolve, imported when first needed."""
    from biohub_cli.resolve import resolve as run

    return run(sources, existing, curation)


def _fixed_point(resolved: Resolved, index: dict[str, str], curation: AnalystCuration) -> Verdict:
    """Resolve the records about to be stored against themselves: when that gives them back unchanged,
    an ingest of the same files would write nothing and report these conflicts and proposals."""
    from biohub_cli.resolve import Existing

    deleted = frozenset(rid for rid, state in index.items() if state == "deleted")
    again = resolve(list(resolved.sources.values()),
                    Existing(orgs=resolved.orgs, people=resolved.people, events=resolved.events,
                             clusters=resolved.clusters, programmes=resolved.programmes, deleted=deleted),
                    curation)
    same = (again.orgs, again.people, again.events, again.sources, again.clusters, again.programmes) == \
        (resolved.orgs, resolved.people, resolved.events, resolved.sources, resolved.clusters, resolved.programmes)
    return same, list(again.curation.conflicts), _proposals(again)


def _settle(layout: Layout, resolved: Resolved, verdict: Verdict, extractor: str) -> None:
    """Record the state for the fast path when the stored records are a fixed point (`_fixed_point`)."""
    same, conflicts, proposals = verdict
    if not same:
        return
    last_run.record(layout, last_run.snapshot(
        layout, extractor=extractor, sources={sid: s.path for sid, s in resolved.sources.items()},
        conflicts=conflicts, proposals=proposals))


def _settled(layout: Layout, files: Sequence[Path], options: IngestOptions, report: IngestReport,
             progress: Progress | None) -> bool:
    """The fast path: every file's bytes hash to a known source, the extractor and records/ are as the
    last complete ingest left them. Then nothing would change: report that, having read no record."""
    from biohub_cli.read import DEFAULT_MAX_BYTES
    from biohub_cli.read.files import load_bytes

    state = last_run.load(layout)
    if state is None or state.extractor != extractor_fingerprint():
        return False
    at_path: dict[str, set[str]] = {}
    for sid, shown in state.sources.items():
        at_path.setdefault(shown, set()).add(sid)
    results: list[FileResult] = []
    unique: dict[str, Path] = {}
    base, cwd = os.path.realpath(layout.root), os.getcwd()  # resolved once, not once a file
    folders: dict[str, str] = {}  # each folder resolved once
    for path in files:
        try:
            data = load_bytes(path, options.max_bytes or DEFAULT_MAX_BYTES)
        except (BiohubError, OSError):
            return False  # the full path reports it
        sid = "src-" + hashlib.sha256(data).hexdigest()[:12]
        shown = display_resolved(resolved_path(path, folders), base, cwd)
        if sid not in state.sources or at_path.get(shown, {sid}) != {sid}:
            return False
        same = f"same content as {unique[sid]}" if sid in unique else None
        unique.setdefault(sid, path)
        results.append(FileResult(str(path), "unchanged", sid, same))
    if not last_run.unchanged_since(layout, state):
        return False
    for r in results:
        report.files.append(r)
        if progress:
            progress(r.path)
    report.conflicts, report.proposals = list(state.conflicts), list(state.proposals)
    return True


CRASH_ENV = "BIOHUB_TEST_CRASH_AT"
CRASH_SIGNAL_ENV = "BIOHUB_TEST_CRASH_SIGNAL"


def _crash_point(name: str) -> None:
    """Test hook: when $BIOHUB_TEST_CRASH_AT is `name`, kill this process here (SIGKILL by default).

    Points: `file-N` after the N-th file is read and extracted, `resolved` before anything is
    written, `record-N` after the N-th record write, `store-orgs`, `store-people`,
    `store-sources-first`, `store-events`, `store-sources` after each group, `index` after the index,
    `unlink-N` after the N-th stale file is deleted, `removed` at the end; `build-staged` when a build
    (render/site.write) has staged its files and renamed none.
    $BIOHUB_TEST_CRASH_SIGNAL=SIGINT sends Ctrl-C instead, to the whole process group when this
    process leads one (as a terminal does), else to this process only.
    """
    if os.environ.get(CRASH_ENV) != name:
        return
    wanted = os.environ.get(CRASH_SIGNAL_ENV, "SIGKILL")
    sig = getattr(signal, wanted, None) if wanted.startswith("SIG") else None
    if not isinstance(sig, signal.Signals):
        return
    if sig == signal.SIGINT and hasattr(os, "killpg") and os.getpgid(0) == os.getpid():
        os.killpg(os.getpid(), sig)
    else:
        os.kill(os.getpid(), sig)


@contextmanager
def _interrupt_deferred() -> Iterator[list[int]]:
    """Hold Ctrl-C while records are written, so no phase stops half-done; yields the signals held."""
    held: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield held
        return

    def hold(signum: int, frame: object) -> None:
        held.append(signum)

    previous = signal.signal(signal.SIGINT, hold)
    try:
        yield held
    finally:
        signal.signal(signal.SIGINT, previous)


@dataclass(frozen=True)
class Outcome:
    """What became of one file; the extracted source is held packed (records_cache.pack) until resolve, so
    the sources of a large batch take a few kilobytes each while the tokeniser is loaded."""

    result: FileResult
    packed: bytes | None = None

    @property
    def source(self) -> Source | None:
        from biohub_cli.kb.records_cache import unpack

        return None if self.packed is None else unpack(self.packed)


def process_files(files: Sequence[Path], kb: kb_mod.KnowledgeBase, options: IngestOptions,
                  progress: Progress | None = None, *, redo: Mapping[str, PartialDate] | None = None,
                  dates: Mapping[str, PartialDate] | None = None) -> list[Outcome]:
    """Read, clean, analyse and extract each file, in worker processes when `jobs` > 1; input order kept.
    `redo`: known sources extracted again, when their file is given, with this publication date; `dates`:
    the analyst's publication date of known sources, used whenever one is extracted again."""
    from biohub_cli.ingest import worker

    if not files:
        return []
    settings = worker.Settings.of(kb, options.published, options.max_bytes, options.force, redo, dates)
    unique: dict[str, Path] = {}
    outcomes: list[Outcome | None] = [None] * len(files)
    known = {} if options.force else _known_files(files, settings.known, options.max_bytes)
    todo = [f for i, f in enumerate(files) if i not in known]
    jobs = max(1, min(options.jobs, len(todo)))
    work: Iterator[worker.Packed]
    if not todo:
        work = iter(())
    elif options.executor == "dask":
        from biohub_cli.ingest import dask_executor

        work = dask_executor.run_all(todo, settings, jobs, scheduler=options.scheduler)
    else:
        work = worker.run_all(todo, settings, jobs)
    results = _in_order(len(files), known, work)
    try:
        for i, (path, (status, packed, message, sid)) in enumerate(zip(files, results, strict=True)):
            if sid and sid in unique and status != "failed":
                same = f"same content as {unique[sid]}"
                outcomes[i] = Outcome(FileResult(str(path), "unchanged", sid, same))
            else:
                if sid:
                    unique.setdefault(sid, path)
                outcomes[i] = Outcome(FileResult(str(path), status, sid, message), packed)
            if progress:
                progress(str(path))
            _crash_point(f"file-{i + 1}")
    except KeyboardInterrupt:  # Ctrl-C: keep the files finished so far (a prefix), read no more
        close = getattr(results, "close", None)
        if callable(close):
            close()  # a pool cancels the files not started and waits for the ones running
        done = next((i for i, o in enumerate(outcomes) if o is None), len(outcomes))
        return [o for o in outcomes[:done] if o is not None]
    return [o for o in outcomes if o is not None]


def _known_files(files: Sequence[Path], known: frozenset[str], max_bytes: int | None) -> dict[int, worker_mod.Packed]:
    """Files whose bytes hash to a source the knowledge base holds: "unchanged" without a worker (what a
    worker would say after reading them). Files that cannot be read are left to the workers to report."""
    from biohub_cli.read import DEFAULT_MAX_BYTES
    from biohub_cli.read.files import load_bytes

    out: dict[int, worker_mod.Packed] = {}
    if not known:
        return out
    for i, path in enumerate(files):
        try:
            data = load_bytes(path, max_bytes or DEFAULT_MAX_BYTES)
        except (BiohubError, OSError):
            continue
        sid = "src-" + hashlib.sha256(data).hexdigest()[:12]
        if sid in known:
            out[i] = ("unchanged", None, None, sid)
    return out


def _in_order(count: int, known: dict[int, worker_mod.Packed],
              work: Iterator[worker_mod.Packed]) -> Iterator[worker_mod.Packed]:
    """The known files' results and the workers' results, in input order (the workers' stream is
    drawn only as far as needed, so Ctrl-C stops it where the caller stopped)."""
    try:
        for i in range(count):
            yield known[i] if i in known else next(work)
    finally:
        close = getattr(work, "close", None)
        if callable(close):
            close()
