"""A small knowledge base of clusters, programmes and the organisations in their events, for the tests of
organisation pages, cluster pages and their charts: hand-made sources (Korean sentences we wrote),
resolved and written by the ingest pipeline as any ingest writes them.

What it holds, as the curated lists (data/clusters.yaml) and the event links read it:
- 오송 and 오송 첨단의료복합단지 inside it (its home body: 오송첨단의료산업진흥재단);
- 충청북도: 2024 opening in 오송 첨단의료복합단지 (host), 2025 meeting in 오송 (attendee), 2021 K-바이오 랩허브
  selection (attendee): on its page 오송 2, then K-바이오 랩허브 1 and 오송 첨단의료복합단지 1;
- 청주시: the 2025 meeting (host);
- 오송첨단의료산업진흥재단: only attends a forum in Seoul, in no cluster: at home in 오송 첨단의료복합단지 all the same;
- 보건복지부: hosts that forum, in no cluster or programme.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from biohub_cli.cli.app import app
from biohub_cli.config import Layout
from biohub_cli.ingest.pipeline import ingest
from biohub_cli.models import (
    ClusterMention,
    EventMention,
    Evidence,
    Extraction,
    OrgMention,
    PartialDate,
    ParticipantMention,
    ProgrammeMention,
    Source,
)
from biohub_cli.store import records_io
from tests.cli.curation_kb import runner

# text, (date, type, title, venue), participants as (name, role), clusters and programmes as (surface, name)
DOCS = [
    ("충청북도는 12일 오송첨복단지에서 신약개발 지원센터 개소식을 열었다. 센터는 입주 기업의 비임상 시험을 돕는다.",
     ((2024, 6, 12), "launch", "신약개발 지원센터 개소식", "오송첨복단지 본관"),
     (("충청북도", "host"),), (("오송첨복단지", "오송 첨단의료복합단지"),), ()),
    ("청주시는 3일 오송생명과학단지에서 충청북도와 함께 바이오 기업 간담회를 열었다. 입주 기업 20곳이 참석했다.",
     ((2025, 3, 3), "meeting", "오송 바이오 기업 간담회", None),
     (("청주시", "host"), ("충청북도", "attendee")), (("오송생명과학단지", "오송"),), ()),
    ("중소벤처기업부는 9일 K-바이오 랩허브 구축사업 대상지를 선정했다. 발표 자리에는 충청북도 관계자도 참석했다.",
     ((2021, 7, 9), "designation", "K-바이오 랩허브 대상지 선정", None),
     (("중소벤처기업부", "host"), ("충청북도", "attendee")), (), (("K-바이오 랩허브", "K-바이오 랩허브"),)),
    ("보건복지부는 20일 서울에서 바이오헬스 규제 포럼을 열었다. 오송첨단의료산업진흥재단 연구진이 발표를 맡았다.",
     ((2025, 5, 20), "event", "바이오헬스 규제 포럼", "서울 정부청사"),
     (("보건복지부", "host"), ("오송첨단의료산업진흥재단", "attendee")), (), ()),
]


def _ev(sid: str, text: str, needle: str) -> Evidence:
    start = text.index(needle)
    first = text.rfind("다. ", 0, start)
    first = 0 if first < 0 else first + 3
    return Evidence(source=sid, start=start, end=start + len(needle), sentence=text[first:text.find("다.", start) + 2])


def source(i: int, text: str, event: tuple, participants: tuple, clusters: tuple,  # type: ignore[type-arg]
           programmes: tuple) -> Source:  # type: ignore[type-arg]
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    sid = "src-" + sha[:12]
    date, kind, title, venue = event
    ex = Extraction(
        organizations=[OrgMention(surface=n, name=n, type="government", evidence=_ev(sid, text, n))
                       for n, _ in participants],
        events=[EventMention(date=PartialDate.of(*date), type=kind, title=title, venue=venue,
                             participants=[ParticipantMention(organization=n, role=r) for n, r in participants],
                             evidence=[_ev(sid, text, text.split(". ")[0][:10])])],
        clusters=[ClusterMention(surface=s, name=n, evidence=_ev(sid, text, s)) for s, n in clusters],
        programmes=[ProgrammeMention(surface=s, name=n, evidence=_ev(sid, text, s)) for s, n in programmes])
    return Source(id=sid, path=f"p{i}.txt", file_name=f"p{i}.txt", sha256=sha, format="text", text=text,
                  published=PartialDate.of(*date), extraction=ex)


def build(root: Path, docs: list = DOCS) -> Path:  # type: ignore[type-arg]
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    for i, doc in enumerate(docs):
        records_io.save_record(Layout(root), source(i, *doc))
    report = ingest(root, [])
    assert not report.record_errors, report.record_errors
    return root
