"""Fixtures of the read tests; the builders of binary documents live in read_builders.py.

The suite runs with --import-mode=importlib, which puts no test folder on sys.path; this folder is
added here (conftest loads before the test modules) so they can import read_builders.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from read_builders import WriteFile


@pytest.fixture
def write(tmp_path: Path) -> WriteFile:
    """Write bytes to tmp_path/name and return the path."""

    def put(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    return put
