"""The source record a document and its extraction become, and how an input path is shown in it.

Shared by the pipeline (files it already knows) and the workers (inline, processes, Dask), so that
neither imports the other.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from biohub_cli.file_names import readable

if TYPE_CHECKING:
    from biohub_cli.models import Extraction, Source
    from biohub_cli.models.stages import Document


def source_record(doc: Document, extraction: Extraction, root: Path) -> Source:
    from biohub_cli.models import Source
    from biohub_cli.resolve.curation import stamped_source

    md = doc.metadata
    raw = doc.raw
    return stamped_source(Source(
        id=doc.source_id, path=display_path(raw.path, root), file_name=readable(raw.file_name), sha256=raw.sha256,
        format=raw.format, title=md.title, outlet=md.outlet, reporter=md.reporter, published=md.published,
        published_time=md.published_time, published_evidence=md.published_evidence, url=md.url,
        off_topic=md.off_topic, header=dict(md.header),
        segments=list(doc.segments), text=doc.text, noise=list(doc.noise), extraction=extraction))


# A source record is its text, the noise and an evidence sentence per fact, with keys and ids around
# them; a record whose strings come to under this share of the record limit (as UTF-8, at most three
# bytes a character in the text biohub keeps) fits without being dumped to check.
_SURE_SHARE = 0.25
_ROOM_FOR_MENTIONS = 0.9  # resolve adds the ids of what the source mentions


def check_fits(source: Source) -> None:
    """Refuse a document whose source record could not be loaded back (over yaml_io.MAX_RECORD_BYTES):
    a 9 MB text file became a 12.5 MB record that `validate`, `show` and the next ingest then failed on."""
    from biohub_cli.errors import TooLargeError
    from biohub_cli.read.limits import human_size
    from biohub_cli.store import records_io, yaml_io

    limit = yaml_io.MAX_RECORD_BYTES
    if _chars(source) * 3 <= limit * _SURE_SHARE:
        return
    size = len(records_io.dump_record(source).encode("utf-8"))
    if size > limit * _ROOM_FOR_MENTIONS:
        raise TooLargeError(f"document is too large for one record: its source record would take {human_size(size)}, "
                            f"over the {human_size(limit)} a record may hold; save the part you need as a file "
                            "of its own")


def _chars(value: object) -> int:
    """Characters of every string in a record (ids, keys and numbers counted as a few each)."""
    if isinstance(value, str):
        return len(value) + 4
    if isinstance(value, list | tuple):
        return sum(_chars(v) for v in value) + 2
    if isinstance(value, dict):
        return sum(_chars(k) + _chars(v) for k, v in value.items()) + 2
    fields = getattr(value, "__dict__", None)
    if isinstance(fields, dict):
        return sum(len(k) + _chars(v) for k, v in fields.items()) + 2
    return 8


def display_path(path: Path, root: Path) -> str:
    """Relative to the knowledge base when inside it, else to the current folder.

    Records never carry machine-specific absolute paths, and a file inside the knowledge base
    gets the same path whichever folder the ingest was started from.
    """
    return display_resolved(os.path.realpath(path), os.path.realpath(root), os.getcwd())


def resolved_path(path: Path, folders: dict[str, str]) -> str:
    """os.path.realpath(path), its folder's resolution taken from `folders` (filled as it goes): a file
    that is not a link resolves to its resolved folder and its name."""
    folder, name = os.path.split(path)
    if name in ("", ".", "..") or os.path.islink(path):
        return os.path.realpath(path)
    if folder not in folders:
        folders[folder] = os.path.realpath(folder or ".")
    return os.path.join(folders[folder], name)


def display_resolved(here: str, base: str, cwd: str) -> str:
    """display_path of the already resolved path `here`; `base`: the resolved knowledge base. Bytes of
    a name that are not UTF-8 are decoded or escaped (file_names.readable)."""
    return readable(_relative(here, base, cwd))


def _relative(here: str, base: str, cwd: str) -> str:
    if os.name == "posix":  # string tests, as pathlib's component-wise ones for resolved POSIX paths
        inside = here == base or here.startswith(base if base.endswith("/") else base + "/")
        if inside:
            return here[len(base):].lstrip("/") or "."
    elif Path(here).is_relative_to(base):  # pragma: no cover - Windows: case-insensitive comparison
        return Path(here).relative_to(base).as_posix()
    try:
        return Path(os.path.relpath(here, cwd)).as_posix()
    except ValueError:  # pragma: no cover - another drive on Windows
        return Path(here).as_posix()
