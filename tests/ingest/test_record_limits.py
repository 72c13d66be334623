"""A document whose record could not be loaded back is refused at ingest, never written.

A 9 MB text file became a 12.5 MB source record over the loader's 8 MB limit: `validate` failed, `show`
found no source and the next ingest said "unchanged". A small record limit stands in for the real one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from biohub_cli import scaffold
from biohub_cli.config import Layout
from biohub_cli.errors import BiohubError
from biohub_cli.ingest import pipeline
from biohub_cli.kb import knowledge_base as kb_mod
from biohub_cli.models import Organization
from biohub_cli.store import records_io, yaml_io

LIMIT = 12_000


def _release(n: int) -> str:
    return (f"충청북도는 2024년 5월 {n % 27 + 1}일 오송 C&V센터에서 바이오 기업 {n + 3}곳과 "
            f"업무협약을 맺었다고 밝혔다.\n도는 국비 {n + 10}억 원을 들여 시제품 제작과 임상 준비를 돕는다.\n")


@pytest.fixture
def small_records(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_io, "MAX_RECORD_BYTES", LIMIT)


@pytest.mark.usefixtures("small_records")
def test_a_document_too_large_for_a_record_is_refused_and_the_rest_is_stored(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    scaffold.init(kb)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "short.txt").write_text(_release(0), encoding="utf-8")
    (inputs / "long.txt").write_text("".join(_release(n) for n in range(20)), encoding="utf-8")
    for _ in range(2):  # and again: the refused document is refused again, never "unchanged"
        report = pipeline.ingest(kb, [inputs], pipeline.IngestOptions(jobs=1))
        failed = {Path(f.path).name: f.message for f in report.failed}
        assert list(failed) == ["long.txt"]
        assert "too large for one record" in (failed["long.txt"] or "")
        assert [Path(f.path).name for f in report.files if f.status != "failed"] == ["short.txt"]
    base = kb_mod.load(kb)
    assert not base.errors, [e.render() for e in base.errors]
    assert [s.file_name for s in base.sources.values()] == ["short.txt"]
    assert all(p.stat().st_size <= LIMIT for p in (kb / "records").rglob("*.yaml"))


@pytest.mark.usefixtures("small_records")
def test_no_record_over_the_limit_is_ever_written(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    scaffold.init(kb)
    org = Organization(id="org-0123456789", name="오송바이오진흥재단", aliases=[f"별칭 {i}" for i in range(3_000)])
    with pytest.raises(BiohubError, match="a record may hold") as caught:
        records_io.save_record(Layout(kb), org)
    assert "org-0123456789.yaml" in str(caught.value.path)
    assert not list((kb / "records").rglob("org-0123456789*"))
