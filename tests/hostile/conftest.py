"""Fixtures of the hostile suite; the case table lives in hostile_cases.py, the kit in hostile_kit.py.

The suite runs with --import-mode=importlib, which puts no test folder on sys.path; this folder is
added here (conftest loads before the test modules) so they can import those two modules.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from hostile_cases import BATCHES, BatchRun, run_input_batch, run_record_batch


@pytest.fixture(scope="session")
def batch_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], BatchRun]]:
    """Every batch runs once per session, two at a time, all started on first use."""
    pool = ThreadPoolExecutor(max_workers=2)
    futures: dict[str, Future[BatchRun]] = {}

    def run(batch: str, root: Path) -> BatchRun:
        return run_record_batch(root) if batch == "records" else run_input_batch(root, batch)

    def get(batch: str) -> BatchRun:
        if not futures:
            # the folders are made here, one thread: two threads making pytest's base folder at once collide
            roots = {b: tmp_path_factory.mktemp(f"hostile-{b}") for b in (*BATCHES, "records")}
            futures.update({b: pool.submit(run, b, root) for b, root in roots.items()})
        return futures[batch].result()

    yield get
    pool.shutdown(wait=True, cancel_futures=True)
