"""Small helpers the extractors share: Korean body sentences, regex matches with absolute offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from biohub_cli.models.stages import Analysed, Sentence, Token

NOMINAL_TAGS = frozenset({"NNP", "NNG", "NNB", "NR", "SN", "SL", "SH", "XPN", "XSN", "SO", "W_SERIAL", "MM"})
QUOTE_PAIRS = {"'": "'", "‘": "’", "\"": "\"", "“": "”", "′": "′", "″": "″", "「": "」", "『": "』", "《": "》",
               "〈": "〉", "<": ">"}


@dataclass(frozen=True)
class Hit:
    """A regex match in a sentence, with offsets into document.text."""

    start: int
    end: int
    match: re.Match[str]
    sentence: Sentence

    @property
    def text(self) -> str:
        return self.match.group(0)


def body_sentences(analysed: Analysed) -> list[Sentence]:
    """The sentences of the Korean story: an appended translation repeats its facts in English."""
    return [s for s in analysed.sentences if s.segment != "translation"]


def in_translation(analysed: Analysed, offset: int) -> bool:
    return analysed.document.segment_of(offset) == "translation"


def find_in(pattern: re.Pattern[str], sentence: Sentence) -> Iterator[Hit]:
    for m in pattern.finditer(sentence.text):
        if m.end() > m.start():
            yield Hit(sentence.start + m.start(), sentence.start + m.end(), m, sentence)


def tokens_in(sentence: Sentence, start: int, end: int) -> list[Token]:
    """The tokens lying inside [start, end) (absolute offsets)."""
    return [t for t in sentence.tokens if t.start >= start and t.end <= end]


def local(sentence: Sentence, start: int, end: int | None = None) -> str:
    """The sentence text between two absolute offsets."""
    a = max(0, start - sentence.start)
    b = len(sentence.text) if end is None else max(a, end - sentence.start)
    return sentence.text[a:b]


def sentence_index(sentences: Sequence[Sentence], offset: int) -> int | None:
    for i, s in enumerate(sentences):
        if s.start <= offset < s.end:
            return i
    return None


def squash(text: str) -> str:
    """Whitespace runs to single spaces, ends trimmed."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Quoted:
    """A name in quote marks inside a sentence: offsets of the inner text."""

    start: int
    end: int
    text: str
    opener: str


def quoted_names(sentence: Sentence, max_len: int = 80) -> list[Quoted]:
    """Names in single, double or corner quotes ('제5회 …', ‘…’, 『…』) in one sentence."""
    out: list[Quoted] = []
    text = sentence.text
    i = 0
    while i < len(text):
        ch = text[i]
        close = QUOTE_PAIRS.get(ch)
        if close is None or (ch == "<" and not _looks_bracketed(text, i)):
            i += 1
            continue
        j = text.find(close, i + 1, i + max_len + 2)  # a mark farther away closes no name
        if j == -1 or j == i + 1:
            i += 1
            continue
        inner = text[i + 1:j]
        lead = len(inner) - len(inner.lstrip())
        body = inner.strip()
        if body:
            start = sentence.start + i + 1 + lead
            out.append(Quoted(start, start + len(body), body, ch))
        i = j + 1
    return out


def _looks_bracketed(text: str, i: int) -> bool:
    return i + 1 < len(text) and not text[i + 1].isspace() and not text[i + 1].isdigit()
