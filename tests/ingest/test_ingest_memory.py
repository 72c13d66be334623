"""An ingest resolving many sources unloads the tokeniser before resolve, and a batch holds its sources
packed until then: the records are the bytes of an ingest that kept everything, and the next batch
loads Kiwi again."""

from __future__ import annotations

from pathlib import Path

import pytest

from biohub_cli import analyse
from biohub_cli.ingest import pipeline
from tests.ingest.conftest import N_DOCS, ingest, snapshot


def test_unloading_the_tokeniser_after_a_batch_changes_no_record(
        workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "RELEASE_AFTER", 10**9)
    kept = ingest(workdir / "kept", jobs=2)
    assert analyse._KIWI.get("kiwi") is not None  # a small batch keeps the model for the next one
    monkeypatch.setattr(pipeline, "RELEASE_AFTER", 1)
    released = ingest(workdir / "released", jobs=2)
    assert "kiwi" not in analyse._KIWI
    assert [f.status for f in released.files] == [f.status for f in kept.files] == ["new"] * N_DOCS
    assert snapshot(workdir / "released") == snapshot(workdir / "kept")
    (workdir / "releases" / "extra.txt").write_text(
        "오송첨단의료산업진흥재단은 12일 충북 청주 오송에서 바이오 창업 지원 협약을 체결했다고 밝혔다.\n",
        encoding="utf-8")
    again = ingest(workdir / "released", jobs=2)
    assert [f.status for f in again.files].count("new") == 1 and analyse._KIWI.get("kiwi") is None


def test_outcomes_hold_their_source_packed(workdir: Path) -> None:
    from biohub_cli.kb import knowledge_base as kb_mod

    root = workdir / "kb"
    ingest(root, jobs=1)
    base = kb_mod.load(root)
    outcomes = pipeline.process_files(sorted(Path("releases").iterdir()), base,
                                      pipeline.IngestOptions(force=True))
    packed = [o for o in outcomes if o.packed is not None]
    assert len(packed) == N_DOCS
    for outcome in packed:
        source = outcome.source
        assert source is not None
        stored = base.sources[source.id]
        assert source.model_copy(update={"mentions": stored.mentions}) == stored  # resolve adds the mentions
        assert isinstance(outcome.packed, bytes) and len(outcome.packed) < len(source.text.encode("utf-8")) + 4000
