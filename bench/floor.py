"""The floor: the time kiwipiepy alone needs to tokenise the corpus's stories on all cores.

    python bench/floor.py --n 1000 --jobs 2 --mode threads|processes

Kiwi is configured as biohub's analyse.py configures it (CoNg model, no multi-word dictionary)
and given what analyse gives it (each paragraph, sentences split). Loading the model is included,
once per process, as it is in an ingest. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

_PARAGRAPH = re.compile(r"[^\n]+")


def _kiwi(workers: int) -> object:
    from kiwipiepy import Kiwi

    kiwi = Kiwi(num_workers=workers, model_type="cong", load_multi_dict=False)
    kiwi.tokenize("")  # finish the lazy initialisation
    return kiwi


def paragraphs(texts: list[str]) -> list[str]:
    return [m.group() for t in texts for m in _PARAGRAPH.finditer(t) if m.group().strip()]


def _tokenise(kiwi: object, paras: list[str]) -> int:
    tokens = 0
    for sents in kiwi.tokenize(paras, split_sents=True):  # type: ignore[attr-defined]
        tokens += sum(len(s) for s in sents)
    return tokens


def _share(args: tuple[list[str]]) -> tuple[int, float]:
    t0 = time.perf_counter()
    kiwi = _kiwi(1)
    load = time.perf_counter() - t0
    return _tokenise(kiwi, args[0]), load


def run(texts: list[str], jobs: int, mode: str) -> dict[str, float | int | str]:
    paras = paragraphs(texts)
    chars = sum(len(p) for p in paras)
    t0 = time.perf_counter()
    if mode == "threads":
        kiwi = _kiwi(jobs)
        load = time.perf_counter() - t0
        tokens = _tokenise(kiwi, paras)
    else:
        shares = [paras[i::jobs] for i in range(jobs)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            done = list(pool.map(_share, [(s,) for s in shares]))
        tokens = sum(d[0] for d in done)
        load = max(d[1] for d in done)
    seconds = time.perf_counter() - t0
    return {"mode": mode, "jobs": jobs, "seconds": seconds, "load_seconds": load, "chars": chars,
            "paragraphs": len(paras), "tokens": tokens, "chars_per_second": chars / max(seconds - load, 1e-9)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--mode", choices=("threads", "processes"), default="threads")
    args = parser.parse_args(argv)
    texts = [r.story for r in corpus.generate(args.seed, args.n)]
    print(json.dumps(run(texts, args.jobs, args.mode)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
