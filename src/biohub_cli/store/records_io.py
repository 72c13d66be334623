"""Where each record lives under records/ and how it is written (through yaml_io.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from biohub_cli.config import Layout
from biohub_cli.confine import OUTSIDE, Confinement
from biohub_cli.errors import BiohubError, RecordError
from biohub_cli.models import Cluster, Event, Organization, Person, Programme, Source
from biohub_cli.store import yaml_io

INDEX_NAME = "index.yaml"
EXTRACTOR_KEY = ".extractor"  # no record id starts with a dot, so this key never names a record


def record_path(layout: Layout, rec: BaseModel) -> Path:
    rid = str(getattr(rec, "id", ""))
    _check_id(rid)
    if isinstance(rec, Source):
        return layout.sources / f"{rid}.yaml"
    if isinstance(rec, Event):
        year = f"{rec.date.year:04d}" if rec.date.year is not None else "undated"
        return layout.events / year / f"{rid}.yaml"
    if isinstance(rec, Organization):
        return layout.orgs / f"{rid}.yaml"
    if isinstance(rec, Person):
        return layout.people / f"{rid}.yaml"
    if isinstance(rec, Cluster):
        return layout.clusters / f"{rid}.yaml"
    if isinstance(rec, Programme):
        return layout.programmes / f"{rid}.yaml"
    raise TypeError(f"not a record: {type(rec).__name__}")


MAX_ID_LENGTH = 120
# Characters no id may hold: path separators, and what Windows (where a knowledge base may be
# checked out) refuses in file names.
_UNSAFE_CHARS = frozenset('/\\:*?"<>|')
_WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                              *(f"lpt{i}" for i in range(10))})


def id_problem(rid: str) -> str | None:
    """Why an id cannot be a file name under records/, or None when it can."""
    if not rid:
        return "it is empty"
    if len(rid) > MAX_ID_LENGTH:
        return f"it is longer than {MAX_ID_LENGTH} characters"
    if rid.startswith(".") or ".." in rid:
        return "it starts with a dot or holds '..'"
    if any(c in _UNSAFE_CHARS for c in rid):
        return "it holds a path separator or a character file systems refuse"
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" for c in rid):
        return "it holds a control character (NUL, newline, escape, ...)"
    if rid != rid.strip() or rid.endswith("."):
        return "it starts or ends with a space or ends with a dot"
    if rid.split(".")[0].lower() in _WINDOWS_DEVICES:
        return "it is a reserved device name on Windows"
    return None


def _check_id(rid: str) -> None:
    """Ids become file names: nothing that could leave records/, hide a file or break a checkout."""
    problem = id_problem(rid)
    if problem is not None:
        raise BiohubError(f"refusing to write a record with the unsafe id {rid!r}: {problem}")


def dump_record(rec: BaseModel) -> str:
    return yaml_io.dumps(rec.model_dump(mode="json"))


def _checked_path(layout: Layout, rec: BaseModel, checked: dict[Path, bool] | None = None) -> Path:
    """The record's path, once its folder is known to lie inside the knowledge base (`checked`
    remembers the folders found so, for a batch of writes)."""
    path = record_path(layout, rec)
    if checked is not None and checked.get(path.parent):
        return path
    if not path.parent.resolve().is_relative_to(layout.root.resolve()):
        raise BiohubError(f"refusing to write outside the knowledge base: {path.parent} leads elsewhere",
                          path=path, hint="records/ and its folders must not be symbolic links out of the repository")
    if checked is not None:
        checked[path.parent] = True
    return path


def save_record(layout: Layout, rec: BaseModel) -> bool:
    """Write one record atomically and durably; False when the file held these bytes already."""
    path = _checked_path(layout, rec)
    return yaml_io.write_atomic(path, _loadable(path, dump_record(rec)))


def stage_record(layout: Layout, rec: BaseModel, text: str, checked: dict[Path, bool] | None = None) -> Path | None:
    """A temporary file beside the record's place holding `text`, its dump (`dump_records`), not yet
    synced; None when the record's file holds it already. `os.replace(tmp, record_path(...))` puts it
    in place. `checked`: folders found inside the knowledge base by earlier calls of this batch."""
    path = _checked_path(layout, rec, checked)
    return yaml_io.stage(path, _loadable(path, text))


def _loadable(path: Path, text: str) -> str:
    """`text`, when a record of it can be loaded back (yaml_io.MAX_RECORD_BYTES); a record that could not
    is never written (ingest refuses such a document before, see ingest/sources.py)."""
    if len(text) * 4 > yaml_io.MAX_RECORD_BYTES and len(text.encode("utf-8")) > yaml_io.MAX_RECORD_BYTES:
        raise BiohubError(f"refusing to write a record of {len(text.encode('utf-8')):,} bytes, over the "
                          f"{yaml_io.MAX_RECORD_BYTES:,} bytes a record may hold (it could not be read back)",
                          path=path)
    return text


class BatchDumper:
    """`dump_record` for the records of one batch, where an ingest writes a new source twice (first
    citing only the events already on disk, see ingest/commit.py): the text of every field but the
    mentions, which come last, is made once for such a source and kept until its second dump. A
    top-level mapping is emitted entry by entry, so the text of a record is its head's text followed
    by its mentions' (tests check it)."""

    def __init__(self, batch: Sequence[BaseModel]) -> None:
        self.uses: dict[tuple[int, ...], int] = {}  # ids of the field values (alive in the batch) → dumps to come
        for rec in batch:
            if isinstance(rec, Source):
                key = _head_key(rec)
                self.uses[key] = self.uses.get(key, 0) + 1
        self.heads: dict[tuple[int, ...], str] = {}
        self.reused = 0

    def __call__(self, rec: BaseModel) -> str:
        if not isinstance(rec, Source):
            return dump_record(rec)
        data = rec.model_dump(mode="json")
        key = _head_key(rec)
        if next(reversed(data)) != "mentions" or (self.uses.get(key, 0) < 2 and key not in self.heads):
            return yaml_io.dumps(data)
        mentions = data.pop("mentions")
        head = self.heads.pop(key, None)
        if head is None:
            head = yaml_io.dumps(data)
        else:
            self.reused += 1
        self.uses[key] -= 1
        if self.uses[key] > 0:
            self.heads[key] = head  # held only until the last dump that needs it
        return head + yaml_io.dumps({"mentions": mentions})


def _head_key(rec: BaseModel) -> tuple[int, ...]:
    return tuple(id(v) for k, v in rec.__dict__.items() if k != "mentions")


@dataclass(frozen=True)
class Index:
    """records/index.yaml: the state of every id biohub wrote, and the extractor that made the sources."""

    states: dict[str, str] = field(default_factory=dict)  # id → "written" or "deleted" (by an analyst)
    extractor: str | None = None


def load_index(layout: Layout) -> Index:
    path = layout.records / INDEX_NAME
    if not path.is_file():
        return Index()
    data = read_kb_yaml(layout, path) or {}
    if not isinstance(data, dict):
        raise RecordError("records/index.yaml must be a mapping of record ids to written or deleted", path=path,
                          line=1, hint="restore it from git, or delete it: the next ingest writes it again")
    extractor = data.get(EXTRACTOR_KEY)
    return Index(states={str(k): str(v) for k, v in data.items() if not str(k).startswith(".")},
                 extractor=str(extractor) if extractor else None)


def read_index(layout: Layout) -> dict[str, str]:
    """Ids biohub has written ("written") or seen deleted by an analyst ("deleted")."""
    return load_index(layout).states


def read_kb_yaml(layout: Layout, path: Path) -> Any:
    """A YAML file of the knowledge base (index, aliases, config), read only when it resolves inside it."""
    if not Confinement(layout.root).inside(path):
        raise RecordError(OUTSIDE, path=path)
    return yaml_io.read_yaml(path)


def write_index(layout: Layout, index: dict[str, str], extractor: str | None = None) -> None:
    """Sorted ids, the extractor's fingerprint first; the commit point of an ingest, so written durably."""
    data: dict[str, str] = {EXTRACTOR_KEY: extractor} if extractor else {}
    data.update(sorted(index.items()))
    yaml_io.write_yaml(layout.records / INDEX_NAME, data)


def read_config(layout: Layout) -> dict[str, Any]:
    """biohub.yaml as a mapping (RecordError naming it when it is not one)."""
    data = read_kb_yaml(layout, layout.config)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RecordError("biohub.yaml must be a mapping of settings (version, lang)", path=layout.config, line=1)
    return data
