"""Wires the stages: read → clean → analyse → extract per file, then resolve and store once."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
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
        kb = kb_mod.load(root)
        report.record_errors = [e.render() for e in kb.errors]
        by_path = {s.path: s for s in kb.sources.values()}
        sources = dict(kb.sources)
        for outcome in process_files(files, kb, options, progress):
            report.files.append(outcome.result)
            src = outcome.source
            if src is None:
                continue
            old = by_path.get(src.path)
            if old is not None and old.id != src.id:
                sources.pop(old.id, None)
            sources[src.id] = src
        resolved = resolve(list(sources.values()), _existing(kb), records_io.read_merges(layout))
        report.conflicts = resolved.curation.conflicts
        report.proposals = [f"{a} ~ {b} ({score:.0f}% alike): if they are one body, run "
                            f"`biohub merge '{a}' '{b}'`" for a, b, score in resolved.proposals]
        _store(layout, kb, resolved, report)
    return report


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
    results = worker.run_all(files, settings, jobs)
    for i, (path, (status, source, message, sid)) in enumerate(zip(files, results, strict=True)):
        if sid and sid in unique and status != "failed":
            outcomes[i] = Outcome(FileResult(str(path), "unchanged", sid, f"same content as {unique[sid]}"))
        else:
            if sid:
                unique.setdefault(sid, path)
            outcomes[i] = Outcome(FileResult(str(path), status, sid, message), source)
        if progress:
            progress(str(path))
    return [o for o in outcomes if o is not None]


def source_record(doc: Document, extraction: Extraction) -> Source:
    md = doc.metadata
    raw = doc.raw
    return Source(
        id=doc.source_id, path=_display_path(raw.path), file_name=raw.file_name, sha256=raw.sha256,
        format=raw.format, title=md.title, outlet=md.outlet, reporter=md.reporter, published=md.published,
        published_time=md.published_time, published_evidence=md.published_evidence, header=dict(md.header),
        segments=list(doc.segments), text=doc.text, noise=list(doc.noise), extraction=extraction)


def _display_path(path: Path) -> str:
    """Relative to the current folder when below it, so records do not carry machine-specific paths."""
    try:
        return os.path.relpath(path.resolve(), Path.cwd())
    except ValueError:
        return str(path)


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
    for group in (resolved.orgs, resolved.people, resolved.events, resolved.sources):
        for rec in group.values():
            path = records_io.record_path(layout, rec)
            if path.resolve() in broken:
                report.record_errors.append(f"{path}: not rewritten because it does not validate; fix it by hand")
                continue
            written += records_io.save_record(layout, rec)
    keep = {records_io.record_path(layout, r).resolve()
            for g in (resolved.orgs, resolved.people, resolved.events, resolved.sources) for r in g.values()}
    removed = 0
    for rid, path in sorted(kb.paths.items()):
        if path.resolve() not in keep:
            path.unlink(missing_ok=True)
            removed += 1
    index = {rid: "written" for g in (resolved.orgs, resolved.people, resolved.events) for rid in g}
    deleted = _existing(kb).deleted
    for rid, state in records_io.read_index(layout).items():
        if rid not in index and (state == "deleted" or rid in deleted):
            index[rid] = "deleted"
    records_io.write_index(layout, index)
    report.written, report.removed = written, removed
