"""A query as groups of alternative phrases, every group required; and as an FTS5 expression.

Several words mean all of them; "a quoted phrase" means those words in a row. A word or phrase also
matches its compound written as one word and back, when the index knows that word: 바이오클러스터
finds 바이오 클러스터 (two terms in a row) and 바이오 클러스터 finds 바이오클러스터. The site's search
page (templates/search.js) follows exactly these rules over the terms computed at build time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

Phrase = tuple[str, ...]
Alternative = tuple[Phrase, ...]  # every phrase of it, anywhere
Group = tuple[Alternative, ...]  # one of its alternatives

_PART = re.compile(r'"([^"]*)"?|(\S+)')
MIN_PART = 2  # a compound is split only into parts of two characters or more


@dataclass(frozen=True)
class Parsed:
    """The query's words (bare words alone, a quoted phrase as a list of its words)."""

    items: tuple[tuple[bool, tuple[str, ...]], ...]  # (quoted, words)

    def words(self) -> list[str]:
        return [w for _, ws in self.items for w in ws]


def parse(query: str) -> Parsed:
    items: list[tuple[bool, tuple[str, ...]]] = []
    for m in _PART.finditer(query):
        if m.group(2) is not None:
            items.append((False, (m.group(2),)))
        elif m.group(1) and m.group(1).split():
            items.append((True, tuple(m.group(1).split())))
    return Parsed(tuple(items))


def groups(parsed: Parsed, terms_of: Sequence[Sequence[str]],
           known: Callable[[Iterable[str]], set[str]]) -> list[Group]:
    """The groups of a parsed query, given each of its words' terms (in `parsed.words()` order) and
    which candidate compounds and parts the index knows."""
    it = iter(terms_of)
    items = [(quoted, [t for _ in words for t in next(it)]) for quoted, words in parsed.items]
    items = [(q, ts) for q, ts in items if ts]
    wanted: set[str] = set()
    for i, (_, ts) in enumerate(items):
        wanted.update(_joins(ts))
        wanted.update(p for t in ts for a, b in _splits(t) for p in (a, b))
        if i + 1 < len(items) and not items[i][0] and not items[i + 1][0] and len(ts) == 1 \
                and len(items[i + 1][1]) == 1:
            wanted.add(ts[0] + items[i + 1][1][0])
    have = known(sorted(wanted)) if wanted else set()
    out: list[Group] = []
    i = 0
    while i < len(items):
        quoted, ts = items[i]
        group = _variants(tuple(ts), have)
        if (i + 1 < len(items) and not quoted and not items[i + 1][0] and len(ts) == 1
                and len(items[i + 1][1]) == 1 and ts[0] + items[i + 1][1][0] in have):
            nxt = _variants(tuple(items[i + 1][1]), have)
            group = (*(a + b for a in group for b in nxt), ((ts[0] + items[i + 1][1][0],),))
            i += 1
        out.append(group)
        i += 1
    return out


def _joins(ts: Sequence[str]) -> list[str]:
    out = ["".join(ts)] if len(ts) > 1 else []
    out += [ts[k] + ts[k + 1] for k in range(len(ts) - 1)]
    return out


def _splits(term: str) -> list[tuple[str, str]]:
    return [(term[:k], term[k:]) for k in range(MIN_PART, len(term) - MIN_PART + 1)]


def _variants(ts: Phrase, have: set[str]) -> Group:
    """The phrase, its compound when known, each adjacent pair joined, each term split in two."""
    alts: list[Phrase] = [ts]
    if len(ts) > 1 and "".join(ts) in have:
        alts.append(("".join(ts),))
    for k in range(len(ts) - 1):
        if ts[k] + ts[k + 1] in have:
            alts.append((*ts[:k], ts[k] + ts[k + 1], *ts[k + 2:]))
    for k, t in enumerate(ts):
        for a, b in _splits(t):
            if a in have and b in have:
                alts.append((*ts[:k], a, b, *ts[k + 1:]))
    unique = list(dict.fromkeys(alts))
    return tuple((p,) for p in unique)


def fts(groups_: Sequence[Group]) -> str:
    """The FTS5 MATCH expression: every group, one of its alternatives, every phrase of that."""
    def phrase(p: Phrase) -> str:
        return " + ".join('"' + t.replace('"', '""') + '"' for t in p)

    def alternative(a: Alternative) -> str:
        return "(" + " AND ".join(phrase(p) for p in a) + ")"

    return " AND ".join("(" + " OR ".join(alternative(a) for a in g) + ")" for g in groups_)


def occurrences(seq: Sequence[str], p: Phrase) -> list[int]:
    """Where the phrase starts in a sequence of terms."""
    n = len(p)
    return [i for i in range(len(seq) - n + 1) if tuple(seq[i:i + n]) == p]


def satisfied(seq: Sequence[str], group: Group) -> Alternative | None:
    """The first alternative of the group whose every phrase is in `seq`."""
    for alt in group:
        if all(occurrences(seq, p) for p in alt):
            return alt
    return None
