"""A forked worker tokenises one paragraph per Kiwi call (Kiwi's thread pool does not survive a fork):
the sentences and tokens are the same as Kiwi's batched path."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from biohub_cli import analyse
from biohub_cli.clean import clean
from biohub_cli.ingest import worker
from biohub_cli.read import read_path
from tests.ingest.conftest import SEED, bench_corpus


def test_one_paragraph_at_a_time_gives_the_batched_result(tmp_path: Path) -> None:
    bench_corpus().write(tmp_path / "releases", SEED, 4)
    docs = [clean(read_path(p)) for p in sorted((tmp_path / "releases").iterdir())]
    batched = analyse.analyse_many(docs)
    each = analyse.analyse_each(docs)
    assert sum(len(a.sentences) for a in batched) > 20
    assert each == batched


def test_workers_are_forked_on_linux_unless_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BIOHUB_NO_FORK", raising=False)
    assert worker._can_fork() is sys.platform.startswith("linux")
    monkeypatch.setenv("BIOHUB_NO_FORK", "1")
    assert worker._can_fork() is False
    assert os.environ["BIOHUB_NO_FORK"] == "1"
