"""The hand-written fixture knowledge base (tests/fixtures/kb), loaded once, copied when written to."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from biohub_cli import kb
from biohub_cli.kb import KnowledgeBase
from tests.render.golden import FIXTURE_KB


@pytest.fixture(scope="session")
def fixture_kb() -> KnowledgeBase:
    base = kb.load(FIXTURE_KB)
    assert not base.errors, [e.render() for e in base.errors]
    return base


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture knowledge base (reports/ starts empty)."""
    root = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, root, ignore=shutil.ignore_patterns("reports"))
    return root
