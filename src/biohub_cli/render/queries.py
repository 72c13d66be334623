"""An index over a loaded KnowledgeBase for rendering: every per-record lookup answered from maps
built once (the site asks them for every organisation and person), plus the joins the profile
pages need beyond KnowledgeBase's own queries (quotes, amounts, co-participants).

The answers are those of KnowledgeBase.events_of_org, sources_mentioning_org, people_of_org and
partners_of_org, without rejected records, and in the same order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cached_property, lru_cache
from typing import Any

from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.models import Amount, Event, Organization, Person, Quote, Source
from biohub_cli.names import normalise


class Index:
    """Read-only lookups of one KnowledgeBase (build a new Index when the records change).

    The maps are built on first use: a terminal table of a few events never walks every source.
    `memo` holds what views compute once per event and reuse on every page (see views.event_row).
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.orgs = kb.orgs
        self.people = kb.people
        self.memo: dict[object, Any] = {}

    @cached_property
    def sources(self) -> dict[str, Source]:
        return self.kb.sources

    @cached_property
    def events(self) -> list[Event]:
        return self.kb.active_events()

    @cached_property
    def active_orgs(self) -> list[Organization]:
        return self.kb.active_orgs()

    @cached_property
    def active_people(self) -> list[Person]:
        return self.kb.active_people()

    @cached_property
    def _event_maps(self) -> tuple[dict[str, list[Event]], dict[str, list[Event]]]:
        by_org: defaultdict[str, list[Event]] = defaultdict(list)
        by_person: defaultdict[str, list[Event]] = defaultdict(list)
        for ev in self.events:
            for oid in dict.fromkeys(p.organization for p in ev.participants):
                by_org[oid].append(ev)
            for pid in dict.fromkeys(ev.people):
                by_person[pid].append(ev)
        return dict(by_org), dict(by_person)

    @cached_property
    def _source_maps(self) -> tuple[dict[str, list[Source]], dict[str, list[Source]]]:
        src_org: defaultdict[str, list[Source]] = defaultdict(list)
        src_person: defaultdict[str, list[Source]] = defaultdict(list)
        for _, src in sorted(self.kb.sources.items()):
            for oid in dict.fromkeys(src.mentions.organizations):
                src_org[oid].append(src)
            for pid in dict.fromkeys(src.mentions.people):
                src_person[pid].append(src)
        return dict(src_org), dict(src_person)

    @cached_property
    def _people_of(self) -> dict[str, list[Person]]:
        people_of: defaultdict[str, list[Person]] = defaultdict(list)
        for person in self.active_people:
            for oid in dict.fromkeys(r.organization for r in person.roles if r.organization):
                people_of[oid].append(person)
        return dict(people_of)

    # -- the KnowledgeBase queries, answered from the maps ---------------------------------------

    def person_by_name(self, name: str) -> Person | None:
        return self.kb.person_by_name(name)

    def events_of_org(self, org_id: str) -> list[Event]:
        return self._event_maps[0].get(org_id, [])

    def events_of_person(self, person_id: str) -> list[Event]:
        return self._event_maps[1].get(person_id, [])

    def sources_mentioning_org(self, org_id: str) -> list[Source]:
        return self._source_maps[0].get(org_id, [])

    def sources_mentioning_person(self, person_id: str) -> list[Source]:
        return self._source_maps[1].get(person_id, [])

    def people_of_org(self, org_id: str) -> list[Person]:
        return self._people_of.get(org_id, [])

    # -- co-participation ------------------------------------------------------------------------

    def partners_of_org(self, org: Organization) -> list[tuple[Organization, int]]:
        """Active organisations in the same events, most frequent first, then by name."""
        counts: Counter[str] = Counter()
        for ev in self.events_of_org(org.id):
            counts.update({p.organization for p in ev.participants} - {org.id})
        return self._ranked_orgs(counts)

    def orgs_of_person(self, person: Person) -> list[tuple[Organization, int]]:
        """Active organisations in the person's events, most frequent first."""
        counts: Counter[str] = Counter()
        for ev in self.events_of_person(person.id):
            counts.update({p.organization for p in ev.participants})
        return self._ranked_orgs(counts)

    def partners_of_person(self, person: Person) -> list[tuple[Person, int]]:
        """Other active people in the person's events, most frequent first."""
        counts: Counter[str] = Counter()
        for ev in self.events_of_person(person.id):
            counts.update(set(ev.people) - {person.id})
        found = [(self.people[i], n) for i, n in counts.items()
                 if i in self.people and self.people[i].status == "active"]
        return sorted(found, key=lambda pair: (-pair[1], pair[0].name, pair[0].id))

    def _ranked_orgs(self, counts: Counter[str]) -> list[tuple[Organization, int]]:
        found = [(self.orgs[i], n) for i, n in counts.items()
                 if i in self.orgs and self.orgs[i].status == "active"]
        return sorted(found, key=lambda pair: (-pair[1], pair[0].name, pair[0].id))

    # -- quotes and amounts ----------------------------------------------------------------------

    def quotes_of_person(self, person: Person) -> list[Quote]:
        """Quotes attributed to a person in events and in the documents that mention them (computed
        once per person: a person's page and the page of each organisation they work at ask)."""
        key = ("quotes-of", person.id)
        held = self.memo.get(key)
        if held is None or held[0] is not person:
            found = [q for ev in self.events_of_person(person.id) for q in ev.quotes]
            found += [q for src in self.sources_mentioning_person(person.id) for q in src.extraction.quotes]
            names = _names_of(person)
            held = self.memo[key] = (person, _unique_quotes(q for q in found if _speaks_as(q, person.id, names)))
        return list(held[1])

    def quotes_of_org(self, org: Organization) -> list[Quote]:
        """Quotes of the people who hold a title at this organisation."""
        people = self.people_of_org(org.id)
        return _unique_quotes(q for person in people for q in self.quotes_of_person(person))

    def amounts_of_org(self, org: Organization) -> list[tuple[Amount, Event | None]]:
        """Amounts of the organisation's events, and amounts whose sentence names the organisation."""
        names = {normalise(n) for n in (org.name, org.name_en or "", *org.aliases) if len(normalise(n)) > 1}
        found: list[tuple[Amount, Event | None]] = [
            (a, ev) for ev in self.events_of_org(org.id) for a in ev.amounts]
        for src in self.sources_mentioning_org(org.id):
            for a in src.extraction.amounts:
                sentence = normalise(a.evidence.sentence) if a.evidence else ""
                if any(n in sentence for n in names):
                    found.append((a, None))
        return _unique_amounts(found)

    # -- counts for the lists --------------------------------------------------------------------

    def event_counts(self) -> tuple[Counter[str], Counter[str], Counter[str]]:
        """Events per organisation, agreements per organisation, events per person."""
        by_org, by_person = self._event_maps
        per_org: Counter[str] = Counter({oid: len(evs) for oid, evs in by_org.items()})
        per_person: Counter[str] = Counter({pid: len(evs) for pid, evs in by_person.items()})
        agreements: Counter[str] = Counter()
        for ev in self.events:
            if ev.type == "agreement":
                agreements.update({p.organization for p in ev.participants})
        return per_org, agreements, per_person

    def source_counts(self) -> tuple[Counter[str], Counter[str]]:
        """Documents mentioning each organisation and each person."""
        src_org, src_person = self._source_maps
        return (Counter({k: len(v) for k, v in src_org.items()}), Counter({k: len(v) for k, v in src_person.items()}))


def speaks_as(quote: Quote, person: Person) -> bool:
    """True when the quote's speaker is this person (an id in records, a name in extractions)."""
    return _speaks_as(quote, person.id, _names_of(person))


def _names_of(person: Person) -> set[str]:
    return {_normalised(person.name), _normalised(person.name_en or "")}


def _speaks_as(quote: Quote, person_id: str, names: set[str]) -> bool:
    return bool(quote.speaker) and (quote.speaker == person_id or _normalised(quote.speaker or "") in names)


_normalised = lru_cache(maxsize=65536)(normalise)  # speakers and quote texts recur on many pages


def _unique_quotes(quotes: Iterable[Quote]) -> list[Quote]:
    seen: dict[tuple[str, str], Quote] = {}
    for q in quotes:
        seen.setdefault((q.evidence.source, _normalised(q.text)), q)
    return sorted(seen.values(), key=lambda q: (*q.evidence.sort_key(), q.text))


def _unique_amounts(found: Iterable[tuple[Amount, Event | None]]) -> list[tuple[Amount, Event | None]]:
    seen: dict[tuple[object, ...], tuple[Amount, Event | None]] = {}
    for amount, ev in found:
        where: tuple[object, ...] = amount.evidence.sort_key() if amount.evidence else (amount.text,)
        key = (*amount.figure, amount.label or "", *where)
        if key not in seen or (seen[key][1] is None and ev is not None):
            seen[key] = (amount, ev)
    return sorted(seen.values(), key=lambda pair: (pair[0].currency != "KRW", pair[0].currency,
                                                   -pair[0].figure[1], pair[0].label or "", pair[0].text))
