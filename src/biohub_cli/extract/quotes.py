"""Quotes: “…”라고 말했다, "…"이라며, "…"고 했다, with the speaker the text names.

A quotation is a span in double quotes (curly or straight) followed by a quoting ending (라고, 고,
이라며, 면서 …); a double-quoted name followed by 를, 라는 or nothing is not a quotation. The speaker is
the nearest person mentioned before the quote in the same or the previous sentence (outside other
quotes), or after it in the same sentence ("…"라고 홍길동 시장은 말했다); a quote that opens with 이어,
또 or 그러면서 continues the previous speaker. When nothing names a speaker it stays None.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from biohub_cli.extract.spans import body_sentences, squash
from biohub_cli.models.facts import PersonMention, Quote
from biohub_cli.models.stages import Analysed, Sentence

MAX_QUOTE_CHARS = 1200
_CUE = re.compile(r"^\s*(?:[,，]\s*)?(?:이?라고|고|이?라며|며|이?라면서|면서|하며|하면서"
                  r"|이?라\s*(?:말|밝|강조|전|했))")
_NAME_ENDING = re.compile(r"^\s*(?:이?라는|란|을|를|이|가|은|는|의|와|과|로|으로|에|에서)(?![가-힣])")
_SAYS = re.compile(r"(?:말|밝|강조|전|했|덧붙|설명|당부|언급)")
_CONTINUES = re.compile(r"\s*(?:이어|이어서|또|또한|그러면서|아울러|이와\s*함께|그는|그녀는|덧붙여)"
                        r"\s*[,，]?\s*")  # the whole lead-in of a quote (fullmatch)


@dataclass(frozen=True)
class _Span:
    open: int   # offset of the opening mark
    close: int  # offset of the closing mark


def find_quotes(analysed: Analysed, people: Sequence[PersonMention]) -> list[Quote]:
    """The quotations of the Korean body in text order, each with its speaker when the text makes it clear."""
    text = analysed.document.text
    all_spans = _quote_spans(analysed)
    spans = [s for s in all_spans if _CUE.match(text[s.close + 1:s.close + 40])
             and not _NAME_ENDING.match(text[s.close + 1:s.close + 10])]
    persons = sorted((p for p in people if analysed.document.segment_of(p.evidence.start) != "translation"),
                     key=lambda p: (p.evidence.start, p.name))
    opens = [s.open for s in all_spans]
    outside = [p for p in persons if not _inside(p.evidence.start, all_spans, opens)]
    near = _Near(text, body_sentences(analysed), outside)
    out: list[Quote] = []
    previous: tuple[int, str | None] | None = None  # (end offset, speaker) of the last quote
    for span in spans:
        inner_start, inner_end = span.open + 1, span.close
        raw = text[inner_start:inner_end]
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if not body:
            continue
        speaker = _speaker(text, span, near, previous)
        start = inner_start + lead
        evidence = analysed.evidence(start, start + len(body))
        out.append(Quote(text=squash(body), speaker=speaker, evidence=evidence))
        previous = (span.close, speaker)
    return out


def _quote_spans(analysed: Analysed) -> list[_Span]:
    """Curly pairs may cross wrapped lines; straight quotes pair up within one line."""
    text = analysed.document.text
    out: list[_Span] = []
    for seg in analysed.document.segments:
        if seg.kind == "translation":
            continue
        i = seg.start
        while i < seg.end:
            ch = text[i]
            if ch == "“":
                j = text.find("”", i + 1, min(seg.end, i + MAX_QUOTE_CHARS))
                nxt = text.find("“", i + 1, j if j != -1 else i)
                if j != -1 and nxt == -1:
                    out.append(_Span(i, j))
                    i = j + 1
                    continue
            elif ch == '"':
                line_end = text.find("\n", i, i + MAX_QUOTE_CHARS)  # no farther than a quote may reach
                limit = seg.end if line_end == -1 else min(seg.end, line_end)
                j = text.find('"', i + 1, min(limit, i + MAX_QUOTE_CHARS))
                if j != -1:
                    out.append(_Span(i, j))
                    i = j + 1
                    continue
            i += 1
    return out


def _inside(offset: int, spans: Sequence[_Span], opens: Sequence[int]) -> bool:
    """Whether an offset lies inside one of the spans (in text order and apart, as _quote_spans gives them;
    `opens` are their opening offsets)."""
    k = bisect_left(opens, offset)
    return k > 0 and offset < spans[k - 1].close


class _Near:
    """The sentences, the people outside quotes and the quoting verbs of a document, each found by
    bisection: every quote asks for those near it, and a scan of all of them per quote was quadratic."""

    def __init__(self, text: str, sentences: Sequence[Sentence], outside: Sequence[PersonMention]) -> None:
        self.sentences = sentences
        self._sentence_ends = [s.end for s in sentences]
        self._ordered = all(a.end <= b.start for a, b in pairwise(sentences))
        self.outside = outside  # sorted by start
        self._person_starts = [p.evidence.start for p in outside]
        self._says = [(m.start(), m.end()) for m in _SAYS.finditer(text)]
        self._says_starts = [a for a, _ in self._says]

    def sentence_index(self, offset: int) -> int | None:
        """The first sentence holding `offset`."""
        if not self._ordered:  # not as analyse gives them (in text order, apart): look at each
            return next((i for i, s in enumerate(self.sentences) if s.start <= offset < s.end), None)
        i = bisect_right(self._sentence_ends, offset)
        if i < len(self.sentences) and self.sentences[i].start <= offset < self.sentences[i].end:
            return i
        return None

    def people(self, start: int, end: int) -> Sequence[PersonMention]:
        """People outside quotes with start <= their start < end, in text order."""
        return self.outside[bisect_left(self._person_starts, start):bisect_left(self._person_starts, end)]

    def says_end(self, start: int, end: int) -> int | None:
        """The end of the first quoting verb (말했다, 밝혔다 …) found between start and end."""
        k = bisect_left(self._says_starts, start)
        return self._says[k][1] if k < len(self._says) and self._says[k][1] <= end else None


def _speaker(text: str, span: _Span, near: _Near, previous: tuple[int, str | None] | None) -> str | None:
    idx = near.sentence_index(span.open)
    if idx is None:
        idx = near.sentence_index(span.open + 1)
    if idx is None:
        return None
    here = near.sentences[idx]
    before_same = near.people(here.start, span.open)
    if before_same:
        return before_same[-1].name
    if previous is not None and here.start <= previous[0] < span.open:
        return previous[1]  # "…"이라며 "…"고 했다: the second part of the same speaker's words
    clause_end = _clause_end(span, here, near)
    after_same = near.people(span.close + 1, clause_end)
    if after_same:
        return after_same[0].name
    if previous is not None and _CONTINUES.fullmatch(text, here.start, span.open):
        return previous[1]
    if idx > 0:
        prev = near.sentences[idx - 1]
        before_prev = near.people(prev.start, span.open)
        if before_prev:
            return before_prev[-1].name
    return None


def _clause_end(span: _Span, here: Sentence, near: _Near) -> int:
    """Up to the quoting verb after the quote (말했다, 밝혔다), within the sentence."""
    end = max(here.end, span.close + 1)
    found = near.says_end(span.close + 1, end)
    return found if found is not None else end
