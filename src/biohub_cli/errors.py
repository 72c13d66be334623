"""One exception family; every message names the file and says what to do next."""

from __future__ import annotations

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
