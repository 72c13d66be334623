"""A snapshot of the loaded knowledge base for the read commands, never trusted when stale.

`load_cached(root)` returns what `kb.load(root)` returns, in a fraction of the time YAML takes.
.biohub/cache/records.pickle holds, for every record file that loaded cleanly, its signature
(size, mtime, ctime, inode) and the validated record. Each call stats every record file: a file
whose signature matches its entry comes from the snapshot; any other file (new, edited, replaced,
restored by git) is read from YAML exactly as `kb.load` reads it, and the snapshot is rewritten
once more than a few records differ from it (REWRITE_AFTER). Files that fail to load are never
cached, so their errors are reported every time. An ingest writes the snapshot of what it stored
(`remember_stored`, under the same rule), so the reads after it, and the next ingest, parse at
most a few records from YAML.

Why a signature can be trusted: an edit, a rename over the file or a checkout changes the ctime or
the inode, which no tool can set back. A file written in the seconds before its signature was
taken is "racily clean", as git calls it: a second write within the same clock tick could hide
behind an unchanged signature. Its entry also holds the digest of the bytes the record came from,
and is used only while the file still holds those bytes; once a load finds them there and the
signature old enough, the signature alone is trusted from then on. A snapshot written by other
code (biohub, model, pydantic or Python version) is ignored, and it is read by an unpickler that
can build nothing but biohub's record models, so a planted cache file cannot run code.
"""

from __future__ import annotations

import copyreg
import gc
import hashlib
import io
import os
import pickle
import platform
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pydantic
from pydantic import BaseModel

import biohub_cli
import biohub_cli.models as models_pkg
from biohub_cli.config import Layout
from biohub_cli.confine import OUTSIDE, Confinement
from biohub_cli.errors import RecordError
from biohub_cli.kb import knowledge_base as kb_mod
from biohub_cli.models.base import Strict
from biohub_cli.models.compact import compact, shared_fields
from biohub_cli.store import record_files, yaml_io
from biohub_cli.store.record_files import RACY_NS  # one module global each: tests set it per cache

CACHE_FORMAT = 4  # 2: only records whose id fits their file are cached; 3: entries of racy files hold a digest;
# 4: entries in chunks of CHUNK
CHUNK = 1000  # entries pickled with one memo: the pickler's memory stays bounded whatever the size
REWRITE_AFTER = 32  # records the snapshot may lack or hold in an old version before it is rewritten
_MODEL_MODULES = ("biohub_cli.models.records", "biohub_cli.models.facts", "biohub_cli.models.dates",
                  "biohub_cli.models.evidence", "biohub_cli.models.places")

Signature = record_files.Signature  # size, mtime_ns, ctime_ns, inode
# The file's signature, its record, and the digest of the bytes the record came from when the
# signature was racy (see the module's docstring), else "".
Entry = tuple[Signature, BaseModel, str]


@dataclass
class CacheStats:
    """What one load did: record files seen, taken from the snapshot, read from YAML."""

    files: int = 0
    hits: int = 0
    loaded: int = 0
    written: bool = False
    fingerprint: str = ""  # of every record file's path and signature: equal fingerprints, equal records
    settled: bool = False  # no record file changed in the last RACY_NS: the fingerprint can be kept
    listing: str = ""  # record_files.listing's digest of the same files (no code key): for other caches
    verified: int = 0  # entries of racy files whose bytes were read and found unchanged
    entries: dict[str, Entry] = field(default_factory=dict, repr=False)  # the snapshot this load would write
    unsaved: int = 0  # how many of `entries` the snapshot on disk lacks or holds otherwise
    snapshot: int = 0  # entries of the snapshot on disk


def cache_path(root: Path) -> Path:
    return Layout(root).state / "cache" / "records.pickle"


def load_cached(root: Path) -> kb_mod.KnowledgeBase:
    """The knowledge base under `root`, as `kb.load(root)` gives it; unchanged files come from the snapshot."""
    return load_with_stats(root)[0]


def load_with_stats(root: Path, *, write: bool = True) -> tuple[kb_mod.KnowledgeBase, CacheStats]:
    """`load_cached`, with what the load did; `write=False` leaves the snapshot file as it is (an
    ingest writes it once it stored its records: `remember_stored`)."""
    layout = Layout(root)
    stats = CacheStats()
    if not layout.records.is_dir():
        return kb_mod.load(root), stats
    path = cache_path(root)
    key = _code_key()
    snapshot = _read_snapshot(path, key)
    now = time.time_ns()
    base = kb_mod.KnowledgeBase(layout=layout)
    fresh: dict[str, Entry] = {}
    seen = hashlib.sha256(key.encode())
    listed = hashlib.sha256()
    newest = 0
    confined = Confinement(root)
    for folder, model in kb_mod._KINDS:
        target: dict[str, BaseModel] = getattr(base, folder)
        for file, rel, sig, link in _iter_records(layout.records, folder):
            if not confined.inside(file, link=link):  # never read, nor taken from a snapshot
                base.errors.append(RecordError(OUTSIDE, path=file))
                continue
            stats.files += 1
            line = record_files.listing_line(rel, sig)
            seen.update(line)
            listed.update(line)
            newest = max(newest, sig[1], sig[2])
            racy = max(sig[1], sig[2]) >= now - RACY_NS
            entry = snapshot.get(rel)
            if entry is not None and entry[0] == sig and type(entry[1]) is model:
                if entry[2]:
                    entry = _verified(file, entry, racy)
                    stats.verified += entry is not None
                if entry is not None:
                    # only records whose id passed admit's id checks for this very path are in the snapshot
                    stats.hits += 1
                    fresh[rel] = entry
                    kb_mod.admit(base, target, entry[1], file, id_checked=True)
                    continue
            try:
                raw = kb_mod.read_record_bytes(file)
                rec = kb_mod.parse_record(file, raw, model)
            except RecordError as exc:
                base.errors.append(exc)
                continue
            stats.loaded += 1
            # exactly the checks of kb.load; a record whose id is refused is never cached (its error
            # is reported every time)
            if kb_mod.admit(base, target, rec, file) or kb_mod.id_fits(rec, file):
                trusted = not racy and _signature(file) == sig
                fresh[rel] = (sig, rec, "" if trusted else record_files.content_digest(raw))
    stats.entries = fresh
    stats.unsaved, stats.snapshot = _changes(snapshot, fresh), len(snapshot)
    if write and _worth(stats.unsaved, len(snapshot), len(fresh)):
        stats.written = _write_snapshot(path, key, fresh)
    stats.fingerprint = seen.hexdigest()
    stats.listing = listed.hexdigest()
    stats.settled = newest < now - RACY_NS
    return base, stats


def _verified(file: Path, entry: Entry, racy: bool) -> Entry | None:
    """An entry taken while its file was racy, if the file still holds the bytes it was taken from:
    then trusted on its signature alone once that is old enough (no write since can have kept it)."""
    try:
        if record_files.file_digest(file) != entry[2]:
            return None
    except OSError:
        return None
    return entry if racy else (entry[0], entry[1], "")


def _changes(snapshot: dict[str, Entry], fresh: dict[str, Entry]) -> int:
    """Entries `fresh` holds that `snapshot` lacks or holds otherwise, and the other way round."""
    changed = len(snapshot.keys() ^ fresh.keys())
    return changed + sum(1 for rel, entry in fresh.items() if snapshot.get(rel) is not entry)


def _worth(changes: int, before: int, after: int) -> bool:
    """Rewrite the snapshot when it differs from what was loaded by more than a few records.

    Writing it pickles every record (seconds at 10,000 events), while a record it lacks or holds in
    an old version only costs its YAML on each load: a few such records are cheaper left to YAML
    until more gather. Whatever the snapshot holds is checked against each file's signature anyway.
    """
    if not before:
        return after > 0
    return changes > max(REWRITE_AFTER, after // 100)


def remember_stored(layout: Layout, stored: Iterable[tuple[Path, BaseModel, str | None]], loaded: CacheStats) -> bool:
    """After an ingest stored its records, the snapshot of what records/ holds now, read from no file.

    `stored`: every record on disk now, with the digest of the text the ingest dumped for it, or None
    where it left the file as it loaded it (that entry of `loaded.entries` stays, if the file's
    signature is unchanged). `loaded`: the stats of the ingest's own `load_with_stats(write=False)`.
    """
    before = loaded.entries
    fresh: dict[str, Entry] = {}
    for path, rec, digest in stored:
        sig = _signature(path)
        if sig is None:
            continue
        rel = path.relative_to(layout.records).as_posix()
        if digest is not None:
            fresh[rel] = (sig, rec, digest)
        elif rel in before and before[rel][0] == sig:
            fresh[rel] = before[rel]
    changes = loaded.unsaved + _changes(before, fresh)
    if not _worth(changes, loaded.snapshot, len(fresh)):
        return False
    made: set[int] = set()
    strings: dict[str, str] = {}
    for _, rec, _ in fresh.values():
        compact(rec, as_loaded=made, strings=strings)  # records made in memory share objects their loads would not
    return _write_snapshot(cache_path(layout.root), _code_key(), fresh, deduped=True)


def clear(root: Path) -> None:
    """Drop the snapshot (the next read rebuilds it)."""
    yaml_io.remove(cache_path(root))


# -- finding and signing record files (store/record_files.py; the names tests know) --------------------


def _signature(path: Path | os.DirEntry[str]) -> Signature | None:
    return record_files.signature(path)


def _iter_records(records: Path, folder: str) -> Iterator[tuple[Path, str, Signature, bool]]:
    """The files `yaml_io.iter_yaml(records / folder)` yields, in its order, with their signatures and
    whether each is a symbolic link."""
    for parts, entry, sig in record_files.iter_signed(records, folder):
        yield records.joinpath(*parts), "/".join(parts), sig, entry.is_symlink()


# -- the snapshot file ---------------------------------------------------------------------------


def _code_key() -> str:
    """Who wrote a snapshot: a snapshot from other models or other libraries is never read."""
    h = hashlib.sha256(f"{CACHE_FORMAT}|{biohub_cli.__version__}|{pydantic.VERSION}|"
                       f"{platform.python_version()}".encode())
    for src in sorted(Path(models_pkg.__file__).parent.glob("*.py")):
        h.update(src.name.encode())
        h.update(src.read_bytes())
    return h.hexdigest()


_new = object.__new__
_set = object.__setattr__


def _rebuild(cls: type[Strict], values: dict[str, Any], fields_set: frozenset[str]) -> Strict:
    """A record model from values validated when the snapshot was written: no validation, no defaults.

    `cls` can only be a record model: the unpickler resolves no other class (see `_Unpickler`).
    """
    obj = _new(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", shared_fields(cls, fields_set))  # see models/compact.py
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def _record_models() -> list[type[Strict]]:
    found: list[type[Strict]] = []
    todo = [Strict]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub.__module__ in _MODEL_MODULES and sub not in found:
                found.append(sub)
            todo.append(sub)
    return found


class _Pickler(pickle.Pickler):
    """Record models as `_rebuild(cls, values, fields)`; equal field sets and string values stored once."""

    def __init__(self, file: IO[bytes], *, deduped: bool = False) -> None:
        super().__init__(file, protocol=5)
        sets: dict[frozenset[str], frozenset[str]] = {}
        strings: dict[str, str] = {}

        def reduce(obj: Strict) -> tuple[Any, ...]:
            if obj.__pydantic_extra__ or obj.__pydantic_private__:
                raise pickle.PicklingError("records hold no extra or private attributes")
            names = frozenset(obj.__pydantic_fields_set__)
            values = obj.__dict__ if deduped else \
                {k: strings.setdefault(v, v) if type(v) is str else v for k, v in obj.__dict__.items()}
            return _rebuild, (type(obj), values, sets.setdefault(names, names))

        self.dispatch_table = {**copyreg.dispatch_table, **dict.fromkeys(_record_models(), reduce)}


class _Unpickler(pickle.Unpickler):
    """Builds lists, dicts, strings, numbers and record models; nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name == "_rebuild":
            return _rebuild
        if module in _MODEL_MODULES:
            import importlib

            cls = getattr(importlib.import_module(module), name, None)
            if isinstance(cls, type) and issubclass(cls, Strict):
                return cls
        raise pickle.UnpicklingError(f"the records cache may not name {module}.{name}")


def pack(record: Strict) -> bytes:
    """A record as compressed bytes (a few kilobytes where the objects take tens), for `unpack`."""
    buf = io.BytesIO()
    _Pickler(buf).dump(record)
    return zlib.compress(buf.getvalue(), 1)


def unpack(data: bytes) -> Any:
    """The record `pack` gave these bytes for (the unpickler builds record models only)."""
    return _Unpickler(io.BytesIO(zlib.decompress(data))).load()


def _read_snapshot(path: Path, key: str) -> dict[str, Entry]:
    try:
        fh = path.open("rb")
    except OSError:
        return {}
    paused = gc.isenabled()
    gc.disable()  # hundreds of thousands of new objects and no cycles: collections would only cost time
    try:
        entries: dict[str, Entry] = {}
        with fh:
            head = _Unpickler(fh).load()  # from the file: the snapshot's bytes are never held whole
            if not (isinstance(head, tuple) and len(head) == 3 and head[0] == "biohub-records" and head[1] == key
                    and isinstance(head[2], int)):
                return {}
            for _ in range(head[2]):
                chunk = _Unpickler(fh).load()
                if not isinstance(chunk, dict):
                    return {}
                entries.update(chunk)
        return entries
    except Exception:  # a damaged or foreign snapshot is simply not used
        return {}
    finally:
        gc.freeze()  # what was just built holds no cycles: keep later collections from walking it again
        if paused:
            gc.enable()


def _write_snapshot(path: Path, key: str, entries: dict[str, Entry], *, deduped: bool = False) -> bool:
    """Pickled straight into the file (tens of megabytes at 10,000 events, never held whole).
    `deduped`: equal strings of the records are one object already (compact's `strings`)."""
    def write(fh: IO[bytes]) -> None:
        items = list(entries.items())
        chunks = range(0, len(items), CHUNK)
        pickler = _Pickler(fh, deduped=deduped)
        pickler.dump(("biohub-records", key, len(chunks)))
        for start in chunks:
            pickler.clear_memo()  # each chunk on its own: the memo holds one chunk's objects at most
            pickler.dump(dict(items[start:start + CHUNK]))

    try:
        yaml_io.write_streamed(path, write)
        return True
    except (OSError, pickle.PicklingError):  # a read-only knowledge base still reads, just slower
        return False
