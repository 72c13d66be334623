"""Records dumped on two cores are the bytes dumped on one, in the same order, and an ingest that
splits its store phase writes the records of one that does not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from biohub_cli.config import Layout
from biohub_cli.ingest import commit, forked, last_run, pipeline
from biohub_cli.kb import knowledge_base
from biohub_cli.store import records_io
from tests.ingest.conftest import ingest, snapshot

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The processes that forked a child from now on. (Forking is allowed even with the threads another
    test may have left in this test process, a Dask cluster's for one: the children only dump and resolve.)"""
    monkeypatch.setattr(forked, "may_fork", lambda: True)
    found: list[int] = []
    real = forked.Forked._start

    def counted(self: forked.Forked[object]) -> None:
        found.append(os.getpid())
        real(self)

    monkeypatch.setattr(forked.Forked, "_start", counted)
    return found


def test_split_dumps_are_the_plain_dumps_in_order(monkeypatch: pytest.MonkeyPatch, forks: list[int]) -> None:
    base = knowledge_base.load(REPOSITORY)
    records = [*base.sources.values(), *base.events.values(), *base.orgs.values(), *base.people.values()]
    assert len(records) > 20
    monkeypatch.setattr(commit, "SPLIT_AFTER", 2)
    plain = list(commit.dump_records(records))
    assert forks == []
    split = list(commit.dump_records(records, split=True))
    assert forks == [os.getpid()]
    mine = [i for i, _ in split if not commit._side(records[i], i)]
    assert mine == sorted(mine) and [i for i, _ in split] == mine + sorted(set(range(len(records))) - set(mine))
    assert 0.25 < len(mine) / len(records) < 0.75  # the parent's share first, then the child's
    assert sorted(split) == plain == [(i, records_io.dump_record(r)) for i, r in enumerate(records)]
    assert any("인천" in text for _, text in split)


def test_an_ingest_that_splits_its_store_writes_the_same_records(
        workdir: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]) -> None:
    ingest(workdir / "one", jobs=1)
    assert forks == []
    monkeypatch.setattr(commit, "SPLIT_AFTER", 2)
    monkeypatch.setattr(pipeline, "CHECK_APART_AFTER", 1)
    ingest(workdir / "two", jobs=2)
    assert forks == [os.getpid()] * 2  # the fixed-point check, then the store's dumps
    assert snapshot(workdir / "two") == snapshot(workdir / "one")
    one, two = (last_run.load(Layout(workdir / name)) for name in ("one", "two"))
    assert one is not None and two is not None  # both settled: the fixed point was proven, here and in a child
    assert (two.extractor, two.sources, two.conflicts, two.proposals) == \
        (one.extractor, one.sources, one.conflicts, one.proposals)
    assert ingest(workdir / "two", jobs=2).files[0].status == "unchanged"


def test_a_source_dumped_again_with_other_mentions_gives_its_plain_dump() -> None:
    """store_resolved writes a new source twice (citing no new event, then all): the second dump reuses
    the text of every other field, and both are byte for byte the plain dumps."""
    sources = list(knowledge_base.load(REPOSITORY).sources.values())
    assert any(s.mentions.events for s in sources)
    firsts = [s.model_copy(update={"mentions": s.mentions.model_copy(update={"events": []})}) for s in sources]
    batch = [rec for pair in zip(firsts, sources, strict=True) for rec in pair]
    dump = records_io.BatchDumper(batch)
    assert [dump(rec) for rec in batch] == [records_io.dump_record(rec) for rec in batch]
    assert dump.reused == len(sources) and dump.heads == {}  # one head per source, dropped once used
    assert [text for _, text in commit.dump_records(batch)] == [records_io.dump_record(rec) for rec in batch]
