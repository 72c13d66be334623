"""A small knowledge base for the curation tests, built without Kiwi: hand-made source records (Korean
sentences we wrote) stored, then resolved and written by the ingest pipeline as any ingest writes them."""

from __future__ import annotations

import hashlib
from pathlib import Path

from typer.testing import CliRunner

from biohub_cli.cli.app import app
from biohub_cli.config import Layout
from biohub_cli.ingest.pipeline import ingest
from biohub_cli.models import (
    EventMention,
    Evidence,
    Extraction,
    OrgMention,
    PartialDate,
    ParticipantMention,
    PersonMention,
    Source,
)
from biohub_cli.store import records_io

runner = CliRunner()

# (text, organisations as (surface, name, type, English name), people as (name, title, organisation),
#  events as (date, type, title, participants, main))
DOCUMENTS = [
    ("인천광역시는 9일 시흥시청에서 바이오 특화단지 추진단 제2차 정기회의를 열었다. 이남주 미래산업국장이 참석했다.",
     [("인천광역시", "인천광역시", "government", None), ("시흥시", "시흥시", "government", None)],
     [("이남주", "미래산업국장", "인천광역시")],
     [((2025, 7, 9), "meeting", "바이오 특화단지 추진단 제2차 정기회의", ["인천광역시", "시흥시"], True)]),
    ("인천시와 시흥시가 9일 바이오 특화단지 추진단 2차 정기회의를 함께 열었다.",
     [("인천시", "인천광역시", "government", None), ("시흥시", "시흥시", "government", None)],
     [],
     [((2025, 7, 9), "meeting", "바이오 특화단지 추진단 2차 정기회의", ["인천광역시", "시흥시"], True)]),
    ("셀트리온(Celltrion)은 인천광역시와 송도 바이오 생산 허브 조성을 위한 업무협약을 맺었다.",
     [("셀트리온", "셀트리온", "company", "Celltrion"), ("인천광역시", "인천광역시", "government", None)],
     [("서정진", "회장", "셀트리온")],
     [((2024, 3, 5), "agreement", "셀트리온·인천광역시 바이오 생산 허브 업무협약", ["셀트리온", "인천광역시"], True)]),
    ("삼성바이오로직스는 송도 제2캠퍼스에서 5공장 착공식을 열었다. 인천경제자유구역청장이 축사를 했다.",
     [("삼성바이오로직스", "삼성바이오로직스", "company", None),
      ("인천경제자유구역청", "인천경제자유구역청", "government", None)],
     [],
     [((2023, 4, 18), "event", "삼성바이오로직스 5공장 착공식", ["삼성바이오로직스", "인천경제자유구역청"], True)]),
    ("경북대학교와 경북대병원은 대구에서 바이오 인력 양성 간담회를 열었다.",
     [("경북대학교", "경북대학교", "university", "Kyungpook National University"),
      ("경북대병원", "경북대병원", "hospital", None)],
     [],
     [((2023, 5, 10), "meeting", "바이오 인력 양성 간담회", ["경북대학교", "경북대병원"], True)]),
]


def _evidence(sid: str, text: str, needle: str) -> Evidence:
    start = max(0, text.find(needle))
    return Evidence(source=sid, start=start, end=start + len(needle), sentence=text)


def source(text: str, orgs: list, people: list, events: list, name: str) -> Source:  # type: ignore[type-arg]
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    sid = "src-" + sha[:12]
    ex = Extraction(
        organizations=[OrgMention(surface=s, name=n, type=t, name_en=en, evidence=_evidence(sid, text, s))
                       for s, n, t, en in orgs],
        people=[PersonMention(name=n, title=t, organization=o, evidence=_evidence(sid, text, n))
                for n, t, o in people],
        events=[EventMention(date=PartialDate.of(*d), type=ty, title=ti, main=main,
                             participants=[ParticipantMention(organization=o, role="host") for o in ps],
                             people=[n for n, _, _ in people], evidence=[_evidence(sid, text, ti[:4])])
                for d, ty, ti, ps, main in events])
    return Source(id=sid, path=name, file_name=name, sha256=sha, format="text", text=text,
                  published=PartialDate.of(2025, 7, 9), extraction=ex)


def build(root: Path, documents: list = DOCUMENTS) -> Path:  # type: ignore[type-arg]
    """A knowledge base at `root` holding these documents, resolved and written by the pipeline."""
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    layout = Layout(root)
    for i, doc in enumerate(documents):
        records_io.save_record(layout, source(*doc, name=f"d{i}.txt"))
    report = ingest(root, [])
    assert not report.record_errors, report.record_errors
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under records/, by path."""
    rec = root / "records"
    return {p.relative_to(rec).as_posix(): p.read_bytes() for p in sorted(rec.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def biohub(root: Path, *args: str) -> tuple[int, str, str]:
    res = runner.invoke(app, ["--kb", str(root), *args])
    return res.exit_code, res.stdout, res.stderr
