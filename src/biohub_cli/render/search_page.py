"""The offline search page: reports/search.html and its data in small script files under reports/search/.

The data of every shown document and record (its sentences with the places of their terms, the terms
of the names it cites) come from the search index (kb/search/index.py), which Kiwi brought up to date
for the records that changed; nothing here analyses text. They are split into shards by a hash of the
record id (`search/NNN.js`, about SHARD_ROWS records each, at most MAX_SHARDS), and the words the
records hold with their terms go to `search/words.js`. The page loads them with <script src> tags, so
it works from file:// with no network.

A shard is a pure function of its records' titles, dates, outlets, pages and indexed rows (the index
stores a digest of each row's text and its cited names; the terms follow from those and the index's
code key). With a page cache, a shard whose digest of those is the one it was written from is not
built again: one changed record rewrites one shard, not the 35 MB of data of 10,000 events.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass

from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.kb.search import expression
from biohub_cli.kb.search import index as search_index
from biohub_cli.render import labels as lb
from biohub_cli.render import page_cache
from biohub_cli.render.contexts import SearchContext
from biohub_cli.render.filters import format_date
from biohub_cli.render.formats import script_json
from biohub_cli.render.queries import Index
from biohub_cli.render.views import page_name

FORMAT = "1"
FOLDER = "search"
SHARD_ROWS = 64  # records a shard holds on average
MAX_SHARDS = 256
WORDS = f"{FOLDER}/words.js"
_PUSH = "(self.biohubSearch=self.biohubSearch||[]).push("

Title = tuple[str, str, str, str, str]  # kind, title, date, outlet, page


@dataclass(frozen=True)
class SearchFiles:
    """The page's context and its data files (bytes, or None for one reports/ already holds)."""

    context: SearchContext
    files: list[tuple[str, bytes | None]]


def shard_count(rows: int) -> int:
    """A power of two near rows / SHARD_ROWS, between 1 and MAX_SHARDS."""
    n = 1
    while n < MAX_SHARDS and n * SHARD_ROWS < rows:
        n *= 2
    return n


def shard_of(ref: str, n: int) -> int:
    return int.from_bytes(hashlib.sha256(ref.encode()).digest()[:4], "big") % n


def shard_name(i: int) -> str:
    return f"{FOLDER}/{i:03d}.js"


def owns(relative: str) -> bool:
    """True for the data files a build writes under reports/search/."""
    name = relative.removeprefix(f"{FOLDER}/")
    return relative == WORDS or (len(name) == 6 and name.endswith(".js") and name[:3].isdigit())


def titles(ix: Index) -> dict[str, Title]:
    """Every shown document and record (off-topic documents left out) with what a hit shows of it."""
    kb = ix.kb
    hidden = kb.off_topic_sources()
    out: dict[str, Title] = {}
    for s in kb.sources.values():
        if s.id not in hidden:
            out[s.id] = ("source", s.title or s.file_name, format_date(s.published) if s.published else "",
                         s.outlet or "", page_of("source", s.id))
    for e in ix.events:
        src = next((kb.sources[i] for i in e.sources if i in kb.sources), None)
        out[e.id] = ("event", e.title, format_date(e.date), src.outlet or "" if src else "", page_of("event", e.id))
    for o in ix.active_orgs:
        out[o.id] = ("org", o.name, "", "", page_of("org", o.id))
    for p in ix.active_people:
        out[p.id] = ("person", p.name, "", "", page_of("person", p.id))
    return out


def search_files(ix: Index, lang: str, cache: page_cache.PageCache | None) -> SearchFiles:
    """The search page's context and data files; with `cache`, None for each file reports/ holds as it would
    be written (the index is still brought up to date: `biohub search` reads it too)."""
    kb = ix.kb
    shown = titles(ix)
    with search_index.current(kb.layout.root, kb, "") as con:
        held = {ref: (digest, names) for ref, digest, names in con.execute("SELECT ref, digest, names FROM rows")}
        refs = sorted(ref for ref in shown if ref in held)
        n = shard_count(len(refs))
        shards: list[list[str]] = [[] for _ in range(n)]
        for ref in refs:
            shards[shard_of(ref, n)].append(ref)
        code = search_index._code_key()
        files: list[tuple[str, bytes | None]] = []
        for i, members in enumerate(shards):
            rel = shard_name(i)
            h = hashlib.sha256(f"{FORMAT}|{code}".encode())
            for ref in members:
                h.update(json.dumps([ref, shown[ref], held[ref]], ensure_ascii=False).encode())
            if cache is not None and cache.reusable(rel, h.hexdigest()):
                files.append((rel, None))
            else:
                files.append((rel, _shard(kb, con, members, shown).encode()))
        words = _words(con).encode()
        digest = hashlib.sha256(words).hexdigest()
        files.append((WORDS, None if cache is not None and cache.reusable(WORDS, digest) else words))
    table = lb.labels(lang)
    rest = {"kinds": {k: table[f"kind_{k}"] for k in ("source", "event", "org", "person")},
            "min_part": expression.MIN_PART}
    context = SearchContext(lang=lang, labels=table, title=table["search"], data_json=script_json(rest),
                            scripts=[rel for rel, _ in files])
    return SearchFiles(context, files)


def _shard(kb: KnowledgeBase, con: sqlite3.Connection, refs: list[str], shown: dict[str, Title]) -> str:
    """One shard's script: its terms, numbered in the order its rows (by id) first use them, and its rows."""
    number: dict[str, int] = {}

    def num(t: str) -> int:
        return number.setdefault(t, len(number))

    units = dict(con.execute(f"SELECT ref, units FROM rows WHERE ref IN ({','.join('?' * len(refs))})", refs))
    names = _names(con, set(refs))
    docs = []
    for ref in refs:
        kind, title, date, outlet, page = shown[ref]
        body = _body(kb, kind, ref)
        pieces = [[body[start:end], [x for t, a, b in ts for x in (num(t), a - start, b - start)]]
                  for start, end, ts in json.loads(units[ref])]
        docs.append(script_json([kind, ref, title, date, outlet, page, pieces,
                                 [num(t) for t in names[ref].split()]]))
    return f'{_PUSH}{{"terms":{script_json(list(number))},"docs":[{",".join(docs)}]}});\n'


def _names(con: sqlite3.Connection, refs: set[str]) -> dict[str, str]:
    """The terms of the names each of these rows cites (a scan of the index's small names column)."""
    return {ref: names for ref, names in con.execute("SELECT ref, names FROM fts") if ref in refs}


def _words(con: sqlite3.Connection) -> str:
    """Every written word the records hold with its terms (the first record's reading, by id)."""
    words = {word: terms.split() for word, _, terms in
             con.execute("SELECT word, min(ref), terms FROM surfaces GROUP BY word ORDER BY word")}
    return f'{_PUSH}{{"words":{script_json(words)}}});\n'


def _body(kb: KnowledgeBase, kind: str, ref: str) -> str:
    if kind == "source":
        return search_index.source_body(kb.sources[ref])
    if kind == "event":
        return search_index.event_body(kb.events[ref])
    return search_index.org_body(kb.orgs[ref]) if kind == "org" else search_index.person_body(kb.people[ref])


def page_of(kind: str, ref: str) -> str:
    stem = page_name(ref)
    if stem is None:
        return ""
    return {"source": f"sources/{stem}.html", "org": f"orgs/{stem}.html", "person": f"people/{stem}.html",
            "event": "timeline.html"}[kind]

