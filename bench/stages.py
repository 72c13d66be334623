"""CPU time of each per-document stage of an ingest, without a profiler in the way.

    .venv/bin/python bench/stages.py --n 400 [--repeat 5]

Reads, cleans, tokenises and extracts N generated releases once, then times each Python stage over
all of them `--repeat` times in this process (its CPU clock, nothing else running in it) and prints
the best per-document figure of each, in milliseconds, as JSON. Kiwi is timed on one thread, as the
floor's CPU cost per document.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402


def _best(run: Callable[[], object], repeat: int, count: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return round(min(times) / count * 1000, 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    from biohub_cli import analyse
    from biohub_cli.clean import clean
    from biohub_cli.config import Layout
    from biohub_cli.extract import extract
    from biohub_cli.ingest import worker
    from biohub_cli.ingest.sources import source_record
    from biohub_cli.kb.knowledge_base import KnowledgeBase
    from biohub_cli.kb.records_cache import pack
    from biohub_cli.models.compact import compact
    from biohub_cli.read import read_path

    with tempfile.TemporaryDirectory(prefix="biohub-stages-") as tmp:
        work = Path(tmp)
        corpus.write(work / "releases", args.seed, args.n)
        files = sorted((work / "releases").iterdir())
        worker._init(worker.Settings.of(KnowledgeBase(layout=Layout(work)), None, None, True))
        lexicon = worker._lexicon()
        words = lexicon.user_words()
        raws = [read_path(f) for f in files]
        docs = [clean(r) for r in raws]
        kiwi = analyse._kiwi(words)
        analysed = analyse.analyse_many(docs, user_words=words)
        extractions = [extract(a, lexicon) for a in analysed]
        sources = [source_record(d, x, work) for d, x in zip(docs, extractions, strict=True)]
        paragraphs = [p for d in docs for p in d.text.split("\n") if p.strip()]
        n = len(files)

        def kiwi_alone() -> None:
            for p in paragraphs:
                kiwi.tokenize(p, split_sents=True)

        def pack_all() -> None:
            for s in sources:
                compact(s)
                pack(s)

        figures = {
            "documents": n,
            "read": _best(lambda: [read_path(f) for f in files], args.repeat, n),
            "clean": _best(lambda: [clean(r) for r in raws], args.repeat, n),
            "analyse (Kiwi on this thread, and its tokens made objects)":
                _best(lambda: analyse._analyse(kiwi, docs, one_by_one=True), args.repeat, n),
            "kiwi alone (one thread)": _best(kiwi_alone, args.repeat, n),
            "extract": _best(lambda: [extract(a, lexicon) for a in analysed], args.repeat, n),
            "source record": _best(lambda: [source_record(d, x, work) for d, x in zip(docs, extractions, strict=True)],
                                   args.repeat, n),
            "compact and pack": _best(pack_all, args.repeat, n),
        }
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
