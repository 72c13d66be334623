"""The objects that pass between pipeline stages (not stored as such)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from pathlib import Path

from biohub_cli.models.dates import PartialDate
from biohub_cli.models.evidence import Evidence
from biohub_cli.models.records import Noise, Segment
from biohub_cli.models.vocab import Format


@dataclass(frozen=True)
class PageMetadata:
    """What a saved web page's markup states about its article (read/html_meta.py).

    `reporter` is the byline as the page gives it ("충청바이오일보 서하준 기자"); clean/ keeps the
    name. `published_evidence` is the markup that states the date (a meta tag, a JSON-LD field).
    """

    title: str | None = None
    outlet: str | None = None
    reporter: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_time: str | None = None
    published_evidence: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class RawDocument:
    """What read/ gives: the decoded text of one file and how it was read."""

    path: Path
    sha256: str
    format: Format
    text: str
    encoding: str | None = None
    page: PageMetadata | None = None  # a web page's own metadata

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def source_id(self) -> str:
        return "src-" + self.sha256[:12]


@dataclass(frozen=True)
class Metadata:
    """What clean/ lifted from the page around the story; every value has its evidence."""

    title: str | None = None
    outlet: str | None = None
    reporter: str | None = None
    published: PartialDate | None = None
    published_time: str | None = None  # "HH:MM" or "HH:MM:SS" when stated
    published_evidence: Evidence | None = None
    header: dict[str, str] = field(default_factory=dict)  # press-release header: 담당 부서, 담당자, 보도시점
    url: str | None = None  # the original address of a saved web page
    off_topic: str | None = None  # why the document is not about the bio industry (clean/topic.py)


@dataclass(frozen=True)
class Document:
    """What clean/ gives: the kept text, its segments, what was dropped, and the metadata."""

    raw: RawDocument
    text: str
    segments: tuple[Segment, ...]
    noise: tuple[Noise, ...]
    metadata: Metadata

    @property
    def source_id(self) -> str:
        return self.raw.source_id

    def segment_of(self, offset: int) -> str:
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg.kind
        return "body"


@dataclass(frozen=True, slots=True)  # hundreds per document: slots make them faster to build
class Token:
    form: str
    tag: str
    start: int  # absolute offset in Document.text
    end: int


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # absolute offset in Document.text
    end: int
    tokens: tuple[Token, ...]
    segment: str = "body"


@dataclass(frozen=True)
class Analysed:
    document: Document
    sentences: tuple[Sentence, ...]

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for a span: the (first) sentence holding `start`, or ending where an empty span is."""
        for s in self._near(start):
            if s.start <= start < s.end or (start == end == s.end):
                return Evidence(source=self.document.source_id, start=start, end=end, sentence=s.text)
        text = self.document.text
        return Evidence(source=self.document.source_id, start=start, end=end,
                        sentence=text[max(0, start - 40):min(len(text), end + 40)])

    def _near(self, offset: int) -> Sequence[Sentence]:
        """The sentences that may hold `offset`, in order: those ending at or after it and starting at or
        before it (every other sentence ends before it or starts after it). Found by bisection when the
        sentences are in text order, as analyse gives them; a document's facts each ask once."""
        bounds = self._bounds
        if bounds is None:
            return self.sentences
        starts, ends = bounds
        return self.sentences[bisect_left(ends, offset):bisect_right(starts, offset)]

    @cached_property
    def _bounds(self) -> tuple[list[int], list[int]] | None:
        starts = [s.start for s in self.sentences]
        ends = [s.end for s in self.sentences]
        ordered = all(a <= b for a, b in pairwise(starts)) and all(a <= b for a, b in pairwise(ends))
        return (starts, ends) if ordered else None
