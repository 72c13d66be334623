"""Organisation and person pages that need no rendering: their context is the one they were made from.

A report page is a pure function of its context (render/contexts.py), the templates, biohub's code
and the language. After a build, .biohub/cache/pages.json records, for every organisation and
person page, a digest of the context it was rendered from and the signature of the file the build
left in reports/ (or a hash of its bytes when it was written too recently to trust a signature, as
render/stamp.py does), under a key of the templates, the code, the library versions and the
language (stamp.inputs_key without the records). The next build still builds every context, but
renders a page again only when its context digest, the key or the file in reports/ differ: one
changed record re-renders the few pages that show it (plus the site-wide files), not all of them.

The digest is of the context's full state (every field of every row, dates by their fields), so
two contexts with one digest render the same bytes; a context that cannot be digested is simply
rendered. `--check` never uses this: it compares freshly rendered bytes.
"""

from __future__ import annotations

import contextlib
import copyreg
import hashlib
import io
import json
import pickle
from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from pathlib import Path

from biohub_cli.config import Layout
from biohub_cli.models.dates import PartialDate
from biohub_cli.render import stamp
from biohub_cli.render.contexts import EventRow, Ref, SourceRow
from biohub_cli.store import yaml_io

FORMAT = 1


def cache_path(root: Path) -> Path:
    return Layout(root).state / "cache" / "pages.json"


def _model(name: str, values: object) -> None:
    """Stands for a value in a digest (digests are never unpickled)."""


def _ref(ref: Ref) -> tuple[Callable[..., None], tuple[object, ...]]:
    """A Ref by its fields: not the hash it caches (which differs from one process to the next)."""
    return _model, ("Ref", _fields(ref))


def _fields(ref: Ref) -> tuple[str, str, str, str | None, str]:
    """What `_ref` pickles, as plain values (no Python call per Ref while pickling)."""
    return (ref.kind, ref.id, ref.name, ref.page, ref.note)


def _date(date: PartialDate) -> tuple[Callable[..., None], tuple[object, ...]]:
    """A date by its fields: not pydantic's record of which were set (a set, in no stable order)."""
    return _model, ("PartialDate", date.__dict__)


# What differs between the copies of one event's row on different pages (views.org_context and
# person_context); the rest of a row is digested once per build and stands in every copy by its digest.
_PER_PAGE = ("participants", "people", "role", "shown_for")
_shared = attrgetter(*(f.name for f in fields(EventRow) if f.name not in _PER_PAGE))


class _Digester(pickle.Pickler):
    """Pickles a context for hashing, the same way in every process.

    Contexts are dataclasses of strings, numbers, lists, dicts, Refs and PartialDates (contexts.py):
    dataclasses pickle as their fields; Refs and dates by their fields only. Any other object a
    context might hold pickles as pickle does, which at worst gives a digest no other process gives
    (the page is then rendered again), never one that stands for a different page. Without a memo
    (`fast`), a string shared by two rows and two equal strings pickle alike: the records cache
    shares equal strings, records read from YAML do not.

    An EventRow pickles as the digest of its shared fields and its per-page fields. `rows` memoises
    the shared digest by the identity of the field values, which it keeps alive (so no id is
    reused while it lives): the copies of a row made for each page hold the very same values.
    """

    def __init__(self, file: io.BytesIO, rows: dict[tuple[int, ...], tuple[tuple[object, ...], bytes]]) -> None:
        super().__init__(file, protocol=5)
        self.fast = True  # no memo: equal values give equal bytes whether or not they are one object
        self.rows = rows
        self.dispatch_table = {**copyreg.dispatch_table, Ref: _ref, PartialDate: _date, EventRow: self._row,
                               SourceRow: self._source}

    def _source(self, row: SourceRow) -> tuple[Callable[..., None], tuple[object, ...]]:
        """A document row by its fields, digested once per row object (pages share them)."""
        key = (id(row),)
        held = self.rows.get(key)
        if held is None:
            digest = _digest(tuple(getattr(row, f.name) for f in fields(SourceRow)), self.rows)
            if digest is None:
                raise pickle.PicklingError("a document row that cannot be digested")
            held = self.rows[key] = ((row,), digest)
        return _model, ("SourceRow", held[1])

    def _row(self, row: EventRow) -> tuple[Callable[..., None], tuple[object, ...]]:
        shared = _shared(row)
        key = tuple(map(id, shared))
        held = self.rows.get(key)
        if held is None:
            digest = _digest(shared, self.rows)
            if digest is None:
                raise pickle.PicklingError("an event row that cannot be digested")
            held = self.rows[key] = (shared, digest)
        return _model, ("EventRow", held[1], [_fields(r) for r in row.participants],
                        [_fields(r) for r in row.people], row.role, row.shown_for)


def _digest(value: object, rows: dict[tuple[int, ...], tuple[tuple[object, ...], bytes]]) -> bytes | None:
    buf = io.BytesIO()
    try:
        _Digester(buf, rows).dump(value)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return None
    return hashlib.sha256(buf.getvalue()).digest()


def context_digest(context: object, rows: dict[tuple[int, ...], tuple[tuple[object, ...], bytes]] | None = None,
                   ) -> str | None:
    """A digest of everything a template can read of `context`; None when it cannot be taken.

    `rows`: a memo shared by the digests of one build (event rows shown on many pages are digested
    once); it holds the values it was keyed by, so it must not outlive the build."""
    digest = _digest(context, {} if rows is None else rows)
    return None if digest is None else digest.hex()


class PageCache:
    """What the last build rendered each page from; `reusable` tells whether a page is still right."""

    def __init__(self, root: Path, key: str) -> None:
        self.root = root
        self.key = key
        self.reports = Layout(root).reports
        self.old: dict[str, list[str]] = {}
        self.now: dict[str, str] = {}  # page -> context digest, for this build
        self.verified: dict[str, str] = {}  # page -> the signature it was reused under
        self.rows: dict[tuple[int, ...], tuple[tuple[object, ...], bytes]] = {}  # see context_digest
        try:
            data = json.loads(cache_path(root).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if (isinstance(data, dict) and data.get("format") == FORMAT and data.get("key") == key
                and isinstance(data.get("pages"), dict)):
            self.old = {rel: v for rel, v in data["pages"].items()
                        if isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v)}

    def digest(self, context: object) -> str | None:
        """`context_digest` with this build's memo of event rows."""
        return context_digest(context, self.rows)

    def reusable(self, rel: str, digest: str | None) -> bool:
        """True when reports/`rel` is the page the last build rendered from a context of this digest."""
        if digest is None:
            return False
        self.now[rel] = digest
        old = self.old.get(rel)
        if old is None or old[0] != digest:
            return False
        path = self.reports / rel
        if (stamp.digest(path) if old[1].startswith("sha256:") else stamp.signature(path)) != old[1]:
            return False
        if old[1].startswith("sig:"):
            self.verified[rel] = old[1]  # a hash of the bytes is traded for a signature once settled
        return True

    def save(self, kept: list[str], now_ns: int) -> None:
        """Record the pages of this build that reports/ now holds (`kept`: written or unchanged).

        A page reused as it was keeps the signature it was checked against, so a build that changed
        no page (and had no page too new to sign) leaves the file as it was."""
        pages: dict[str, list[str]] = {}
        for rel in kept:
            digest = self.now.get(rel)
            if digest is None:
                continue
            path = self.reports / rel
            sig = self.verified.get(rel) or (stamp.signature(path) if stamp.settled(path, now_ns)
                                             else stamp.digest(path))
            if sig:
                pages[rel] = [digest, sig]
        body = json.dumps({"format": FORMAT, "key": self.key, "pages": pages}, sort_keys=True) + "\n"
        with contextlib.suppress(OSError):  # read-only state: the next build renders every page, as before
            yaml_io.write_atomic(cache_path(self.root), body, durable=False)


def clear(root: Path) -> None:
    yaml_io.remove(cache_path(root))
