"""One writer at a time per knowledge base.

`ingest_lock` holds an OS file lock (flock/LockFileEx through filelock) on .biohub/ingest.lock, so
a process killed with SIGKILL releases it at once and leaves nothing stale behind. A second writer
waits up to BIOHUB_LOCK_WAIT seconds (default 10) and then stops with a LockedError that names the
process holding the lock. Within one process the lock is re-entrant, so a command that already
holds it (e.g. a merge that resolves again) can call the pipeline without deadlocking on itself.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from biohub_cli.config import Layout
from biohub_cli.errors import LockedError

WAIT_ENV = "BIOHUB_LOCK_WAIT"
DEFAULT_WAIT = 10.0
OWNER_NAME = "ingest.owner"

_HELD: dict[str, int] = {}  # lock path → how many times this process holds it


def lock_wait() -> float:
    """Seconds to wait for another writer: $BIOHUB_LOCK_WAIT when it is a number ≥ 0, else 10."""
    try:
        wait = float(os.environ.get(WAIT_ENV, DEFAULT_WAIT))
    except ValueError:
        return DEFAULT_WAIT
    return wait if wait >= 0 else DEFAULT_WAIT


@contextmanager
def ingest_lock(layout: Layout, wait: float | None = None,
                on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the knowledge base's writer lock; wait up to `wait` seconds for another writer, then give up.
    `on_wait` hears, once, that this process waits and for whom, when the lock is held."""
    key = str(layout.lock.resolve())
    if _HELD.get(key):
        _HELD[key] += 1
        try:
            yield
        finally:
            _HELD[key] -= 1
        return
    layout.state.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(layout.lock))
    limit = lock_wait() if wait is None else wait
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if on_wait is not None and limit > 0:
                on_wait(f"waiting up to {limit:g} s for another biohub ingest{_owner(layout)}, which holds the "
                        f"knowledge base's lock ({layout.lock})")
            lock.acquire(timeout=limit)
    except Timeout:
        raise LockedError(f"another biohub ingest{_owner(layout)} is writing to this knowledge base "
                          f"(lock {layout.lock}); wait for it to finish and run again, or raise "
                          f"{WAIT_ENV} to wait longer") from None
    _HELD[key] = 1
    try:
        _write_owner(layout)
        yield
    finally:
        del _HELD[key]
        lock.release()


def _owner_path(layout: Layout) -> Path:
    return layout.state / OWNER_NAME


def _write_owner(layout: Layout) -> None:
    """Who holds the lock, for the message a waiting process prints (best effort, never fatal)."""
    with contextlib.suppress(OSError):
        _owner_path(layout).write_text(f"{os.getpid()}\n", encoding="ascii")


def _owner(layout: Layout) -> str:
    try:
        pid = int(_owner_path(layout).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return ""
    return f" (process {pid})"
