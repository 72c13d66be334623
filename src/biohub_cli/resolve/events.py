"""One event per real-world event: a release and its reprints become one record.

Reports of one happening agree on its day (a report that gives only the day, `---12`, agrees with one
that gives the full date) and its type, and share what it is about: the title without its event words
(`K-바이오 스퀘어 부지 매매` in `… 부지 매매 협약 체결`) or the bodies taking part. Different happenings
stay apart even on one day: two companies' groundbreakings (each led by another company), two editions of
a series (`… 2019` and `… 2025`), two numbered meetings. A report joins a record only when it agrees with
every report already in it; the record keeps why (`merged_because`) and which report fixed its year.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from biohub_cli.extract.events.words import core_of, kind_of, pairs
from biohub_cli.models import Event, EventMention, PartialDate, Participant, Source
from biohub_cli.models.vocab import EventType
from biohub_cli.names import normalise
from biohub_cli.resolve.ids import event_id, split_event_id
from biohub_cli.resolve.orgs import OrgIndex

SAME_ABOUT = 0.5      # share of the shorter core's character pairs the other core holds
SOME_ABOUT = 0.25     # the least two reports share when their full date, or one common body, makes them one
MAX_EVIDENCE = 8
_PRINCIPAL = frozenset({"host", "signatory"})
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# types one happening may be given by different reports: a selection reported as the money it brings, a
# ceremony as the centre it opens, and `other` (works begun, a visit) as anything
_KIN: frozenset[frozenset[EventType]] = frozenset({frozenset({"designation", "funding"}),
                                                   frozenset({"event", "launch"})})


@dataclass(frozen=True)
class Candidate:
    source: str
    index: int
    mention: EventMention
    orgs: frozenset[str]
    title: str = ""  # the mention's title, normalised (set by `candidate`; compared for every pair)
    ymd: tuple[int | None, int | None, int | None] = (None, None, None)  # the mention's date, likewise
    principals: frozenset[str] = frozenset()  # org ids of its hosts and signatories
    companies: frozenset[str] = frozenset()   # org ids of the companies taking part
    core: frozenset[str] = frozenset()        # character pairs of what it is about (title without event words)
    years: frozenset[str] = frozenset()       # years written in its title (`BIO KOREA 2025`)
    kind: str | None = None                   # groundbreaking, topping_out, memorandum, contract, …

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


def _types_fit(a: EventType, b: EventType) -> bool:
    return a == b or "other" in (a, b) or frozenset({a, b}) in _KIN


def apart(a: Candidate, b: Candidate) -> bool:
    """Two mentions that cannot be one happening, whatever else they share."""
    ma, mb = a.mention, b.mention
    if a.source == b.source or not dates_compatible(ma.date, mb.date) or not _types_fit(ma.type, mb.type):
        return True
    if ma.ordinal is not None and mb.ordinal is not None and ma.ordinal != mb.ordinal:
        return True  # 제2차 and 제3차 meetings
    if a.years and b.years and not a.years & b.years:
        return True  # BIO KOREA 2019 and BIO KOREA 2025
    if a.kind and b.kind and a.kind != b.kind:
        return True  # a memorandum and the sale contract that followed it; a groundbreaking and a topping-out
    if ma.type == mb.type == "agreement" and a.principals and b.principals and not a.principals & b.principals:
        return True  # an agreement is its parties: two signings of one day with no party in common
    # each led by another company: two companies' groundbreakings in one place on one day
    return bool(a.companies and b.companies and not a.companies & b.companies
                and (a.principals & a.companies) and (b.principals & b.companies))


def why_same(a: Candidate, b: Candidate) -> str | None:
    """The reason two mentions are one event, or None when they are not."""
    if apart(a, b):
        return None
    ma, mb = a.mention, b.mention
    if ma.main and mb.main and a.ymd == b.ymd == (None, None, None) and a.title == b.title \
            and (a.orgs & b.orgs or _same_sentence(ma, mb)):
        return "no date in either report, the same title and participants or sentence"  # one wire story, two outlets
    same_day = ma.date.day is not None and ma.date.day == mb.date.day
    if not same_day:
        if ma.main and mb.main:
            return None  # two reports of a happening agree on its day
        if ma.date.month is None or mb.date.month is None:
            return None  # a year alone, or no date at all, says too little
        if any(m.main and not m.date.year_certain for m in (ma, mb)):
            return None  # a month mentioned in passing lends no year to a report that gives none
    when = "same day" if same_day else "same period"
    about = _about(a.core, b.core)
    if about >= SAME_ABOUT and (ma.type == mb.type or same_day):
        return f"{when}, similar titles ({about:.0%} alike without their event words)"
    full = ma.date.year_certain and mb.date.year_certain and ma.date.precision == mb.date.precision == "day"
    hosts_differ = bool(a.principals and b.principals and not a.principals & b.principals)
    if same_day and full and ma.type == mb.type and about >= SOME_ABOUT and not hosts_differ:
        return f"same date and type, related titles ({about:.0%} alike without their event words)"
    shared = a.orgs & b.orgs
    if (ma.date.month is None or mb.date.month is None) and about < SOME_ABOUT and len(shared) < 2:
        return None  # a day of an unknown month: one body alone does not make it the same happening
    overlap = len(shared) / max(1, min(len(a.orgs), len(b.orgs))) if a.orgs and b.orgs else 0.0
    if same_day and ma.type == mb.type and overlap >= 0.5:
        return f"same day and type, {len(shared)} shared participants"
    if same_day and ma.main and mb.main and ma.type == mb.type and (a.principals & b.principals):
        return f"same day and type, same {'signatory' if ma.type == 'agreement' else 'host'}"
    return None


def _same_sentence(a: EventMention, b: EventMention) -> bool:
    return bool(a.evidence and b.evidence and a.evidence[0].sentence == b.evidence[0].sentence)


def _about(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def candidate(src: Source, index: int, m: EventMention, orgs: OrgIndex) -> Candidate:
    ids = {p.organization: orgs.id_of(p.organization) for p in m.participants}
    all_ids = frozenset(o for o in ids.values() if o)
    principals = frozenset(o for p in m.participants if p.role in _PRINCIPAL and (o := ids[p.organization]))
    companies = frozenset(o for o in all_ids if o in orgs.records and orgs.records[o].type == "company")
    return Candidate(src.id, index, m, all_ids, normalise(m.title), (m.date.year, m.date.month, m.date.day),
                     principals=principals, companies=companies, core=pairs(core_of(m.title)),
                     years=frozenset(_YEAR.findall(m.title)), kind=kind_of(m.title))


def own_id(ev: Event, taken: Mapping[str, object]) -> Event:
    """Two happenings told apart that share date, type and title (two towns' `국비 80억 원 확보`, both
    undated) would share an id: the later one (in the merge's stable order) takes the id of its first report."""
    if ev.id not in taken:
        return ev
    return ev.model_copy(update={"id": split_event_id(ev.date.iso(), ev.type, ev.title, ev.sources[0])})


Cluster = tuple[list[Candidate], list[str]]  # the reports of one event, and why each joined


def event_clusters(sources: Sequence[Source], orgs: OrgIndex) -> list[Cluster]:
    """The automatic merge: the event mentions of every source grouped into one cluster per event."""
    cands = [candidate(src, i, m, orgs) for src in sorted(sources, key=lambda s: s.id)
             for i, m in enumerate(src.extraction.events)]
    # main mentions and full dates first: a report that gives only the day joins the record it agrees with
    cands.sort(key=lambda c: (not c.mention.main, -_precision(c.mention.date), c.mention.date.iso(),
                              c.mention.title, c.key()))
    clusters: list[list[Candidate]] = []
    reasons: list[list[str]] = []
    in_cluster: list[set[str]] = []  # the sources each cluster already has
    by_period: dict[Period, list[int]] = {}  # (year, month) → the clusters with a member of that period, in order
    for c in cands:
        y, mo, d = c.ymd
        for i in _clusters_to_try(c, by_period, len(clusters)):
            cl = clusters[i]
            if c.source in in_cluster[i] or any(apart(x, c) for x in cl):
                continue
            r = next((why for x in cl if _ymd_fits(x.ymd, y, mo, d) and (why := why_same(x, c))), None)
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


def build_event(cl: list[Candidate], reasons: list[str], orgs: OrgIndex, people_ids: Mapping[str, str]) -> Event:
    """The event record of one cluster of reports."""
    # a main report, of a type other than `other` (works, a visit: the weakest reading), most precisely dated
    rep = sorted(cl, key=lambda c: (not c.mention.main, c.mention.type == "other", -_precision(c.mention.date),
                                    -len(c.core), c.mention.title, c.key()))[0]
    m = rep.mention
    dated = sorted(cl, key=lambda c: (not c.mention.date.year_certain, -_precision(c.mention.date),
                                      c.mention.date.iso(), c.key()))
    date = _most_precise([c.mention.date for c in cl])
    year_from = dated[0].source if len(cl) > 1 and date.year_certain else None
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
        id=eid, date=date, year_from=year_from, end_date=_most_precise(ends) if ends else None, type=m.type,
        title=m.title, venue=venue, ordinal=m.ordinal, main=any(c.mention.main for c in cl),
        participants=[Participant(organization=o, role=r) for o, r in sorted(roles.items())],  # type: ignore[arg-type]
        people=persons, attendees=attendees, sources=sorted({c.source for c in cl}),
        merged_because=sorted(reasons), evidence=evidence[:MAX_EVIDENCE])


def _precision(d: PartialDate) -> int:
    return sum(p is not None for p in (d.year, d.month, d.day)) + (1 if d.year_certain else 0)
