"""Workers forked after Kiwi is loaded (Linux) and workers started fresh (forkserver, elsewhere) write
the bytes of a one-process ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.conftest import N_DOCS, ingest, snapshot


def test_fresh_worker_processes_write_the_same_bytes_as_forked_ones_and_as_one(
        workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = ingest(workdir / "kb1", jobs=1)
    forked = ingest(workdir / "kb2", jobs=2)
    monkeypatch.setenv("BIOHUB_NO_FORK", "1")
    fresh = ingest(workdir / "kb3", jobs=2)
    assert [f.status for f in fresh.files] == [f.status for f in forked.files] == ["new"] * N_DOCS
    assert not one.failed
    records = snapshot(workdir / "kb1")
    assert len(records) > N_DOCS
    assert snapshot(workdir / "kb2") == records
    assert snapshot(workdir / "kb3") == records
