"""Fixtures of the clean tests: RawDocuments built from text, the texts in tests/fixtures/clean."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from biohub_cli.clean import clean
from biohub_cli.models.stages import Document, RawDocument

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "clean"

MakeRaw = Callable[..., RawDocument]
CleanFixture = Callable[[str], Document]


def raw_document(text: str, name: str = "doc.txt") -> RawDocument:
    data = text.encode("utf-8", "surrogatepass")
    return RawDocument(path=Path(name), sha256=hashlib.sha256(data).hexdigest(), format="text", text=text)


@pytest.fixture
def make_raw() -> MakeRaw:
    """A RawDocument holding `text` (as read/ would give it for a .txt file)."""
    return raw_document


@pytest.fixture
def clean_fixture() -> CleanFixture:
    """Clean tests/fixtures/clean/<name>.txt."""

    def run(name: str) -> Document:
        path = FIXTURES / f"{name}.txt"
        return clean(raw_document(path.read_text(encoding="utf-8"), path.name))

    return run
