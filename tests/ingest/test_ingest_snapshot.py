"""An ingest leaves the records cache holding what it stored: the reads after it and the next ingest
parse no YAML, and get exactly the records a load from YAML gives."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pydantic import BaseModel

from biohub_cli.kb import knowledge_base, records_cache
from tests.ingest.conftest import SEED, bench_corpus, ingest
from tests.kb.test_records_cache import assert_same


@contextmanager
def counting_parses() -> Iterator[list[str]]:
    """The names of the record files parsed from YAML meanwhile."""
    parsed: list[str] = []
    real = knowledge_base.parse_record

    def counting(path, raw, model):  # type: ignore[no-untyped-def]
        parsed.append(path.name)
        return real(path, raw, model)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(knowledge_base, "parse_record", counting)
        yield parsed


def assert_exactly_as_loaded(root: Path) -> None:
    """The cached load is knowledge_base.load's, down to each value's type (repr tells 1 from 1.0), and, as in
    records loaded file by file, no model, list or dict is held in two places."""
    cached, plain = records_cache.load_cached(root), knowledge_base.load(root)
    assert_same(cached, plain)
    held: set[int] = set()
    for table in ("sources", "events", "orgs", "people"):
        for rid, rec in getattr(cached, table).items():
            assert repr(rec) == repr(getattr(plain, table)[rid])
            todo: list[object] = [rec]
            while todo:
                item = todo.pop()
                if isinstance(item, (BaseModel, list, dict)):
                    assert id(item) not in held, f"{rid} shares {item!r}"
                    held.add(id(item))
                    todo += item.__dict__.values() if isinstance(item, BaseModel) else \
                        item.values() if isinstance(item, dict) else item


def test_the_reads_after_an_ingest_take_every_record_from_its_snapshot(workdir: Path) -> None:
    root = workdir / "kb"
    ingest(root, jobs=2)
    with counting_parses() as parsed:
        _, stats = records_cache.load_with_stats(root)
    assert parsed == [] and stats.loaded == 0
    assert stats.hits == stats.files > 10
    assert stats.verified == stats.files  # written seconds ago: each trusted on its bytes, not its signature
    assert_exactly_as_loaded(root)


def test_a_reingest_after_a_change_parses_no_record_and_stores_what_a_fresh_ingest_stores(
        workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = workdir / "kb"
    ingest(root, jobs=1)
    bench_corpus().edit(workdir / "releases", SEED, [3])
    monkeypatch.setattr(records_cache, "REWRITE_AFTER", 0)  # a snapshot rewritten for any change
    with counting_parses() as parsed:
        report = ingest(root, jobs=1)
        assert [f.status for f in report.files].count("changed") == 1
        assert parsed == []  # the knowledge base came from the snapshot the first ingest wrote
        _, stats = records_cache.load_with_stats(root)
    assert parsed == [] and stats.hits == stats.files
    assert_exactly_as_loaded(root)
    fresh = workdir / "fresh"
    ingest(fresh, jobs=1)
    cached, plain = records_cache.load_cached(root), knowledge_base.load(fresh)
    for table in ("sources", "events", "orgs", "people"):
        assert repr(getattr(cached, table)) == repr(getattr(plain, table))


def test_a_record_edited_after_the_ingest_is_read_from_its_file(workdir: Path) -> None:
    root = workdir / "kb"
    ingest(root, jobs=1)
    path = next(iter(sorted((root / "records" / "orgs").glob("*.yaml"))))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nname: ", "\nname: 재단법인 ", 1), encoding="utf-8")
    base, stats = records_cache.load_with_stats(root)
    assert stats.loaded == 1
    assert base.orgs[path.stem].name.startswith("재단법인 ")
    assert_exactly_as_loaded(root)
