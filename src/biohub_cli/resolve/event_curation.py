"""The analyst's event merges and splits (events.yaml), applied after the automatic merge.

A split takes one report (a source's mention) out of an event the automatic merge made: the event
keeps its id, and with it the analyst's edits; the report becomes an event of its own. A merge joins
one event into another: the reports of both make one event, under the id of the one joined into.
Splits are applied first, to the automatic events, then merges. Entries that name an event no
longer made (a changed extraction, a file removed) are not applied and are reported.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from biohub_cli.models import Event, Source
from biohub_cli.resolve.events import Candidate, build_event, event_clusters, own_id
from biohub_cli.resolve.ids import split_event_id
from biohub_cli.resolve.orgs import OrgIndex

MERGED_BY_HAND = "merged by hand (events.yaml)"


@dataclass
class _Group:
    """The reports of one event; the event keeps the id it is filed under whatever its reports make it."""

    members: list[Candidate]
    reasons: list[str]
    joined: list[Candidate] = field(default_factory=list)  # reports of events merged into it by hand
    built: Event | None = None  # the automatic merge's event, while the analyst changed nothing of it


@dataclass
class CuratedEvents:
    events: dict[str, Event]
    merged_away: set[str] = field(default_factory=set)  # ids of events joined into another
    notes: list[str] = field(default_factory=list)  # curation entries that could not be applied


def curate_events(sources: Sequence[Source], orgs: OrgIndex, people_ids: dict[str, str],
                  merges: Mapping[str, str], splits: Mapping[str, Sequence[str]]) -> CuratedEvents:
    """The events of the automatic merge with the analyst's splits, then merges, applied."""
    groups: dict[str, _Group] = {}
    for members, reasons in event_clusters(sources, orgs):
        ev = own_id(build_event(members, reasons, orgs, people_ids), groups)
        groups[ev.id] = _Group(members, reasons, built=ev)
    out = CuratedEvents(events={})
    for eid, sids in sorted(splits.items()):
        _split(groups, eid, sids, orgs, people_ids, out.notes)
    for name in sorted(merges):
        _merge(groups, name, merges, out)
    for gid, g in groups.items():
        out.events[gid] = _build(gid, g, orgs, people_ids)
    return out


def _build(gid: str, g: _Group, orgs: OrgIndex, people_ids: dict[str, str]) -> Event:
    """The event of a group under its id; one that others were merged into keeps its own date, type,
    title, venue and ordinal, and gains their reports, participants, people and attendees."""
    if g.built is not None:
        return g.built
    ev = build_event(g.members, g.reasons, orgs, people_ids)
    if g.joined:
        whole = build_event(g.members + g.joined, g.reasons, orgs, people_ids)
        ev = whole.model_copy(update={k: getattr(ev, k) for k in _OWN})
    return ev if ev.id == gid else ev.model_copy(update={"id": gid})


_OWN = ("date", "end_date", "type", "title", "venue", "ordinal")


def _split(groups: dict[str, _Group], eid: str, sids: Sequence[str], orgs: OrgIndex,
           people_ids: dict[str, str], notes: list[str]) -> None:
    group = groups.get(eid)
    if group is None:
        notes.append(f"events.yaml: split of {eid} not applied: no such event any more")
        return
    reports = {c.source for c in group.members}
    for sid in sorted(set(sids)):
        if sid not in reports:
            notes.append(f"events.yaml: split of {sid} out of {eid} not applied: it is not one of its reports")
            continue
        if len(reports) == 1:
            notes.append(f"events.yaml: split of {sid} out of {eid} not applied: it is its only report")
            continue
        taken = [c for c in group.members if c.source == sid]
        group.members = [c for c in group.members if c.source != sid]
        group.reasons = [r for r in group.reasons if not r.startswith(f"{sid}: ")]
        group.built = None
        reports.discard(sid)
        alone = build_event(taken, [], orgs, people_ids)
        new_id = alone.id if alone.id not in groups else split_event_id(alone.date.iso(), alone.type, alone.title, sid)
        groups[new_id] = _Group(taken, [], built=alone if new_id == alone.id else None)


def _merge(groups: dict[str, _Group], name: str, merges: Mapping[str, str], out: CuratedEvents) -> None:
    target, seen = merges[name], {name}
    while target in merges and target not in seen:
        seen.add(target)
        target = merges[target]
    if target in seen:
        out.notes.append(f"events.yaml: merge of {name} not applied: its merges make a cycle")
        return
    for eid in (name, target):
        if eid not in groups:
            out.notes.append(f"events.yaml: merge of {name} into {merges[name]} not applied: no event {eid} any more")
            return
    joining = groups.pop(name)
    into = groups[target]
    into.joined = into.joined + joining.members + joining.joined
    into.reasons = into.reasons + joining.reasons + [f"{name}: {MERGED_BY_HAND}"]
    into.built = None
    out.merged_away.add(name)
