"""The documents themselves on the report site: one page per source, its kept text with each
extracted fact marked in the sentence it came from (the offline search page: render/search_page.py)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from biohub_cli.models import Event, Source
from biohub_cli.render import labels as lb
from biohub_cli.render.contexts import Ref, SourceContext, TextPiece
from biohub_cli.render.filters import format_date
from biohub_cli.render.queries import Index
from biohub_cli.render.views import event_row, org_ref, person_ref, source_row

Span = tuple[int, int, str, str, Ref | None]  # start, end, kind, note, page


def events_of_source(ix: Index, source_id: str) -> list[Event]:
    """The events (shown ones) that a document reports, in date order."""
    key = ("events-of-source",)
    found: dict[str, list[Event]] | None = ix.memo.get(key)
    if found is None:
        found = {}
        for e in ix.events:
            for sid in dict.fromkeys(e.sources):
                found.setdefault(sid, []).append(e)
        ix.memo[key] = found
    return found.get(source_id, [])


def source_context(ix: Index, src: Source, lang: str, *, links: bool = True) -> SourceContext:
    table = lb.labels(lang)
    events = events_of_source(ix, src.id)
    return SourceContext(
        lang=lang, labels=table, root="../", links=links, title=src.title or src.file_name,
        source=source_row(ix, src.id), reporter=src.reporter or "", format=src.format,
        off_topic=src.off_topic or "", events=[event_row(ix, e, lang) for e in events],
        paragraphs=pieces(src.text, _blocks(ix, src, events, lang), _facts(ix, src, lang)),
    )


def _blocks(ix: Index, src: Source, events: Sequence[Event], lang: str) -> list[Span]:
    out: list[Span] = []
    for e in events:
        note = f"{format_date(e.date)} · {lb.event_type_label(e.type, lang)} · {e.title}"
        out += [(ev.start, ev.end, "event", note, None) for ev in e.evidence if ev.source == src.id]
        for q in e.quotes:
            if q.evidence.source == src.id:
                speaker = ix.people[q.speaker].name if q.speaker in ix.people else (q.speaker or "")
                out.append((q.evidence.start, q.evidence.end, "quote", speaker, None))
    return out


def _facts(ix: Index, src: Source, lang: str) -> list[Span]:
    kb = ix.kb
    out: list[Span] = []
    for o in src.extraction.organizations:
        org = kb.org_by_name(o.name)
        ref = org_ref(ix, org.id) if org is not None and org.status == "active" else None
        out.append((o.evidence.start, o.evidence.end, "org", ref.name if ref else o.name, ref))
    for p in src.extraction.people:
        person = kb.person_by_name(p.name)
        ref = person_ref(ix, person.id) if person is not None and person.status == "active" else None
        out.append((p.evidence.start, p.evidence.end, "person", " ".join(x for x in (p.name, p.title) if x), ref))
    for a in src.extraction.amounts:
        if a.evidence is not None:
            out.append((a.evidence.start, a.evidence.end, "amount",
                        " · ".join(x for x in (lb.amount_kind_label(a.kind, lang), a.label) if x), None))
    if src.published_evidence is not None and src.published is not None:
        ev = src.published_evidence
        if ev.source == src.id:
            out.append((ev.start, ev.end, "date", format_date(src.published), None))
    return out


def pieces(text: str, blocks: Sequence[Span], facts: Sequence[Span]) -> list[list[TextPiece]]:
    """The text in paragraphs of pieces; a fact overlapping one kept before it is left unmarked."""
    n = len(text)
    kept: list[Span] = []
    for f in sorted(facts, key=lambda f: (f[0], -f[1], f[2])):
        if 0 <= f[0] < f[1] <= n and (not kept or f[0] >= kept[-1][1]):
            kept.append(f)
    blocks = [b for b in blocks if 0 <= b[0] < b[1] <= n]
    breaks = [i for i, c in enumerate(text) if c == "\n"]
    cuts = sorted({0, n, *breaks, *(i + 1 for i in breaks), *(x for s in (*kept, *blocks) for x in s[:2])})
    paragraphs: list[list[TextPiece]] = [[]]
    fi = 0
    for a, b in itertools.pairwise(cuts):
        chunk = text[a:b]
        if chunk == "\n":
            paragraphs.append([])
            continue
        while fi < len(kept) and kept[fi][1] <= a:
            fi += 1
        fact = kept[fi] if fi < len(kept) and kept[fi][0] <= a and b <= kept[fi][1] else None
        over = [x for x in blocks if x[0] <= a and b <= x[1]]
        kind = "event" if any(x[2] == "event" for x in over) else ("quote" if over else "")
        piece = TextPiece(chunk, kind, " / ".join(dict.fromkeys(x[3] for x in over)),
                          fact[2] if fact else "", fact[3] if fact else "", fact[4] if fact else None)
        last = paragraphs[-1][-1] if paragraphs[-1] else None
        same = last is not None and (last.block, last.block_note) == (kind, piece.block_note)
        if last is not None and same and not fact and not last.fact:
            paragraphs[-1][-1] = TextPiece(last.text + chunk, kind, piece.block_note)
        else:
            paragraphs[-1].append(piece)
    return [p for p in paragraphs if any(x.text.strip() for x in p)]
