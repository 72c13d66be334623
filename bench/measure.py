"""Run one command and measure it: wall time, peak RSS of its whole process tree (sampled) and of
its largest single process (exact, from the kernel's accounting)."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

try:
    import psutil
except ImportError:  # pragma: no cover - psutil comes with dask[distributed]
    psutil = None

_SAMPLE_SECONDS = 0.02
# PSS costs the kernel a walk of every page table (~7 ms for a 500 MB process), CPU the measured command
# needs on a small machine: it is read every 100 ms, and at a new RSS high at most every 40 ms (reading
# it whenever RSS was near its peak took a third of a core from the command, 10% of a build's time).
_PSS_SECONDS = 0.1
_PSS_AT_HIGH_SECONDS = 0.04


@dataclass
class Run:
    command: str
    seconds: float
    returncode: int
    tree_rss_mb: float      # peak of the sum over the process and all its children (sampled)
    process_rss_mb: float   # peak of the largest single process (sampled; the kernel's ru_maxrss if larger)
    stderr_tail: str
    tree_pss_mb: float = 0.0  # peak of the sum of PSS (shared pages split between the processes sharing them)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _tree(pid: int) -> list[int]:
    """The process and all its descendants, from /proc/PID/task/TID/children (Linux): reading a few small
    files, where psutil's children() reads the stat file of every process on the machine, eight times the CPU
    taken from the measured command at every sample."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{p}/task/{tid}/children", encoding="ascii") as fh:
                    todo.extend(int(c) for c in fh.read().split())
            except OSError:
                continue
    return out


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _tree_rss(pid: int) -> tuple[int, int]:
    """(sum, largest) of the RSS of a process and all its descendants."""
    if not Path(f"/proc/{pid}/task").is_dir():
        return _tree_rss_psutil(pid)
    sizes = []
    for p in _tree(pid):
        try:
            with open(f"/proc/{p}/statm", encoding="ascii") as fh:
                sizes.append(int(fh.read().split()[1]) * _PAGE)
        except (OSError, IndexError, ValueError):
            continue
    return sum(sizes), max(sizes, default=0)


def _tree_rss_psutil(pid: int) -> tuple[int, int]:
    """_tree_rss where /proc has no task files (not Linux)."""
    if psutil is None:
        return 0, 0
    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    sizes = []
    for p in procs:
        try:
            sizes.append(p.memory_info().rss)
        except psutil.Error:
            continue
    return sum(sizes), max(sizes, default=0)


def _tree_pss(pid: int) -> int:
    """The sum of the proportional set sizes (Linux /proc/PID/smaps_rollup) of a process and its descendants:
    pages shared by forked workers count once in all, not once per process as in RSS."""
    pids = _tree(pid)
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
    return total


def run(cmd: list[str], *, cwd: Path | None = None, stdout: Path | None = None,
        env: dict[str, str] | None = None, sample: bool = True) -> Run:
    """`sample=False`: no sampler beside the command (a timing run; only the kernel's peak of the largest
    process is known, the tree figures are 0)."""
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL  # noqa: SIM115
    err_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-stderr-{os.getpid()}.txt"
    with open(err_path, "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, env={**os.environ, **(env or {})})
        peak = [0, 0, 0]
        done = threading.Event()

        def sample_memory() -> None:
            last_pss = float("-inf")
            while not done.is_set():
                total, largest = _tree_rss(proc.pid)
                high = total > peak[0]
                peak[0], peak[1] = max(peak[0], total), max(peak[1], largest)
                since = time.perf_counter() - last_pss
                if since >= _PSS_SECONDS or (high and since >= _PSS_AT_HIGH_SECONDS):
                    peak[2] = max(peak[2], _tree_pss(proc.pid))
                    last_pss = time.perf_counter()
                done.wait(_SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample_memory, daemon=True) if sample else None
        if sampler is not None:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        done.set()
        if sampler is not None:
            sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    if stdout:
        out.close()  # type: ignore[union-attr]
    tail = err_path.read_text(encoding="utf-8", errors="replace")[-2000:]
    err_path.unlink(missing_ok=True)
    return Run(command=" ".join(cmd), seconds=seconds, returncode=proc.returncode,
               tree_rss_mb=peak[0] / 2**20, process_rss_mb=max(peak[1] / 2**20, usage.ru_maxrss / 1024),
               stderr_tail=tail, tree_pss_mb=peak[2] / 2**20)
