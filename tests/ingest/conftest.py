"""Helpers for the parallel, incremental and distributed ingest tests: a small seeded corpus written
by bench/corpus.py (Korean releases we generate ourselves) and byte snapshots of records/."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from biohub_cli import extract as extract_mod
from biohub_cli.ingest import pipeline

BENCH = Path(__file__).resolve().parents[2] / "bench"
SEED = 11
N_DOCS = 8


def bench_corpus() -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    import corpus

    return corpus


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding releases/ (the corpus) that is also the working folder, so records carry
    the same relative source paths whichever knowledge base they are written into."""
    bench_corpus().write(tmp_path / "releases", SEED, N_DOCS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def ingest(root: Path, **options: object) -> pipeline.IngestReport:
    root.mkdir(parents=True, exist_ok=True)
    return pipeline.ingest(root, [Path("releases")], pipeline.IngestOptions(**options))  # type: ignore[arg-type]


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under records/ by relative path."""
    rec = root / "records"
    return {p.relative_to(rec).as_posix(): p.read_bytes() for p in sorted(rec.rglob("*")) if p.is_file()}


def mtimes(root: Path) -> dict[str, int]:
    rec = root / "records"
    return {p.relative_to(rec).as_posix(): p.stat().st_mtime_ns for p in sorted(rec.rglob("*")) if p.is_file()}


def count_extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The file names of the documents extracted in this process from now on."""
    calls: list[str] = []
    real = extract_mod.extract

    def counting(analysed, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(analysed.document.raw.file_name)
        return real(analysed, *args, **kwargs)

    monkeypatch.setattr(extract_mod, "extract", counting)
    return calls
