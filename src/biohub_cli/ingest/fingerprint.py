"""The extractor's fingerprint: which code and data turned a document into its extraction.

A source whose content hash is known is skipped by the next ingest, which is right only while the
extraction would come out the same. The fingerprint hashes what decides that: biohub's version, the
bytes of read/, clean/, extract/, models/ (the records' shape) and analyse.py, the data/ lexicons, and
the versions of kiwipiepy and its model. It is stored in records/index.yaml; an ingest that finds
another one re-extracts its files, as --force would.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata
from pathlib import Path

import biohub_cli
from biohub_cli.store.code_digest import add_files, files_under

PACKAGE = Path(biohub_cli.__file__).resolve().parent
_CODE_FOLDERS = ("read", "clean", "extract", "models")
_CODE_FILES = ("analyse.py",)
_DATA_FOLDER = "data"


def _inputs(package: Path) -> list[Path]:
    """The files the fingerprint covers."""
    found = [p for folder in _CODE_FOLDERS for p in files_under(package / folder, "*.py")]
    found += (package / name for name in _CODE_FILES if (package / name).is_file())
    if (package / _DATA_FOLDER).is_dir():
        found += files_under(package / _DATA_FOLDER)
    return found


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
    add_files(h, package, _inputs(package))
    return "sha256:" + h.hexdigest()[:24]


@functools.cache
def extractor_fingerprint() -> str:
    """The fingerprint of the installed extractor, computed once per process."""
    return compute_fingerprint()
