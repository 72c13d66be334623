"""The whole pipeline on the bundled example releases: one event per real event, order-independent
bytes, incremental re-ingest, hand edits that survive, and the repository's own knowledge base current."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from biohub_cli.cli.app import app
from biohub_cli.ingest.pipeline import IngestOptions, ingest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "releases"
runner = CliRunner()


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "records").rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def example_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kb")
    report = ingest(root, [EXAMPLES], IngestOptions(jobs=1))
    assert not report.failed, [(f.path, f.message) for f in report.failed]
    return root


def export(root: Path) -> dict:  # type: ignore[type-arg]
    res = runner.invoke(app, ["--kb", str(root), "export"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)  # type: ignore[no-any-return]


def test_two_outlets_give_one_event(example_kb: Path) -> None:
    data = export(example_kb)
    meeting = [e for e in data["events"] if e["date"] == "2025-07-09" and e["type"] == "meeting"]
    assert len(meeting) == 1
    names = {d["id"]: d["file_name"] for d in data["documents"]}
    assert {names[d] for d in meeting[0]["documents"]} == {
        "2025-07-09_gyeongin-bio_promo-group-2nd-meeting.txt",
        "2025-07-09_incheon-city_promo-group-2nd-meeting-release.txt"}


def test_year_that_no_text_fixes_stays_unknown(example_kb: Path) -> None:
    data = export(example_kb)
    council = [e for e in data["events"] if e["date"].endswith("06-11")]
    assert council and all(e["date"] == "--06-11" and e["year_certain"] is False for e in council)


def test_validate_passes_on_a_fresh_ingest(example_kb: Path) -> None:
    res = runner.invoke(app, ["--kb", str(example_kb), "validate"])
    assert res.exit_code == 0, res.stdout


def test_any_order_gives_identical_bytes(example_kb: Path, tmp_path: Path) -> None:
    files = sorted(EXAMPLES.iterdir())
    other = tmp_path / "reversed"
    for f in reversed(files):  # one at a time, last file first
        assert not ingest(other, [f], IngestOptions(jobs=1)).failed
    assert snapshot(other) == snapshot(example_kb)


def test_unchanged_reingest_writes_nothing(example_kb: Path, tmp_path: Path) -> None:
    root = tmp_path / "kb"
    shutil.copytree(example_kb, root)
    before = snapshot(root)
    report = ingest(root, [EXAMPLES], IngestOptions(jobs=1))
    assert report.count("unchanged") == len(list(EXAMPLES.iterdir()))
    assert report.written == 0 and report.removed == 0
    assert snapshot(root) == before


def test_hand_edit_survives_reingest(example_kb: Path, tmp_path: Path) -> None:
    root = tmp_path / "kb"
    shutil.copytree(example_kb, root)
    (event,) = [e for e in export(root)["events"] if e["date"] == "2025-07-09" and e["type"] == "meeting"]
    (event_file,) = (root / "records" / "events").rglob(f"{event['id']}.yaml")
    text = event_file.read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if line.startswith("title: "))
    event_file.write_text(text.replace(title_line, "title: 추진단 2차 정기회의 (분석가 수정)"), encoding="utf-8")
    report = ingest(root, [EXAMPLES], IngestOptions(jobs=1, force=True))
    assert not report.failed
    assert "title: 추진단 2차 정기회의 (분석가 수정)" in event_file.read_text(encoding="utf-8")


def test_rejected_record_is_not_recreated(example_kb: Path, tmp_path: Path) -> None:
    root = tmp_path / "kb"
    shutil.copytree(example_kb, root)
    org_file = next(p for p in (root / "records" / "orgs").glob("*.yaml")
                    if "name: 바이오액츠" in p.read_text(encoding="utf-8"))
    org_file.write_text(org_file.read_text(encoding="utf-8").replace("status: active", "status: rejected"),
                        encoding="utf-8")
    deleted_person = next((root / "records" / "people").glob("*.yaml"))
    deleted_person.unlink()
    ingest(root, [EXAMPLES], IngestOptions(jobs=1, force=True))
    assert "status: rejected" in org_file.read_text(encoding="utf-8")
    assert not deleted_person.exists()
    data = export(root)
    assert "바이오액츠" not in {o["name"] for o in data["organizations"]}
    assert runner.invoke(app, ["--kb", str(root), "validate"]).exit_code == 0


def test_repository_knowledge_base_is_valid_and_current() -> None:
    """records/ and reports/ in the repository are what `make demo` makes from examples/."""
    for args in (["validate"], ["build", "--check"]):
        proc = subprocess.run([sys.executable, "-m", "biohub_cli", "--kb", str(REPO), *args],
                              capture_output=True, text=True, cwd=REPO)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    assert sorted(p.name for p in (REPO / "records" / "sources").glob("*.yaml")), "run `make demo`, commit records/"


def test_repository_records_are_what_the_current_code_extracts(tmp_path: Path) -> None:
    """Re-ingesting the examples over a copy of the committed records changes no byte: `make demo` is current."""
    copy = tmp_path / "repo"
    copy.mkdir()
    shutil.copy(REPO / "biohub.yaml", copy / "biohub.yaml")
    for folder in ("records", "examples"):
        shutil.copytree(REPO / folder, copy / folder)
    report = ingest(copy, [copy / "examples" / "releases"], IngestOptions(jobs=1, force=True))
    assert not report.failed
    now, committed = snapshot(copy), snapshot(REPO)
    changed = sorted(name for name in now.keys() | committed.keys() if now.get(name) != committed.get(name))
    assert not changed, f"records/ is stale ({len(changed)} files differ): run `make demo` and commit records/"


def test_bad_file_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "2025-07-09_gyeongin-bio_promo-group-2nd-meeting.txt", folder / "good.txt")
    (folder / "broken.pdf").write_bytes(b"this is not a pdf at all")
    assert runner.invoke(app, ["init", str(tmp_path / "kb")]).exit_code == 0
    proc = subprocess.run([sys.executable, "-m", "biohub_cli", "--kb", str(tmp_path / "kb"), "ingest", str(folder)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "broken.pdf" in errors[0]
    assert "Traceback" not in proc.stderr
    assert len(list((tmp_path / "kb" / "records" / "sources").glob("*.yaml"))) == 1
