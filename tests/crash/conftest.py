"""Fixtures of the crash and concurrency suite; the shared kit lives in tests/hostile/hostile_kit.py.

The suite runs with --import-mode=importlib, which puts no test folder on sys.path; this folder
(crash_kit.py) and the hostile one (hostile_kit.py) are added here so the tests can import them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))
if str(Path(__file__).parent.parent / "hostile") not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent.parent / "hostile"))

from crash_kit import FRESH, INGEST, UPDATE, prepare
from hostile_kit import record_bytes, run_biohub


@pytest.fixture(scope="session")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """records/ after each scenario's uninterrupted run."""
    out: dict[str, dict[str, bytes]] = {}
    for scenario in (FRESH, UPDATE):
        root = tmp_path_factory.mktemp(f"reference-{scenario.name}")
        kb = prepare(root, scenario)
        run = run_biohub(kb, INGEST, cwd=root)
        assert run.code == 0, run.stderr
        out[scenario.name] = record_bytes(kb)
    return out
