"""Shared fixtures: hand-built records so resolve and store tests need no Kiwi, and the hand-written
fixture knowledge base (tests/fixtures/kb), loaded once, copied when written to."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from biohub_cli.kb import knowledge_base, records_cache
from biohub_cli.kb.knowledge_base import KnowledgeBase
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
from tests.render.golden import FIXTURE_KB

MakeSource = Callable[..., Source]


@pytest.fixture(scope="session")
def fixture_kb() -> KnowledgeBase:
    base = knowledge_base.load(FIXTURE_KB)
    assert not base.errors, [e.render() for e in base.errors]
    return base


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture knowledge base (reports/ starts empty)."""
    root = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, root, ignore=shutil.ignore_patterns("reports"))
    return root


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture knowledge base without caches or reports; files count as settled at once."""
    monkeypatch.setattr(records_cache, "RACY_NS", 0)
    dest = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, dest, ignore=shutil.ignore_patterns(".biohub", "reports"))
    return dest


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
