"""`biohub merge` and `biohub split`: the analyst's joins, kept in the curation files and applied by
resolving the knowledge base again from its sources (no file is read or extracted).

Organisations are joined by name in aliases.yaml, events by id in events.yaml; a split takes one
report out of an event the automatic merge made. Each operation is one entry in its file and its
undo removes that entry, so the records come back byte for byte. Every refusal is a CurationError
(errors.py), worded the same for organisations and events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from biohub_cli.config import Layout
from biohub_cli.errors import CurationError, NotFoundError, UsageError, not_found
from biohub_cli.kb import places
from biohub_cli.kb.knowledge_base import KnowledgeBase, load
from biohub_cli.models import Cluster, Event, Organization, Programme
from biohub_cli.models.curation import AnalystCuration
from biohub_cli.names import normalise
from biohub_cli.store import curation_files
from biohub_cli.store.lock import ingest_lock


@dataclass
class Outcome:
    """What a curation command did (for stdout-free talk on stderr) and what ingest warned about."""

    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def is_event_id(name: str) -> bool:
    return name.startswith("ev-")


def merge(root: Path, name: str, into: str | None) -> Outcome:
    """Join organisation `name` into organisation `into`, or event `name` into event `into`."""
    if not into:
        raise UsageError("say what to merge into: biohub merge NAME INTO (two organisations or two event ids)")
    if name == into:
        raise CurationError.into_itself(name)
    if is_event_id(name) != is_event_id(into):
        raise CurationError.mixed(name, into)
    layout = Layout(root)
    with ingest_lock(layout):
        kb, curation = load(root), curation_files.read_curation(layout)
        if is_event_id(name):
            return _merge_events(layout, kb, curation, name, into)
        for kind in _PLACE_KINDS:
            if _is_pair(kind, kb, curation, name, into):
                return _merge_places(kind, layout, kb, curation, name, into)
        return _merge_orgs(layout, kb, curation, name, into)


def undo(root: Path, name: str) -> Outcome:
    """Take back the merge of `name` (an organisation name or an event id)."""
    layout = Layout(root)
    with ingest_lock(layout):
        curation = curation_files.read_curation(layout, checked=False)  # the way out of a cycle typed by hand
        if is_event_id(name):
            merges = dict(curation.event_merges)
            if name not in merges:
                raise CurationError.not_merged(name, layout.event_curation.name, _close(name, merges))
            target = merges.pop(name)
            curation_files.write_event_curation(layout, merges, dict(curation.event_splits))
        elif (found := _merged_place(curation, name)) is not None:
            kind, name = found
            place_merges = dict(kind.merges(curation))
            target = place_merges.pop(name)
            kind.write(layout, curation, place_merges)
        else:
            merges = dict(curation.org_merges)
            key = next((k for k in merges if normalise(k) == normalise(name)), None)
            if key is None:
                raise CurationError.not_merged(name, layout.aliases.name, _close(name, merges))
            target = merges.pop(key)
            name = key
            curation_files.write_merges(layout, merges)
        out = _apply(root)
        out.messages.insert(0, f"{name} is no longer merged into {target}; the records are as before the merge")
        return out


def split(root: Path, event: str, source: str) -> Outcome:
    """Take the report `source` (a source id or file name) out of `event`, an event the automatic merge made."""
    layout = Layout(root)
    with ingest_lock(layout):
        kb, curation = load(root), curation_files.read_curation(layout)
        ev = _event(kb, curation, event)
        sid = _report(kb, ev, source)
        if len(ev.sources) < 2:
            raise UsageError(f"{event} has one report only; there is nothing to split")
        by_hand = _merged_in_by_hand(kb, curation, ev, sid)
        if by_hand:
            raise UsageError(f"{sid} is in {event} because {by_hand} was merged into it by hand",
                             hint=f"take that back with `biohub merge --undo {by_hand}`")
        splits = dict(curation.event_splits)
        splits[event] = tuple(sorted({*splits.get(event, ()), sid}))
        curation_files.write_event_curation(layout, dict(curation.event_merges), splits)
        out = _apply(root)
        after = load(root)
        alone = sorted(e.id for e in after.events.values() if e.sources == [sid] and e.id not in kb.events)
        now = f"; it is event {alone[0]} now" if alone else ""
        out.messages.insert(0, f"took {sid} ({_file(kb, sid)}) out of {event}{now} "
                               f"(recorded in {layout.event_curation.name}; undo with "
                               f"`biohub split --undo {event} {sid}`)")
        return out


def unsplit(root: Path, event: str, source: str) -> Outcome:
    """Put a report taken out of `event` back."""
    layout = Layout(root)
    with ingest_lock(layout):
        kb, curation = load(root), curation_files.read_curation(layout)
        splits = dict(curation.event_splits)
        taken = splits.get(event, ())
        sid = next((s for s in taken if s == source or _file(kb, s) == source), None)
        if sid is None:
            raise CurationError.not_split(event, source, layout.event_curation.name)
        splits[event] = tuple(s for s in taken if s != sid)
        curation_files.write_event_curation(layout, dict(curation.event_merges), splits)
        out = _apply(root)
        out.messages.insert(0, f"{sid} is a report of {event} again; the records are as before the split")
        return out


# -- organisations -------------------------------------------------------------------------------


def _merge_orgs(layout: Layout, kb: KnowledgeBase, curation: AnalystCuration, name: str, into: str) -> Outcome:
    merges = dict(curation.org_merges)
    for key, target in merges.items():
        if normalise(key) == normalise(name):
            raise CurationError.already_merged(key, target, layout.aliases.name)
    joining, target_org = _org(kb, name), _org(kb, into)
    if joining.id == target_org.id:
        raise CurationError.own_name(name, into, target_org.name)
    if _reaches({normalise(k): v for k, v in merges.items()}, target_org.name, joining.name):
        raise CurationError.cycle(joining.name, target_org.name)
    merges[joining.name] = target_org.name
    curation_files.write_merges(layout, merges)
    out = _apply(layout.root)
    shown = joining.name if joining.name == name else f"{joining.name} (as {name})"
    out.messages.insert(0, f"merged {shown} into {target_org.name} (recorded in {layout.aliases.name}; "
                           f"undo with `biohub merge --undo {joining.name}`)")
    after = load(layout.root).orgs.get(target_org.id)
    out.messages += _org_changes(target_org, after, joining)
    return out


def _org(kb: KnowledgeBase, name: str) -> Organization:
    org = kb.org_by_name(name)
    if org is None or org.status != "active":
        raise not_found(f"organisation named {name}", kb.suggest(name, kb.org_names(), limit=3))
    return org


def _reaches(joins: dict[str, str], start: str, goal: str) -> bool:
    """Whether following merges from `start` leads to `goal` (names normalised)."""
    seen, here = set(), normalise(start)
    while here in joins and here not in seen:
        seen.add(here)
        here = normalise(joins[here])
        if here == normalise(goal):
            return True
    return False


def _org_changes(before: Organization, after: Organization | None, joining: Organization) -> list[str]:
    """What the merge changed of the organisation joined into, besides its names and reports."""
    if after is None:
        return [f"{before.name}: no longer found after the merge; run `biohub validate`"]
    out = []
    if after.name != before.name:
        out.append(f"{before.name}: name changed to {after.name}")
    if after.type != before.type:
        out.append(f"{after.name}: type changed from {before.type} to {after.type} (from {joining.name}'s reports)")
    if after.name_en != before.name_en:
        out.append(f"{after.name}: English name {before.name_en or '(none)'} -> {after.name_en or '(none)'} "
                   f"(from {joining.name}'s reports)")
    return out


# -- clusters and programmes --------------------------------------------------------------------


@dataclass(frozen=True)
class _PlaceKind:
    """Clusters or programmes: joined by name in aliases.yaml under a key of their own."""

    word: str  # cluster, programme
    by_name: Callable[[KnowledgeBase, str], Cluster | Programme | None]
    names: Callable[[KnowledgeBase], list[str]]
    merges: Callable[[AnalystCuration], Mapping[str, str]]
    write: Callable[[Layout, AnalystCuration, dict[str, str]], None]


_PLACE_KINDS = (
    _PlaceKind("cluster", places.cluster_by_name, places.cluster_names, lambda c: c.cluster_merges,
               lambda layout, c, m: curation_files.write_merges(layout, dict(c.org_merges), clusters=m)),
    _PlaceKind("programme", places.programme_by_name, places.programme_names, lambda c: c.programme_merges,
               lambda layout, c, m: curation_files.write_merges(layout, dict(c.org_merges), programmes=m)),
)


def _merged_place(curation: AnalystCuration, name: str) -> tuple[_PlaceKind, str] | None:
    """The kind and the written key of `name` when it is a cluster or programme merged already."""
    for kind in _PLACE_KINDS:
        key = next((k for k in kind.merges(curation) if normalise(k) == normalise(name)), None)
        if key is not None:
            return kind, key
    return None


def _is_pair(kind: _PlaceKind, kb: KnowledgeBase, curation: AnalystCuration, name: str, into: str) -> bool:
    """Both names are clusters' (or programmes') and neither an organisation's, or `name` is one merged already."""
    if any(normalise(k) == normalise(name) for k in kind.merges(curation)):
        return True
    return all(kind.by_name(kb, n) is not None and kb.org_by_name(n) is None for n in (name, into))


def _merge_places(kind: _PlaceKind, layout: Layout, kb: KnowledgeBase, curation: AnalystCuration, name: str,
                  into: str) -> Outcome:
    merges = dict(kind.merges(curation))
    for key, joined in merges.items():
        if normalise(key) == normalise(name):
            raise CurationError.already_merged(key, joined, layout.aliases.name)
    joining, target = kind.by_name(kb, name), kind.by_name(kb, into)
    if joining is None or target is None:
        missing = into if target is None else name
        raise not_found(f"{kind.word} named {missing}", kb.suggest(missing, kind.names(kb), limit=3))
    if joining.id == target.id:
        raise CurationError(f"{name} and {into} are one {kind.word} already ({target.name}): nothing to merge",
                            hint=f"`biohub {kind.word} {target.name}` lists its names")
    if _reaches({normalise(k): v for k, v in merges.items()}, target.name, joining.name):
        raise CurationError.cycle(joining.name, target.name)
    merges[joining.name] = target.name
    kind.write(layout, curation, merges)
    out = _apply(layout.root)
    out.messages.insert(0, f"merged {kind.word} {joining.name} into {target.name} (recorded in "
                           f"{layout.aliases.name}; undo with `biohub merge --undo {joining.name}`)")
    return out


# -- events --------------------------------------------------------------------------------------


def _merge_events(layout: Layout, kb: KnowledgeBase, curation: AnalystCuration, name: str, into: str) -> Outcome:
    merges = dict(curation.event_merges)
    if name in merges:
        raise CurationError.already_merged(name, merges[name], layout.event_curation.name)
    _event(kb, curation, name)
    before = _event(kb, curation, into)
    if _reaches(merges, into, name):
        raise CurationError.cycle(name, into)
    merges[name] = into
    curation_files.write_event_curation(layout, merges, dict(curation.event_splits))
    out = _apply(layout.root)
    out.messages.insert(0, f"merged event {name} into {into} (recorded in {layout.event_curation.name}; "
                           f"undo with `biohub merge --undo {name}`)")
    after = load(layout.root).events.get(into)
    out.messages += _event_changes(before, after, name)
    return out


def _event(kb: KnowledgeBase, curation: AnalystCuration, eid: str) -> Event:
    ev = kb.events.get(eid)
    if ev is not None and ev.status == "merged" and eid in curation.event_merges:
        raise CurationError.target_merged(eid, curation.event_merges[eid])
    if ev is None or ev.status != "active":
        active = [e.id for e in kb.events.values() if e.status == "active"]
        raise not_found(f"event with id {eid!r}", kb.suggest(eid, active, limit=3))
    return ev


def _report(kb: KnowledgeBase, ev: Event, source: str) -> str:
    for sid in ev.sources:
        src = kb.sources.get(sid)
        if source == sid or (src is not None and source in (src.file_name, src.path)):
            return sid
    reports = ", ".join(f"{sid} ({_file(kb, sid)})" for sid in ev.sources)
    raise NotFoundError(f"{source} is not a report of {ev.id}; its reports: {reports}")


def _file(kb: KnowledgeBase, sid: str) -> str:
    src = kb.sources.get(sid)
    return src.file_name if src else sid


def _merged_in_by_hand(kb: KnowledgeBase, curation: AnalystCuration, ev: Event, sid: str) -> str | None:
    """The event merged by hand into `ev` that brought the report `sid`, if any."""
    for name in sorted(curation.event_merges):
        if _root(curation.event_merges, name) != ev.id:
            continue
        joined = kb.events.get(name)
        if joined is not None and sid in joined.sources:
            return name
    return None


def _root(merges: Mapping[str, str], name: str) -> str:
    """The event a chain of merges ends at."""
    seen = {name}
    while name in merges and merges[name] not in seen:
        name = merges[name]
        seen.add(name)
    return name


def _event_changes(before: Event, after: Event | None, name: str) -> list[str]:
    if after is None:
        return [f"{before.id}: no longer found after the merge; run `biohub validate`"]
    out = []
    for label, old, new in (("title", before.title, after.title), ("type", before.type, after.type),
                            ("date", before.date.iso(), after.date.iso())):
        if old != new:
            out.append(f"{before.id}: {label} {old} -> {new} (from {name}'s reports)")
    return out


# -- shared --------------------------------------------------------------------------------------


def _close(name: str, candidates: Iterable[str]) -> list[str]:
    from rapidfuzz import fuzz, process

    found = process.extract(name, sorted(set(candidates)), scorer=fuzz.WRatio, limit=3, score_cutoff=50)
    return [c for c, _, _ in found]


def _apply(root: Path) -> Outcome:
    """Resolve the knowledge base again from its sources (no file is read or re-extracted)."""
    from biohub_cli.ingest.pipeline import ingest

    report = ingest(root, [])
    return Outcome(warnings=[*report.conflicts, *report.record_errors])
