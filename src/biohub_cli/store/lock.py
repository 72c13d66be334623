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
from biohub_cli.errors import LockedError, write_error

WAIT_ENV = "BIOHUB_LOCK_WAIT"
DEFAULT_WAIT = 10.0

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
    with _held(layout, layout.lock, "ingest", "is writing to this knowledge base", wait, on_wait):
        yield


@contextmanager
def build_lock(layout: Layout, wait: float | None = None) -> Iterator[None]:
    """Hold the lock of reports/: one build at a time, so a build may remove what a killed one left."""
    with _held(layout, layout.build_lock, "build", "is writing reports/", wait, None):
        yield


@contextmanager
def _held(layout: Layout, path: Path, command: str, doing: str, wait: float | None,
          on_wait: Callable[[str], None] | None) -> Iterator[None]:
    key = str(path.resolve())
    if _HELD.get(key):
        _HELD[key] += 1
        try:
            yield
        finally:
            _HELD[key] -= 1
        return
    lock = FileLock(str(path))
    owner = path.with_suffix(".owner")
    limit = lock_wait() if wait is None else wait
    try:
        layout.state.mkdir(parents=True, exist_ok=True)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if on_wait is not None and limit > 0:
                on_wait(f"waiting up to {limit:g} s for another biohub {command}{_owner(owner)}, which holds the "
                        f"knowledge base's lock ({path})")
            lock.acquire(timeout=limit)
    except Timeout:
        raise LockedError(f"another biohub {command}{_owner(owner)} {doing} "
                          f"(lock {path}); wait for it to finish and run again, or raise "
                          f"{WAIT_ENV} to wait longer") from None
    except OSError as exc:  # .biohub/ cannot be made or written: no lock, no command that writes
        raise write_error(exc, path) from exc
    _HELD[key] = 1
    try:
        _write_owner(owner)
        yield
    finally:
        del _HELD[key]
        lock.release()


def _write_owner(owner: Path) -> None:
    """Who holds the lock, for the message a waiting process prints (best effort, never fatal)."""
    with contextlib.suppress(OSError):
        owner.write_text(f"{os.getpid()}\n", encoding="ascii")


def _owner(owner: Path) -> str:
    try:
        pid = int(owner.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return ""
    return f" (process {pid})"
