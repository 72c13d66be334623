"""The per-document stages on a Dask cluster (`biohub ingest --executor dask --scheduler ADDRESS`).

Same contract as `worker.run_all`: one result per file, in input order, never raising for a bad
file. Only the per-document work (read → clean → analyse → extract) runs on the cluster; resolve
and the writes into records/ stay in this process, the single writer.

Workers must see the input files under the same absolute paths (a shared or identical file
system). Each worker process loads Kiwi and the lexicon once per ingest, as local workers do.
The records do not depend on where a document was processed: paths are made relative to this
process's working folder, and new/changed is decided against this knowledge base.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from biohub_cli.errors import BiohubError, UsageError
from biohub_cli.ingest import worker
from biohub_cli.ingest.lifeline import end_with_parent
from biohub_cli.ingest.sources import display_path

CONNECT_TIMEOUT = "20s"
_INIT_LOCK = threading.Lock()
_CURRENT: dict[str, str] = {}


def available() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def run_all(files: Sequence[Path], settings: worker.Settings, jobs: int, *,
            scheduler: str | Any) -> Iterator[worker.Packed]:
    """Results in input order, computed on the cluster at `scheduler` (an address, or a Client)."""
    client, own = _connect(scheduler)
    try:
        if not files:
            return
        token = _token(settings)
        shared = client.scatter(settings, broadcast=True, hash=False)
        paths = [str(Path(f).resolve()) for f in files]
        shown = [display_path(Path(f), Path(settings.root)) for f in files]
        size = _chunk_size(len(files), _worker_count(client, jobs))
        chunks = [(paths[i:i + size], shown[i:i + size]) for i in range(0, len(paths), size)]
        futures = client.map(_process_chunk, [c[0] for c in chunks], [c[1] for c in chunks],
                             settings=shared, token=token, pure=False)
        for future, (_, names) in zip(futures, chunks, strict=True):
            try:
                results: list[worker.Packed] = future.result()
            except Exception as exc:  # a lost worker fails its files, not the batch
                results = [("failed", None, f"the Dask worker processing it failed: {type(exc).__name__}: {exc}",
                            None) for _ in names]
            yield from results
            future.release()
    finally:
        if own:
            client.close()


def _connect(scheduler: str | Any) -> tuple[Any, bool]:
    if not available():
        raise UsageError("--executor dask needs dask.distributed: pip install 'biohub-cli[dask]'")
    from distributed import Client

    if isinstance(scheduler, Client):
        return scheduler, False
    if not scheduler:
        raise UsageError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT), True  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise BiohubError(f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                          hint="start one with `dask scheduler` and workers with `dask worker ADDRESS`") from None


def _worker_count(client: Any, jobs: int) -> int:
    try:
        info = client.scheduler_info()
        threads = sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values())
    except Exception:  # an old or busy scheduler: fall back on the requested jobs
        threads = 0
    return max(1, threads or jobs)


def _chunk_size(n: int, workers: int) -> int:
    """Tasks of several files (a task costs about a millisecond of scheduling), four rounds per worker."""
    return max(1, min(16, n // (workers * 4) or 1))


def _token(settings: worker.Settings) -> str:
    import hashlib
    import pickle

    return hashlib.sha256(pickle.dumps(settings)).hexdigest()[:16]


def _process_chunk(paths: list[str], shown: list[str], *, settings: worker.Settings,
                   token: str) -> list[worker.Packed]:
    """Runs on a Dask worker: settings installed once per worker process and ingest."""
    with _INIT_LOCK:
        if _CURRENT.get("token") != token:
            if multiprocessing.parent_process() is not None:  # a worker process of its own (not threads here)
                end_with_parent(death_signal=False)  # started by a nanny's thread: the watch alone
            worker._init(settings)
            _CURRENT["token"] = token
    return [worker.packed(_as_here(worker.process(Path(p)), display, settings))
            for p, display in zip(paths, shown, strict=True)]


def _as_here(result: worker.Result, display: str, settings: worker.Settings) -> worker.Result:
    """The result as a local worker would give it: the path as the client sees it, new/changed against it."""
    _status, source, message, sid = result
    if source is None or source.path == display:
        return result
    source = source.model_copy(update={"path": display})
    return (settings.status_of(sid or "", display), source, message, sid)
