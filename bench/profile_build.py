"""Where `biohub build` spends its time after one change: one event of a knowledge base retitled (as
bench/run.py does), then the build timed as a command, and profiled in one process (no forked child,
so the profile sees every page), then the change undone and built again.

    .venv/bin/python bench/profile_build.py --kb bench/out/work/kb-events-10000
    .venv/bin/python bench/profile_build.py --kb bench/out/work/kb-events-500 --profile --top 40
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import subprocess
import sys
import time
from pathlib import Path

BIOHUB = Path(sys.executable).with_name("biohub")


def timed_build(kb: Path) -> float:
    t = time.perf_counter()
    subprocess.run([str(BIOHUB), "--kb", str(kb), "build"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def profiled_build(kb: Path, top: int) -> None:
    from biohub_cli.kb import records_cache
    from biohub_cli.render import ahead, site

    ahead.may_fork = lambda: False  # type: ignore[assignment]  # the pages in this process, seen by the profile
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    base, stats = records_cache.load_with_stats(kb)
    result = site.build(base, "ko", records=stats.fingerprint if stats.settled else "")
    prof.disable()
    print(f"profiled build: {time.perf_counter() - t:.2f} s, {len(result.written)} written: {result.written[:8]}")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(top)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kb", type=Path, required=True)
    ap.add_argument("--profile", action="store_true", help="also profile one build after the change")
    ap.add_argument("--top", type=int, default=35)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    kb = args.kb.resolve()
    print(f"warm build (nothing changed): {timed_build(kb):.2f} s")
    events = sorted((kb / "records" / "events").rglob("*.yaml"))
    path = events[len(events) // 2]
    original = path.read_bytes()
    text = original.decode("utf-8")
    line = next(x for x in text.splitlines() if x.startswith("title: "))
    edits, undos = [], []
    try:
        for i in range(args.repeat):
            time.sleep(3.1)  # past the racy window of the build just made
            path.write_text(text.replace(line, f"{line} (bench {i})", 1), encoding="utf-8")
            edits.append(timed_build(kb))
            path.write_bytes(original)
            undos.append(timed_build(kb))
        print("one event retitled: " + ", ".join(f"{s:.2f}" for s in edits) + " s; undone: "
              + ", ".join(f"{s:.2f}" for s in undos) + " s")
        print(f"warm build (nothing changed): {timed_build(kb):.2f} s")
        if args.profile:
            time.sleep(3.1)
            path.write_text(text.replace(line, f"{line} (bench p)", 1), encoding="utf-8")
            profiled_build(kb, args.top)
    finally:
        path.write_bytes(original)
    if args.profile:
        timed_build(kb)


if __name__ == "__main__":
    main()
