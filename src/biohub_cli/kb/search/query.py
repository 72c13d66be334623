"""`search()`: ranked hits (BM25) over the documents and the records, filtered as the timeline is.

Each hit names its source (date, outlet, title), the sentence that matches best (the one holding the
most of the query's words, the first of those) with the query's words marked, and the records that
cite that sentence (their evidence overlaps it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from biohub_cli.errors import UsageError
from biohub_cli.kb.knowledge_base import KnowledgeBase, TimelineFilter, overlaps
from biohub_cli.kb.search import expression, index
from biohub_cli.kb.search import terms as terms_mod
from biohub_cli.models import Source
from biohub_cli.models.dates import PartialDate

SNIPPET = 160  # characters of a long sentence shown around its first mark
KINDS = ("source", "event", "org", "person")


@dataclass(frozen=True)
class Cited:
    id: str
    kind: str  # event, org, person, quote
    label: str


@dataclass(frozen=True)
class Hit:
    kind: str
    id: str
    title: str
    date: str | None
    outlet: str | None
    source: str | None  # the source the snippet comes from (the record's first report)
    snippet: str
    marks: tuple[tuple[int, int], ...]  # spans of `snippet`
    cited: tuple[Cited, ...] = ()
    url: str | None = None


@dataclass
class Result:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0  # hits before the limit
    kiwi: bool = False  # the query needed Kiwi


def compile_query(con: sqlite3.Connection, query: str) -> tuple[list[expression.Group], bool]:
    """The query's groups (see expression.py), and whether Kiwi read a word of it."""
    parsed = expression.parse(query)
    words = parsed.words()
    known = index.known_surfaces(con, [terms_mod.surface(w) for w in words])
    unknown = [w for w in words if not terms_mod.is_plain(terms_mod.surface(w))
               and terms_mod.surface(w) and terms_mod.surface(w) not in known]
    groups = expression.groups(parsed, terms_mod.query_terms(words, known),
                               lambda c: index.known_terms(con, c))
    if not groups:
        raise UsageError(f"nothing to search for in {query!r}",
                         hint="give a word: a name, a place, a noun (particles alone match nothing)")
    return groups, bool(unknown)


def search(con: sqlite3.Connection, kb: KnowledgeBase, query: str, flt: TimelineFilter = TimelineFilter(),
           *, limit: int | None = 20, kinds: Sequence[str] = KINDS) -> Result:
    groups, used_kiwi = compile_query(con, query)
    allowed = _allowed(kb, flt)
    ranked = con.execute("SELECT fts.ref, rows.kind FROM fts JOIN rows ON rows.ref = fts.ref "
                         "WHERE fts MATCH ? ORDER BY bm25(fts, 1.0, 0.5), fts.ref", (expression.fts(groups),))
    result = Result(kiwi=used_kiwi)
    for ref, kind in ranked:
        if kind not in kinds or not allowed(kind, ref):
            continue
        result.total += 1
        if limit is None or len(result.hits) < limit:
            result.hits.append(_hit(con, kb, kind, ref, groups))
    return result


def _allowed(kb: KnowledgeBase, flt: TimelineFilter) -> Callable[[str, str], bool]:
    """Which rows the filters keep: events as the timeline keeps them, sources that mention the
    organisation or person, report an event of the type and are dated in the period (published then,
    or, undated, reporting an event then); organisations and people only when no filter is given."""
    events = {e.id for e in kb.timeline(TimelineFilter(org=flt.org, person=flt.person, type=flt.type,
                                                        since=flt.since, until=flt.until))}
    hidden = kb.off_topic_sources()
    any_filter = any((flt.org, flt.person, flt.type, flt.since, flt.until))
    types: dict[str, set[str]] = {}
    dates: dict[str, list[PartialDate]] = {}
    for e in kb.active_events():
        for sid in e.sources:
            types.setdefault(sid, set()).add(e.type)
            dates.setdefault(sid, []).append(e.date)

    def source_ok(s: Source) -> bool:
        if s.id in hidden:
            return False
        if flt.org and flt.org not in s.mentions.organizations:
            return False
        if flt.person and flt.person not in s.mentions.people:
            return False
        if flt.type and flt.type not in types.get(s.id, set()):
            return False
        if flt.since or flt.until:  # its publication date, else the dates of the events it reports
            return any(overlaps(d, flt.since, flt.until) for d in ([s.published] if s.published else
                                                                      dates.get(s.id, [])))
        return True

    def allowed(kind: str, ref: str) -> bool:
        if kind == "event":
            return ref in events
        if kind == "source":
            return ref in kb.sources and source_ok(kb.sources[ref])
        table = kb.orgs if kind == "org" else kb.people
        return not any_filter and ref in table and table[ref].status == "active"

    return allowed


def _hit(con: sqlite3.Connection, kb: KnowledgeBase, kind: str, ref: str, groups: list[expression.Group]) -> Hit:
    units = index.units_of(con, ref)
    src: Source | None
    if kind == "source":
        s = kb.sources[ref]
        body, src = index.source_body(s), s
    elif kind == "event":
        e = kb.events[ref]
        body = index.event_body(e)
        src = next((kb.sources[i] for i in e.sources if i in kb.sources), None)
    elif kind == "org":
        body, src = index.org_body(kb.orgs[ref]), None
    else:
        body, src = index.person_body(kb.people[ref]), None
    text_units = [u for u in units if u.start >= index.body_offset(src)] if kind == "source" and src else units
    unit, marks = best_unit(text_units, groups)  # a document's title is shown anyway: its text first
    if unit is None:
        unit, marks = best_unit(units, groups)
    start, end = (unit.start, unit.end) if unit else (0, len(body.split("\n")[0]))
    text, spans = _trim(body[start:end], [(a - start, b - start) for a, b in marks])
    cited = _cited(kb, src, start - index.body_offset(src), end - index.body_offset(src)) \
        if kind == "source" and src is not None else ()
    title = _title(kb, kind, ref)
    date = kb.events[ref].date.iso() if kind == "event" else (src.published.iso() if src and src.published else None)
    return Hit(kind, ref, title, date, src.outlet if src else None, src.id if src else None, text, tuple(spans),
               cited, src.url if src else None)


def _title(kb: KnowledgeBase, kind: str, ref: str) -> str:
    if kind == "source":
        return kb.sources[ref].title or kb.sources[ref].file_name
    if kind == "event":
        return kb.events[ref].title
    return kb.orgs[ref].name if kind == "org" else kb.people[ref].name


def best_unit(units: Sequence[terms_mod.Unit], groups: Sequence[expression.Group]
              ) -> tuple[terms_mod.Unit | None, list[tuple[int, int]]]:
    """The unit satisfying the most groups (the first of those), and the spans of its matched terms."""
    best: tuple[int, terms_mod.Unit | None, list[tuple[int, int]]] = (0, None, [])
    for u in units:
        seq = [t for t, _, _ in u.terms]
        marks: list[tuple[int, int]] = []
        n = 0
        for g in groups:
            alt = expression.satisfied(seq, g)
            if alt is None:
                continue
            n += 1
            for p in alt:
                for i in expression.occurrences(seq, p):
                    marks.extend((u.terms[k][1], u.terms[k][2]) for k in range(i, i + len(p)))
        if n > best[0]:
            best = (n, u, sorted(set(marks)))
    return best[1], best[2]


def _trim(text: str, marks: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """A long sentence cut to SNIPPET characters around its first mark (… where it was cut)."""
    if len(text) <= SNIPPET:
        return text, marks
    first = marks[0][0] if marks else 0
    lo = max(0, min(first - SNIPPET // 3, len(text) - SNIPPET))
    hi = lo + SNIPPET
    head, tail = ("…" if lo else ""), ("…" if hi < len(text) else "")
    kept = [(a - lo + len(head), b - lo + len(head)) for a, b in marks if a >= lo and b <= hi]
    return head + text[lo:hi] + tail, kept


def _cited(kb: KnowledgeBase, s: Source, start: int, end: int) -> tuple[Cited, ...]:
    """Records whose evidence in this source overlaps [start, end) of its kept text."""
    def hits(evidence: Sequence[object]) -> bool:
        return any(getattr(ev, "source", None) == s.id and ev.start < end and start < ev.end  # type: ignore[attr-defined]
                   for ev in evidence)

    out: list[Cited] = []
    for e in kb.active_events():
        if s.id in e.sources:
            if hits(e.evidence):
                out.append(Cited(e.id, "event", e.title))
            out += [Cited(e.id, "quote", q.text) for q in e.quotes if hits([q.evidence])]
    for oid in s.mentions.organizations:
        o = kb.orgs.get(oid)
        if o is not None and o.status == "active" and hits(o.evidence):
            out.append(Cited(o.id, "org", o.name))
    for pid in s.mentions.people:
        p = kb.people.get(pid)
        if p is not None and p.status == "active" and hits(p.evidence):
            out.append(Cited(p.id, "person", p.name))
    return tuple(dict.fromkeys(out))
