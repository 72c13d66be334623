"""Shared fixtures: hand-built records so resolve and store tests need no Kiwi."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest

from biohub_cli.models import (
    EventMention,
    Evidence,
    Extraction,
    OrgMention,
    PartialDate,
    ParticipantMention,
    PersonMention,
    Source,
)

MakeSource = Callable[..., Source]


def _ev(source: str, text: str, needle: str) -> Evidence:
    start = max(0, text.find(needle))
    return Evidence(source=source, start=start, end=start + len(needle), sentence=text)


@pytest.fixture
def make_source() -> MakeSource:
    """A Source whose extraction lists the given organisations, people and events."""

    def build(text: str, *, orgs: list[tuple[str, str]] = (), people: list[tuple[str, str, str]] = (),
              events: list[dict[str, object]] = (), published: PartialDate | None = None,
              name: str | None = None) -> Source:
        sha = hashlib.sha256(text.encode()).hexdigest()
        sid = "src-" + sha[:12]
        ex = Extraction(
            organizations=[OrgMention(surface=s, name=n, type="government" if n.endswith("시") else "company",
                                      evidence=_ev(sid, text, s)) for s, n in orgs],
            people=[PersonMention(name=n, title=t, organization=o, evidence=_ev(sid, text, n))
                    for n, t, o in people],
            events=[EventMention(
                date=e["date"], type=e.get("type", "meeting"), title=str(e["title"]),  # type: ignore[arg-type]
                venue=e.get("venue"),  # type: ignore[arg-type]
                participants=[ParticipantMention(organization=o, role="host")
                              for o in e.get("orgs", [])],  # type: ignore[attr-defined]
                main=bool(e.get("main", True)), evidence=[_ev(sid, text, str(e["title"])[:4])])
                for e in events],
        )
        return Source(id=sid, path=name or f"{sid}.txt", file_name=name or f"{sid}.txt", sha256=sha,
                      format="text", text=text, published=published, extraction=ex)

    return build
