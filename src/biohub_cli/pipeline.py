"""Wires the stages: read → clean → analyse → extract per file, then resolve and store once."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from biohub_cli import kb as kb_mod
from biohub_cli import records_io
from biohub_cli.config import Layout
from biohub_cli.locking import ingest_lock
from biohub_cli.models import Extraction, Source
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.stages import Document
from biohub_cli.resolve import Existing, Resolved, resolve


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


def ingest(root: Path, paths: Sequence[Path], options: IngestOptions = IngestOptions(),
           progress: Progress | None = None) -> IngestReport:
    """Ingest files and folders into the knowledge base at `root`; per-file failures never stop the batch."""
    from biohub_cli.read import iter_inputs

    layout = Layout(root)
    report = IngestReport()
    with ingest_lock(layout):
        files, errors = iter_inputs(paths)
        for e in errors:
            report.files.append(FileResult(path=e.path or "?", status="failed", message=e.message))
        _remove_leftovers(layout)
        kb = kb_mod.load(root)
        report.record_errors = [e.render() for e in kb.errors]
        sources = dict(kb.sources)
        outcomes = process_files(files, kb, options, progress)
        if len(outcomes) < len(files):  # Ctrl-C: store what was read, report the rest
            report.interrupted = True
            report.not_read = [str(f) for f in files[len(outcomes):]]
        for outcome in outcomes:
            report.files.append(outcome.result)
            sid = outcome.result.source_id
            if sid is None or outcome.result.status == "failed":
                continue
            here = display_path(Path(outcome.result.path), root)
            for old in [s for s in sources.values() if s.path == here and s.id != sid]:
                sources.pop(old.id)  # the file at this path has new content now
            if outcome.source is not None:
                sources[sid] = outcome.source
        try:
            resolved = resolve(list(sources.values()), _existing(kb), records_io.read_merges(layout))
            _crash_point("resolved")
        except KeyboardInterrupt:  # nothing is written yet: stop with records/ untouched
            report.interrupted, report.stored = True, False
            report.not_read = [str(f) for f in files[len(outcomes):]]
            return report
        report.conflicts = resolved.curation.conflicts
        report.proposals = [f"{a} ~ {b} ({score:.0f}% alike): if they are one body, run "
                            f"`biohub merge '{a}' '{b}'`" for a, b, score in resolved.proposals]
        with _interrupt_deferred() as interrupts:
            _store(layout, kb, resolved, report)
        report.interrupted = report.interrupted or bool(interrupts)
    return report


CRASH_ENV = "BIOHUB_TEST_CRASH_AT"
CRASH_SIGNAL_ENV = "BIOHUB_TEST_CRASH_SIGNAL"


def _crash_point(name: str) -> None:
    """Test hook: when $BIOHUB_TEST_CRASH_AT is `name`, kill this process here (SIGKILL by default).

    Points: `file-N` after the N-th file is read and extracted, `resolved` before anything is
    written, `record-N` after the N-th record write, `store-orgs`, `store-people`, `store-events`,
    `store-sources` after each group, `removed` after stale files are deleted, `index` at the end.
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
    result: FileResult
    source: Source | None = None


def process_files(files: Sequence[Path], kb: kb_mod.KnowledgeBase, options: IngestOptions,
                  progress: Progress | None = None) -> list[Outcome]:
    """Read, clean, analyse and extract each file, in worker processes when `jobs` > 1; input order kept."""
    from biohub_cli import worker

    if not files:
        return []
    settings = worker.Settings.of(kb, options.published, options.max_bytes, options.force)
    unique: dict[str, Path] = {}
    outcomes: list[Outcome | None] = [None] * len(files)
    jobs = max(1, min(options.jobs, len(files)))
    if options.executor == "dask":
        from biohub_cli import distributed

        results = distributed.run_all(files, settings, jobs, scheduler=options.scheduler)
    else:
        results = worker.run_all(files, settings, jobs)
    try:
        for i, (path, (status, source, message, sid)) in enumerate(zip(files, results, strict=True)):
            if sid and sid in unique and status != "failed":
                same = f"same content as {unique[sid]}"
                outcomes[i] = Outcome(FileResult(str(path), "unchanged", sid, same))
            else:
                if sid:
                    unique.setdefault(sid, path)
                outcomes[i] = Outcome(FileResult(str(path), status, sid, message), source)
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


def source_record(doc: Document, extraction: Extraction, root: Path) -> Source:
    md = doc.metadata
    raw = doc.raw
    return Source(
        id=doc.source_id, path=display_path(raw.path, root), file_name=raw.file_name, sha256=raw.sha256,
        format=raw.format, title=md.title, outlet=md.outlet, reporter=md.reporter, published=md.published,
        published_time=md.published_time, published_evidence=md.published_evidence, header=dict(md.header),
        segments=list(doc.segments), text=doc.text, noise=list(doc.noise), extraction=extraction)


def display_path(path: Path, root: Path) -> str:
    """Relative to the knowledge base when inside it, else to the current folder.

    Records never carry machine-specific absolute paths, and a file inside the knowledge base
    gets the same path whichever folder the ingest was started from.
    """
    here = path.resolve()
    base = root.resolve()
    if here.is_relative_to(base):
        return here.relative_to(base).as_posix()
    try:
        return Path(os.path.relpath(here, Path.cwd())).as_posix()
    except ValueError:
        return here.as_posix()


def _remove_leftovers(layout: Layout) -> None:
    """Temporary files of a write that was killed half-way (under the lock, so none is in use)."""
    if layout.records.is_dir():
        for tmp in sorted(layout.records.rglob(".tmp-*")):
            tmp.unlink(missing_ok=True)


def _broken_paths(kb: kb_mod.KnowledgeBase) -> set[Path]:
    return {Path(e.path).resolve() for e in kb.errors if e.path}


def _existing(kb: kb_mod.KnowledgeBase) -> Existing:
    """Ids in the index that are no longer on disk (and not merely broken) were deleted by an analyst."""
    index = records_io.read_index(kb.layout)
    on_disk = set(kb.events) | set(kb.orgs) | set(kb.people)
    broken_names = {p.stem for p in _broken_paths(kb)}
    deleted = {rid for rid, state in index.items()
               if state == "deleted" or (state == "written" and rid not in on_disk and rid not in broken_names)}
    return Existing(orgs=kb.orgs, people=kb.people, events=kb.events, deleted=frozenset(deleted))


def _store(layout: Layout, kb: kb_mod.KnowledgeBase, resolved: Resolved, report: IngestReport) -> None:
    """Records first, then the sources that point at them, then what is stale; each file atomic."""
    written = 0
    broken = _broken_paths(kb)
    writes = 0
    for kind, group in (("orgs", resolved.orgs), ("people", resolved.people), ("events", resolved.events),
                        ("sources", resolved.sources)):
        for rec in group.values():
            path = records_io.record_path(layout, rec)
            if path.resolve() in broken:
                report.record_errors.append(f"{path}: not rewritten because it does not validate; fix it by hand")
                continue
            written += records_io.save_record(layout, rec)
            writes += 1
            _crash_point(f"record-{writes}")
        _crash_point(f"store-{kind}")
    keep = {records_io.record_path(layout, r).resolve()
            for g in (resolved.orgs, resolved.people, resolved.events, resolved.sources) for r in g.values()}
    # The index goes before the removals: a stale file left by a crash is machine-written and dropped by
    # the next run, whereas an id missing from disk but listed as written would read as an analyst's deletion.
    index = {rid: "written" for g in (resolved.orgs, resolved.people, resolved.events) for rid in g}
    deleted = _existing(kb).deleted
    for rid, state in records_io.read_index(layout).items():
        if rid not in index and (state == "deleted" or rid in deleted):
            index[rid] = "deleted"
    records_io.write_index(layout, index)
    _crash_point("index")
    removed = 0
    for path in sorted(kb.paths.values()):
        if path.resolve() not in keep:
            path.unlink(missing_ok=True)
            removed += 1
    _crash_point("removed")
    report.written, report.removed = written, removed
