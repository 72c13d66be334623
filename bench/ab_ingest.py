"""Compare two source trees of biohub on the same ingest, interleaved, so CPU noise hits both alike.

    .venv/bin/python bench/ab_ingest.py --before /tmp/before/src --after src --n 200 --jobs 2 --rounds 2

For each round and tree: a fresh knowledge base, (b) the first ingest of an N-document corpus,
(d) a re-ingest after 1% of the files changed; wall time, peak RSS and PSS of the process tree.
The floor (kiwipiepy alone, bench/floor.py, threads) is measured once per round too, so the
ratios of the issue can be read off one run. Prints medians per tree.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import measure  # noqa: E402


def _biohub(tree: Path, kb: Path, *args: str, cwd: Path) -> measure.Run:
    env = {"PYTHONPATH": str(tree.resolve()), "COLUMNS": "160", "NO_COLOR": "1"}
    run = measure.run([sys.executable, "-m", "biohub_cli", "--kb", str(kb), *args], cwd=cwd, env=env)
    if run.returncode not in (0, 1):
        print(f"  ! {run.command} exited {run.returncode}:\n{run.stderr_tail}", file=sys.stderr)
    return run


def one(tree: Path, n: int, seed: int, jobs: int, work: Path) -> dict[str, float]:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    corpus.write(work / "releases", seed, n)
    kb = work / "kb"
    kb.mkdir()
    _biohub(tree, kb, "init", str(kb), cwd=work)
    first = _biohub(tree, kb, "ingest", "releases", "--jobs", str(jobs), cwd=work)
    corpus.edit(work / "releases", seed, corpus.changed_indexes(seed, n, 0.01))
    again = _biohub(tree, kb, "ingest", "releases", "--jobs", str(jobs), cwd=work)
    return {"ingest_s": first.seconds, "rss_mb": first.tree_rss_mb, "pss_mb": first.tree_pss_mb,
            "reingest_1pct_s": again.seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, required=True)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="biohub-ab-"))
    figures: dict[str, list[dict[str, float]]] = {"before": [], "after": []}
    floors: list[float] = []
    try:
        for _ in range(args.rounds):
            out = base / "floor.json"
            floors.append(measure.run([sys.executable, str(HERE / "floor.py"), "--n", str(args.n), "--seed",
                                       str(args.seed), "--jobs", str(args.jobs), "--mode", "threads"],
                                      stdout=out).seconds)
            for name, tree in (("before", args.before), ("after", args.after)):
                figures[name].append(one(tree, args.n, args.seed, args.jobs, base / name))
    finally:
        shutil.rmtree(base, ignore_errors=True)
        os.chdir(HERE)
    floor = statistics.median(floors)
    print(f"N={args.n} jobs={args.jobs} rounds={args.rounds}: floor (kiwi alone, threads) {floor:.2f} s")
    for name, runs in figures.items():
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(f"  {name:6s} ingest {med['ingest_s']:6.2f} s = {med['ingest_s'] / floor:4.2f}x floor | "
              f"re-ingest 1% {med['reingest_1pct_s']:6.2f} s = {med['reingest_1pct_s'] / med['ingest_s']:5.1%} | "
              f"tree RSS {med['rss_mb']:5.0f} MB, PSS {med['pss_mb']:5.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
