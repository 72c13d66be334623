"""Two writers on one knowledge base never interleave: the second waits, or says clearly that
another ingest is running and writes nothing."""

from __future__ import annotations

import os
import select
import subprocess
import sys
from pathlib import Path

import pytest
from crash_kit import FRESH, INGEST, prepare
from hostile_kit import biohub_command, biohub_env, record_bytes, release, run_biohub

from biohub_cli.config import Layout
from biohub_cli.store.lock import ingest_lock, lock_wait

References = dict[str, dict[str, bytes]]


def test_a_second_ingest_gives_up_clearly_and_writes_nothing(tmp_path: Path) -> None:
    kb = prepare(tmp_path, FRESH)
    before = record_bytes(kb)
    with ingest_lock(Layout(kb)):
        run = run_biohub(kb, INGEST, cwd=tmp_path, env={"BIOHUB_LOCK_WAIT": "0.2"})
    assert run.code == 1
    lock = kb / ".biohub" / "ingest.lock"
    assert run.lines == [f"waiting up to 0.2 s for another biohub ingest (process {os.getpid()}), which holds "
                         f"the knowledge base's lock ({lock})",
                         f"error: another biohub ingest (process {os.getpid()}) is writing to this knowledge "
                         f"base (lock {lock}); wait for it to finish and run again, or raise "
                         "BIOHUB_LOCK_WAIT to wait longer"]
    assert record_bytes(kb) == before


def test_a_second_ingest_waits_for_the_first(tmp_path: Path, reference: References) -> None:
    kb = prepare(tmp_path, FRESH)
    with ingest_lock(Layout(kb)):
        waiting = subprocess.Popen(biohub_command(kb, INGEST), cwd=tmp_path, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=biohub_env({"BIOHUB_LOCK_WAIT": "120"}))
        # while it waits it says so, and for whom, as the README says (read before the lock is let go)
        assert waiting.stderr is not None
        ready, _, _ = select.select([waiting.stderr], [], [], 120)
        said = waiting.stderr.readline().decode() if ready else ""
        assert said.startswith(f"waiting up to 120 s for another biohub ingest (process {os.getpid()})"), said
        with pytest.raises(subprocess.TimeoutExpired):
            waiting.wait(timeout=1.5)
        untouched = not list((kb / "records").rglob("*.yaml"))
    _, err = waiting.communicate(timeout=300)
    assert untouched, "nothing was written while the lock was held"
    assert waiting.returncode == 0, err.decode()
    assert record_bytes(kb) == reference["fresh"]


def test_two_ingests_at_once_give_what_one_after_the_other_gives(tmp_path: Path) -> None:
    kb = prepare(tmp_path, FRESH)
    (tmp_path / "more").mkdir()
    for n in (5, 6):
        (tmp_path / "more" / f"m{n}.txt").write_text(release(n), encoding="utf-8")
    env = biohub_env({"BIOHUB_LOCK_WAIT": "300"})
    procs = [subprocess.Popen(biohub_command(kb, ["ingest", "--jobs", "1", folder]), cwd=tmp_path, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for folder in ("in", "more")]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    assert run_biohub(kb, ["validate"], cwd=tmp_path).code == 0
    together = record_bytes(kb)

    sequential = prepare(tmp_path / "seq", FRESH)
    (tmp_path / "seq" / "more").mkdir()
    for n in (5, 6):
        (tmp_path / "seq" / "more" / f"m{n}.txt").write_text(release(n), encoding="utf-8")
    assert run_biohub(sequential, ["ingest", "--jobs", "1", "in", "more"], cwd=tmp_path / "seq").code == 0
    assert together == record_bytes(sequential)


def test_the_lock_is_reentrant_within_one_process(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    with ingest_lock(layout), ingest_lock(layout, wait=0):
        pass
    with ingest_lock(layout, wait=0):  # released after both exits
        pass


_TRY_LOCK = """
import sys
from pathlib import Path
from biohub_cli.config import Layout
from biohub_cli.errors import LockedError
from biohub_cli.store.lock import ingest_lock
try:
    with ingest_lock(Layout(Path(sys.argv[1])), wait=0):
        print("got it")
except LockedError as e:
    print("locked:", e.message)
"""


def try_lock_elsewhere(folder: Path) -> str:
    """What another process gets when it tries the lock without waiting."""
    proc = subprocess.run([sys.executable, "-c", _TRY_LOCK, str(folder)], env=biohub_env(),
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_the_lock_shuts_out_another_process(tmp_path: Path) -> None:
    with ingest_lock(Layout(tmp_path)):
        held = try_lock_elsewhere(tmp_path)
    assert held.startswith(f"locked: another biohub ingest (process {os.getpid()})")
    assert try_lock_elsewhere(tmp_path) == "got it\n"


@pytest.mark.parametrize(("value", "expected"), [("2.5", 2.5), ("0", 0.0), ("abc", 10.0), ("-1", 10.0)])
def test_lock_wait_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, value: str,
                                              expected: float) -> None:
    monkeypatch.setenv("BIOHUB_LOCK_WAIT", value)
    assert lock_wait() == expected


def test_a_merge_during_an_ingest_changes_nothing(tmp_path: Path) -> None:
    kb = prepare(tmp_path, FRESH)
    aliases = kb / "aliases.yaml"
    before = aliases.read_bytes() if aliases.exists() else None
    with ingest_lock(Layout(kb)):
        run = run_biohub(kb, ["merge", "충북도", "충청북도"], cwd=tmp_path, env={"BIOHUB_LOCK_WAIT": "0.2"})
    assert run.code == 1
    assert "another biohub ingest" in run.stderr
    assert (aliases.read_bytes() if aliases.exists() else None) == before

