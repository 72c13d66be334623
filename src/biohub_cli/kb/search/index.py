"""The search index: SQLite FTS5 under .biohub/search/, derived from records/, never trusted when stale.

One row per source (its title and kept text), event (title, venue, quotes), organisation (names) and
person (name, titles), each with the names and aliases of the organisations and people it cites in a
second column, so an alias finds what its organisation is part of. A row holds the terms of its text
(terms.py), its sentences with their terms' places (for snippets), and the terms of every written
word in it (so a query word seen in the records needs no Kiwi).

Fresh means: made by this code from record files with the same paths and signatures (the records
cache's listing digest). Otherwise `refresh` compares each record's indexed text with the digest
stored for it and analyses again only what changed, in one transaction: a run killed midway leaves
the index as it was.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from biohub_cli.config import Layout
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.kb.search import terms as terms_mod
from biohub_cli.models import Event, Organization, Person, Source
from biohub_cli.store.code_digest import PACKAGE, add_files

FORMAT = "1"
BATCH = 200  # records analysed by Kiwi in one call
TOKENIZER = "unicode61 remove_diacritics 0"
SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE rows(ref TEXT PRIMARY KEY, kind TEXT NOT NULL, digest TEXT NOT NULL, names TEXT NOT NULL,
                  units TEXT NOT NULL);
CREATE TABLE surfaces(word TEXT NOT NULL, ref TEXT NOT NULL, terms TEXT NOT NULL, PRIMARY KEY (word, ref))
    WITHOUT ROWID;
CREATE VIRTUAL TABLE fts USING fts5(body, names, ref UNINDEXED, tokenize='{TOKENIZER}');
CREATE VIRTUAL TABLE vocab USING fts5vocab(fts, 'row');
"""


@dataclass(frozen=True)
class Row:
    """What is indexed of one record: its text, and the names it cites."""

    ref: str
    kind: str  # source, event, org, person
    body: str
    names: str

    def digest(self) -> str:
        return hashlib.sha256(f"{self.kind}\0{self.body}".encode()).hexdigest()[:32]


def index_path(root: Path) -> Path:
    return Layout(root).state / "search" / "index.sqlite"


def body_offset(source: Source) -> int:
    """Where the kept text starts in a source's indexed text (after its title line)."""
    return len(source.title or "") + 1


def rows(kb: KnowledgeBase) -> Iterator[Row]:
    """Every source (off-topic ones too: they are left out when a search is made) and active record."""
    def org_names(ids: Iterable[str]) -> list[str]:
        out: list[str] = []
        for i in ids:
            o = kb.orgs.get(i)
            if o is not None and o.status == "active":
                out += [o.name, *o.aliases, *([o.name_en] if o.name_en else [])]
        return out

    def people_names(ids: Iterable[str]) -> list[str]:
        return [p.name for i in ids if (p := kb.people.get(i)) is not None and p.status == "active"]

    for s in sorted(kb.sources.values(), key=lambda r: r.id):
        yield Row(s.id, "source", source_body(s),
                  "\n".join(org_names(s.mentions.organizations) + people_names(s.mentions.people)))
    for e in sorted(kb.events.values(), key=lambda r: r.id):
        if e.status == "active":
            yield Row(e.id, "event", event_body(e),
                      "\n".join(org_names(p.organization for p in e.participants) + people_names(e.people)))
    for o in sorted(kb.orgs.values(), key=lambda r: r.id):
        if o.status == "active":
            yield Row(o.id, "org", org_body(o), "")
    for p in sorted(kb.people.values(), key=lambda r: r.id):
        if p.status == "active":
            yield Row(p.id, "person", person_body(p), "\n".join(org_names(r.organization or "" for r in p.roles)))


def source_body(s: Source) -> str:
    return f"{s.title or ''}\n{s.text}"


def event_body(e: Event) -> str:
    return "\n".join([e.title, e.venue or "", *(q.text for q in e.quotes)])


def org_body(o: Organization) -> str:
    return "\n".join([o.name, *o.aliases, o.name_en or ""])


def person_body(p: Person) -> str:
    return "\n".join([p.name, p.name_en or "", *(r.title for r in p.roles if r.title)])


@functools.cache
def _code_key() -> str:
    """What decides the terms: this code, the analysis and Kiwi's version (other code: a new index)."""
    h = hashlib.sha256(metadata.version("kiwipiepy").encode())
    add_files(h, PACKAGE, [PACKAGE / "analyse.py", *(PACKAGE / "kb" / "search" / f for f in ("terms.py", "index.py"))])
    return h.hexdigest()


@dataclass
class RefreshStats:
    rows: int = 0
    analysed: int = 0
    removed: int = 0
    fresh: bool = False  # nothing needed doing


def connect(root: Path) -> sqlite3.Connection:
    """The index, created empty (or again, when made by other code or unreadable)."""
    path = index_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = sqlite3.connect(path, isolation_level=None)
        got = dict(con.execute("SELECT key, value FROM meta").fetchall())
        if got.get("format") == FORMAT and got.get("code") == _code_key():
            return con
        con.close()
    except sqlite3.DatabaseError:
        pass
    for p in (path, path.with_name(path.name + "-journal")):
        p.unlink(missing_ok=True)
    con = sqlite3.connect(path, isolation_level=None)
    con.executescript(SCHEMA)
    con.executemany("INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("code", _code_key()),
                                                     ("listing", "")])
    return con


def refresh(con: sqlite3.Connection, kb: KnowledgeBase, listing: str, *, settled: bool = True) -> RefreshStats:
    """Bring the index up to date with `kb`, whose record files have this listing digest."""
    stats = RefreshStats()
    (held,) = con.execute("SELECT value FROM meta WHERE key = 'listing'").fetchone()
    if listing and held == listing:
        stats.fresh = True
        stats.rows = con.execute("SELECT count(*) FROM rows").fetchone()[0]
        return stats
    wanted = {r.ref: r for r in rows(kb)}
    stats.rows = len(wanted)
    have = {ref: (digest, names) for ref, digest, names in con.execute("SELECT ref, digest, names FROM rows")}
    gone = sorted(set(have) - set(wanted))
    bodies = [r for ref, r in sorted(wanted.items()) if have.get(ref, ("", ""))[0] != r.digest()]
    renamed = [r for ref, r in sorted(wanted.items()) if ref in have and have[ref][0] == r.digest()
               and have[ref][1] != r.names]
    stats.analysed, stats.removed = len(bodies), len(gone)
    if not (gone or bodies or renamed) and held == (listing if settled else ""):
        stats.fresh = True  # nothing to write: the file is left as it is
        return stats
    con.execute("BEGIN IMMEDIATE")
    try:
        for ref in gone + [r.ref for r in bodies]:
            _delete(con, ref)
        for i in range(0, len(bodies), BATCH):  # Kiwi's results for a batch at a time: memory stays bounded
            batch = bodies[i:i + BATCH]
            analyses = terms_mod.analyse([r.body for r in batch])
            for r, a, n in zip(batch, analyses, terms_mod.analyse([r.names for r in batch]), strict=True):
                _insert(con, r, a, n)
        for r, n in zip(renamed, terms_mod.analyse([r.names for r in renamed]), strict=True):
            con.execute("UPDATE rows SET names = ? WHERE ref = ?", (r.names, r.ref))
            body = con.execute("SELECT body FROM fts WHERE ref = ?", (r.ref,)).fetchone()[0]
            con.execute("DELETE FROM fts WHERE ref = ?", (r.ref,))
            con.execute("INSERT INTO fts (body, names, ref) VALUES (?, ?, ?)", (body, " ".join(n.terms()), r.ref))
        con.execute("UPDATE meta SET value = ? WHERE key = 'listing'", (listing if settled else "",))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return stats


def _delete(con: sqlite3.Connection, ref: str) -> None:
    con.execute("DELETE FROM rows WHERE ref = ?", (ref,))
    con.execute("DELETE FROM fts WHERE ref = ?", (ref,))
    con.execute("DELETE FROM surfaces WHERE ref = ?", (ref,))


def _insert(con: sqlite3.Connection, r: Row, a: terms_mod.Analysis, names: terms_mod.Analysis) -> None:
    units = [[u.start, u.end, [list(t) for t in u.terms]] for u in a.units]
    con.execute("INSERT INTO rows VALUES (?, ?, ?, ?, ?)",
                (r.ref, r.kind, r.digest(), r.names, json.dumps(units, ensure_ascii=False, separators=(",", ":"))))
    con.execute("INSERT INTO fts (body, names, ref) VALUES (?, ?, ?)", (" ".join(a.terms()), " ".join(names.terms()),
                                                                       r.ref))
    con.executemany("INSERT OR IGNORE INTO surfaces VALUES (?, ?, ?)",
                    [(w, r.ref, " ".join(ts)) for w, ts in a.surfaces + names.surfaces])


def units_of(con: sqlite3.Connection, ref: str) -> list[terms_mod.Unit]:
    (raw,) = con.execute("SELECT units FROM rows WHERE ref = ?", (ref,)).fetchone()
    return [terms_mod.Unit(s, e, tuple((t, a, b) for t, a, b in ts)) for s, e, ts in json.loads(raw)]


def known_surfaces(con: sqlite3.Connection, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The terms the index gives each of these written words (the first record's reading, by id)."""
    out: dict[str, tuple[str, ...]] = {}
    for w in sorted(set(words)):
        row = con.execute("SELECT terms FROM surfaces WHERE word = ? ORDER BY ref LIMIT 1", (w,)).fetchone()
        if row is not None:
            out[w] = tuple(row[0].split())
    return out


def known_terms(con: sqlite3.Connection, candidates: Iterable[str]) -> set[str]:
    """Which of these terms some indexed row holds."""
    out: set[str] = set()
    for t in candidates:
        if con.execute("SELECT 1 FROM vocab WHERE term = ?", (t,)).fetchone() is not None:
            out.add(t)
    return out


@contextmanager
def current(root: Path, kb: KnowledgeBase, listing: str, *, settled: bool = True) -> Iterator[sqlite3.Connection]:
    """The index of `kb` brought up to date, one process at a time (a lock beside it); in memory when
    .biohub/ cannot be written (a knowledge base read from a read-only folder)."""
    from filelock import FileLock

    try:
        index_path(root).parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(index_path(root)) + ".lock", timeout=120)
        lock.acquire()
    except OSError:
        con = sqlite3.connect(":memory:", isolation_level=None)
        con.executescript(SCHEMA)
        con.executemany("INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("code", _code_key()),
                                                         ("listing", "")])
        with closing(con):
            refresh(con, kb, "")
            yield con
        return
    try:
        with closing(connect(root)) as con:
            refresh(con, kb, listing, settled=settled)
            yield con
    finally:
        lock.release()
