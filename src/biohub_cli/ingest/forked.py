"""Work done in a forked child while this process does something else: two cores for one command.

The child is a fork, so it computes from the very objects this process holds; it pickles each value
it produces to an unnamed temporary file and leaves with os._exit (none of the parent's cleanup
runs). Iterating gives the values in order, read back once the child has finished. When there is no
fork (another platform, other Python threads running, the fork failed) or the child failed, the
values are computed here instead, which also raises any error the way it always would. Nothing the
child does reaches the file system outside its own temporary file, or stdout.
"""

from __future__ import annotations

import os
import pickle
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from typing import IO, Any, Generic, TypeVar

from biohub_cli.ingest.lifeline import end_with_parent

T = TypeVar("T")

def may_fork() -> bool:
    """Only a single-threaded process forks (a fork copies one thread and whatever locks others held)."""
    return hasattr(os, "fork") and threading.active_count() == 1


class Forked(Generic[T]):
    """The values of `produce()`, computed in a forked child when possible.

    `state`, when given, is called in the child after the last value; what it returns is available as
    `.state` in this process once iteration is over (None when the values were computed here, where
    whatever `produce` changed is already in place).
    """

    def __init__(self, produce: Callable[[], Iterator[T]], state: Callable[[], Any] | None = None, *,
                 fork: bool | None = None) -> None:
        self.produce = produce
        self.state_of = state
        self.state: Any = None
        self.pid = 0
        self.file: IO[bytes] | None = None
        if may_fork() if fork is None else fork:  # None: whenever this process may fork
            self._start()

    def _start(self) -> None:
        parent = os.getpid()
        try:
            self.file = tempfile.TemporaryFile()  # noqa: SIM115 (kept open until __iter__ or stop)
            pid = os.fork()
        except OSError:
            self._close_file()
            return
        if pid == 0:  # the child: produce, write, leave without running any of the parent's cleanup
            code = 1
            try:
                end_with_parent(parent)  # never outlive the command it works for
                self._child()
                code = 0
            finally:
                os._exit(code)
        self.pid = pid

    def _child(self) -> None:
        assert self.file is not None
        for value in self.produce():
            pickle.dump((value,), self.file, protocol=5)  # one pickle per value, read back one by one
        pickle.dump((), self.file, protocol=5)  # the end
        pickle.dump(self.state_of() if self.state_of is not None else None, self.file, protocol=5)
        self.file.flush()

    def __iter__(self) -> Iterator[T]:
        if not self.pid or not self._finished():
            yield from self.produce()  # no child, or it failed: compute here (errors surface as usual)
            return
        assert self.file is not None
        self.file.seek(0)
        while True:
            held = pickle.load(self.file)  # our own child's file, never another's
            if not held:
                break
            yield held[0]
        self.state = pickle.load(self.file)
        self._close_file()

    def _finished(self) -> bool:
        """Wait for the child; True when it wrote every value."""
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
        """When done, or when the work failed: end a child still running and drop its file."""
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
