"""How well an ingest finds the people of the bench corpus: its generator knows who is in each release.

    .venv/bin/python bench/people.py --kb bench/out/work/kb-1000 [--n 1000] [--seed 7]

For every release of the corpus (bench/corpus.py, the same seed and size as the knowledge base was
ingested from), the people its event names whose names appear in the story are what a perfect
extraction finds; the knowledge base's source record of that file says what the ingest found.
Prints precision, recall, the names given a title the generator did not give them, and the most
frequent misses and extras. The corpus is written from our own templates: a check that the people
rules hold on many sentences of a few shapes, not a measure of real releases (make score is that).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import stories  # noqa: E402

from biohub_cli.store import yaml_io  # noqa: E402


def _sources(kb: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted((kb / "records" / "sources").rglob("*.yaml")):
        record = yaml_io.read_yaml(path)
        out[record["file_name"]] = record
    return out


def evaluate(kb: Path, n: int, seed: int) -> dict[str, Any]:
    sources = _sources(kb)
    found = missed = extra = wrong_title = 0
    misses: collections.Counter[str] = collections.Counter()
    extras: collections.Counter[str] = collections.Counter()
    for i in range(n):
        release = corpus.release(seed, i)
        source = sources.get(release.file_name)
        if source is None:
            continue
        expected = {p.name: p.title for p in stories.event(seed, release.event).people if p.name in release.story}
        got: dict[str, set[str]] = {}
        for person in (source.get("extraction") or {}).get("people", []):
            got.setdefault(person["name"], set()).add(person["title"])
        for name, title in expected.items():
            if name not in got:
                missed += 1
                misses[name] += 1
                continue
            found += 1
            if not any(t.endswith(title) or title.endswith(t) for t in got[name]):  # 인천시장 for 시장
                wrong_title += 1
        for name, titles in got.items():
            if name not in expected:
                extra += 1
                extras[f"{name} ({'/'.join(sorted(titles))})"] += 1
    return {
        "releases": n, "found": found, "missed": missed, "extra": extra, "wrong_title": wrong_title,
        "precision": round(found / max(found + extra, 1), 3), "recall": round(found / max(found + missed, 1), 3),
        "most_missed": misses.most_common(8), "most_extra": extras.most_common(8),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=Path, required=True)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(json.dumps(evaluate(args.kb, args.n, args.seed), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
