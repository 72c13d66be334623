"""The organisation and person pages of a build rendered in a second process while the first renders
the site-wide files (index, timeline in five formats, network): two cores instead of one.

The child is a fork of the build after the records are loaded, so it renders from the very same
objects; it writes each page (path, bytes or None for a page reports/ already holds) to an unnamed
temporary file and exits. The build reads them back in order once its own files are done, exactly
as it would have rendered them itself. When there is no fork (another platform, other threads
running, the fork failed) or the child fails, the build renders the pages itself, which also
reports any error the way it always has. Nothing the child does reaches reports/ or stdout.
"""

from __future__ import annotations

import os
import pickle
import signal
import tempfile
import threading
from collections.abc import Iterator
from typing import IO

from biohub_cli.render import page_cache

Item = tuple[str, bytes | None]


def may_fork() -> bool:
    """Only a single-threaded process forks (a fork copies one thread and whatever locks others held)."""
    return hasattr(os, "fork") and threading.active_count() == 1


class Ahead:
    """`items` rendered in a forked child, or in this process when that cannot be done."""

    def __init__(self, items: Iterator[Item], skipped: list[str] | None, cache: page_cache.PageCache | None) -> None:
        self.items = items
        self.skipped = skipped
        self.cache = cache
        self.pid = 0
        self.file: IO[bytes] | None = None
        if may_fork():
            self._start()

    def _start(self) -> None:
        try:
            self.file = tempfile.TemporaryFile()  # noqa: SIM115 (kept open until __iter__ or stop)
            pid = os.fork()
        except OSError:
            self._close_file()
            return
        if pid == 0:  # the child: render, write, leave without running any of the parent's cleanup
            code = 1
            try:
                self._child()
                code = 0
            finally:
                os._exit(code)
        self.pid = pid

    def _child(self) -> None:
        assert self.file is not None
        before = len(self.skipped) if self.skipped is not None else 0
        for rel, data in self.items:
            pickle.dump((rel, data), self.file, protocol=5)  # one pickle per page, read back one by one
        skipped = self.skipped[before:] if self.skipped is not None else []
        pickle.dump(("", None), self.file, protocol=5)
        state = (self.cache.now, self.cache.verified) if self.cache is not None else ({}, {})
        pickle.dump((skipped, *state), self.file, protocol=5)
        self.file.flush()

    def __iter__(self) -> Iterator[Item]:
        if not self.pid or not self._finished():
            yield from self.items  # no child, or it failed: render here (errors surface as usual)
            return
        assert self.file is not None
        self.file.seek(0)
        while True:
            rel, data = pickle.load(self.file)  # our own child's file, never another's
            if rel == "":
                break
            yield rel, data
        skipped, digests, verified = pickle.load(self.file)
        if self.skipped is not None:
            self.skipped.extend(skipped)
        if self.cache is not None:  # what the child's `reusable` calls learnt
            self.cache.now.update(digests)
            self.cache.verified.update(verified)
        self._close_file()

    def _finished(self) -> bool:
        """Wait for the child; True when it wrote every page."""
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            status = 1
        self.pid = -1  # reaped
        ok = os.waitstatus_to_exitcode(status) == 0
        if not ok:
            self._close_file()
        return ok

    def stop(self) -> None:
        """After the build, or when it failed: end a child still running and drop its file."""
        if self.pid > 0:
            try:
                os.kill(self.pid, signal.SIGTERM)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.pid = -1
        self._close_file()

    def _close_file(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
