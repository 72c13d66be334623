"""The streamed ingest (one process with Kiwi's own threads) writes the bytes of a one-process ingest
and of worker processes (forked or fresh); analyse_stream is analyse per document."""

from __future__ import annotations

from pathlib import Path

import pytest

from biohub_cli import analyse
from biohub_cli.clean import clean
from biohub_cli.ingest import worker
from biohub_cli.models.stages import Document
from biohub_cli.read import read_path
from tests.ingest.conftest import N_DOCS, SEED, bench_corpus, ingest, snapshot


def test_streamed_forked_and_fresh_processes_write_the_same_bytes(
        workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = ingest(workdir / "kb1", jobs=1)
    monkeypatch.delenv(worker.MODE_ENV, raising=False)
    streamed = ingest(workdir / "kb2", jobs=2)  # two jobs: one process, Kiwi's threads
    monkeypatch.setenv(worker.MODE_ENV, "processes")
    forked = ingest(workdir / "kb3", jobs=2)
    monkeypatch.setenv("BIOHUB_NO_FORK", "1")
    fresh = ingest(workdir / "kb4", jobs=2)
    for report in (one, streamed, forked, fresh):
        assert [f.status for f in report.files] == ["new"] * N_DOCS
    records = snapshot(workdir / "kb1")
    assert len(records) > N_DOCS
    for kb in ("kb2", "kb3", "kb4"):
        assert snapshot(workdir / kb) == records, kb


def test_the_mode_follows_the_jobs_and_files_unless_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(worker.MODE_ENV, raising=False)
    few, many = worker.PROCESSES_FROM - 1, worker.PROCESSES_FROM
    assert (worker._mode(2, few), worker._mode(2, many), worker._mode(3, few)) == ("threads", "processes", "processes")
    monkeypatch.setenv(worker.MODE_ENV, "processes")
    assert worker._mode(2, 10) == "processes"
    monkeypatch.setenv(worker.MODE_ENV, "threads")
    assert worker._mode(8, 10_000) == "threads"


def test_a_reingest_after_one_file_changed_only_processes_that_file(workdir: Path) -> None:
    ingest(workdir / "kb", jobs=2)
    corpus = bench_corpus()
    corpus.edit(workdir / "releases", SEED, [3])
    report = ingest(workdir / "kb", jobs=2)
    statuses = [f.status for f in report.files]
    assert statuses.count("unchanged") == N_DOCS - 1
    assert statuses.count("new") + statuses.count("changed") == 1
    fresh = workdir / "fresh"
    ingest(fresh, jobs=1)
    assert snapshot(workdir / "kb") == snapshot(fresh)


def test_analyse_stream_keeps_order_and_passes_items_without_a_document(tmp_path: Path) -> None:
    bench_corpus().write(tmp_path / "releases", SEED, 4)
    docs = [clean(read_path(p)) for p in sorted((tmp_path / "releases").iterdir())]
    blank = Document(raw=docs[0].raw, text="\n \n", segments=(), noise=(), metadata=docs[0].metadata)
    items: list[Document | str] = ["first", docs[0], "between", docs[1], blank, docs[2], docs[3], "last"]
    out = list(analyse.analyse_stream(iter(items), lambda i: i if isinstance(i, Document) else None))
    assert [item for item, _ in out] == items
    assert [a for item, a in out if not isinstance(item, Document)] == [None, None, None]
    analysed = [a for item, a in out if isinstance(item, Document)]
    assert analysed == analyse.analyse_each([docs[0], docs[1], blank, docs[2], docs[3]])
    assert analysed[2] is not None and analysed[2].sentences == ()
    assert sum(len(a.sentences) for a in analysed if a is not None) > 20
