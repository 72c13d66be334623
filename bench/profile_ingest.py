"""Where an ingest spends its time, stage by stage (cProfile, one process, so every call is seen).

    .venv/bin/python bench/profile_ingest.py --n 200 [--reingest | --changed 0.01] [--jobs 2] [--top 25]

Prints the cumulative time of each stage entry point (read, clean, analyse, kiwi itself, extract,
resolve, store, the knowledge-base load) and the functions with the most time of their own.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

STAGES = (  # (label, file suffix, function name)
    ("kb.load (records → models)", "biohub_cli/kb/knowledge_base.py", "load"),
    ("read_path", "biohub_cli/read/files.py", "read_path"),
    ("clean", "biohub_cli/clean/__init__.py", "clean"),
    ("analyse (all)", "biohub_cli/analyse.py", "analyse"),
    ("  kiwi tokenize (C++)", "~", "<method 'tokenize' of 'kiwipiepy._kiwipiepy.Kiwi' objects>"),
    ("  kiwi result refinement", "kiwipiepy/_wrap.py", "_refine_result"),
    ("extract", "biohub_cli/extract/__init__.py", "extract"),
    ("lexicon load", "biohub_cli/extract/lexicon.py", "load"),
    ("resolve", "biohub_cli/resolve/__init__.py", "resolve"),
    ("store (store_resolved)", "biohub_cli/ingest/commit.py", "store_resolved"),
    ("settle (second resolve, state)", "biohub_cli/ingest/pipeline.py", "_settle"),
    ("fast path check", "biohub_cli/ingest/pipeline.py", "_settled"),
    ("yaml dump", "biohub_cli/store/yaml_io.py", "dumps"),
    ("yaml load", "biohub_cli/store/yaml_io.py", "loads"),
)


def stage_times(stats: pstats.Stats) -> list[tuple[str, float, int]]:
    raw = stats.stats  # type: ignore[attr-defined]
    out = []
    for label, suffix, name in STAGES:
        total, calls = 0.0, 0
        for (file, _, func), (_, ncalls, _, cum, _) in raw.items():
            if func == name and (file.endswith(suffix) or (suffix == "~" and file == "~")):
                total += cum
                calls += ncalls
        out.append((label, total, calls))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reingest", action="store_true", help="profile an unchanged re-ingest instead")
    parser.add_argument("--changed", type=float, default=0.0,
                        help="profile a re-ingest after this share of the files changed (as make bench's (d))")
    parser.add_argument("--jobs", type=int, default=1,
                        help="2: the streamed ingest (Kiwi's threads, one process), as `biohub ingest --jobs 2`")
    parser.add_argument("--cpu", action="store_true",
                        help="time with this thread's CPU clock: Python's own cost, not Kiwi's threads, and "
                             "unaffected by other programs sharing the cores (with --jobs 1)")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "ingest.prof")
    args = parser.parse_args(argv)
    from biohub_cli.ingest import pipeline

    work = Path(tempfile.mkdtemp(prefix="biohub-profile-"))
    try:
        corpus.write(work / "releases", args.seed, args.n)
        os.chdir(work)
        root = work / "kb"
        (root / "records").mkdir(parents=True)
        opts = pipeline.IngestOptions(jobs=args.jobs)
        if args.reingest or args.changed:
            pipeline.ingest(root, [Path("releases")], opts)
        if args.changed:
            corpus.edit(work / "releases", args.seed, corpus.changed_indexes(args.seed, args.n, args.changed))
        prof = cProfile.Profile(time.thread_time) if args.cpu else cProfile.Profile()
        prof.enable()
        pipeline.ingest(root, [Path("releases")], opts)
        prof.disable()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        prof.dump_stats(args.out)
        stats = pstats.Stats(prof)
        total = max(cum for (_, _, _), (_, _, _, cum, _) in stats.stats.items())  # type: ignore[attr-defined]
        what = f"re-ingest after {args.changed:.0%} changed" if args.changed else \
            "unchanged re-ingest" if args.reingest else "ingest"
        clock = "this thread's CPU time" if args.cpu else "wall clock"
        print(f"{what} of {args.n} documents, one process, under cProfile ({clock}): {total:.2f} s\n")
        for label, secs, calls in stage_times(stats):
            print(f"  {label:32s} {secs:8.2f} s  {secs / total:6.1%}  ({calls} calls)")
        print()
        stats.sort_stats("tottime").print_stats(args.top)
    finally:
        os.chdir(HERE)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
