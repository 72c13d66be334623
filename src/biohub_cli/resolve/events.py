"""One event per real-world event: a release and its reprints become one record."""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from biohub_cli.models import Event, EventMention, PartialDate, Participant, Source
from biohub_cli.names import normalise
from biohub_cli.resolve.ids import event_id
from biohub_cli.resolve.orgs import OrgIndex

TITLE_SIMILARITY = 72  # rapidfuzz token_set_ratio on normalised titles
MAX_EVIDENCE = 8


@dataclass(frozen=True)
class Candidate:
    source: str
    index: int
    mention: EventMention
    orgs: frozenset[str]
    title: str = ""  # the mention's title, normalised (set by resolve_events; compared for every pair)
    ymd: tuple[int | None, int | None, int | None] = (None, None, None)  # the mention's date, likewise

    def key(self) -> tuple[str, int]:
        return (self.source, self.index)


def dates_compatible(a: PartialDate, b: PartialDate) -> bool:
    """No known part disagrees; at least month or day agree when both are present."""
    for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day)):
        if x is not None and y is not None and x != y:
            return False
    return True


def _most_precise(dates: Sequence[PartialDate]) -> PartialDate:
    return sorted(dates, key=lambda d: (not d.year_certain, -sum(p is not None for p in (d.year, d.month, d.day)),
                                        d.iso()))[0]


def why_same(a: Candidate, b: Candidate) -> str | None:
    """The reason two mentions are one event, or None when they are not."""
    if a.source == b.source:
        return None  # one document never reports the same event twice as separate mentions
    ma, mb = a.mention, b.mention
    if not dates_compatible(ma.date, mb.date):
        return None
    exact_day = ma.date.day is not None and ma.date.day == mb.date.day and ma.date.month == mb.date.month
    if not exact_day and (ma.main and mb.main):
        return None
    if ma.type != mb.type and "other" not in (ma.type, mb.type):
        return None
    if ma.ordinal is not None and mb.ordinal is not None and ma.ordinal != mb.ordinal:
        return None
    title = fuzz.token_set_ratio(a.title or normalise(ma.title), b.title or normalise(mb.title))
    shared = a.orgs & b.orgs
    overlap = len(shared) / max(1, min(len(a.orgs), len(b.orgs))) if a.orgs and b.orgs else 0.0
    if title >= TITLE_SIMILARITY:
        return f"same {'day' if exact_day else 'period'}, similar titles ({title:.0f}%)"
    if exact_day and overlap >= 0.5 and ma.type == mb.type:
        return f"same day and type, {len(shared)} shared participants"
    return None


def resolve_events(sources: Sequence[Source], orgs: OrgIndex, people_ids: dict[str, str]) -> dict[str, Event]:
    out: dict[str, Event] = {}
    for cl, rs in event_clusters(sources, orgs):
        ev = build_event(cl, rs, orgs, people_ids)
        out[ev.id] = ev
    return out


Cluster = tuple[list[Candidate], list[str]]  # the reports of one event, and why each joined


def event_clusters(sources: Sequence[Source], orgs: OrgIndex) -> list[Cluster]:
    """The automatic merge: the event mentions of every source grouped into one cluster per event."""
    cands = []
    for src in sorted(sources, key=lambda s: s.id):
        for i, m in enumerate(src.extraction.events):
            ids = frozenset(o for o in (orgs.id_of(p.organization) for p in m.participants) if o)
            cands.append(Candidate(src.id, i, m, ids, normalise(m.title), (m.date.year, m.date.month, m.date.day)))
    cands.sort(key=lambda c: (c.mention.date.iso(), c.mention.title, c.key()))
    clusters: list[list[Candidate]] = []
    reasons: list[list[str]] = []
    in_cluster: list[set[str]] = []  # the sources each cluster already has
    by_period: dict[Period, list[int]] = {}  # (year, month) → the clusters with a member of that period, in order
    for c in cands:
        y, mo, d = c.ymd
        for i in _clusters_to_try(c, by_period, len(clusters)):
            cl = clusters[i]
            if c.source in in_cluster[i]:
                continue
            r = next((why for x in cl if x.source != c.source and _ymd_fits(x.ymd, y, mo, d)
                      and (why := why_same(x, c))), None)
            if r:
                cl.append(c)
                reasons[i].append(f"{c.source}: {r}")
                in_cluster[i].add(c.source)
                _file_period(by_period, c.ymd, i)
                break
        else:
            clusters.append([c])
            reasons.append([])
            in_cluster.append({c.source})
            _file_period(by_period, c.ymd, len(clusters) - 1)
    return list(zip(clusters, reasons, strict=True))


def _ymd_fits(ymd: tuple[int | None, int | None, int | None], y: int | None, mo: int | None, d: int | None) -> bool:
    """dates_compatible on (year, month, day) tuples: why_same's first test, without building the pair."""
    a, b, c = ymd
    return (a is None or y is None or a == y) and (b is None or mo is None or b == mo) \
        and (c is None or d is None or c == d)


Period = tuple[int | None, int | None]  # a mention's (year, month), either unknown


def _clusters_to_try(c: Candidate, by_period: dict[Period, list[int]], count: int) -> Iterator[int]:
    """The clusters, in creation order, that may take `c`: only those with a member whose year and
    month each are unknown or `c`'s (any other member's date disagrees with it: see `_ymd_fits`)."""
    year, month = c.ymd[0], c.ymd[1]
    if year is None and month is None:
        yield from range(count)
        return
    lists = [held for (y, mo), held in by_period.items()
             if (y is None or year is None or y == year) and (mo is None or month is None or mo == month)]
    last = -1
    for i in heapq.merge(*lists):
        if i != last:
            yield i
            last = i


def _file_period(by_period: dict[Period, list[int]], ymd: tuple[int | None, int | None, int | None],
                 cluster: int) -> None:
    held = by_period.setdefault((ymd[0], ymd[1]), [])
    at = bisect.bisect_left(held, cluster)
    if at == len(held) or held[at] != cluster:
        held.insert(at, cluster)


def build_event(cl: list[Candidate], reasons: list[str], orgs: OrgIndex, people_ids: dict[str, str]) -> Event:
    """The event record of one cluster of reports."""
    rep = sorted(cl, key=lambda c: (not c.mention.main, -_precision(c.mention.date), c.mention.title, c.key()))[0]
    m = rep.mention
    date = _most_precise([c.mention.date for c in cl])
    ends = [c.mention.end_date for c in cl if c.mention.end_date is not None]
    roles: dict[str, str] = {}
    for c in cl:
        for p in c.mention.participants:
            oid = orgs.id_of(p.organization)
            if oid and (oid not in roles or roles[oid] == "attendee"):
                roles[oid] = p.role
    persons = sorted({pid for c in cl for n in c.mention.people if (pid := people_ids.get(normalise(n)))})
    attendees = max((c.mention.attendees for c in cl if c.mention.attendees is not None), default=None)
    venue = next((c.mention.venue for c in sorted(cl, key=lambda c: c.key()) if c.mention.venue), None)
    evidence = sorted({e.sort_key(): e for c in cl for e in c.mention.evidence}.values(), key=lambda e: e.sort_key())
    eid = event_id(date.iso(), m.type, m.title)
    return Event(
        id=eid, date=date, end_date=_most_precise(ends) if ends else None, type=m.type, title=m.title,
        venue=venue, ordinal=m.ordinal, main=any(c.mention.main for c in cl),
        participants=[Participant(organization=o, role=r) for o, r in sorted(roles.items())],  # type: ignore[arg-type]
        people=persons, attendees=attendees, sources=sorted({c.source for c in cl}),
        merged_because=sorted(reasons), evidence=evidence[:MAX_EVIDENCE])


def _precision(d: PartialDate) -> int:
    return sum(p is not None for p in (d.year, d.month, d.day)) + (1 if d.year_certain else 0)
