"""The extractor's fingerprint: which code and data turned a document into its extraction.

A source whose content hash is known is skipped by the next ingest, which is right only while the
extraction would come out the same. The fingerprint hashes what decides that: biohub's version, the
bytes of read/, clean/, extract/ and analyse.py, the data/ lexicons, and the versions of kiwipiepy and its model. It is
stored in records/index.yaml; an ingest that finds another one re-extracts its files, as --force would.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import biohub_cli

PACKAGE = Path(biohub_cli.__file__).resolve().parent
_CODE_FOLDERS = ("read", "clean", "extract")
_CODE_FILES = ("analyse.py",)
_DATA_FOLDER = "data"


def _inputs(package: Path) -> Iterator[Path]:
    """The files the fingerprint covers, in a fixed order (sorted by their path in the package)."""
    found: list[Path] = []
    for folder in _CODE_FOLDERS:
        found += (p for p in (package / folder).rglob("*.py") if "__pycache__" not in p.parts)
    found += (package / name for name in _CODE_FILES if (package / name).is_file())
    data = package / _DATA_FOLDER
    if data.is_dir():
        found += (p for p in data.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    yield from sorted(set(found), key=lambda p: p.relative_to(package).as_posix())


def _version(name: str) -> str:
    try:
        return metadata.version(name)  # the distribution's metadata: the package itself is not imported
    except metadata.PackageNotFoundError:
        return "none"


def compute_fingerprint(package: Path = PACKAGE) -> str:
    """`sha256:` and 24 hex digits over the version strings and every covered file's path and bytes."""
    h = hashlib.sha256()
    for part in (f"biohub {biohub_cli.__version__}", f"kiwipiepy {_version('kiwipiepy')}",
                 f"kiwipiepy_model {_version('kiwipiepy_model')}"):
        h.update(part.encode("utf-8") + b"\0")
    for path in _inputs(package):
        data = path.read_bytes()
        h.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        h.update(len(data).to_bytes(8, "big") + data)
    return "sha256:" + h.hexdigest()[:24]


@functools.cache
def extractor_fingerprint() -> str:
    """The fingerprint of the installed extractor, computed once per process."""
    return compute_fingerprint()
