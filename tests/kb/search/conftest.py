"""Three releases we wrote, ingested once for the search and export tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from biohub_cli.ingest.pipeline import IngestOptions, ingest

SONGDO = "\n\n".join([
    "인천광역시, 셀트리온과 송도 바이오 클러스터 공장 증설 협약",
    "인천광역시는 2025년 3월 4일 송도컨벤시아에서 셀트리온과 바이오의약품 공장 증설 협약을 체결했다.",
    "협약에 따라 셀트리온은 송도 바이오 클러스터에 생산 설비를 새로 짓고, 시는 인허가를 돕는다.",
])
OSONG = "\n\n".join([
    "충청북도, 오송 바이오클러스터 기반 시설에 국비 120억 원 확보",
    "충청북도는 2025년 5월 12일 오송 바이오클러스터 기반 시설 확충 사업에 국비 120억 원을 확보했다고 밝혔다.",
    "도는 이 예산으로 임상시험 지원 센터를 세운다.",
])
DAEGU = "\n\n".join([
    "대구시, 첨단의료복합단지 입주 기업 설명회 개최",
    "대구광역시는 2024년 9월 10일 신서동에서 첨단의료복합단지 입주 기업 설명회를 열었다.",
    "설명회에는 바이오 기업 30곳이 참석했으며, 국비로 짓는 시험 시설도 소개됐다.",
])


def ingest_files(root: Path, files: dict[str, str]) -> None:
    folder = root / "in"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert not ingest(root / "kb", [folder / n for n in files], IngestOptions(jobs=1)).failed


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("search")
    ingest_files(root, {"songdo.txt": SONGDO, "osong.txt": OSONG, "daegu.txt": DAEGU})
    return root
