"""No process biohub starts outlives the command it works for, however that command dies.

SIGTERM or SIGKILL to `ingest --jobs 2` left its two worker processes running with PPID 1 (~360 MB
each; one pair was still alive 13 minutes later). Each command here runs in a session of its own, so
whatever it started can be found by its process group once it is dead.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_kit import biohub_command, biohub_env, new_kb, release

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads process groups from /proc")

GRACE = 10.0  # seconds the orphans get to notice (the watch looks once a second)


def _group(pgid: int) -> list[int]:
    """The live processes of a process group (zombies, already ended, left out)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        state, _ppid, group = stat.rsplit(")", 1)[1].split()[:3]
        if int(group) == pgid and state != "Z":
            found.append(int(entry))
    return found


def _left_behind(pgid: int) -> list[int]:
    deadline = time.monotonic() + GRACE
    while (alive := _group(pgid)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return alive


def _run_until_it_dies(command: list[str], cwd: Path, env: dict[str, str], sig: signal.Signals) -> list[int]:
    """Start `command` in a session of its own, wait for it to die of `sig`; the processes it left."""
    err = cwd / "stderr.txt"  # a file, not a pipe: the orphans would hold a pipe open
    with err.open("wb") as sink:
        proc = subprocess.Popen(command, cwd=cwd, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
                                stderr=sink)
    try:
        proc.wait(timeout=240)
        assert proc.returncode == -sig, err.read_text(encoding="utf-8", errors="replace")
        return _left_behind(proc.pid)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the group this test started, whatever the outcome


@pytest.mark.parametrize(("name", "start"), [("SIGKILL", "fork"), ("SIGTERM", "forkserver")])
def test_pool_workers_end_when_the_ingest_is_killed(tmp_path: Path, name: str, start: str) -> None:
    kb = new_kb(tmp_path / "kb")
    (tmp_path / "in").mkdir()
    for n in range(3):  # the ingest dies after the first file, with both workers started
        (tmp_path / "in" / f"r{n}.txt").write_text(release(n), encoding="utf-8")
    env = biohub_env({"BIOHUB_INGEST_WORKERS": "processes", "BIOHUB_TEST_CRASH_AT": "file-1",
                      "BIOHUB_TEST_CRASH_SIGNAL": name, **({"BIOHUB_NO_FORK": "1"} if start != "fork" else {})})
    left = _run_until_it_dies(biohub_command(kb, ["ingest", "--jobs", "2", "in"]), tmp_path, env,
                              signal.Signals[name])
    assert left == [], f"processes outlived the ingest: {left}"


def test_a_forked_child_ends_when_its_parent_is_killed(tmp_path: Path) -> None:
    script = ("import os, signal, time\n"
              "from biohub_cli.ingest.forked import Forked\n"
              "child = Forked(lambda: iter([time.sleep(600)]), fork=True)\n"
              "time.sleep(0.5)\n"
              "os.kill(os.getpid(), signal.SIGKILL)\n")
    left = _run_until_it_dies([sys.executable, "-c", script], tmp_path, biohub_env(), signal.SIGKILL)
    assert left == [], f"the forked child outlived its parent: {left}"


def test_dask_worker_processes_end_when_their_cluster_process_is_killed(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    (tmp_path / "r.txt").write_text(release(1), encoding="utf-8")
    new_kb(tmp_path / "kb")
    script = ("import os, signal, sys\n"
              "from pathlib import Path\n"
              "from distributed import Client, LocalCluster\n"
              "from biohub_cli.ingest import dask_executor, worker\n"
              "from biohub_cli.kb import knowledge_base\n"
              "if __name__ == '__main__':\n"
              "    cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None)\n"
              "    client = Client(cluster)\n"
              "    settings = worker.Settings.of(knowledge_base.load(Path('kb')), None, None, False)\n"
              "    list(dask_executor.run_all([Path('r.txt')], settings, 1, scheduler=client))\n"
              "    os.kill(os.getpid(), signal.SIGKILL)\n")
    (tmp_path / "cluster.py").write_text(script, encoding="utf-8")
    left = _run_until_it_dies([sys.executable, "cluster.py"], tmp_path, biohub_env(), signal.SIGKILL)
    assert left == [], f"Dask's processes outlived the process that started them: {left}"
