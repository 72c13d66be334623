"""Fixtures of the security suite; the shared kit lives in tests/hostile/hostile_kit.py.

The suite runs with --import-mode=importlib, which puts no test folder on sys.path; the hostile
folder is added here so the tests can import the kit.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

if str(Path(__file__).parent.parent / "hostile") not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent.parent / "hostile"))

from hostile_kit import new_kb


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """An empty knowledge base at tmp_path/kb, with tmp_path/in for inputs (cwd of the runs)."""
    (tmp_path / "in").mkdir()
    return new_kb(tmp_path / "kb")

