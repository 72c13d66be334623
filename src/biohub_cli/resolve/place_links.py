"""Which clusters an event happens in and which programmes it concerns, each with its reason and evidence.

An event happens in a cluster when its venue names the cluster or a site in it (송도컨벤시아 -> 송도),
when its title or a sentence reporting it (its evidence: the lead) names one, or when a host or
signatory is at home there (인천경제자유구역청 -> 송도). It concerns a programme its title, its evidence
sentences or (a main event) the headline and lead name; what it is to the programme (selection,
agreement, groundbreaking, opening …) comes from its type and title. An amount whose sentence names
a programme is that programme's money.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from biohub_cli.extract.place_names import PlaceNames
from biohub_cli.models import ClusterLink, Event, Organization, ProgrammeLink, Source
from biohub_cli.models.evidence import Evidence
from biohub_cli.models.facts import Amount
from biohub_cli.models.vocab import Milestone, PlaceBasis
from biohub_cli.names import normalise

_HOME_ROLES = frozenset({"host", "signatory", "organizer"})
# what the title says the event is to a programme, first match wins
_MILESTONE_WORDS: tuple[tuple[str, Milestone], ...] = (
    (r"착공|기공", "groundbreaking"), (r"개소|개원|개관|준공|문\s?(?:을\s?)?열", "opening"),
    (r"선정|최종\s?확정", "selection"), (r"지정", "designation"), (r"협약|MOU|업무\s?협력|양해각서", "agreement"),
    (r"출범|발족|공식\s?화", "launch"), (r"계획|전략|로드맵|방안|추진\s?방향", "plan"),
    (r"국비|예산|투자|지원금|억\s?원", "funding"), (r"회의|위원회|간담회|포럼|토론회", "meeting"))
_MILESTONES = tuple((re.compile(p), m) for p, m in _MILESTONE_WORDS)
_BY_TYPE: dict[str, Milestone] = {"agreement": "agreement", "designation": "designation", "launch": "launch",
                                  "funding": "funding", "meeting": "meeting"}


@dataclass
class Linked:
    events: dict[str, Event] = field(default_factory=dict)
    cluster_names: set[str] = field(default_factory=set)
    programme_names: set[str] = field(default_factory=set)
    amounts: dict[str, list[Amount]] = field(default_factory=dict)  # programme id -> its money


def link_events(sources: Sequence[Source], events: Mapping[str, Event], orgs: Mapping[str, Organization],
                names: PlaceNames, canonical: Callable[[str], str], cluster_id: Callable[[str], str],
                programme_id: Callable[[str], str]) -> Linked:
    out = Linked()
    by_id = {s.id: s for s in sources}
    for eid, ev in sorted(events.items()):
        clusters: dict[str, ClusterLink] = {}
        programmes: dict[str, ProgrammeLink] = {}
        first = ev.evidence[0] if ev.evidence else None

        def add_cluster(name: str, basis: PlaceBasis, evidence: Evidence | None,
                        clusters: dict[str, ClusterLink] = clusters) -> None:
            name = canonical(name)
            cid = cluster_id(name)
            if cid not in clusters:
                clusters[cid] = ClusterLink(cluster=cid, basis=basis, evidence=evidence)
                out.cluster_names.add(name)

        def add_programme(name: str, evidence: Evidence | None,
                          programmes: dict[str, ProgrammeLink] = programmes, ev: Event = ev) -> None:
            pid = programme_id(name)
            if pid not in programmes:
                programmes[pid] = ProgrammeLink(programme=pid, milestone=milestone(ev), evidence=evidence)
                out.programme_names.add(name)

        if ev.venue:
            for hit in names.find_clusters(ev.venue):
                add_cluster(hit.name, "venue", _venue_evidence(ev, by_id) or first)
        for hit in names.find_clusters(ev.title):
            add_cluster(hit.name, "title", first)
        for hit in names.find_programmes(ev.title):
            add_programme(hit.name, first)
        for sid in ev.sources if ev.main else ():
            src = by_id.get(sid)
            if src is None:
                continue
            head = _headline_and_lead(src)
            for cm in src.extraction.clusters:
                if cm.evidence.end <= head:
                    add_cluster(cm.name, "lead", cm.evidence)
            for pm in src.extraction.programmes:
                if pm.evidence.end <= head:
                    add_programme(pm.name, pm.evidence)
        for evid in ev.evidence:
            src = by_id.get(evid.source)
            if src is None:
                continue
            for cm in src.extraction.clusters:
                if _inside(cm.evidence, evid):
                    add_cluster(cm.name, "lead", cm.evidence)
            for pm in src.extraction.programmes:
                if _inside(pm.evidence, evid):
                    add_programme(pm.name, pm.evidence)
        for p in ev.participants:
            org = orgs.get(p.organization)
            if org is None or p.role not in _HOME_ROLES:
                continue
            home = next((names.homes[k] for n in (org.name, *org.aliases) if (k := normalise(n)) in names.homes), None)
            if home is not None:
                add_cluster(home, "host", _org_evidence(org, ev) or first)
        out.events[eid] = ev.model_copy(update={"clusters": [clusters[k] for k in sorted(clusters)],
                                                "programmes": [programmes[k] for k in sorted(programmes)]})
    for src in sorted(sources, key=lambda s: s.id):
        _attach_money(src, programme_id, out)
    return out


def milestone(ev: Event) -> Milestone | None:
    """What the event is to a programme it concerns: from its title, else from its type."""
    for pattern, m in _MILESTONES:
        if pattern.search(ev.title):
            return m
    return _BY_TYPE.get(ev.type)


_SENTENCE_END = re.compile(r"(?:다|요|음|함)\.(?=\s|$)|\n\s*\n")


LEAD_SENTENCES = 2  # the lead of a Korean news story: its first two sentences


def _headline_and_lead(src: Source) -> int:
    """Where the document's headline and the lead of its story end: a main event happens in the places
    they name (the headline: 대구 신서·충북 오송 두 곳 선정)."""
    body = src.segments[0].end if src.segments else len(src.text)
    start = 0
    if src.title:
        at = src.text.find(src.title, 0, body)
        start = at + len(src.title) if at >= 0 else 0
    end = start
    for _ in range(LEAD_SENTENCES):
        m = _SENTENCE_END.search(src.text, end, body)
        if m is None:
            return max(end, min(body, start + 300))
        end = m.end()
    return end


def _inside(ev: Evidence, sentence: Evidence) -> bool:
    return ev.source == sentence.source and sentence.start <= ev.start and ev.end <= max(
        sentence.end, sentence.start + len(sentence.sentence))


def _venue_evidence(ev: Event, sources: Mapping[str, Source]) -> Evidence | None:
    """The mention of a cluster or site inside the venue as written in a report, when one is."""
    for evid in ev.evidence:
        src = sources.get(evid.source)
        if src is None or not ev.venue:
            continue
        for cm in src.extraction.clusters:
            if cm.surface and cm.surface in ev.venue:
                return cm.evidence
    return None


def _org_evidence(org: Organization, ev: Event) -> Evidence | None:
    sources = set(ev.sources)
    return next((e for e in org.evidence if e.source in sources), None)


def _attach_money(src: Source, programme_id: Callable[[str], str], out: Linked) -> None:
    """Each amount whose sentence names exactly one programme goes to that programme."""
    for amount in src.extraction.amounts:
        a_ev = amount.evidence
        if a_ev is None:
            continue
        named = sorted({pm.name for pm in src.extraction.programmes
                        if pm.evidence.source == a_ev.source and pm.evidence.sentence == a_ev.sentence})
        if len(named) == 1:
            out.amounts.setdefault(programme_id(named[0]), []).append(amount)
