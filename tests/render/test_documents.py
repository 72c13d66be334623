"""A page per document: its kept text with the facts marked where they were found, linked both ways."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from biohub_cli.cli.app import app
from biohub_cli.render.documents import pieces
from tests.kb.search.conftest import SONGDO, ingest_files

runner = CliRunner()


def test_pieces_mark_facts_inside_the_event_sentence_and_keep_paragraphs() -> None:
    text = "제목 줄\n인천시는 셀트리온과 협약을 맺었다. 다른 문장."
    event = (text.index("인천시"), text.index(" 다른"), "event", "2025-03-04 · 협약", None)
    org = (text.index("셀트리온"), text.index("셀트리온") + 4, "org", "셀트리온", None)
    paras = pieces(text, [event], [org, (org[0] + 1, org[1] + 2, "person", "겹침", None)])
    assert ["".join(p.text for p in para) for para in paras] == ["제목 줄",
                                                                 "인천시는 셀트리온과 협약을 맺었다. 다른 문장."]
    marked = [(p.text, p.block, p.fact) for p in paras[1]]
    assert marked == [("인천시는 ", "event", ""), ("셀트리온", "event", "org"), ("과 협약을 맺었다.", "event", ""),
                      (" 다른 문장.", "", "")]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("docs")
    ingest_files(root, {"songdo.txt": SONGDO})
    assert runner.invoke(app, ["--kb", str(root / "kb"), "build"]).exit_code == 0
    return root / "kb" / "reports"


def test_the_document_page_marks_its_facts_and_the_org_page_links_to_it(reports: Path) -> None:
    (page,) = (reports / "sources").glob("*.html")
    html = page.read_text(encoding="utf-8")
    assert '<mark class="event" title="2025-03-04 · 협약 · ' in html
    assert '<span class="fact org" title="셀트리온"><a href="../orgs/' in html
    org = next(p for p in (reports / "orgs").glob("*.html") if "<h1>셀트리온</h1>" in p.read_text(encoding="utf-8"))
    assert f'href="../sources/{page.name}"' in org.read_text(encoding="utf-8")
    assert f'href="sources/{page.name}"' in (reports / "timeline.html").read_text(encoding="utf-8")
    md = page.with_suffix(".md").read_text(encoding="utf-8")
    assert "**셀트리온**과 바이오의약품" in md
