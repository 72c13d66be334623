"""One exception family; every message names the file and says what to do next."""

from __future__ import annotations

import errno
from pathlib import Path


class BiohubError(Exception):
    """Base of every error biohub reports to a user."""

    exit_code = 1

    def __init__(self, message: str, *, path: Path | str | None = None, hint: str | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.hint = hint
        super().__init__(self.render())

    def render(self) -> str:
        text = f"{self.path}: {self.message}" if self.path else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class UsageError(BiohubError):
    exit_code = 2


class ReadError(BiohubError):
    """A file could not be read, decoded or understood."""


class TooLargeError(ReadError):
    """A file, an archive member or a record exceeds a configured limit."""


class RecordError(BiohubError):
    """A record in records/ is malformed or fails validation."""

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        self.line = line
        super().__init__(message, path=path, hint=hint)

    def render(self) -> str:
        where = self.path or "?"
        if self.line is not None:
            where = f"{where}:{self.line}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class LockedError(BiohubError):
    """Another biohub process is writing to the same knowledge base."""


class NotFoundError(BiohubError):
    """A named organisation, person or record does not exist."""


class WriteError(BiohubError, OSError):
    """A file or folder could not be written: a full disk, a folder without write permission, a
    read-only file system. One line naming the path and what to do; never a traceback. Also an
    OSError, so what may fail quietly (a cache) still does."""


_WRITE_PROBLEMS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("no space left on the device", "free some space and run the command again"),
    errno.EDQUOT: ("the disk quota is used up", "free some space and run the command again"),
    errno.EACCES: ("permission denied", "make the folder writable for this user, or run biohub as its owner"),
    errno.EPERM: ("operation not permitted", "make the folder writable for this user, or run biohub as its owner"),
    errno.EROFS: ("the file system is read-only", "run biohub on a writable copy of the knowledge base"),
}


def write_error(exc: OSError, path: Path | str | None = None) -> WriteError:
    """The user's error for an OSError met while writing `path` (or the path the error names):
    what went wrong and the next step; files biohub writes are whole or absent, so running the
    command again is always safe."""
    if isinstance(exc, WriteError):
        return exc
    problem, step = _WRITE_PROBLEMS.get(exc.errno or 0, (f"cannot write ({exc.strerror or exc})",
                                                         "check the disk and run the command again"))
    where = path if path is not None else exc.filename
    return WriteError(f"{problem} while writing", path=where, hint=f"{step}; nothing is left half-written")


def os_error(exc: OSError) -> BiohubError:
    """The user's error for a file-system error no code path foresaw: its path, what it is, a next step."""
    problem, step = _WRITE_PROBLEMS.get(exc.errno or 0, (exc.strerror or str(exc),
                                                         "check the file and its folder, then run again"))
    where = exc.filename if exc.filename is not None else None
    return BiohubError(problem, path=where, hint=step)
