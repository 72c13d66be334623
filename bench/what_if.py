"""What an unchanged re-ingest would cost with the records cache in the pipeline (an experiment:
the change is made by patching `knowledge_base.load` in this process only; no source file is touched).

    .venv/bin/python bench/what_if.py --n 1000 [--kb bench/out/work/kb-1000 --corpus bench/out/work/corpus-1000]

Prints the unchanged re-ingest time as is, then with `knowledge_base.load` → `records_cache.load_cached`, each with the
time of its stages (load, read+hash, resolve, store).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from profile_ingest import stage_times  # noqa: E402


def _timed(root: Path, corpus: Path) -> tuple[float, list[tuple[str, float, int]]]:
    from biohub_cli.ingest import pipeline

    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    report = pipeline.ingest(root, [corpus], pipeline.IngestOptions(jobs=1))
    prof.disable()
    seconds = time.perf_counter() - t0
    assert not report.failed and report.written == 0, ([(f.path, f.message) for f in report.failed], report.written)
    return seconds, stage_times(pstats.Stats(prof))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=Path, default=HERE / "out" / "work" / "kb-1000")
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args(argv)
    args.kb = args.kb.resolve()
    corpus = (args.corpus or Path(str(args.kb).replace("kb-", "corpus-"))).resolve()
    os.chdir(args.kb.parent)  # the folder the benchmark ingested from: same relative source paths
    corpus = Path(os.path.relpath(corpus.resolve(), Path.cwd()))
    from biohub_cli.kb import knowledge_base, records_cache

    plain, stages = _timed(args.kb, corpus)
    real = knowledge_base.load
    records_cache.load_cached(args.kb)  # the snapshot a read command would have left
    knowledge_base.load = records_cache.load_cached  # type: ignore[assignment]
    try:
        cached, cstages = _timed(args.kb, corpus)
    finally:
        knowledge_base.load = real  # type: ignore[assignment]
    print(f"unchanged re-ingest of {corpus} (one process, under cProfile)")
    print(f"  as is:                       {plain:7.2f} s")
    print(f"  with records_cache.load_cached:      {cached:7.2f} s")
    for (label, a, _), (_, b, _) in zip(stages, cstages, strict=True):
        if a or b:
            print(f"    {label:30s} {a:7.2f} s -> {b:7.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
