"""Clusters and programmes linked / named on a gold set: for every gold event whose title or venue
names a cluster (or a site in one), and every gold event whose title names a programme, is the
extracted event of the same document linked to it?

    python bench/place_links.py --kb /tmp/dev-kb          # a knowledge base ingested from .devset/
    python bench/score.py --set dev --keep /tmp/dev-kb    # makes one

An extracted event stands for a gold event when it cites the same document and its title is the
closest to the gold title (rapidfuzz: mean of WRatio and ratio, at least 50); a gold event with no
such event counts as named and not linked. A link to a cluster inside the named one (오송
첨단의료복합단지 for 오송) counts. `--misses` prints each miss.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from biohub_cli.extract.place_names import PlaceNames
from biohub_cli.kb.knowledge_base import load
from biohub_cli.models import Event
from biohub_cli.store import yaml_io

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=Path, required=True)
    parser.add_argument("--gold", type=Path, default=REPO.parent / "shared" / "devset" / "gold")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args(argv)
    kb = load(args.kb)
    names = PlaceNames.load()
    by_file = {s.file_name: sid for sid, s in kb.sources.items()}
    counts = {"cluster": [0, 0, 0], "programme": [0, 0, 0]}  # linked, named, named with no extracted event
    for path in sorted(args.gold.glob("*.yaml")):
        gold: Any = yaml_io.read_yaml(path)
        sid = by_file.get(gold["doc"])
        events = [e for e in kb.active_events() if sid in e.sources] if sid else []
        for g in [*(gold.get("events") or []), *(gold.get("related_events") or [])]:
            title, venue = str(g.get("title") or ""), str(g.get("venue") or "")
            want_c = {h.name for text in (title, venue) for h in names.find_clusters(text)}
            want_p = {h.name for h in names.find_programmes(title)}
            if not want_c and not want_p:
                continue
            ev = _closest(events, title)
            got_c = _linked_clusters(kb, ev) if ev else set()
            got_p = {kb.programmes[p.programme].name for p in ev.programmes if p.programme in kb.programmes} \
                if ev else set()
            for kind, want, got in (("cluster", want_c, got_c), ("programme", want_p, got_p)):
                for name in sorted(want):
                    counts[kind][1] += 1
                    counts[kind][2] += ev is None
                    if name in got:
                        counts[kind][0] += 1
                    elif args.misses:
                        print(f"{gold['doc']}: {kind} {name} not linked to {title!r} "
                              f"({'as ' + repr(ev.title) if ev else 'no extracted event'}; has {sorted(got)})")
    for kind, (linked, named, unmatched) in counts.items():
        print(f"{kind}s: {linked} linked / {named} named ({linked} / {named - unmatched} of the gold events "
              f"an extracted event stands for)")
    return 0


def _closest(events: list[Event], title: str) -> Event | None:
    scored = sorted((((fuzz.WRatio(title, e.title) + fuzz.ratio(title, e.title)) / 2, e.id, e) for e in events),
                    key=lambda t: (-t[0], t[1]))
    return scored[0][2] if scored and scored[0][0] >= 50 else None


def _linked_clusters(kb: Any, ev: Event) -> set[str]:
    """The names of the clusters the event is linked to, and of their parents (a link to a cluster inside
    a named one counts for the named one)."""
    out: set[str] = set()
    for link in ev.clusters:
        cid: str | None = link.cluster
        while cid and cid in kb.clusters and kb.clusters[cid].name not in out:
            out.add(kb.clusters[cid].name)
            cid = kb.clusters[cid].parent
    return out


if __name__ == "__main__":
    sys.exit(main())
