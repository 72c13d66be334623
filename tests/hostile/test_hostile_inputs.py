"""`biohub ingest` end to end on hostile inputs: one clear line per bad file, the batch goes on.

For every case of conftest.CASES (bad files, odd names, hostile folders) and RECORD_CASES (broken
records already in records/): one stderr line names the file with a reason, no traceback, the
good release next to it is ingested, and `biohub validate` passes afterwards (for broken records:
reports exactly those files, which ingest left untouched).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_cases import BATCHES, CASES, GOOD, RECORD_CASES, BatchRun, Case

from biohub_cli.kb import knowledge_base as kb_mod
from biohub_cli.models import Source
from biohub_cli.store import yaml_io

Runs = Callable[[str], BatchRun]


def _sources(run: BatchRun) -> dict[str, Source]:
    """Ingested sources by file name."""
    base = kb_mod.load(run.kb)
    return {s.file_name: s for s in base.sources.values()}


def test_the_table_is_big_enough() -> None:
    assert len(CASES) + len(RECORD_CASES) >= 30
    assert len({c.id for c in (*CASES, *RECORD_CASES)}) == len(CASES) + len(RECORD_CASES)


@pytest.mark.parametrize("batch", BATCHES)
def test_batch_exits_1_without_traceback_and_keeps_the_good_file(batch_runs: Runs, batch: str) -> None:
    run = batch_runs(batch)
    assert run.ingest.code == 1, run.ingest.stderr
    assert "Traceback" not in run.ingest.stderr
    assert "internal error" not in run.ingest.stderr
    good = _sources(run).get(GOOD)
    assert good is not None, run.ingest.stderr
    assert good.extraction.organizations, "the good release next to the hostile files was extracted"


@pytest.mark.parametrize("batch", BATCHES)
def test_records_stay_valid_after_the_batch(batch_runs: Runs, batch: str) -> None:
    run = batch_runs(batch)
    assert run.validate.code == 0, run.validate.stdout + run.validate.stderr
    assert "Traceback" not in run.validate.stderr
    leftovers = [p for p in (run.kb / "records").rglob("*") if p.name.startswith(".tmp-")]
    assert leftovers == []


def _params(cases: list[Case]) -> list[object]:
    return [pytest.param(c, id=c.id, marks=[pytest.mark.xfail(strict=True, reason=c.bug)] if c.bug else [])
            for c in cases]


@pytest.mark.parametrize("case", _params([c for c in CASES if not c.ok]))
def test_bad_input_gets_one_line_naming_it(batch_runs: Runs, case: Case) -> None:
    run = batch_runs(case.batch)
    lines = run.lines_naming(case.shown)
    assert len(lines) == 1, f"lines naming {case.shown!r}:\n" + run.ingest.stderr
    line = lines[0]
    assert line.startswith("error: "), line
    assert re.search(case.reason, line, re.I), line
    escaped = case.display or re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda m: m.group().encode("unicode_escape").decode(),
                                     case.name)
    assert escaped in line, "the whole name is on the line, control characters escaped"
    assert case.name not in _sources(run) and escaped not in _sources(run)


@pytest.mark.parametrize("case", _params([c for c in CASES if c.ok]))
def test_legitimate_document_with_hostile_shape_is_ingested(batch_runs: Runs, case: Case) -> None:
    run = batch_runs(case.batch)
    assert run.lines_naming(case.shown) == [], run.ingest.stderr
    source = _sources(run).get(case.shown)
    assert source is not None, run.ingest.stderr
    assert "바이오" in source.text
    assert not Path(source.path).is_absolute()
    assert source.path.endswith(case.shown)


def test_scripts_and_event_handlers_never_reach_the_records(batch_runs: Runs) -> None:
    from hostile_kit import SCRIPT_MARKERS

    run = batch_runs("html")
    source = _sources(run)["h12_scripts.html"]
    assert "업무협약" in source.text
    everything = "".join(p.read_text(encoding="utf-8") for p in (run.kb / "records").rglob("*.yaml"))
    for marker in SCRIPT_MARKERS:
        assert marker not in everything


def test_huge_html_keeps_the_story_and_drops_the_menus(batch_runs: Runs) -> None:
    run = batch_runs("html")
    source = _sources(run)["h11_huge.html"]
    assert "업무협약" in source.text
    assert "최신뉴스 2999번" not in source.text


def test_terminal_control_characters_in_names_never_reach_stderr(batch_runs: Runs) -> None:
    run = batch_runs("names")
    assert "\x1b" not in run.ingest.stderr


def test_rich_markup_in_names_is_printed_literally(batch_runs: Runs) -> None:
    run = batch_runs("names")
    assert len(run.lines_naming("h46_[bold red]굵게[blink].txt")) == 1


@pytest.mark.parametrize("case", _params(list(RECORD_CASES)))
def test_broken_record_gets_one_line_and_is_left_alone(batch_runs: Runs, case: Case) -> None:
    run = batch_runs("records")
    rel = f"orgs/{case.name}.yaml"
    lines = run.lines_naming(f"records/{rel}")
    assert len(lines) == 1, run.ingest.stderr
    assert re.search(case.reason, lines[0], re.I), lines[0]
    assert "Traceback" not in run.ingest.stderr
    assert (run.kb / "records" / rel).read_bytes() == run.before[rel], "ingest never rewrites a broken record"
    reported = [line for line in run.validate.stdout.splitlines() if f"records/{rel}" in line]
    assert len(reported) == 1, run.validate.stdout


def test_broken_records_do_not_stop_the_ingest(batch_runs: Runs) -> None:
    run = batch_runs("records")
    assert "Traceback" not in run.ingest.stderr
    assert GOOD in _sources(run)
    names = {f"records/orgs/{c.name}.yaml" for c in RECORD_CASES}
    problems = [line for line in run.validate.stdout.splitlines() if line.strip()]
    assert problems and all(any(n in line for n in names) for line in problems), run.validate.stdout
    assert not (run.root / "PWNED").exists() and not (run.kb / "PWNED").exists()


def test_broken_records_make_the_ingest_exit_1(batch_runs: Runs) -> None:
    assert batch_runs("records").ingest.code == 1


def test_a_folder_named_in_cp949_is_stored_decoded(batch_runs: Runs) -> None:
    source = _sources(batch_runs("names"))["h51_보도.txt"]
    assert source.path.endswith("h51_충북_자료/h51_보도.txt")


def test_no_name_reaches_stderr_as_bytes_that_are_not_utf8(batch_runs: Runs) -> None:
    run = batch_runs("names")
    assert "\ufffd" not in run.ingest.stderr, "every name was decoded or escaped, none replaced"


@pytest.mark.parametrize("batch", BATCHES)
def test_no_record_holds_a_control_character(batch_runs: Runs, batch: str) -> None:
    """Raw or as a YAML escape (\\e, \\a, \\x9b): no string of a record holds a control character."""
    run = batch_runs(batch)
    for path in (run.kb / "records").rglob("*.yaml"):
        if batch == "records" and path.stem.startswith("h6"):
            continue  # the broken records that batch plants
        strings = _strings(yaml_io.read_yaml(path))
        assert not [s for s in strings if re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", s)], path


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
