"""Turning pydantic errors into `path:line: message` for the field that failed."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from biohub_cli.errors import RecordError
from biohub_cli.store import yaml_io


def describe_validation_error(exc: ValidationError, *, path: Path, text: str) -> RecordError:
    """The first error, located at the line of the offending key in the YAML text."""
    err = exc.errors()[0]
    loc = tuple(err.get("loc", ()))
    field = ".".join(str(p) for p in loc) or "record"
    line = yaml_io.line_of(text, loc)
    msg = err.get("msg", "invalid")
    if err.get("type") == "extra_forbidden":
        msg = "unknown field (not part of the record schema)"
    elif err.get("type") == "missing":
        msg = "required field is missing"
    more = len(exc.errors()) - 1
    suffix = f" (and {more} more error{'s' if more > 1 else ''})" if more else ""
    return RecordError(f"{field}: {msg}{suffix}", path=path, line=line)
