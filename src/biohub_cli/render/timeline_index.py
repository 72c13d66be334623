"""A compact index of the timeline table, so a warm `biohub timeline` loads no record at all.

.biohub/cache/timeline-<lang>.pickle holds, for the active events in timeline order, what the
table filters on (main or related, type, organisation and people ids, date bounds) and each
event's finished table row, plus the organisation and person names the filters look up. It is
written after a timeline read the whole knowledge base (records cache, no record errors, no
record file changed in the last few seconds) and is trusted only while every record file still has
the signature it had then: its header names a digest of every record file's path and signature
(record_files.listing, as the records cache signs them) together with a key of the code that made
it (every file of the biohub package, Python's and pydantic's versions, the language). Anything
else (a record, the code, a filter the index cannot answer) falls back to the full load, so the
index can make a timeline faster, never different.

Like the records cache it is read by an unpickler that builds no class at all: only tuples, lists,
dicts, strings, numbers, booleans and None.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from biohub_cli.config import Layout
from biohub_cli.names import normalise
from biohub_cli.render.tables import TABLE_ROWS, TableRow, TableView, TimelineLine, timeline_view
from biohub_cli.store import record_files
from biohub_cli.store.code_digest import package_digest

if TYPE_CHECKING:
    from biohub_cli.kb.knowledge_base import KnowledgeBase
    from biohub_cli.kb.records_cache import CacheStats

FORMAT = 3  # 2: the plain table's rows in a section of their own, before the body; 3: people, amounts apart
_MAGIC = "biohub-timeline"

# what the filters read of one event: main, type, organisation ids, people ids, year, earliest day,
# latest day; its table row (group, label, cells, style) is pickled on its own and read only when shown
Entry = tuple[bool, str, tuple[str, ...], tuple[str, ...], int | None, tuple[int, int, int], tuple[int, int, int]]


def index_path(root: Path, lang: str) -> Path:
    return Layout(root).state / "cache" / f"timeline-{lang}.pickle"


def code_key(lang: str) -> str:
    """What the index is a function of besides the records: biohub's files, the versions, the language."""
    key = f"{FORMAT}|{lang}|{sys.version}|{_pydantic_version()}|{package_digest()}"
    return hashlib.sha256(key.encode()).hexdigest()


def _pydantic_version() -> str:
    """pydantic's version.py (it names the exact pydantic-core too), found without importing pydantic."""
    try:
        spec = importlib.util.find_spec("pydantic")
        origin = spec.origin if spec is not None else None
        return (Path(origin).parent / "version.py").read_text(encoding="utf-8") if origin else "?"
    except (ImportError, OSError, ValueError):
        return "?"


def _fingerprint(key: str, listing: str) -> str:
    return hashlib.sha256(f"{key}\0{listing}".encode()).hexdigest()


# -- writing -------------------------------------------------------------------------------------


def save(base: KnowledgeBase, stats: CacheStats, lang: str) -> bool:
    """Write the index of `base` (loaded with `stats`); False when it may not or cannot be written."""
    if base.errors or not stats.listing or not stats.settled:
        return False
    path = index_path(base.layout.root, lang)
    fingerprint = _fingerprint(code_key(lang), stats.listing)
    if _head(path) == fingerprint:
        return True  # already there and fresh
    from biohub_cli.kb.knowledge_base import _bounds
    from biohub_cli.models.vocab import EVENT_TYPES
    from biohub_cli.render import terminal
    from biohub_cli.render.queries import Index
    from biohub_cli.store import yaml_io

    events = base.active_events()
    lines = terminal.event_lines(Index(base), events, lang)
    entries: list[Entry] = []
    rows: list[bytes] = []
    for ev, line in zip(events, lines, strict=True):
        lo, hi = _bounds(ev.date)
        entries.append((ev.main, ev.type, tuple(sorted({p.organization for p in ev.participants})),
                        tuple(ev.people), ev.date.year, lo, hi))
        rows.append(pickle.dumps((line.group, line.label, tuple(line.row.cells), line.row.style), protocol=5))
    body = {
        "events": entries,
        "rows": rows,
        "types": list(EVENT_TYPES),
        "orgs": {rid: o.status for rid, o in sorted(base.orgs.items())},
        "org_names": {n: o.id for n, o in base._org_index().items()},
        "people": {rid: p.status for rid, p in sorted(base.people.items())},
        "person_names": {n: p.id for n, p in base._person_index().items()},
    }
    buf = io.BytesIO()
    pickle.dump((_MAGIC, FORMAT, fingerprint), buf, protocol=5)
    # the answer to a plain `biohub timeline` (no filter, the newest TABLE_ROWS), read without the body
    pickle.dump((TABLE_ROWS, len(rows), rows[-TABLE_ROWS:]), buf, protocol=5)
    pickle.dump(body, buf, protocol=5)
    try:
        return yaml_io.write_atomic(path, buf.getvalue())
    except OSError:  # a read-only knowledge base still reads, just slower
        return False


# -- reading -------------------------------------------------------------------------------------


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"the timeline index may not name {module}.{name}")


def _head(path: Path) -> str | None:
    """The fingerprint an index file names, without reading its body."""
    try:
        with path.open("rb") as f:
            head = _Unpickler(f).load()
    except Exception:
        return None
    ok = isinstance(head, tuple) and len(head) == 3 and head[0] == _MAGIC and head[1] == FORMAT
    return head[2] if ok and isinstance(head[2], str) else None


def _open(root: Path, lang: str) -> io.BytesIO | None:
    """The index, read up to its plain section, when it is there and fresh; else None."""
    try:
        data = index_path(root, lang).read_bytes()
    except OSError:
        return None
    try:
        stream = io.BytesIO(data)
        head = _Unpickler(stream).load()
        if not (isinstance(head, tuple) and len(head) == 3 and head[0] == _MAGIC and head[1] == FORMAT):
            return None
        records = Layout(root).records
        if not records.is_dir():
            return None
        listing = record_files.listing(records)
        if head[2] != _fingerprint(code_key(lang), listing):
            return None
    except Exception:  # a damaged or foreign index is simply not used
        return None
    return stream


def _section(stream: io.BytesIO) -> Any:
    """The next section (a new unpickler each: every section was pickled with a memo of its own)."""
    return _Unpickler(stream).load()


def cached_table(root: Path, lang: str, *, org: str | None = None, person: str | None = None,
                 type: str | None = None, since: str | None = None, until: str | None = None,
                 limit: int | None = None, related: bool = True, newest: int | None = None,
                 title: str = "") -> TableView | None:
    """The table `terminal.timeline_table` would give for these filters (as `biohub timeline` passes
    them), from a fresh index; None when there is no fresh index or it cannot answer (then load)."""
    stream = _open(root, lang)
    if stream is None:
        return None
    try:
        newest_of, total, rows = _section(stream)
        if (org, person, type, since, until, limit, related, newest) == (None, None, None, None, None, None, True,
                                                                         newest_of):
            return timeline_view([_line(row) for row in rows], total, lang, title=title)
        body = _section(stream)
        if not isinstance(body, dict):
            return None
        return _table(body, lang, org=org, person=person, type=type, since=since, until=until, limit=limit,
                      related=related, newest=newest, title=title)
    except Exception:  # a damaged index or one of an unexpected shape: load instead
        return None


def _find(name: str, statuses: dict[str, str], names: dict[str, str]) -> str | None:
    """As kb.org_by_name / person_by_name then query.find_org: an id, else a normalised name; active only."""
    rid = name if name in statuses else names.get(normalise(name))
    return rid if rid is not None and statuses.get(rid) == "active" else None


def _table(body: dict[str, Any], lang: str, *, org: str | None, person: str | None, type: str | None,
           since: str | None, until: str | None, limit: int | None, related: bool, newest: int | None,
           title: str) -> TableView | None:
    if type is not None and type not in body["types"]:
        return None
    if limit is not None and limit < 0:
        return None
    org_id = _find(org, body["orgs"], body["org_names"]) if org else None
    person_id = _find(person, body["people"], body["person_names"]) if person else None
    if (org and org_id is None) or (person and person_id is None):
        return None  # the full load says which names come close
    period = _period(since, until) if since or until else None
    if (since or until) and period is None:
        return None
    entries: Sequence[Entry] = body["events"]
    rows: Sequence[bytes] = body["rows"]
    if len(rows) != len(entries):
        return None
    out = []
    for e, row in zip(entries, rows, strict=True):
        if not related and not e[0]:
            continue
        if org_id and org_id not in e[2]:
            continue
        if person_id and person_id not in e[3]:
            continue
        if type and e[1] != type:
            continue
        if period is not None and not _overlaps(e, *period):
            continue
        out.append(row)
    total = len(out)
    if limit:
        out = out[:limit]
    elif newest is not None and total > newest:
        out = out[total - newest:]
    return timeline_view([_line(row) for row in out], total, lang, title=title, first=bool(limit))


def _line(row: bytes) -> TimelineLine:
    group, label, cells, style = _Unpickler(io.BytesIO(row)).load()
    if not (isinstance(label, str) and isinstance(cells, tuple) and all(isinstance(c, str) for c in cells)
            and (style is None or isinstance(style, str))):
        raise ValueError("a timeline index row of an unexpected shape")
    return TimelineLine(tuple(group), label, TableRow(list(cells), style))


Day = tuple[int, int, int]


def _period(since: str | None, until: str | None) -> tuple[Day | None, Day | None] | None:
    """The first day of `since` and the last of `until` (kb._bounds), or None for a date the full load
    must refuse (it reports the usage error)."""
    from biohub_cli.errors import BiohubError
    from biohub_cli.kb.knowledge_base import _bounds
    from biohub_cli.render.query import parse_date

    try:
        start = parse_date(since, "--since") if since else None
        end = parse_date(until, "--until") if until else None
    except BiohubError:
        return None
    return (_bounds(start)[0] if start else None, _bounds(end)[1] if end else None)


def _overlaps(e: Entry, start: Day | None, end: Day | None) -> bool:
    """kb._overlaps on the stored bounds: an event of unknown year never matches a period."""
    if e[4] is None:
        return False
    if start is not None and tuple(e[6]) < start:
        return False
    return not (end is not None and tuple(e[5]) > end)
