"""The loaded knowledge base and its query filters."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel, ValidationError

from biohub_cli.config import Layout
from biohub_cli.confine import OUTSIDE, Confinement
from biohub_cli.errors import RecordError
from biohub_cli.kb.validation import describe_validation_error
from biohub_cli.models import Cluster, Event, Organization, Person, Programme, Source
from biohub_cli.models.compact import compact
from biohub_cli.models.dates import PartialDate
from biohub_cli.names import normalise
from biohub_cli.store import yaml_io
from biohub_cli.store.records_io import id_problem

T = TypeVar("T")


@dataclass(frozen=True)
class TimelineFilter:
    """The filters of `biohub timeline`; every one optional."""

    org: str | None = None
    person: str | None = None
    type: str | None = None
    since: PartialDate | None = None
    until: PartialDate | None = None
    query: str | None = None
    limit: int | None = None
    include_related: bool = True
    clusters: frozenset[str] | None = None  # ids: a cluster and those inside it
    programme: str | None = None  # id


@dataclass
class KnowledgeBase:
    layout: Layout
    sources: dict[str, Source] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    orgs: dict[str, Organization] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    clusters: dict[str, Cluster] = field(default_factory=dict)
    programmes: dict[str, Programme] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)
    errors: list[RecordError] = field(default_factory=list)
    include_off_topic: bool = False  # `--all`: show the events only off-topic documents report

    # -- lookups -------------------------------------------------------------------------------

    def org_by_name(self, name: str) -> Organization | None:
        """An organisation by id, name or any alias (normalised)."""
        if name in self.orgs:
            return self.orgs[name]
        return self._org_index().get(normalise(name))

    def person_by_name(self, name: str) -> Person | None:
        if name in self.people:
            return self.people[name]
        return self._person_index().get(normalise(name))

    # -- indexes: built once, rebuilt when a table changes ---------------------------------------

    def _memo(self, key: str, signature: object, build: Callable[[], T]) -> T:
        """The value `build` gave for this signature of the tables, or a new one."""
        memo: dict[str, tuple[object, Any]] = self.__dict__.setdefault("_memo_cache", {})
        held = memo.get(key)
        if held is not None and held[0] == signature:
            return cast(T, held[1])
        value = build()
        memo[key] = (signature, value)
        return value

    def _org_index(self) -> dict[str, Organization]:
        """Normalised name, English name and aliases of the active organisations; the first in name order wins."""
        def build() -> dict[str, Organization]:
            index: dict[str, Organization] = {}
            for org in self.active_orgs():
                for n in (org.name, org.name_en or "", *org.aliases):
                    if n:
                        index.setdefault(normalise(n), org)
            return index
        sig = (id(self.orgs), [(o, o.status, o.name, o.name_en, tuple(o.aliases)) for o in self.orgs.values()])
        return self._memo("org_index", sig, build)

    def _person_index(self) -> dict[str, Person]:
        def build() -> dict[str, Person]:
            index: dict[str, Person] = {}
            for person in self.active_people():
                for n in (person.name, person.name_en or ""):
                    index.setdefault(normalise(n), person)
            return index
        sig = (id(self.people), [(p, p.status, p.name, p.name_en) for p in self.people.values()])
        return self._memo("person_index", sig, build)

    def suggest(self, name: str, candidates: Iterable[str], limit: int = 5) -> list[str]:
        """Close names for a name that matched nothing."""
        from rapidfuzz import fuzz, process

        choices = sorted(set(candidates))
        found = process.extract(name, choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=50)
        return [c for c, _, _ in found]

    def org_names(self) -> list[str]:
        return [n for o in self.active_orgs() for n in (o.name, *o.aliases, o.name_en or "") if n]

    def person_names(self) -> list[str]:
        return [p.name for p in self.active_people()]

    def active_orgs(self) -> list[Organization]:
        return sorted((o for o in self.orgs.values() if o.status == "active"), key=lambda o: (o.name, o.id))

    def active_people(self) -> list[Person]:
        return sorted((p for p in self.people.values() if p.status == "active"), key=lambda p: (p.name, p.id))

    def active_events(self) -> list[Event]:
        """Active events in date order; those that only off-topic documents report only with `include_off_topic`."""
        off = self.off_topic_sources()
        sig = (id(self.events), [(e, e.status, e.date, e.title) for e in self.events.values()], off)
        return list(self._memo("active_events", sig, lambda: sorted(
            (e for e in self.events.values() if e.status == "active"
             and not (off and e.sources and all(s in off for s in e.sources))), key=event_sort_key)))

    def off_topic_sources(self) -> frozenset[str]:
        """Ids of the documents marked off-topic, unless they are to be shown (`include_off_topic`)."""
        if self.include_off_topic:
            return frozenset()
        return frozenset(sid for sid, s in self.sources.items() if s.off_topic)

    # -- queries -------------------------------------------------------------------------------

    def timeline(self, flt: TimelineFilter = TimelineFilter()) -> list[Event]:
        """Events in date order (uncertain years last), filtered."""
        org = self.org_by_name(flt.org) if flt.org else None
        person = self.person_by_name(flt.person) if flt.person else None
        if (flt.org and org is None) or (flt.person and person is None):
            return []
        out = []
        for ev in self.active_events():
            if not flt.include_related and not ev.main:
                continue
            if org and org.id not in {p.organization for p in ev.participants}:
                continue
            if person and person.id not in ev.people:
                continue
            if flt.type and ev.type != flt.type:
                continue
            if flt.clusters is not None and not any(link.cluster in flt.clusters for link in ev.clusters):
                continue
            if flt.programme and not any(link.programme == flt.programme for link in ev.programmes):
                continue
            if (flt.since or flt.until) and not overlaps(ev.date, flt.since, flt.until):
                continue
            if flt.query and not self._matches(ev, flt.query):
                continue
            out.append(ev)
        return out[: flt.limit] if flt.limit else out

    def _matches(self, ev: Event, query: str) -> bool:
        """Every word of the query is in the title, venue, an organisation's name or an evidence sentence."""
        hay = [ev.title, ev.venue or "", *(self.orgs[p.organization].name for p in ev.participants
                                             if p.organization in self.orgs)]
        hay += [e.sentence for e in ev.evidence]
        keys = [normalise(h) for h in hay]
        return all(any(w in k for k in keys) for w in (normalise(w) for w in query.split()) if w)

    def events_of_org(self, org_id: str) -> list[Event]:
        return [e for e in self.active_events() if org_id in {p.organization for p in e.participants}]

    def events_of_person(self, person_id: str) -> list[Event]:
        return [e for e in self.active_events() if person_id in e.people]

    def sources_mentioning_org(self, org_id: str) -> list[Source]:
        return [s for _, s in sorted(self.sources.items()) if org_id in s.mentions.organizations]

    def sources_mentioning_person(self, person_id: str) -> list[Source]:
        return [s for _, s in sorted(self.sources.items()) if person_id in s.mentions.people]

    def people_of_org(self, org_id: str) -> list[Person]:
        return [p for p in self.active_people() if any(r.organization == org_id for r in p.roles)]

    def partners_of_org(self, org_id: str) -> list[tuple[Organization, int]]:
        """Organisations that appear in the same events, most frequent first."""
        counts: Counter[str] = Counter()
        for ev in self.events_of_org(org_id):
            for pid in {p.organization for p in ev.participants} - {org_id}:
                counts[pid] += 1
        return [(self.orgs[i], n) for i, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
                if i in self.orgs]


def event_sort_key(ev: Event) -> tuple[int, int, int, str, str]:
    y, m, d = ev.date.sort_key()
    return (y, m, d, ev.title, ev.id)


def _bounds(d: PartialDate) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The earliest and latest day a partial date can stand for."""
    y = d.year or 0
    return (y, d.month or 1, d.day or 1), (y, d.month or 12, d.day or 31)


def overlaps(ev: PartialDate, since: PartialDate | None, until: PartialDate | None) -> bool:
    """True when the event can fall in the period; an event of unknown year never matches a period."""
    if ev.year is None:
        return False
    lo, hi = _bounds(ev)
    if since is not None and hi < _bounds(since)[0]:
        return False
    return not (until is not None and lo > _bounds(until)[1])


_KINDS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("sources", Source), ("events", Event), ("orgs", Organization), ("people", Person),
    ("clusters", Cluster), ("programmes", Programme))


def load_record(path: Path, model: type[BaseModel]) -> BaseModel:
    """Load and validate one record; errors carry `path:line`."""
    return parse_record(path, read_record_bytes(path), model)


def parse_record(path: Path, raw: bytes, model: type[BaseModel]) -> BaseModel:
    """The record in `raw`, the bytes of the file at `path` (`read_record_bytes`), validated."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise RecordError("not UTF-8 text", path=path) from None
    data = yaml_io.loads(text, path=path)
    if not isinstance(data, dict):
        raise RecordError("a record must be a mapping of fields", path=path, line=1)
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        raise describe_validation_error(exc, path=path, text=text) from None
    compact(record)  # a knowledge base holds thousands of records: see models/compact.py
    return record


def read_record_bytes(path: Path) -> bytes:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RecordError(f"cannot read: {exc.strerror}", path=path) from None
    if len(raw) > yaml_io.MAX_RECORD_BYTES:
        raise RecordError(f"record is {len(raw)} bytes, over the {yaml_io.MAX_RECORD_BYTES}-byte limit", path=path)
    return raw


def load(root: Path) -> KnowledgeBase:
    """Load every record under records/; broken ones are listed in `errors`, never dropped silently."""
    layout = Layout(root)
    kb = KnowledgeBase(layout=layout)
    confined = Confinement(root)
    for folder, model in _KINDS:
        target: dict[str, BaseModel] = getattr(kb, folder)
        for path in yaml_io.iter_yaml(layout.records / folder):
            if not confined.inside(path):
                kb.errors.append(RecordError(OUTSIDE, path=path))
                continue
            try:
                rec = load_record(path, model)
            except RecordError as exc:
                kb.errors.append(exc)
                continue
            admit(kb, target, rec, path)
    return kb


def admit(kb: KnowledgeBase, target: dict[str, BaseModel], rec: BaseModel, path: Path, *,
          id_checked: bool = False) -> bool:
    """Add a loaded record to its table unless its id is unsafe, differs from its file name or is taken.

    `id_checked`: the id is known to pass the first two checks for this path (the records cache
    holds only such records), so only the duplicate check is left.
    """
    rid: str = rec.id  # type: ignore[attr-defined]
    if not id_checked and not id_fits(rec, path):
        problem = id_problem(rid)
        why = f"unsafe id {rid!r}: {problem}" if problem else f"id {rid!r} does not match the file name"
        kb.errors.append(RecordError(why, path=path, line=yaml_io.line_of(path.read_text(encoding="utf-8"), ("id",))))
        return False
    if rid in target:
        kb.errors.append(RecordError(f"duplicate id {rid!r} (also in {kb.paths[rid]})", path=path, line=1))
        return False
    target[rid] = rec
    kb.paths[rid] = path
    return True


def id_fits(rec: BaseModel, path: Path) -> bool:
    """True when the record's id is a safe file name and the name of its file."""
    rid: str = rec.id  # type: ignore[attr-defined]
    return path.stem == rid and id_problem(rid) is None
