"""Fixtures of the extract tests: Analysed documents built from Korean text we wrote ourselves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from biohub_cli.analyse import analyse
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.facts import OrgMention, PersonMention
from biohub_cli.models.records import Segment
from biohub_cli.models.stages import Analysed, Document, Metadata, RawDocument

AnalysedOf = Callable[..., Analysed]


def _published(value: PartialDate | str | None) -> PartialDate | None:
    if value is None or isinstance(value, PartialDate):
        return value
    parsed = PartialDate.parse_iso(value)
    return PartialDate.of(parsed.year, parsed.month, parsed.day, basis="text")


def build_analysed(text: str, published: PartialDate | str | None = None,
                   translation: str | None = None) -> Analysed:
    """Analyse `text` as the body of a document; `translation` is appended as an English segment."""
    full = text if translation is None else f"{text}\n{translation}"
    segments = [Segment(kind="body", start=0, end=len(text))]
    if translation is not None:
        segments.append(Segment(kind="translation", start=len(text) + 1, end=len(full), language="en"))
    doc = Document(raw=RawDocument(path=Path("t.txt"), sha256="0" * 64, format="text", text=full), text=full,
                   segments=tuple(segments), noise=(), metadata=Metadata(published=_published(published)))
    return analyse(doc)


@pytest.fixture(scope="session")
def analysed_of() -> AnalysedOf:
    """`analysed_of(text, published=None, translation=None)` → Analysed (Kiwi loads once per session)."""
    cache: dict[tuple[str, str | None, str | None], Analysed] = {}

    def build(text: str, published: PartialDate | str | None = None,
              translation: str | None = None) -> Analysed:
        key = (text, published.iso() if isinstance(published, PartialDate) else published, translation)
        if key not in cache:
            cache[key] = build_analysed(text, published, translation)
        return cache[key]

    return build


def org_mentions(analysed: Analysed, names: dict[str, str], org_type: str = "other") -> list[OrgMention]:
    """Hand-built organisation mentions: every occurrence of each surface (longest first, no overlaps)."""
    text = analysed.document.text
    taken: list[tuple[int, int]] = []
    out: list[OrgMention] = []
    for surface in sorted(names, key=lambda s: (-len(s), s)):
        start = text.find(surface)
        while start != -1:
            end = start + len(surface)
            if all(end <= a or start >= b for a, b in taken):
                taken.append((start, end))
                out.append(OrgMention(surface=surface, name=names[surface], type=org_type,  # type: ignore[arg-type]
                                      evidence=analysed.evidence(start, end)))
            start = text.find(surface, end)
    return sorted(out, key=lambda o: o.evidence.start)


def person_mentions(analysed: Analysed, people: dict[str, str | None]) -> list[PersonMention]:
    """Hand-built person mentions: name -> organisation."""
    text = analysed.document.text
    out: list[PersonMention] = []
    for name, org in people.items():
        start = text.find(name)
        while start != -1:
            out.append(PersonMention(name=name, organization=org,
                                     evidence=analysed.evidence(start, start + len(name))))
            start = text.find(name, start + len(name))
    return sorted(out, key=lambda p: p.evidence.start)
