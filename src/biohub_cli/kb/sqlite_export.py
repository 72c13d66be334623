"""`biohub export --format sqlite FILE`: the knowledge base as one SQLite database.

One table per record kind, link tables, foreign keys, and the search index's FTS5 table (the same
terms `biohub search` matches), so datasette, DB Browser for SQLite or pandas open it as it is.
The same records give the same bytes: rows are inserted in id order into a new file, nothing in it
tells the time, and the file replaces FILE only once complete. The schema is in README.md
("The SQLite export"); a new record kind is one more `Table` in TABLES.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.kb.places import active_clusters, active_programmes, money_of_programme
from biohub_cli.kb.search import index as search_index

Rows = Iterable[Sequence[Any]]


@dataclass(frozen=True)
class Table:
    name: str
    columns: str  # the column definitions of CREATE TABLE, keys included
    rows: Callable[[KnowledgeBase, set[str]], Rows]  # given the kb and the ids exported


def _visible(kb: KnowledgeBase) -> set[str]:
    hidden = kb.off_topic_sources()
    return ({s for s in kb.sources if s not in hidden} | {e.id for e in kb.active_events()}
            | {o.id for o in kb.active_orgs()} | {p.id for p in kb.active_people()})


def _documents(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for sid in sorted(kb.sources):
        s = kb.sources[sid]
        if sid in ids:
            yield (s.id, s.file_name, s.path, s.format, s.title, s.outlet, s.reporter,
                   s.published.iso() if s.published else None, s.url, s.off_topic, s.text)


def _events(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for e in sorted(kb.active_events(), key=lambda e: e.id):
        yield (e.id, e.date.iso(), e.end_date.iso() if e.end_date else None, int(e.date.year_certain), e.type,
               e.title, e.venue, e.attendees, int(e.main))


def _organizations(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for o in sorted(kb.active_orgs(), key=lambda o: o.id):
        yield (o.id, o.name, o.name_en, o.type, o.parent if o.parent in ids else None)


def _aliases(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for o in sorted(kb.active_orgs(), key=lambda o: o.id):
        for a in sorted(set(o.aliases)):
            yield (o.id, a)


def _people(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for p in sorted(kb.active_people(), key=lambda p: p.id):
        yield (p.id, p.name, p.name_en)


def _roles(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for p in sorted(kb.active_people(), key=lambda p: p.id):
        for r in p.roles:
            yield (p.id, r.title, r.organization if r.organization in ids else None, r.first_seen, r.last_seen)


def _participants(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for e in sorted(kb.active_events(), key=lambda e: e.id):
        for p in e.participants:
            if p.organization in ids:
                yield (e.id, p.organization, p.role)


def _event_people(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for e in sorted(kb.active_events(), key=lambda e: e.id):
        for pid in dict.fromkeys(e.people):
            if pid in ids:
                yield (e.id, pid)


def _event_documents(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for e in sorted(kb.active_events(), key=lambda e: e.id):
        for sid in dict.fromkeys(e.sources):
            if sid in ids:
                yield (e.id, sid)


def _amounts(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for sid in sorted(kb.sources):
        if sid in ids:
            for a in kb.sources[sid].extraction.amounts:
                yield (sid, None, a.text, a.value_krw, a.currency, a.value, a.label, a.kind)
    for e in sorted(kb.active_events(), key=lambda e: e.id):
        for a in e.amounts:
            yield (None, e.id, a.text, a.value_krw, a.currency, a.value, a.label, a.kind)


def _quotes(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for e in sorted(kb.active_events(), key=lambda e: e.id):
        for q in e.quotes:
            speaker = q.speaker if q.speaker in ids else None
            doc = q.evidence.source if q.evidence.source in ids else None
            yield (e.id, speaker, q.text, doc, q.evidence.sentence)


def _mentions(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for sid in sorted(kb.sources):
        if sid in ids:
            m = kb.sources[sid].mentions
            for kind, refs in (("event", m.events), ("organization", m.organizations), ("person", m.people)):
                for ref in dict.fromkeys(refs):
                    if ref in ids:
                        yield (sid, kind, ref)


def _clusters(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for c in active_clusters(kb):
        region = c.region
        yield (c.id, c.name, c.kind, region.province if region else None, region.city if region else None,
               c.parent if c.parent in kb.clusters else None)


def _cluster_aliases(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for c in active_clusters(kb):
        for alias in sorted(set(c.aliases)):
            yield (c.id, alias)


def _programmes(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for p in active_programmes(kb):
        yield (p.id, p.name, p.kind, p.owner, p.first_seen, p.last_seen)


def _programme_aliases(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for p in active_programmes(kb):
        for alias in sorted(set(p.aliases)):
            yield (p.id, alias)


def _event_clusters(kb: KnowledgeBase, ids: set[str]) -> Rows:
    live = {c.id for c in active_clusters(kb)}
    for e in sorted(kb.active_events(), key=lambda e: e.id):
        for link in e.clusters:
            if link.cluster in live:
                yield (e.id, link.cluster, link.basis)


def _event_programmes(kb: KnowledgeBase, ids: set[str]) -> Rows:
    live = {p.id for p in active_programmes(kb)}
    for e in sorted(kb.active_events(), key=lambda e: e.id):
        for link in e.programmes:
            if link.programme in live:
                yield (e.id, link.programme, link.milestone)


def _programme_amounts(kb: KnowledgeBase, ids: set[str]) -> Rows:
    for p in active_programmes(kb):
        for m in money_of_programme(kb, p):
            a = m.amount
            doc = a.evidence.source if a.evidence and a.evidence.source in ids else None
            yield (p.id, m.year, a.text, a.value_krw, a.currency, a.value, a.label, a.kind, doc)


_DOC = "REFERENCES documents(id)"
_EV = "REFERENCES events(id)"
_ORG = "REFERENCES organizations(id)"
_PER = "REFERENCES people(id)"
_CL = "REFERENCES clusters(id)"
_PG = "REFERENCES programmes(id)"

TABLES: tuple[Table, ...] = (
    Table("documents", "id TEXT PRIMARY KEY, file_name TEXT NOT NULL, path TEXT NOT NULL, format TEXT NOT NULL, "
          "title TEXT, outlet TEXT, reporter TEXT, published TEXT, url TEXT, off_topic TEXT, text TEXT NOT NULL",
          _documents),
    Table("events", "id TEXT PRIMARY KEY, date TEXT NOT NULL, end_date TEXT, year_certain INTEGER NOT NULL, "
          "type TEXT NOT NULL, title TEXT NOT NULL, venue TEXT, attendees INTEGER, main INTEGER NOT NULL", _events),
    Table("organizations", "id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT, type TEXT NOT NULL, "
          f"parent TEXT {_ORG}", _organizations),
    Table("organization_aliases", f"organization TEXT NOT NULL {_ORG}, alias TEXT NOT NULL", _aliases),
    Table("people", "id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT", _people),
    Table("person_roles", f"person TEXT NOT NULL {_PER}, title TEXT, organization TEXT {_ORG}, first_seen TEXT, "
          "last_seen TEXT", _roles),
    Table("event_participants", f"event TEXT NOT NULL {_EV}, organization TEXT NOT NULL {_ORG}, role TEXT NOT NULL",
          _participants),
    Table("event_people", f"event TEXT NOT NULL {_EV}, person TEXT NOT NULL {_PER}", _event_people),
    Table("event_documents", f"event TEXT NOT NULL {_EV}, document TEXT NOT NULL {_DOC}", _event_documents),
    Table("amounts", f"document TEXT {_DOC}, event TEXT {_EV}, text TEXT NOT NULL, value_krw INTEGER, "
          "currency TEXT NOT NULL, value INTEGER, label TEXT, kind TEXT NOT NULL", _amounts),
    Table("quotes", f"event TEXT NOT NULL {_EV}, speaker TEXT {_PER}, text TEXT NOT NULL, document TEXT {_DOC}, "
          "sentence TEXT NOT NULL", _quotes),
    Table("document_mentions", f"document TEXT NOT NULL {_DOC}, kind TEXT NOT NULL, record TEXT NOT NULL",
          _mentions),
    Table("clusters", "id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, province TEXT, city TEXT, "
          "parent TEXT REFERENCES clusters(id)", _clusters),
    Table("cluster_aliases", f"cluster TEXT NOT NULL {_CL}, alias TEXT NOT NULL", _cluster_aliases),
    Table("programmes", "id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, owner TEXT, first_seen TEXT, "
          "last_seen TEXT", _programmes),
    Table("programme_aliases", f"programme TEXT NOT NULL {_PG}, alias TEXT NOT NULL", _programme_aliases),
    Table("event_clusters", f"event TEXT NOT NULL {_EV}, cluster TEXT NOT NULL {_CL}, basis TEXT NOT NULL",
          _event_clusters),
    Table("event_programmes", f"event TEXT NOT NULL {_EV}, programme TEXT NOT NULL {_PG}, milestone TEXT",
          _event_programmes),
    Table("programme_amounts", f"programme TEXT NOT NULL {_PG}, year INTEGER, text TEXT NOT NULL, value_krw INTEGER, "
          f"currency TEXT NOT NULL, value INTEGER, label TEXT, kind TEXT NOT NULL, document TEXT {_DOC}",
          _programme_amounts),
)


def write(kb: KnowledgeBase, path: Path, search: sqlite3.Connection) -> dict[str, int]:
    """Write the database to `path` (replaced whole once complete); rows per table."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    ids = _visible(kb)
    counts: dict[str, int] = {}
    try:
        with closing(sqlite3.connect(tmp, isolation_level=None)) as con:
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("PRAGMA page_size = 4096")
            con.execute("BEGIN")
            for t in TABLES:
                con.execute(f"CREATE TABLE {t.name} ({t.columns})")
                rows = list(t.rows(kb, ids))
                if rows:
                    con.executemany(f"INSERT INTO {t.name} VALUES ({', '.join('?' * len(rows[0]))})", rows)
                counts[t.name] = len(rows)
            counts["search"] = _search_tables(con, search, ids)
            con.execute("COMMIT")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return counts


def _search_tables(con: sqlite3.Connection, search: sqlite3.Connection, ids: set[str]) -> int:
    """The search index's terms (FTS5, with `biohub search`'s tokeniser) and each written word's terms."""
    con.execute(f"CREATE VIRTUAL TABLE search USING fts5(body, names, kind UNINDEXED, ref UNINDEXED, "
                f"tokenize='{search_index.TOKENIZER}')")
    con.execute("CREATE TABLE search_words (word TEXT PRIMARY KEY, terms TEXT NOT NULL)")
    rows = [(b, n, k, r) for b, n, k, r in search.execute(
        "SELECT fts.body, fts.names, rows.kind, fts.ref FROM fts JOIN rows ON rows.ref = fts.ref ORDER BY fts.ref")
        if r in ids]
    con.executemany("INSERT INTO search VALUES (?, ?, ?, ?)", rows)
    words: dict[str, str] = {}
    for word, ref, terms in search.execute("SELECT word, ref, terms FROM surfaces ORDER BY word, ref"):
        if ref in ids:
            words.setdefault(word, terms)
    con.executemany("INSERT INTO search_words VALUES (?, ?)", sorted(words.items()))
    con.execute("INSERT INTO search(search) VALUES ('optimize')")
    return len(rows)
