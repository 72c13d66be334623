"""read: bytes to text. One function per format; `read_path` picks by content, not by name.

    >>> doc = read_path(Path("release.hwp"))          # doctest: +SKIP
    >>> doc.format, doc.text[:20]                       # doctest: +SKIP

Every failure is a ReadError (or TooLargeError) whose message says what is wrong and what to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from biohub_cli.read.files import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, read_path
from biohub_cli.read.inputs import iter_inputs

if TYPE_CHECKING:
    from biohub_cli.models.stages import RawDocument

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "RawDocument", "iter_inputs", "read_path"]


def __getattr__(name: str) -> Any:
    """RawDocument on first use: an unchanged re-ingest reads bytes and never imports the models."""
    if name == "RawDocument":
        from biohub_cli.models.stages import RawDocument

        return RawDocument
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
