"""Per-document work (read → clean → analyse → extract), inline or in worker processes.

Each worker process loads Kiwi and the lexicon once; documents are independent, so the result is
the same whichever process handles which file, and results come back in input order.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from biohub_cli.errors import BiohubError
from biohub_cli.ingest.lifeline import end_with_parent
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.models import Source
from biohub_cli.models.dates import PartialDate

Result = tuple[str, Source | None, str | None, str | None]  # status, source, message, source id
Packed = tuple[str, bytes | None, str | None, str | None]  # the same with the source packed (cache.pack)

_STATE: dict[str, Any] = {}


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs, picklable."""

    published: PartialDate | None
    max_bytes: int | None
    force: bool
    known: frozenset[str]          # source ids whose files need not be extracted again
    known_paths: tuple[tuple[str, str], ...]  # (path, source id) of ingested files
    lexicon_orgs: tuple[Any, ...]
    lexicon_people: tuple[str, ...]
    root: str                      # the knowledge base, which source paths are relative to
    extracted_before: frozenset[str] = frozenset()  # every source id in the knowledge base
    # source id -> the publication date to clean it with: set by hand in its record (or --published on
    # a known file), so its relative dates are worked out again from it
    published_of: tuple[tuple[str, PartialDate], ...] = ()
    lexicon_clusters: tuple[Any, ...] = ()  # clusters and programmes analysts curated in records/
    lexicon_programmes: tuple[Any, ...] = ()

    @classmethod
    def of(cls, kb: KnowledgeBase, published: PartialDate | None, max_bytes: int | None,
           force: bool, redo: Mapping[str, PartialDate] | None = None,
           dates: Mapping[str, PartialDate] | None = None) -> Settings:
        """`redo`: known sources to extract again with this publication date; `dates`: the publication
        date of known sources whenever they are extracted again (an analyst's)."""
        from biohub_cli.kb.lexicon import curated_entries, curated_places

        redo = redo or {}
        dates = {**(dates or {}), **redo}
        orgs, people = curated_entries(kb)
        clusters, programmes = curated_places(kb)
        return cls(published=published, max_bytes=max_bytes, force=force,
                   known=frozenset(kb.sources) - set(redo),
                   known_paths=tuple(sorted((s.path, s.id) for s in kb.sources.values())),
                   lexicon_orgs=tuple(orgs), lexicon_people=tuple(people),
                   root=str(kb.layout.root.resolve()), extracted_before=frozenset(kb.sources),
                   published_of=tuple(sorted(dates.items(), key=lambda kv: kv[0])),
                   lexicon_clusters=tuple(clusters), lexicon_programmes=tuple(programmes))

    def status_of(self, sid: str, path: str) -> str:
        """"re-extracted" (a known document), "changed" (new content at a known path) or "new"."""
        if sid in self.extracted_before:
            return "re-extracted"
        return "changed" if any(p == path and i != sid for p, i in self.known_paths) else "new"


def _init(settings: Settings) -> None:
    _STATE.clear()
    _STATE["settings"] = settings
    if multiprocessing.parent_process() is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _lexicon() -> Any:
    if "lexicon" not in _STATE:
        from biohub_cli.extract.lexicon import Lexicon

        s: Settings = _STATE["settings"]
        _STATE["lexicon"] = Lexicon.load(extra_orgs=s.lexicon_orgs, extra_people=s.lexicon_people,
                                         extra_clusters=s.lexicon_clusters, extra_programmes=s.lexicon_programmes)
    return _STATE["lexicon"]


def process(path: Path) -> Result:
    """One file; never raises: failures come back as ("failed", None, message, id-if-known)."""
    prepared = _prepare(path)
    if not isinstance(prepared, Prepared):
        return prepared
    from biohub_cli.analyse import analyse

    try:
        analysed = analyse(prepared.doc, user_words=_lexicon().user_words())
    except Exception as exc:
        return _failure(exc, prepared.sid)
    return _finish(prepared, analysed)


@dataclass(frozen=True)
class Prepared:
    """A file read and cleaned, waiting for Kiwi."""

    doc: Any  # models.stages.Document
    sid: str


def _prepare(path: Path) -> Prepared | Result:
    """Read and clean one file: what Kiwi gets next, or the file's result when nothing is left to do."""
    from biohub_cli.read import DEFAULT_MAX_BYTES, read_path

    s: Settings = _STATE["settings"]
    sid: str | None = None
    try:
        raw = read_path(path, max_bytes=s.max_bytes or DEFAULT_MAX_BYTES)
        sid = raw.source_id
        if sid in s.known and not s.force:
            return ("unchanged", None, None, sid)
        from biohub_cli.clean import clean

        return Prepared(clean(raw, published=s.published or dict(s.published_of).get(sid)), sid)
    except Exception as exc:
        return _failure(exc, sid)


def _finish(prepared: Prepared, analysed: Any) -> Result:
    """Extraction and the source record of an analysed file."""
    from biohub_cli.extract import extract
    from biohub_cli.ingest.sources import check_fits, source_record

    s: Settings = _STATE["settings"]
    sid = prepared.sid
    try:
        source = source_record(prepared.doc, extract(analysed, _lexicon()), Path(s.root))
        check_fits(source)
        return (s.status_of(sid, source.path), source, None, sid)
    except Exception as exc:
        return _failure(exc, sid)


def packed(result: Result) -> Packed:
    """The result with its source as the few kilobytes it is held as until resolve (cache.pack), made
    where the source was: a worker process sends those bytes, not the objects, and the command's
    process does not unpickle, compact and pack each source again."""
    status, source, message, sid = result
    if source is None:
        return (status, None, message, sid)
    from biohub_cli.kb.records_cache import pack
    from biohub_cli.models.compact import compact

    compact(source)  # equal strings once: a smaller pack
    return (status, pack(source), message, sid)


def process_packed(path: Path) -> Packed:
    return packed(process(path))


def _failure(exc: Exception, sid: str | None) -> Result:
    if isinstance(exc, BiohubError):
        return ("failed", None, exc.message, sid)
    if isinstance(exc, MemoryError):
        return ("failed", None, "out of memory while processing this file", sid)
    # a bug must not stop the batch; it is reported like a bad file
    return ("failed", None, f"internal error: {type(exc).__name__}: {exc}", sid)


def _run_streamed(files: Sequence[Path], settings: Settings) -> Iterator[Packed]:
    """One process, Kiwi's own threads: files are read and cleaned as Kiwi asks for text, and each is
    extracted as soon as its paragraphs are tokenised, while Kiwi's threads tokenise the next ones.
    One copy of the model in memory; the result of each file is process_packed()'s."""
    from biohub_cli.analyse import analyse_stream

    _init(settings)
    user_words = _lexicon().user_words()

    def document_of(item: Prepared | Result) -> Any:
        return item.doc if isinstance(item, Prepared) else None

    for item, analysed in analyse_stream((_prepare(f) for f in files), document_of, user_words=user_words):
        yield packed(_finish(item, analysed) if isinstance(item, Prepared) else item)


MODE_ENV = "BIOHUB_INGEST_WORKERS"  # "threads" or "processes"; unset: see _mode
PROCESSES_FROM = 250  # files: with two jobs, fewer go faster in one process (a pool's start-up is not paid back)


def _mode(jobs: int, files: int) -> str:
    """One process with Kiwi's threads uses the least memory, but its Python stages run on one core and
    wait for the GIL whenever a Kiwi thread takes it; worker processes spread them over the cores. With
    two jobs on the 2-core bench machine, processes took 7% less time for 1,000 files and 0.4 s more for
    10 (tree PSS +180 MB): threads below PROCESSES_FROM files, processes from there and past two jobs."""
    wanted = os.environ.get(MODE_ENV, "")
    if wanted in ("threads", "processes"):
        return wanted
    return "threads" if jobs <= 2 and files < PROCESSES_FROM else "processes"


def run_all(files: Sequence[Path], settings: Settings, jobs: int) -> Iterator[Packed]:
    """Results in input order, sources packed. 1 job: one file after another in this process. Otherwise
    (see _mode) this process with Kiwi's own threads (one model in memory, the Python stages overlapping
    tokenisation), or `jobs` worker processes ($BIOHUB_INGEST_WORKERS=threads or processes chooses)."""
    if jobs <= 1 or len(files) <= 1:
        _init(settings)
        for f in files:
            yield process_packed(f)
        return
    if _mode(jobs, len(files)) == "threads":
        yield from _run_streamed(files, settings)
        return
    if _can_fork():
        yield from _run_forked(files, settings, jobs)
        return
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                             initializer=_init_worker, initargs=(settings, os.getpid())) as pool:
        yield from pool.map(process_packed, files, chunksize=_chunk_size(len(files), jobs))


def _can_fork() -> bool:
    """Fork is safe on Linux (on macOS system libraries may not survive it); BIOHUB_NO_FORK=1 turns it off."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods() \
        and os.environ.get("BIOHUB_NO_FORK", "") != "1"


def _chunk_size(files: int, jobs: int) -> int:
    return max(1, min(16, files // (jobs * 4) or 1))


def _run_forked(files: Sequence[Path], settings: Settings, jobs: int) -> Iterator[Packed]:
    """Load the lexicon and Kiwi (~350 MB) here, then fork: the workers share the model's pages."""
    from biohub_cli.analyse import warm

    _init(settings)
    warm(_lexicon().user_words())
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_start_forked,
                             initargs=(os.getpid(),)) as pool:
        yield from pool.map(process_packed, files, chunksize=_chunk_size(len(files), jobs))


def _start_forked(parent: int) -> None:
    """A forked pool worker: it ends when this process does, and leaves Ctrl-C to it."""
    end_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _init_worker(settings: Settings, owner: int) -> None:
    """A spawned or fork-server pool worker: it ends when the ingest (`owner`) does, then loads its
    settings. (A fork server's worker is the fork server's child, not the ingest's.)"""
    end_with_parent(owner)
    _init(settings)


def extract_again(sources: Sequence[tuple[Source, PartialDate]], settings: Settings) -> list[Source]:
    """Each source extracted again from its kept text, dated by the given publication date (as a file
    read with `--published` would be): for a `published` an analyst set by hand in a source record,
    whose file need not be at hand. The metadata edited by hand stays as the analyst left it."""
    from biohub_cli.analyse import analyse
    from biohub_cli.clean import with_published
    from biohub_cli.extract import extract
    from biohub_cli.models.stages import Document, Metadata, RawDocument
    from biohub_cli.resolve.curation import SOURCE_CURATED, fingerprints

    _init(settings)
    out = []
    for src, published in sources:
        raw = RawDocument(path=Path(src.file_name), sha256=src.sha256, format=src.format, text=src.text)
        meta = Metadata(title=src.title, outlet=src.outlet, reporter=src.reporter, published=src.published,
                        published_time=src.published_time, published_evidence=src.published_evidence,
                        header=dict(src.header))
        doc = with_published(Document(raw=raw, text=src.text, segments=tuple(src.segments),
                                      noise=tuple(src.noise), metadata=meta), published)
        extraction = extract(analyse(doc, user_words=_lexicon().user_words()), _lexicon())
        md = doc.metadata
        again = src.model_copy(update={"published": md.published, "published_time": md.published_time,
                                       "published_evidence": md.published_evidence, "extraction": extraction})
        kept = {k: v for k, v in src.generated.items() if k in SOURCE_CURATED and k != "published"}
        out.append(again.model_copy(update={"generated": {**fingerprints(again), **kept}}))
    return out
