"""Terminal escape sequences in a document never act: they leave its text when it is read, and text from
records (edited by hand, or older than that rule) reaches no terminal, report or spreadsheet raw.

`ESC ] 0 ; … BEL` retitles a terminal and `ESC [ 2 J` clears it; both reached the terminal through
`biohub org` and the CSV, Markdown and HTML reports.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hostile_kit import new_kb, release, run_biohub
from rich.console import Console
from typer.testing import CliRunner

from biohub_cli.cli import _output
from biohub_cli.cli.app import app
from biohub_cli.controls import escape_controls
from biohub_cli.csv_writer import neutral_cell
from biohub_cli.kb import knowledge_base as kb_mod
from biohub_cli.read import read_path

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what must never come out raw (CR aside: CSV rows end in it)
TITLE, CLEAR, BELL = "\x1b]0;당신의 터미널\x07", "\x1b[2J", "\x07"


def _raw(text: str) -> list[str]:
    return sorted({repr(m.group()) for m in RAW.finditer(text.replace("\r\n", "\n"))})


def test_reading_takes_control_characters_out_and_keeps_tabs_and_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "보도자료.txt"
    body = release(21).split("\n", 1)[1]
    path.write_text(f"{TITLE}충북도, 바이오 협약 체결{CLEAR}\n오송에서\t협약을 맺었다.{BELL}\f다음 쪽\n{body}",
                    encoding="utf-8")
    expected = f"]0;당신의 터미널충북도, 바이오 협약 체결[2J\n오송에서\t협약을 맺었다.\n다음 쪽\n{body}"
    assert read_path(path).text == expected


def test_an_ingested_document_keeps_no_control_character(tmp_path: Path) -> None:
    kb = new_kb(tmp_path / "kb")
    (tmp_path / "in").mkdir()
    head, body = release(20).split("\n", 1)
    (tmp_path / "in" / "esc.txt").write_text(f"{TITLE}{head}{CLEAR}\n{body.replace('.', '.' + BELL, 1)}",
                                             encoding="utf-8")
    run = run_biohub(kb, ["ingest", "--jobs", "1", "in"], cwd=tmp_path)
    assert run.code == 0, run.stderr
    texts = "".join(p.read_text(encoding="utf-8") for p in (kb / "records").rglob("*.yaml"))
    assert "\\e" not in texts and "\\a" not in texts and _raw(texts) == []  # YAML writes ESC as \e
    (source,) = kb_mod.load(kb).sources.values()
    assert "바이오 창업기업" in source.text


@pytest.fixture
def hand_edited(kb_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture knowledge base with escape sequences typed into an organisation and an event."""
    monkeypatch.setattr(_output, "out", Console(width=160, soft_wrap=True, highlight=False))
    org = kb_copy / "records" / "orgs" / "org-2606da884a.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("name: 가천대학교 길병원",
                                                           'name: "가천대학교\\e]0;제목\\a 길병원\\e[2J"'),
                   encoding="utf-8")
    event = kb_copy / "records" / "events" / "2025" / "ev-2025-b3514f797f.yaml"
    event.write_text(event.read_text(encoding="utf-8").replace("venue: 송도컨벤시아 프리미어볼룸",
                                                               'venue: "송도\\e[31m컨벤시아\\x9b2J"'),
                     encoding="utf-8")
    assert "\x1b]0;" in kb_mod.load(kb_copy).orgs["org-2606da884a"].name
    return kb_copy


@pytest.mark.parametrize("args", [
    ["org", "가천대길병원"], ["org", "가천대길병원", "--format", "html"], ["orgs"], ["orgs", "--format", "csv"],
    ["timeline"], ["timeline", "--format", "md"], ["timeline", "--format", "csv"], ["timeline", "--format", "html"],
    ["timeline", "--format", "ics"], ["export", "--format", "csv"], ["export", "--format", "json"],
    ["show", "org-2606da884a"], ["show", "ev-2025-b3514f797f"],
], ids=" ".join)
def test_record_text_reaches_no_terminal_raw(hand_edited: Path, args: list[str]) -> None:
    res = CliRunner().invoke(app, ["--kb", str(hand_edited), *args], env={"COLUMNS": "160", "NO_COLOR": "1"})
    assert res.exit_code == 0, res.output
    out = res.stdout_bytes.decode("utf-8")
    assert "길병원" in out or "org-2606da884a" in out or "송도" in out, out[:400]
    assert _raw(out) == [], out[:400]


def test_record_text_reaches_no_report_raw(hand_edited: Path) -> None:
    res = CliRunner().invoke(app, ["--kb", str(hand_edited), "build"])
    assert res.exit_code == 0, res.output
    for page in (hand_edited / "reports").rglob("*"):
        if page.is_file() and page.suffix in (".md", ".html", ".csv", ".json", ".ics", ".graphml"):
            assert _raw(page.read_text(encoding="utf-8")) == [], page


RLO, LRI, PDI = "\u202e", "\u2066", "\u2069"  # right-to-left override, left-to-right isolate, pop isolate


def test_bidirectional_overrides_leave_a_document_and_show_as_escapes(tmp_path: Path) -> None:
    # a neighbour of the escape sequences: U+202E shows a terminal, a report or a spreadsheet its text reversed
    path = tmp_path / "보도자료.txt"
    body = release(23).split("\n", 1)[1]
    path.write_text(f"충북도{RLO}터센 오바{LRI}바이오{PDI} 협약\n{body}", encoding="utf-8")
    assert read_path(path).text == f"충북도터센 오바바이오 협약\n{body}"
    assert neutral_cell(f"{RLO}=SUM(A1)") == "'=SUM(A1)"
    assert escape_controls(f"오송{RLO}센터") == "오송\\u202e센터"
    terminal = Console(width=80, record=True, file=io.StringIO())
    terminal.print(_output._cell(f"오송{RLO}센터"))
    assert terminal.export_text() == "오송\\u202e센터\n"
