"""Text to search terms: Kiwi's content morphemes, the same rule for what is indexed and for a query.

A term is a content morpheme (nouns, numerals, roots, verb and adjective stems, foreign words,
numbers), lower-cased; particles and endings are dropped, so 셀트리온과, 셀트리온은 and 셀트리온 give
one term. A run of Latin letters or digits is split the same way with or without Kiwi, so a query of
plain Latin letters and digits is read without loading it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

CONTENT_TAGS = frozenset({"NNG", "NNP", "NR", "XR", "VV", "VA", "SL", "SN", "SH"})
_PLAIN = re.compile(r"[a-z]+|[0-9]+|[^\W\d_a-z]+")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:[^\w\s]+[A-Za-z0-9]+)*")
_WORD = re.compile(r"\S+")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")

Term = tuple[str, int, int]  # term, start, end in the text


@dataclass(frozen=True)
class Unit:
    """One sentence (or a record's line) and its terms with their places in the whole text."""

    start: int
    end: int
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Analysis:
    units: tuple[Unit, ...]
    surfaces: tuple[tuple[str, tuple[str, ...]], ...]  # each written word and its terms, first seen first

    def terms(self) -> list[str]:
        return [t for u in self.units for t, _, _ in u.terms]


def surface(word: str) -> str:
    """A written word as the index keys it: punctuation at its edges dropped."""
    return _EDGE.sub("", word)


def plain_terms(text: str) -> list[str]:
    """Terms of a run of Latin letters and digits (or any text Kiwi is not needed for)."""
    return _PLAIN.findall(text.lower())


def is_plain(word: str) -> bool:
    """A query word of Latin letters and digits (with punctuation between): no Kiwi needed."""
    return _LATIN_WORD.fullmatch(word) is not None


def morpheme_terms(form: str, tag: str) -> list[str]:
    if tag not in CONTENT_TAGS:
        return []
    return plain_terms(form)


def analyse(texts: Sequence[str]) -> list[Analysis]:
    """Each text's sentences with their terms, and the terms of each written word in it."""
    if not texts:
        return []
    from biohub_cli import analyse as kiwi

    out: list[Analysis] = []
    for text, sentences in zip(texts, kiwi.morphemes(texts), strict=True):
        units: list[Unit] = []
        for sent in sentences:
            terms = tuple((t, s, e) for form, tag, s, e in sent for t in morpheme_terms(form, tag))
            units.append(Unit(sent[0][2], sent[-1][3], terms))
        out.append(Analysis(tuple(units), _surfaces(text, units)))
    return out


def _surfaces(text: str, units: Sequence[Unit]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every written word with the terms of the morphemes inside it; a word's first reading wins."""
    spans = sorted((s, e, t) for u in units for t, s, e in u.terms)
    seen: dict[str, tuple[str, ...]] = {}
    i = 0
    for m in _WORD.finditer(text):
        while i < len(spans) and spans[i][0] < m.start():
            i += 1
        j = i
        while j < len(spans) and spans[j][1] <= m.end():
            j += 1
        word = surface(m.group())
        if word and j > i and word not in seen:
            seen[word] = tuple(t for _, _, t in spans[i:j])
        i = j
    return tuple(seen.items())


def query_terms(words: Sequence[str], known: dict[str, tuple[str, ...]]) -> list[list[str]]:
    """Each query word's terms: plain words without Kiwi, written words the index knows from it,
    the rest through Kiwi (loaded only then)."""
    out: list[list[str] | None] = []
    unknown: list[int] = []
    for i, word in enumerate(words):
        key = surface(word)
        if is_plain(key) or not key:
            out.append(plain_terms(key))
        elif key in known:
            out.append(list(known[key]))
        else:
            out.append(None)
            unknown.append(i)
    if unknown:
        for i, a in zip(unknown, analyse([surface(words[i]) for i in unknown]), strict=True):
            out[i] = a.terms()
    return [o or [] for o in out]
