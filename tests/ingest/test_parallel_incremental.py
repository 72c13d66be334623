"""The fast paths give the plain path's bytes: worker processes, skipped unchanged files, re-extraction
of exactly the files that changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from biohub_cli import extract as extract_mod
from tests.ingest.conftest import N_DOCS, SEED, bench_corpus, count_extractions, ingest, mtimes, snapshot


def test_two_worker_processes_write_the_same_bytes_as_one(workdir: Path) -> None:
    one = ingest(workdir / "kb1", jobs=1)
    two = ingest(workdir / "kb2", jobs=2)
    assert not one.failed and not two.failed
    assert [f.status for f in one.files] == [f.status for f in two.files] == ["new"] * N_DOCS
    records = snapshot(workdir / "kb1")
    assert any(k.startswith("events/") for k in records) and any(k.startswith("orgs/") for k in records)
    assert snapshot(workdir / "kb2") == records


def test_an_unchanged_reingest_reads_no_document_again_and_writes_nothing(
        workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = workdir / "kb"
    ingest(root, jobs=2)
    before, stamps = snapshot(root), mtimes(root)
    calls = count_extractions(monkeypatch)
    again = ingest(root, jobs=1)  # in this process, so the counter sees every extraction
    assert calls == []
    assert [f.status for f in again.files] == ["unchanged"] * N_DOCS
    assert (again.written, again.removed) == (0, 0)
    assert snapshot(root) == before
    assert mtimes(root) == stamps  # not even rewritten with the same bytes


def test_after_one_file_changes_only_that_file_is_extracted_and_the_result_equals_a_fresh_ingest(
        workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = workdir / "kb"
    ingest(root, jobs=2)
    corpus = bench_corpus()
    [changed] = corpus.edit(workdir / "releases", SEED, [3])
    real = extract_mod.extract
    calls = count_extractions(monkeypatch)
    report = ingest(root, jobs=1)
    assert calls == [changed.name]
    statuses = {Path(f.path).name: f.status for f in report.files}
    assert statuses.pop(changed.name) == "changed"
    assert set(statuses.values()) == {"unchanged"}
    monkeypatch.setattr(extract_mod, "extract", real)
    fresh = workdir / "fresh"
    ingest(fresh, jobs=1)
    assert snapshot(root) == snapshot(fresh)


def test_forcing_a_reingest_extracts_everything_again_and_changes_no_byte(workdir: Path) -> None:
    root = workdir / "kb"
    ingest(root, jobs=2)
    before = snapshot(root)
    report = ingest(root, jobs=2, force=True)
    assert not report.failed
    assert snapshot(root) == before
