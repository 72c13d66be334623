"""One CSV writer, one rule: no cell of any CSV biohub writes starts a spreadsheet formula.

`export --format csv` wrote `=HYPERLINK(…)`, `@SUM`, `-2+3+cmd|…` and a leading tab raw, where
`timeline --format csv` neutralised them.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from biohub_cli.cli.app import app
from biohub_cli.csv_writer import neutral_cell, write_csv

PAYLOADS = ('=HYPERLINK("http://example.invalid","바이오 보고서")', "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "\t=1+1", "+82 바이오", "  =공백 뒤 수식", "＝전각 등호")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_cell_that_would_start_a_formula_is_text(payload: str) -> None:
    cell = neutral_cell(payload)
    assert cell.startswith("'") and cell.lstrip("'").strip() == payload.strip()


@pytest.mark.parametrize("value", ["오송 바이오 클러스터", "2025-12-02", "3,350억 원", "a=b", ""])
def test_other_cells_are_left_alone(value: str) -> None:
    assert neutral_cell(value) == value


def test_control_characters_leave_the_cells_and_lines_inside_a_cell_stay() -> None:
    text = write_csv(["제목"], [["첫 줄\x1b[2J\n둘째 줄"]])
    assert text == '제목\r\n"첫 줄[2J\n둘째 줄"\r\n'


@pytest.fixture
def with_formulas(kb_copy: Path) -> Path:
    """The fixture knowledge base with formulas typed into an event and organisations."""
    event = kb_copy / "records" / "events" / "2025" / "ev-2025-b3514f797f.yaml"
    text = event.read_text(encoding="utf-8")
    text = text.replace("title: 인천-셀트리온 공동성장 협약 및 인천-가천대길병원·인하대병원 의료혁신 협약 체결",
                        "title: '=HYPERLINK(\"http://example.invalid\",\"협약\")'")
    text = text.replace("venue: 송도컨벤시아 프리미어볼룸", 'venue: "\\t@SUM(1+1)"')
    event.write_text(text, encoding="utf-8")
    org = kb_copy / "records" / "orgs" / "org-2606da884a.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("name: 가천대학교 길병원",
                                                           "name: \"-2+3+cmd|' /C calc'!A0\""), encoding="utf-8")
    return kb_copy


@pytest.mark.parametrize("args", [["export", "--format", "csv"], ["timeline", "--format", "csv"],
                                  ["orgs", "--format", "csv"], ["people", "--format", "csv"]], ids=" ".join)
def test_every_csv_output_neutralises_the_same_cells(with_formulas: Path, args: list[str]) -> None:
    res = CliRunner().invoke(app, ["--kb", str(with_formulas), *args])
    assert res.exit_code == 0, res.output
    cells = [c for row in csv.reader(io.StringIO(res.stdout_bytes.decode("utf-8-sig"))) for c in row]
    assert cells
    starting = [c for c in cells if c.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert starting == [], starting


def test_the_built_csv_reports_neutralise_them_too(with_formulas: Path) -> None:
    assert CliRunner().invoke(app, ["--kb", str(with_formulas), "build"]).exit_code == 0
    for name in ("timeline.csv", "orgs.csv"):
        text = (with_formulas / "reports" / name).read_text(encoding="utf-8-sig")
        cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
        assert not [c for c in cells if c.lstrip(" ").startswith(("=", "+", "-", "@", "\t"))], name
