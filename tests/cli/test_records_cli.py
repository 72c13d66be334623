"""The record commands through the CLI: exit codes, exact messages, the export contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from biohub_cli.cli.app import app
from biohub_cli.config import Layout, find_root
from biohub_cli.models import PartialDate
from biohub_cli.resolve import resolve
from biohub_cli.store import records_io
from tests.conftest import MakeSource

runner = CliRunner()


@pytest.fixture
def kb_root(tmp_path: Path, make_source: MakeSource) -> Path:
    """A knowledge base holding two reports of one meeting, written the way ingest writes them."""
    root = tmp_path / "kb"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    a = make_source("인천광역시는 7월 9일 시흥시청에서 추진단 제2차 정기회의를 열었다. "
                    "이남주 미래산업국장이 말했다.",
                    orgs=[("인천광역시", "인천광역시"), ("시흥시", "시흥시")],
                    people=[("이남주", "미래산업국장", "인천광역시")],
                    events=[{"date": PartialDate.of(2025, 7, 9), "title": "추진단 제2차 정기회의",
                             "orgs": ["인천광역시", "시흥시"], "venue": "시흥시청 글로벌센터 회의실"}],
                    published=PartialDate.of(2025, 7, 9), name="a.txt")
    b = make_source("인천시와 시흥시는 9일 추진단 2차 정기회의를 함께 열었다.",
                    orgs=[("인천시", "인천광역시"), ("시흥시", "시흥시")],
                    events=[{"date": PartialDate.of(2025, 7, 9), "title": "추진단 2차 정기회의",
                             "orgs": ["인천광역시", "시흥시"]}], name="b.txt")
    res = resolve([a, b])
    layout = Layout(root)
    for group in (res.orgs, res.people, res.events, res.sources):
        for rec in group.values():
            records_io.save_record(layout, rec)
    return root


def test_init_refuses_an_existing_knowledge_base(tmp_path: Path) -> None:
    assert runner.invoke(app, ["init", str(tmp_path)]).exit_code == 0
    for name in ("biohub.yaml", "records/sources", ".github/workflows/biohub.yml", ".pre-commit-config.yaml"):
        assert (tmp_path / name).exists(), name
    again = subprocess.run([sys.executable, "-m", "biohub_cli", "init", str(tmp_path)],
                           capture_output=True, text=True)
    assert again.returncode == 2
    assert "a knowledge base already exists here" in again.stderr
    assert "Traceback" not in again.stderr


def test_root_is_found_from_a_subfolder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "biohub.yaml").write_text("version: 1\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.delenv("BIOHUB_KB", raising=False)
    assert find_root(cwd=sub) == tmp_path.resolve()
    monkeypatch.setenv("BIOHUB_KB", str(sub))
    assert find_root(cwd=tmp_path) == sub.resolve()
    assert find_root(tmp_path / "x", cwd=sub) == (tmp_path / "x").resolve()


def test_validate_passes_then_reports_a_broken_record_with_its_line(kb_root: Path) -> None:
    ok = runner.invoke(app, ["--kb", str(kb_root), "validate"])
    assert ok.exit_code == 0, ok.output
    (event_file,) = (kb_root / "records" / "events" / "2025").glob("*.yaml")
    lines = event_file.read_text(encoding="utf-8").splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith("  month:"))
    lines[i] = "  month: 13"
    event_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad = runner.invoke(app, ["--kb", str(kb_root), "validate"])
    assert bad.exit_code == 1
    assert f"{event_file}:{i + 1}: date.month: Input should be less than or equal to 12" in bad.stdout


def test_validate_catches_cross_reference_errors(kb_root: Path) -> None:
    (person_file,) = (kb_root / "records" / "people").glob("*.yaml")
    text = person_file.read_text(encoding="utf-8")
    org_id = next(line.split(": ")[1] for line in text.splitlines() if "organization: org-" in line)
    person_file.write_text(text.replace(org_id, "org-nowhere"), encoding="utf-8")
    bad = runner.invoke(app, ["--kb", str(kb_root), "validate"])
    assert bad.exit_code == 1
    assert "unknown organisation id 'org-nowhere'" in bad.stdout
    assert str(person_file) in bad.stdout


def test_validate_catches_unknown_fields(kb_root: Path) -> None:
    org_file = sorted((kb_root / "records" / "orgs").glob("*.yaml"))[0]
    org_file.write_text(org_file.read_text(encoding="utf-8") + "homepage: https://example.org\n",
                        encoding="utf-8")
    res = runner.invoke(app, ["--kb", str(kb_root), "validate"])
    n = len(org_file.read_text(encoding="utf-8").splitlines())
    assert res.exit_code == 1
    assert f"{org_file}:{n}: homepage: unknown field (not part of the record schema)" in res.stdout


def test_validate_catches_one_alias_on_two_orgs(kb_root: Path) -> None:
    siheung = next(p for p in (kb_root / "records" / "orgs").glob("*.yaml")
                   if "name: 시흥시" in p.read_text(encoding="utf-8"))
    siheung.write_text(siheung.read_text(encoding="utf-8").replace("aliases: []", "aliases:\n- 인천시"),
                       encoding="utf-8")
    res = runner.invoke(app, ["--kb", str(kb_root), "validate"])
    assert res.exit_code == 1
    assert "name or alias '인천시' also belongs to org-" in res.stdout


def test_export_follows_the_contract(kb_root: Path) -> None:
    res = runner.invoke(app, ["--kb", str(kb_root), "export", "--format", "json"])
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["version"] == 1
    assert {"documents", "events", "organizations", "people"} <= set(data)
    (ev,) = data["events"]
    assert ev["date"] == "2025-07-09" and ev["year_certain"] is True and ev["type"] == "meeting"
    assert sorted(ev["documents"]) == sorted(d["id"] for d in data["documents"])
    org_names = {o["id"]: o for o in data["organizations"]}
    assert {org_names[i]["name"] for i in ev["organizations"]} == {"인천광역시", "시흥시"}
    incheon = next(o for o in data["organizations"] if o["name"] == "인천광역시")
    assert incheon["aliases"] == ["인천시"] and incheon["type"] == "government"
    (person,) = data["people"]
    assert person["name"] == "이남주"
    assert person["roles"][0]["title"] == "미래산업국장"
    assert person["roles"][0]["organization"] == incheon["id"]
    doc = next(d for d in data["documents"] if d["file_name"] == "a.txt")
    assert doc["published"] == "2025-07-09"
    assert {"organizations", "people", "events", "amounts"} <= set(doc["mentions"])
    assert doc["mentions"]["foreign_amounts"] == []  # added to version 1: amounts in another currency


def test_export_jsonl_and_csv(kb_root: Path) -> None:
    jl = runner.invoke(app, ["--kb", str(kb_root), "export", "--format", "jsonl"]).stdout.splitlines()
    kinds = [json.loads(line)["kind"] for line in jl]
    assert kinds.count("event") == 1 and kinds.count("document") == 2
    csv_out = runner.invoke(app, ["--kb", str(kb_root), "export", "--format", "csv"]).stdout
    assert csv_out.splitlines()[0].startswith("id,date,year_certain,type,title")
    assert "2025-07-09,true,meeting" in csv_out


def test_schema_check_fails_when_stale(tmp_path: Path) -> None:
    folder = tmp_path / "schemas"
    assert runner.invoke(app, ["schema", "--dir", str(folder)]).exit_code == 0
    assert runner.invoke(app, ["schema", "--check", "--dir", str(folder)]).exit_code == 0
    (folder / "event.schema.json").write_text("{}\n")
    stale = runner.invoke(app, ["schema", "--check", "--dir", str(folder)])
    assert stale.exit_code == 1 and "event.schema.json: stale" in stale.stdout


def test_repository_schemas_are_current() -> None:
    from biohub_cli.schema import stale_schemas

    assert stale_schemas(Path(__file__).parents[2] / "schemas") == []


def test_show_event_lists_sources_and_why_merged(kb_root: Path) -> None:
    data = json.loads(runner.invoke(app, ["--kb", str(kb_root), "export"]).stdout)
    res = runner.invoke(app, ["--kb", str(kb_root), "show", data["events"][0]["id"]])
    assert res.exit_code == 0
    assert "## sources" in res.stdout and "a.txt" in res.stdout and "b.txt" in res.stdout
    assert "## merged because" in res.stdout and "similar titles" in res.stdout


def test_show_unknown_id_suggests(kb_root: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "biohub_cli", "--kb", str(kb_root), "show", "src-nothing"],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: no record with id or name 'src-nothing'")


def test_merge_and_undo(kb_root: Path) -> None:
    res = runner.invoke(app, ["--kb", str(kb_root), "merge", "시흥시", "인천광역시"])
    assert res.exit_code == 0, res.output
    assert "시흥시: 인천광역시" in (kb_root / "aliases.yaml").read_text(encoding="utf-8")
    assert runner.invoke(app, ["--kb", str(kb_root), "merge", "--undo", "시흥시"]).exit_code == 0
    assert "시흥시" not in (kb_root / "aliases.yaml").read_text(encoding="utf-8").split("merges:")[1]
