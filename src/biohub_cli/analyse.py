"""The only kiwipiepy importer: one lazily loaded Kiwi per process, sentences and tokens in one pass."""

from __future__ import annotations

import os
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from biohub_cli.models.stages import Analysed, Document, Sentence, Token

T = TypeVar("T")
UserWord = tuple[str, str]  # (form, tag), e.g. ("인천바이오헬스밸리", "NNP")

_LOCK = threading.Lock()
_KIWI: dict[str, Any] = {}
_PARAGRAPH = re.compile(r"[^\n]+")
# Kiwi's time grows faster than the length of the text it is given in one piece (a line of 224,000
# characters took 24 s, four times the 56,000-character line's 2.9 s), and a sentence is never longer
# than its piece: a paragraph longer than this goes to Kiwi in pieces cut at a sentence end (else at a
# space). The longest paragraph of the development set has 1,539 characters.
MAX_PIECE_CHARS = 4000
_SENTENCE_ENDS = (". ", "? ", "! ", "。", "… ")


def _kiwi(user_words: Sequence[UserWord]) -> Any:
    """A Kiwi with these user words; rebuilt only when the word list changes (kiwi ignores late additions)."""
    key = "\x00".join(f"{w}\x01{t}" for w, t in sorted(set(user_words)))
    with _LOCK:
        if _KIWI.get("key") != key or "kiwi" not in _KIWI:
            from kiwipiepy import Kiwi  # heavy: loaded only when Korean text is analysed

            kiwi = Kiwi(model_type="cong", load_multi_dict=False)
            for form, tag in sorted(set(user_words)):
                if form.strip() and " " not in form:
                    kiwi.add_user_word(form, tag, 0.0)
            _KIWI.clear()
            _KIWI.update(key=key, kiwi=kiwi, pid=os.getpid())
        return _KIWI["kiwi"]


def analyse(doc: Document, *, user_words: Sequence[UserWord] = ()) -> Analysed:
    """Split the kept text into paragraphs (kiwi does not split at single newlines), then sentences."""
    return analyse_many([doc], user_words=user_words)[0]


def analyse_many(docs: Sequence[Document], *, user_words: Sequence[UserWord] = ()) -> list[Analysed]:
    """Kiwi's own threads over the paragraphs, unless this process inherited Kiwi from its parent."""
    kiwi = _kiwi(user_words)
    return _analyse(kiwi, docs, one_by_one=_KIWI.get("pid") != os.getpid())


def analyse_each(docs: Sequence[Document], *, user_words: Sequence[UserWord] = ()) -> list[Analysed]:
    """As analyse_many, one paragraph per Kiwi call (the path a forked worker takes): the same result."""
    return _analyse(_kiwi(user_words), docs, one_by_one=True)


def analyse_stream(items: Iterable[T], document_of: Callable[[T], Document | None], *,
                   user_words: Sequence[UserWord] = ()) -> Iterator[tuple[T, Analysed | None]]:
    """Each item with its document analysed (None when it has none), in input order, lazily.

    One Kiwi call over the paragraphs of every document: Kiwi's threads tokenise the paragraphs ahead
    while the caller works on the results already given, and `items` is drawn as Kiwi needs more text
    (so reading the next files overlaps tokenising the last ones). The result is analyse()'s.
    """
    kiwi = _kiwi(user_words)
    if _KIWI.get("pid") != os.getpid():  # a forked process: Kiwi's thread pool did not survive the fork
        for item in items:
            doc = document_of(item)
            yield item, analyse_each([doc], user_words=user_words)[0] if doc is not None else None
        return
    pending: deque[_Pending[T]] = deque()

    def paragraphs() -> Iterator[str]:
        for item in items:
            doc = document_of(item)
            paras = paragraphs_of(doc.text) if doc is not None else []
            pending.append(_Pending(item, doc, paras))
            for _, para in paras:
                yield para

    results = kiwi.tokenize(paragraphs(), split_sents=True)
    while True:
        while pending and pending[0].complete():
            yield pending.popleft().finish()
        try:
            sents = next(results)
        except StopIteration:
            break
        waiting = next(p for p in pending if not p.complete())
        waiting.results.append(sents)
    while pending:
        yield pending.popleft().finish()


@dataclass
class _Pending(Generic[T]):
    item: T
    doc: Document | None
    paragraphs: list[tuple[int, str]]
    results: list[Any] = field(default_factory=list)

    def complete(self) -> bool:
        return len(self.results) == len(self.paragraphs)

    def finish(self) -> tuple[T, Analysed | None]:
        if self.doc is None:
            return self.item, None
        sentences: list[Sentence] = []
        for (offset, para), sents in zip(self.paragraphs, self.results, strict=True):
            sentences.extend(_sentences(self.doc, offset, para, sents))
        return self.item, Analysed(document=self.doc, sentences=tuple(sentences))


def _analyse(kiwi: Any, docs: Sequence[Document], *, one_by_one: bool) -> list[Analysed]:
    out: list[Analysed] = []
    for doc in docs:
        paragraphs = paragraphs_of(doc.text)
        sentences: list[Sentence] = []
        results: Iterable[Any]
        if one_by_one:  # a forked worker: Kiwi's thread pool did not survive the fork, one text at a time
            results = [kiwi.tokenize(p, split_sents=True) for _, p in paragraphs]
        else:
            results = kiwi.tokenize([p for _, p in paragraphs], split_sents=True) if paragraphs else []
        for (offset, para), sents in zip(paragraphs, results, strict=True):
            sentences.extend(_sentences(doc, offset, para, sents))
        out.append(Analysed(document=doc, sentences=tuple(sentences)))
    return out


def paragraphs_of(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each non-blank line, a line over MAX_PIECE_CHARS in pieces: what Kiwi is given."""
    out: list[tuple[int, str]] = []
    for m in _PARAGRAPH.finditer(text):
        para = m.group()
        if not para.strip():
            continue
        start = 0
        while len(para) - start > MAX_PIECE_CHARS:
            cut = _cut(para, start + MAX_PIECE_CHARS // 2, start + MAX_PIECE_CHARS)
            if para[start:cut].strip():
                out.append((m.start() + start, para[start:cut]))
            start = cut
        if para[start:].strip():
            out.append((m.start() + start, para[start:]))
    return out


def _cut(para: str, lo: int, hi: int) -> int:
    """Where a piece of `para` ending between lo and hi ends: after its last sentence end there, else
    after its last space, else at hi. Each search stays inside the window: linear in the paragraph."""
    best = max(para.rfind(mark, lo, hi) + len(mark) for mark in _SENTENCE_ENDS)
    if best > lo:  # rfind gave -1 for every mark when best is below lo
        return best
    space = para.rfind(" ", lo, hi)
    return space + 1 if space >= 0 else hi


def _sentences(doc: Document, offset: int, para: str, sents: Any) -> list[Sentence]:
    out: list[Sentence] = []
    for sent in sents:
        if not sent:
            continue
        start = sent[0].start
        end = sent[-1].start + sent[-1].len
        tokens = tuple(Token(t.form, t.tag, offset + t.start, offset + t.start + t.len) for t in sent)
        abs_start = offset + start
        out.append(Sentence(text=para[start:end], start=abs_start, end=offset + end, tokens=tokens,
                            segment=doc.segment_of(abs_start)))
    return out


def warm(user_words: Sequence[UserWord] = ()) -> None:
    """Load the model now (for benchmarks, and before forking workers that share it)."""
    _kiwi(user_words)



Morpheme = tuple[str, str, int, int]  # form, tag, start, end (in the text given)


def morphemes(texts: Sequence[str]) -> list[list[list[Morpheme]]]:
    """Each text's sentences as (form, tag, start, end) morphemes, paragraph by paragraph (search terms).

    Kiwi without user words: the same text gives the same morphemes whatever the knowledge base holds.
    """
    kiwi = _kiwi(())
    jobs: list[tuple[int, int, str]] = []
    for i, text in enumerate(texts):
        jobs.extend((i, m.start(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip())
    out: list[list[list[Morpheme]]] = [[] for _ in texts]
    if not jobs:
        return out
    if _KIWI.get("pid") != os.getpid():
        results: Iterable[Any] = [kiwi.tokenize(p, split_sents=True) for _, _, p in jobs]
    else:
        results = kiwi.tokenize([p for _, _, p in jobs], split_sents=True)
    for (i, offset, _), sents in zip(jobs, results, strict=True):
        for sent in sents:
            if sent:
                out[i].append([(t.form, t.tag, offset + t.start, offset + t.start + t.len) for t in sent])
    return out
