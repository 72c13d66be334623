"""Context objects built from a knowledge base (through its render Index): what each template shows,
already translated."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import groupby

from biohub_cli.kb import network
from biohub_cli.models import Amount, Cluster, Event, Organization, Person, Programme, Quote
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.vocab import EVENT_TYPES
from biohub_cli.render import labels as lb
from biohub_cli.render.contexts import (
    AmountRow,
    CountRow,
    EventRow,
    IndexContext,
    MonthGroup,
    NetworkContext,
    OrgContext,
    OrgRow,
    PairRow,
    PersonContext,
    PersonRow,
    QuoteRow,
    Ref,
    RoleRow,
    SourceRow,
    TimelineContext,
    variant,
)
from biohub_cli.render.filters import date_is_uncertain, format_date
from biohub_cli.render.formats import timeline_page_json
from biohub_cli.render.queries import Index

RECENT = 10


@lru_cache(maxsize=65536)
def page_name(record_id: str) -> str | None:
    """The record id as a report file stem, or None when it could not be one safely."""
    ok = (0 < len(record_id) <= 120 and not record_id.startswith((".", "-"))
          and all(c.isalnum() or c in "._-" for c in record_id) and ".." not in record_id)
    return record_id if ok else None


def org_ref(ix: Index, org_id: str, note: str = "") -> Ref:
    """The organisation as a Ref; one object per id and note for an Index (cheap to hash again)."""
    return _memo_ref(ix, ("org-ref", org_id, note), _org_ref)


def _memo_ref(ix: Index, key: tuple[str, str, str], make: Callable[[Index, str, str], Ref]) -> Ref:
    ref = ix.memo.get(key)
    if ref is None:
        ref = ix.memo[key] = make(ix, key[1], key[2])
    return ref  # type: ignore[no-any-return]


def _org_ref(ix: Index, org_id: str, note: str) -> Ref:
    org = ix.orgs.get(org_id)
    if org is None or org.status != "active":
        return Ref("org", org_id, org.name if org else org_id, None, note)
    return Ref("org", org.id, org.name, page_name(org.id), note)


def person_ref(ix: Index, person_id: str, note: str = "") -> Ref:
    """The person as a Ref; one object per id and note for an Index."""
    return _memo_ref(ix, ("person-ref", person_id, note), _person_ref)


def _person_ref(ix: Index, person_id: str, note: str) -> Ref:
    person = ix.people.get(person_id)
    if person is None or person.status != "active":
        return Ref("person", person_id, person.name if person else person_id, None, note)
    return Ref("person", person.id, person.name, page_name(person.id), note)


def source_row(ix: Index, source_id: str) -> SourceRow:
    """The document as a row; one object per id for an Index (pages list the same documents often)."""
    key = ("source-row", source_id)
    row: SourceRow | None = ix.memo.get(key)
    if row is None:
        row = ix.memo[key] = _source_row(ix, source_id)
    return row


def _source_row(ix: Index, source_id: str) -> SourceRow:
    src = ix.sources.get(source_id)
    if src is None:
        return SourceRow(source_id, source_id, "", None, "")
    return SourceRow(src.id, src.title or src.file_name, src.outlet or "", src.published, src.file_name,
                     src.url or "", page_name(src.id))


def _title_note(ix: Index, person: Person, orgs: Sequence[str] = ()) -> str:
    """`인천광역시 행정부시장`: the title held at one of `orgs`, else the latest title."""
    roles = [r for r in person.roles if r.title]
    chosen = next((r for r in roles if r.organization in orgs), roles[-1] if roles else None)
    if chosen is None:
        return ""
    org = ix.orgs.get(chosen.organization or "")
    if org is None or org.status != "active" or _names_its_body(str(chosen.title), org):
        return str(chosen.title)  # 식품의약품안전처장, 인천시장: the title names its body already
    return f"{org.name} {chosen.title}"


def _names_its_body(title: str, org: Organization) -> bool:
    squeezed = title.replace(" ", "")
    return any(form and squeezed.startswith(form.replace(" ", "")) for form in (org.name, *org.aliases))


def amount_row(amount: Amount, context: str, date: PartialDate | None, lang: str) -> AmountRow:
    return AmountRow(amount.value_krw, amount.text, amount.label or "",
                     lb.amount_kind_label(amount.kind, lang), context, date, *amount.figure)


def event_row(ix: Index, ev: Event, lang: str, *, role: str = "") -> EventRow:
    """One event as its pages show it; built once per event and language of an Index, then shared.

    Rows are never changed in place: a page that shows an event differently makes a `variant` copy.
    """
    key = ("row", ev.id, lang)
    held = ix.memo.get(key)
    if held is None or held[0] is not ev:
        held = ix.memo[key] = (ev, _event_row(ix, ev, lang))
    row: EventRow = held[1]
    return variant(row, role=role) if role else row


def _event_row(ix: Index, ev: Event, lang: str) -> EventRow:
    org_ids = [p.organization for p in ev.participants]
    people = [person_ref(ix, pid, _title_note(ix, ix.people[pid], org_ids))
              for pid in ev.people if _shown(ix.people.get(pid))]
    return EventRow(
        id=ev.id, date=ev.date, end_date=ev.end_date, uncertain=date_is_uncertain(ev.date), type=ev.type,
        type_label=lb.event_type_label(ev.type, lang), title=ev.title, venue=ev.venue or "", main=ev.main,
        participants=[org_ref(ix, p.organization, lb.role_label(p.role, lang)) for p in ev.participants
                      if _shown(ix.orgs.get(p.organization))],
        people=people,
        attendees=ev.attendees,
        amounts=[amount_row(a, ev.title, ev.date, lang) for a in ev.amounts],
        sources=[source_row(ix, s) for s in ev.sources if s in ix.sources],
        evidence=list(dict.fromkeys(" ".join(e.sentence.split()) for e in ev.evidence)),
        places=[*(Ref("cluster", c.cluster, ix.kb.clusters[c.cluster].name, page_name(c.cluster))
                  for c in ev.clusters if _shown_place(ix.kb.clusters.get(c.cluster))),
                *(Ref("programme", p.programme, ix.kb.programmes[p.programme].name, page_name(p.programme))
                  for p in ev.programmes if _shown_place(ix.kb.programmes.get(p.programme)))],
    )


def _shown_place(record: Cluster | Programme | None) -> bool:
    return record is not None and record.status == "active"


def _shown(record: Organization | Person | None) -> bool:
    """Only active records are shown: a rejected, merged or deleted one (an unknown id) is left out, and
    no raw id reaches a page."""
    return record is not None and record.status == "active"


def _shown_org(ix: Index, org_id: str | None) -> Ref | None:
    """The organisation as a Ref when it is one to show (`_shown`), else None."""
    return org_ref(ix, org_id) if org_id and _shown(ix.orgs.get(org_id)) else None


def group_by_month(rows: Sequence[EventRow], lang: str) -> list[MonthGroup]:
    """Consecutive events of the same year and month (rows come in date order)."""
    groups = []
    for (year, month), members in groupby(rows, key=lambda r: (r.date.year, r.date.month)):
        key = f"{year if year is not None else 'xxxx'}-{month:02d}" if month else f"{year or 'xxxx'}"
        groups.append(MonthGroup(key, lb.group_label(year, month, lang), list(members)))
    return groups


def timeline_context(ix: Index, events: Sequence[Event], lang: str, *, links: bool = True,
                     filters: Sequence[tuple[str, str]] = ()) -> TimelineContext:
    rows = [event_row(ix, ev, lang) for ev in events]
    seen = {p.id: p for r in rows for p in r.participants if p.page is not None}
    choices = sorted((Ref("org", p.id, p.name, p.page) for p in seen.values()), key=lambda r: (r.name, r.id))
    present = {r.type for r in rows}
    types = [(t, lb.event_type_label(t, lang)) for t in EVENT_TYPES if t in present]
    table = lb.labels(lang)
    places = sorted({p.id: p for r in rows for p in r.places}.values(), key=lambda p: (p.kind, p.name, p.id))
    return TimelineContext(
        lang=lang, labels=table, links=links, title=table["timeline_title"],
        groups=group_by_month(rows, lang), total=len(rows), org_choices=choices, type_choices=types,
        data_json=timeline_page_json(rows, {r.id: _names(ix.orgs[r.id]) for r in choices},
                                     {p.id: _place_names(ix, p) for p in places}),
        filters=list(filters), place_choices=places,
    )


def _place_names(ix: Index, ref: Ref) -> list[str]:
    rec = ix.kb.clusters.get(ref.id) if ref.kind == "cluster" else ix.kb.programmes.get(ref.id)
    return [rec.name, *rec.aliases] if rec is not None else [ref.name]


def _names(org: Organization) -> list[str]:
    return [org.name, *org.aliases, *([org.name_en] if org.name_en else [])]


def _quote_row(ix: Index, quote: Quote) -> QuoteRow:
    speaker_name = quote.speaker or ""
    person = ix.people.get(speaker_name) or (ix.person_by_name(speaker_name) if speaker_name else None)
    speaker = person_ref(ix, person.id) if person and person.status == "active" else None
    src = ix.sources.get(quote.evidence.source)
    context = (src.title or src.file_name) if src else ""
    return QuoteRow(quote.text, speaker, person.name if person else (quote.speaker or ""), context,
                    src.published if src else None)


def _quote_rows(ix: Index, quotes: Sequence[Quote]) -> list[QuoteRow]:
    """In the order of their documents' dates (undated last), then as found."""
    rows = [_quote_row(ix, q) for q in quotes]
    return sorted(rows, key=lambda r: (r.date.sort_key() if r.date else (9999, 99, 99)))


def _amount_rows(ix: Index, found: Sequence[tuple[Amount, Event | None]],
                 lang: str) -> list[AmountRow]:
    rows = []
    for amount, ev in found:
        src = ix.sources.get(amount.evidence.source) if amount.evidence else None
        if ev is not None:
            rows.append(amount_row(amount, ev.title, ev.date, lang))
        else:
            rows.append(amount_row(amount, (src.title or src.file_name) if src else "", src.published if src
                                   else None, lang))
    return rows


def org_context(ix: Index, org: Organization, lang: str, *, links: bool = True,
                root: str = "../") -> OrgContext:
    from biohub_cli.render.org_places import org_places

    events = []
    for ev in ix.events_of_org(org.id):
        role = next(p.role for p in ev.participants if p.organization == org.id)
        row = event_row(ix, ev, lang)
        events.append(variant(row, participants=[p for p in row.participants if p.id != org.id],
                              role=lb.role_label(role, lang)))
    agreements = [row for row in events if row.type == "agreement"]
    people = [person_ref(ix, p.id, _titles_at(p, org.id)) for p in ix.people_of_org(org.id)]
    parent = org_ref(ix, org.parent) if org.parent and _shown(ix.orgs.get(org.parent)) else None
    return OrgContext(
        lang=lang, labels=lb.labels(lang), root=root, links=links, title=org.name,
        org=org_ref(ix, org.id), name_en=org.name_en or "", type_label=lb.org_type_label(org.type, lang),
        aliases=sorted(set(org.aliases) - {org.name, org.name_en}), parent=parent, events=events, agreements=agreements,
        people=people, quotes=_quote_rows(ix, ix.quotes_of_org(org)),
        amounts=_amount_rows(ix, ix.amounts_of_org(org), lang),
        partners=[CountRow(org_ref(ix, o.id), o.name, n) for o, n in ix.partners_of_org(org)],
        sources=[source_row(ix, s.id) for s in ix.sources_mentioning_org(org.id)],
        places=org_places(ix, org.id, lang),
    )


def _titles_at(person: Person, org_id: str) -> str:
    titles = [r.title for r in person.roles if r.organization == org_id and r.title]
    return ", ".join(dict.fromkeys(titles))


def _seen(value: str | None) -> str:
    if not value:
        return ""
    try:
        return format_date(PartialDate.parse_iso(value))
    except ValueError:
        return value


def person_context(ix: Index, person: Person, lang: str, *, links: bool = True,
                   root: str = "../") -> PersonContext:
    roles = [RoleRow(r.title or "", _shown_org(ix, r.organization), _seen(r.first_seen), _seen(r.last_seen))
             for r in person.roles]
    return PersonContext(
        lang=lang, labels=lb.labels(lang), root=root, links=links, title=person.name,
        person=person_ref(ix, person.id, _title_note(ix, person)), name_en=person.name_en or "", roles=roles,
        events=[variant(r, people=[p for p in r.people if p.id != person.id], shown_for=person.id)
                for r in (event_row(ix, ev, lang) for ev in ix.events_of_person(person.id))],
        quotes=_quote_rows(ix, ix.quotes_of_person(person)),
        orgs=[CountRow(org_ref(ix, o.id), o.name, n) for o, n in ix.orgs_of_person(person)],
        co_people=[CountRow(person_ref(ix, p.id), p.name, n)
                   for p, n in ix.partners_of_person(person)],
        sources=[source_row(ix, s.id) for s in ix.sources_mentioning_person(person.id)],
    )


def org_rows(ix: Index, lang: str) -> list[OrgRow]:
    per_org, agreements, _ = ix.event_counts()
    sources, _ = ix.source_counts()
    people: dict[str, set[str]] = {}
    for p in ix.active_people:
        for r in p.roles:
            people.setdefault(r.organization or "", set()).add(p.id)
    return [OrgRow(org_ref(ix, o.id), o.name_en or "", lb.org_type_label(o.type, lang),
                   sorted(set(o.aliases) - {o.name, o.name_en}), per_org[o.id], agreements[o.id],
                   len(people.get(o.id, ())), sources[o.id]) for o in ix.active_orgs]


def person_rows(ix: Index) -> list[PersonRow]:
    _, _, per_person = ix.event_counts()
    _, sources = ix.source_counts()
    rows = []
    for p in ix.active_people:
        latest = next((r for r in reversed(p.roles) if r.title or r.organization), None)
        org = _shown_org(ix, latest.organization) if latest else None
        rows.append(PersonRow(person_ref(ix, p.id), (latest.title or "") if latest else "", org,
                              per_person[p.id], len(ix.quotes_of_person(p)), sources[p.id]))
    return rows


def index_context(ix: Index, lang: str) -> IndexContext:
    from biohub_cli.render import place_site

    events = ix.events
    dated = [e for e in events if e.date.year is not None]
    period = f"{format_date(dated[0].date)} – {format_date(dated[-1].date)}" if dated else ""
    counts = {t: sum(1 for e in events if e.type == t) for t in EVENT_TYPES}
    table = lb.labels(lang)
    return IndexContext(
        lang=lang, labels=table, title=table["site_title"], events=len(events), sources=len(ix.sources),
        period=period, recent=[event_row(ix, e, lang) for e in reversed(dated[-RECENT:])],
        types=[CountRow(None, lb.event_type_label(t, lang), n) for t, n in counts.items() if n],
        orgs=org_rows(ix, lang), people=person_rows(ix), **place_site.index_places(ix.kb, lang),
    )


def network_context(ix: Index, lang: str, graph: network.Graph | None = None) -> NetworkContext:
    graph = graph or network.co_participation(ix.kb)
    edges = network.strongest_edges(graph)
    table = lb.labels(lang)
    pairs = [PairRow(org_ref(ix, e.source), org_ref(ix, e.target), e.weight)
             for e in network.strongest_edges(graph, limit=len(graph.edges))]
    return NetworkContext(lang=lang, labels=table, title=table["network"], mermaid=network.to_mermaid(graph),
                          pairs=pairs, shown=len(edges), total=len(graph.edges))
