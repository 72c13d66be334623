"""An ingest killed with SIGKILL at any point leaves records/ valid, and running it again gives
byte for byte what one uninterrupted run gives.

The kill comes from pipeline._crash_point: with BIOHUB_TEST_CRASH_AT=<point> the ingest SIGKILLs
itself there (after the N-th file, before writing, after the N-th record write, between the store
phases). The exit status proves the point was reached, so a renamed point fails loudly here.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
from crash_kit import FRESH, INGEST, UPDATE, Scenario, prepare
from hostile_kit import record_bytes, run_biohub

from biohub_cli.kb import checks
from biohub_cli.kb import knowledge_base as kb_mod

CRASH = "BIOHUB_TEST_CRASH_AT"


def crash_then_rerun(root: Path, scenario: Scenario, point: str) -> tuple[Path, str]:
    kb = prepare(root, scenario)
    crashed = run_biohub(kb, INGEST, cwd=root, env={CRASH: point})
    assert crashed.code == -signal.SIGKILL, f"the crash point {point!r} was not reached:\n{crashed.stderr}"
    problems = checks.validate(kb_mod.load(kb))  # what `biohub validate` prints
    return kb, "\n".join(p.render() for p in problems)


# point → the known bug that breaks it (None: must hold today)
POINTS: dict[str, dict[str, str | None]] = {
    "fresh": {"file-2": None, "resolved": None, "record-1": None, "store-people": None,
              "store-sources-first": None, "store-events": None, "store-sources": None, "removed": None},
    "update": {"record-2": None, "store-sources-first": None, "store-events": None, "store-sources": None,
               "index": None, "unlink-1": None, "unlink-2": None, "removed": None},
}


def _params() -> list[object]:
    out: list[object] = []
    for scenario in (FRESH, UPDATE):
        for point, bug in POINTS[scenario.name].items():
            marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
            out.append(pytest.param(scenario, point, id=f"{scenario.name}-{point}", marks=marks))
    return out


@pytest.mark.parametrize(("scenario", "point"), _params())
def test_sigkill_leaves_valid_records_and_a_rerun_converges(
        tmp_path: Path, reference: dict[str, dict[str, bytes]], scenario: Scenario, point: str) -> None:
    kb, problems = crash_then_rerun(tmp_path, scenario, point)
    assert problems == "", problems
    rerun = run_biohub(kb, INGEST, cwd=tmp_path, env={"BIOHUB_LOCK_WAIT": "0"})  # the lock died with it
    assert rerun.code == 0, rerun.stderr
    assert record_bytes(kb) == reference[scenario.name]


def test_temporary_files_of_a_killed_write_are_cleaned_by_the_next_ingest(
        tmp_path: Path, reference: dict[str, dict[str, bytes]]) -> None:
    kb = prepare(tmp_path, FRESH)
    leftover = kb / "records" / "orgs" / ".tmp-k1ll3d.yaml"
    leftover.parent.mkdir(parents=True, exist_ok=True)
    leftover.write_text("id: org-half\nna", encoding="utf-8")  # what SIGKILL inside write_atomic leaves
    run = run_biohub(kb, INGEST, cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert record_bytes(kb) == reference["fresh"]
