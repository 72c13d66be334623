"""The records snapshot is rewritten only once more than a few records differ from it, and a load is
the same knowledge base as `knowledge_base.load` whether or not it was rewritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from biohub_cli.kb import knowledge_base, records_cache
from tests.kb.test_records_cache import assert_same


def retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("title: "))
    path.write_text(text.replace(old, f"title: {title}", 1), encoding="utf-8")


def test_a_few_edits_are_read_from_yaml_without_rewriting_the_snapshot(root: Path) -> None:
    _, first = records_cache.load_with_stats(root)
    assert first.written
    snapshot = records_cache.cache_path(root).read_bytes()
    events = sorted((root / "records" / "events").rglob("*.yaml"))
    retitle(events[0], "고친 제목 하나")
    events[1].unlink()
    base, stats = records_cache.load_with_stats(root)
    assert not stats.written and stats.loaded == 1
    assert records_cache.cache_path(root).read_bytes() == snapshot
    assert_same(base, knowledge_base.load(root))
    assert base.events[events[0].stem].title == "고친 제목 하나"
    again, stats = records_cache.load_with_stats(root)  # still read from YAML, still the edited record
    assert stats.loaded == 1 and again.events[events[0].stem].title == "고친 제목 하나"
    assert_same(again, knowledge_base.load(root))


def test_more_edits_than_the_limit_rewrite_the_snapshot(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records_cache.load_with_stats(root)
    monkeypatch.setattr(records_cache, "REWRITE_AFTER", 1)
    events = sorted((root / "records" / "events").rglob("*.yaml"))
    for i, path in enumerate(events[:2]):
        retitle(path, f"고친 제목 {i}")
    base, stats = records_cache.load_with_stats(root)
    assert stats.written and stats.loaded == 2
    assert_same(base, knowledge_base.load(root))
    _, stats = records_cache.load_with_stats(root)
    assert stats.loaded == 0 and stats.hits == stats.files
