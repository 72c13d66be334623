"""clean: keep the story, drop the page furniture, re-join broken lines, lift the metadata.

`clean(raw)` gives a Document whose `text` is the story (then, if present, an appended English
translation), one paragraph a line. `segments` cover that text: a "body" segment and optionally a
"translation" segment (language "en"). `noise` lists what was dropped, with offsets into
`raw.text`. Metadata evidence offsets also point into `raw.text` (see clean/metadata.py).
"""

from __future__ import annotations

import dataclasses

from biohub_cli.clean.lines import mostly_latin, normalise_spaces, split_lines
from biohub_cli.clean.metadata import lift
from biohub_cli.clean.rejoin import Paragraph, paragraphs
from biohub_cli.clean.story import Plan, plan
from biohub_cli.clean.topic import off_topic_reason
from biohub_cli.clean.translation import split_trailing_translation
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.records import Noise, Segment
from biohub_cli.models.stages import Document, Metadata, RawDocument

__all__ = ["clean", "with_published"]


def clean(raw: RawDocument, *, published: PartialDate | None = None) -> Document:
    """Keep the story of one read document; `published` (the analyst's) wins over any date found.

    Never raises: text the rules cannot make sense of is kept whole, line by line.
    """
    try:
        doc = clean_document(raw)
    except Exception:  # a page we cannot parse still gives a document
        doc = _keep_everything(raw)
    return with_published(doc, published)


def clean_document(raw: RawDocument) -> Document:
    """The cleaning itself (may raise on a bug; `clean` guards it)."""
    p = plan(raw.text)
    cuts = {i: prefix.length for i, prefix in p.prefixes.items()}
    body = paragraphs(p.lines, p.reasons, p.body, cuts)
    translation = paragraphs(p.lines, p.reasons, p.translation, cuts)
    if not translation:
        body, translation = split_trailing_translation(body)
    if not body:
        body, translation = translation, []
    text, segments = _assemble(body, translation)
    metadata = lift(p, body, raw.source_id, raw.page)
    metadata = dataclasses.replace(metadata, off_topic=off_topic_reason(metadata.title, text))
    return Document(raw=raw, text=text, segments=segments, noise=_noise(raw.text, p), metadata=metadata)


def _assemble(body: list[Paragraph], translation: list[Paragraph]) -> tuple[str, tuple[Segment, ...]]:
    body_text = "\n".join(par.text for par in body)
    if not body_text:
        return "", ()
    language = "en" if mostly_latin(body_text) else "ko"
    if not translation:
        return body_text, (Segment(kind="body", start=0, end=len(body_text), language=language),)
    translation_text = "\n".join(par.text for par in translation)
    split = len(body_text) + 1
    text = body_text + "\n" + translation_text
    return text, (Segment(kind="body", start=0, end=split, language=language),
                  Segment(kind="translation", start=split, end=len(text), language="en"))


def _noise(text: str, p: Plan) -> tuple[Noise, ...]:
    """What was dropped, whole lines and prefixes, neighbours with the same reason merged."""
    spans: list[tuple[int, int, str]] = []
    for i, line in enumerate(p.lines):
        reason = p.reasons[i]
        if reason is not None and not line.blank:
            spans.append((line.start, line.end, reason))
        prefix = p.prefixes.get(i)
        if prefix is not None and reason is None:
            cut = line.text[:prefix.length].rstrip()
            lead = len(cut) - len(cut.lstrip())
            spans.append((line.start + lead, line.start + len(cut), prefix.reason))
    spans += p.inline_noise
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, reason in spans:
        if merged and merged[-1][2] == reason and not text[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], end, reason)
        else:
            merged.append((start, end, reason))
    out: list[Noise] = []
    for start, end, reason in merged:
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        trail = len(text[start:end]) - len(text[start:end].rstrip())
        start, end = start + lead, end - trail
        if end > start:
            out.append(Noise(start=start, end=end, reason=reason, text=text[start:end]))
    return tuple(out)


def _keep_everything(raw: RawDocument) -> Document:
    kept = [t for t in (normalise_spaces(line.text) for line in split_lines(raw.text)) if t]
    text = "\n".join(kept)
    segments = (Segment(kind="body", start=0, end=len(text)),) if text else ()
    return Document(raw=raw, text=text, segments=segments, noise=(),
                    metadata=Metadata(off_topic=off_topic_reason(None, text)))


def with_published(doc: Document, published: PartialDate | None) -> Document:
    """The document dated by the analyst's `published` (kept as found when it is None)."""
    if published is None:
        return doc
    meta = doc.metadata
    found = meta.published
    given = published
    if published.year is not None:
        given = published.model_copy(update={"year_basis": "analyst"})
    same_day = found is not None and found.iso() == given.iso()
    metadata = Metadata(title=meta.title, outlet=meta.outlet, reporter=meta.reporter, published=given,
                        published_time=meta.published_time if same_day else None,
                        published_evidence=meta.published_evidence if same_day else None,
                        header=dict(meta.header), url=meta.url, off_topic=meta.off_topic)
    return Document(raw=doc.raw, text=doc.text, segments=doc.segments, noise=doc.noise, metadata=metadata)
