"""One exception family; every message names the file and says what to do next."""

from __future__ import annotations

import errno
from collections.abc import Sequence
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


WORD_DOCUMENT = "a Word document: Word documents are not read; save it as PDF or HWPX"


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


def not_found(what: str, close: Sequence[str] = ()) -> NotFoundError:
    """`no organisation named 셀트리언; did you mean: 셀트리온?`: `what` is what was looked for."""
    return NotFoundError(f"no {what}" + (f"; did you mean: {', '.join(close)}?" if close else ""))


class CurationError(UsageError):
    """A merge or split that cannot be made as asked; the same words for organisations and events."""

    @classmethod
    def into_itself(cls, name: str) -> CurationError:
        return cls(f"{name} cannot be merged into itself")

    @classmethod
    def own_name(cls, name: str, into: str, owner: str) -> CurationError:
        return cls(f"{name} and {into} are one organisation already ({owner}): nothing to merge",
                   hint=f"`biohub org {owner}` lists its names")

    @classmethod
    def already_merged(cls, name: str, target: str, file: str) -> CurationError:
        return cls(f"{name} is already merged into {target} ({file})",
                   hint=f"to merge it elsewhere, first run `biohub merge --undo {name}`")

    @classmethod
    def target_merged(cls, into: str, target: str) -> CurationError:
        return cls(f"{into} is itself merged into {target}", hint=f"merge into {target} instead")

    @classmethod
    def cycle(cls, name: str, into: str) -> CurationError:
        return cls(f"merging {name} into {into} would make a cycle: {into} is merged into {name}")

    @classmethod
    def mixed(cls, name: str, into: str) -> CurationError:
        return cls(f"merge joins two organisations or two events; {name} and {into} are one of each")

    @classmethod
    def not_merged(cls, name: str, file: str, close: Sequence[str] = ()) -> NotFoundError:
        text = f"{name} is not merged into anything ({file})"
        return NotFoundError(text + (f"; did you mean: {', '.join(close)}?" if close else ""))

    @classmethod
    def not_split(cls, event: str, source: str, file: str) -> NotFoundError:
        return NotFoundError(f"{source} is not split out of {event} ({file})")


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
