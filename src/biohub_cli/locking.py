"""One writer at a time per knowledge base."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from filelock import FileLock, Timeout

from biohub_cli.config import Layout
from biohub_cli.errors import LockedError

DEFAULT_WAIT = float(os.environ.get("BIOHUB_LOCK_WAIT", "10"))


@contextmanager
def ingest_lock(layout: Layout, wait: float = DEFAULT_WAIT) -> Iterator[None]:
    """Wait up to `wait` seconds for another ingest on the same knowledge base, then give up clearly."""
    layout.state.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(layout.lock))
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise LockedError(f"another biohub ingest is writing to this knowledge base (lock {layout.lock}); "
                          "wait for it to finish and run again") from None
    try:
        yield
    finally:
        lock.release()
