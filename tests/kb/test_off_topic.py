"""Off-topic documents: kept as sources with the reason; their events out of timeline, reports and export
unless `--all` is given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from biohub_cli.cli.app import app
from biohub_cli.ingest.pipeline import IngestOptions, ingest

runner = CliRunner()
SPORTS = "\n\n".join([
    "문화체육관광부, 대한체육회와 국가대표 훈련 지원 협약",
    "문화체육관광부는 2025년 1월 5일 진천 국가대표 선수촌에서 대한체육회와 국가대표 훈련 지원 협약을 체결했다.",
    "차관은 훈련장과 숙소, 식당을 둘러보고 지도자들과 훈련 환경 개선 방안을 논의했다.",
])
BIO = "\n\n".join([
    "오송 바이오 의약품 위탁생산 지원 협약",
    "충청북도와 오송첨단의료산업진흥재단은 2025년 1월 6일 바이오 벤처 12곳과 의약품 위탁생산 지원 협약을 맺었다.",
    "재단은 임상 시료 생산 설비를 기업에 빌려주고, 도는 신약 후보물질의 임상 1상 비용 일부를 지원한다.",
])


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("topic")
    folder = root / "in"
    folder.mkdir()
    (folder / "sports.txt").write_text(SPORTS, encoding="utf-8")
    (folder / "bio.txt").write_text(BIO, encoding="utf-8")
    assert not ingest(root / "kb", [folder], IngestOptions(jobs=1)).failed
    return root / "kb"


def export(kb: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    res = runner.invoke(app, ["--kb", str(kb), "export", *extra])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)  # type: ignore[no-any-return]


def test_the_export_leaves_out_an_off_topic_document_and_its_events(kb: Path) -> None:
    data = export(kb)
    assert [(d["file_name"], d["off_topic"]) for d in data["documents"]] == [("bio.txt", None)]
    assert [e["date"] for e in data["events"]] == ["2025-01-06"]


def test_all_shows_them_with_the_reason(kb: Path) -> None:
    data = export(kb, "--all")
    reasons = {d["file_name"]: d["off_topic"] for d in data["documents"]}
    assert reasons["bio.txt"] is None and reasons["sports.txt"].startswith("off-topic: ")
    assert sorted(e["date"] for e in data["events"]) == ["2025-01-05", "2025-01-06"]


def test_the_timeline_and_the_reports_leave_them_out(kb: Path) -> None:
    shown = json.loads(runner.invoke(app, ["--kb", str(kb), "timeline", "--format", "json"]).stdout)
    every = json.loads(runner.invoke(app, ["--kb", str(kb), "timeline", "--format", "json", "--all"]).stdout)
    assert len(every["events"] if isinstance(every, dict) else every) == 2
    assert len(shown["events"] if isinstance(shown, dict) else shown) == 1
    assert "1 / 1건" in runner.invoke(app, ["--kb", str(kb), "timeline"]).stdout  # the table, from its index too
    assert "1 / 1건" in runner.invoke(app, ["--kb", str(kb), "timeline"]).stdout
    assert "2 / 2건" in runner.invoke(app, ["--kb", str(kb), "timeline", "--all"]).stdout
    org = runner.invoke(app, ["--kb", str(kb), "org", "문화체육관광부", "--format", "md"]).stdout
    assert "## 일정 (0)" in org  # its report lists no event


def test_the_source_record_keeps_the_reason(kb: Path) -> None:
    sources = [p.read_text(encoding="utf-8") for p in sorted((kb / "records" / "sources").glob("*.yaml"))]
    assert sum("off_topic: 'off-topic: 0 bio-industry terms" in s or "off_topic: off-topic" in s for s in sources) == 1
