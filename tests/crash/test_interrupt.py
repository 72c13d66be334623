"""Ctrl-C stops an ingest cleanly: a summary of what was done, nothing half-written, exit 130.

The Ctrl-C comes from pipeline._crash_point with BIOHUB_TEST_CRASH_SIGNAL=SIGINT; the ingest runs
in its own session and sends SIGINT to its whole process group, as a terminal does, so worker
processes get it too.
"""

from __future__ import annotations

import multiprocessing
import signal
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from crash_kit import FRESH, INGEST, prepare
from hostile_kit import Run, record_bytes, run_biohub

References = dict[str, dict[str, bytes]]


def interrupt(root: Path, point: str, args: list[str] | None = None) -> tuple[Path, Run]:
    kb = prepare(root, FRESH)
    run = run_biohub(kb, args or INGEST, cwd=root, new_session=True,
                     env={"BIOHUB_TEST_CRASH_AT": point, "BIOHUB_TEST_CRASH_SIGNAL": "SIGINT"})
    return kb, run


def assert_clean_stop(kb: Path, run: Run) -> None:
    assert run.code == 130, run.stderr
    assert "Traceback" not in run.stderr
    assert not [p for p in (kb / "records").rglob(".tmp-*")]
    validate = run_biohub(kb, ["validate"], cwd=kb.parent)
    assert validate.code == 0, validate.stdout + validate.stderr


def test_ctrl_c_while_reading_stores_what_was_read_and_says_so(tmp_path: Path, reference: References) -> None:
    kb, run = interrupt(tmp_path, "file-1")
    assert_clean_stop(kb, run)
    summary = [line for line in run.lines if line.startswith("warning: interrupted")]
    assert summary == ["warning: interrupted: 1 file(s) read and stored, 2 not read; run the same command "
                       "again to finish (files already ingested are skipped)"], run.stderr
    assert any("not read (interrupted)" in line and "2" in line for line in run.lines), run.stderr
    stored = sorted(p.name for p in (kb / "records" / "sources").glob("*.yaml"))
    assert len(stored) == 1
    rerun = run_biohub(kb, INGEST, cwd=tmp_path)
    assert rerun.code == 0, rerun.stderr
    assert record_bytes(kb) == reference["fresh"]


def test_ctrl_c_while_writing_finishes_the_writing(tmp_path: Path, reference: References) -> None:
    kb, run = interrupt(tmp_path, "record-2")
    assert_clean_stop(kb, run)
    assert "warning: interrupted while writing records: the writing was finished first; all 3 file(s) were " \
           "read and stored" in run.lines, run.stderr
    assert record_bytes(kb) == reference["fresh"], "the store phase ran to its end"


def test_ctrl_c_before_writing_leaves_records_untouched(tmp_path: Path) -> None:
    kb, run = interrupt(tmp_path, "resolved")
    assert_clean_stop(kb, run)
    assert [p for p in (kb / "records").rglob("*.yaml")] == []
    assert any(line.startswith("warning: interrupted before anything was written: records/ is unchanged")
               for line in run.lines), run.stderr


def test_pool_workers_leave_ctrl_c_to_the_main_process() -> None:
    from biohub_cli.ingest import worker

    settings = worker.Settings(published=None, max_bytes=None, force=False, known=frozenset(), known_paths=(),
                               lexicon_orgs=(), lexicon_people=(), root=".")
    context = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                          else "spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=worker._init,
                             initargs=(settings,)) as pool:
        handler = pool.submit(signal.getsignal, signal.SIGINT).result(timeout=120)
    assert handler == signal.SIG_IGN
