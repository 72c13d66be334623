"""Worker processes end when the command they work for dies, however it died.

SIGTERM or SIGKILL to `ingest --jobs 2` left its two worker processes running with PPID 1, ~360 MB
each, one pair still alive 13 minutes later: a pool's workers wait for work from a parent that no
longer exists. Every process biohub starts to work for it (pool workers, forked children, Dask worker
processes) calls `end_with_parent` first, naming the process it works for when it knows it:

- on Linux the kernel sends the process SIGKILL when its parent dies (prctl PR_SET_PDEATHSIG), when
  that parent is the process it works for;
- everywhere, a daemon thread waits for that process to end (on Linux on a pidfd, which wakes the
  moment it does; elsewhere it looks once a second) and ends this one then. A fork server's worker
  needs this: its parent is the fork server, which the workers themselves keep alive.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import select
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 1.0
_WATCHING: set[int] = set()  # the pid whose watch thread runs (a fork copies the set, not the thread)


def end_with_parent(owner: int | None = None, *, death_signal: bool = True) -> None:
    """End this process when `owner` (by default its parent) ends.

    Pass `owner` when the caller knows the process this one works for (the pid that forked or spawned
    it, or the command behind a fork server): one that died before this line ran is caught too.
    `death_signal`: False where the parent may have started this process from a thread that ends
    before the process should (the kernel's signal follows the thread that forked, not its process).
    """
    if os.getpid() in _WATCHING:
        return
    parent = os.getppid()
    owner = parent if owner is None else owner
    if death_signal and owner == parent:
        _death_signal()
    if not _alive(owner) or (owner == parent and os.getppid() != parent):
        os._exit(1)  # already an orphan
    _WATCHING.clear()
    _WATCHING.add(os.getpid())
    threading.Thread(target=_watch, args=(owner, owner == parent), name="biohub-lifeline", daemon=True).start()


def _death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):  # no prctl: the watch alone serves
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)


def _watch(owner: int, is_parent: bool) -> None:
    pidfd = _pidfd(owner)
    if pidfd is not None:
        select.select([pidfd], [], [])  # readable once the process has ended
        os._exit(1)
    while True:
        time.sleep(WATCH_SECONDS)
        if (os.getppid() != owner) if is_parent else not _alive(owner):
            os._exit(1)


def _pidfd(pid: int) -> int | None:
    opener = getattr(os, "pidfd_open", None)  # Linux 5.3 and later
    if opener is None:
        return None
    try:
        fd: int = opener(pid)
    except OSError:
        return None
    return fd


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process by now: the owner is gone
        return False
    return True
