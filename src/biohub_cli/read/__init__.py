"""read: bytes to text. One function per format; `read_path` picks by content, not by name.

    >>> doc = read_path(Path("release.hwp"))          # doctest: +SKIP
    >>> doc.format, doc.text[:20]                       # doctest: +SKIP

Every failure is a ReadError (or TooLargeError) whose message says what is wrong and what to do.
"""

from __future__ import annotations

from biohub_cli.read.files import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, read_path
from biohub_cli.read.inputs import iter_inputs

# RawDocument (models.stages) is not imported here: an unchanged re-ingest reads bytes and never loads
# the models.
__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "iter_inputs", "read_path"]
