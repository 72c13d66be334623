"""One exception family; every message names the file and says what to do next."""

from __future__ import annotations

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
