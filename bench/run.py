"""`make bench`: how fast biohub is beside the one cost it cannot avoid, kiwipiepy's tokenisation.

    .venv/bin/python bench/run.py                 # N = 250 and 1,000 documents, 2,500 and 10,000 events
    .venv/bin/python bench/run.py --sizes 1000,4000   # the sizes of the issue (about 30 min on 2 cores)
    .venv/bin/python bench/run.py --quick         # N = 50 and 500 events: a smoke test
    .venv/bin/python bench/run.py --sizes 1000 --events 2500,10000 --jobs 2

For each corpus size N (a seeded corpus from bench/corpus.py) it measures, in one run:
(a) the floor: kiwipiepy alone tokenising the corpus's stories on all cores (best of Kiwi's own
threads and one process per core, model load included); (b) `biohub ingest` of the corpus and its
ratio to (a); (c) the same ingest again, nothing changed, as a share of (b); (d) again after 1% of
the files changed; (e) `biohub timeline`, `biohub org` and `biohub search` cold (no records cache) and warm
(search also with its index built from nothing, as a share of the ingest);
(f) `biohub build`; (g) the peak RSS of each, of the whole process tree and of its largest process.
Read paths and build are also timed on synthetic knowledge bases of exactly E events
(bench/records.py), the sizes an ingest would take too long to reach.

Figures go to the terminal and to bench/out/results.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import measure  # noqa: E402

from biohub_cli.render.tables import TABLE_ROWS  # noqa: E402

ROOT = HERE.parent
BIN = Path(sys.executable).parent
BIOHUB = str(BIN / "biohub")
OUT = HERE / "out"
TARGETS = {"ingest_ratio": 1.2, "unchanged_share": 0.03, "timeline_warm_10k": 0.3, "build_10k": 5.0,
           "rss_mb": 600.0}
ORG = "인천광역시"


def _biohub(kb: Path, *args: str, stdout: Path | None = None, cwd: Path | None = None,
            sample: bool = True) -> measure.Run:
    run = measure.run([BIOHUB, "--kb", str(kb), *args], stdout=stdout, cwd=cwd,
                      env={"COLUMNS": "160", "NO_COLOR": "1"}, sample=sample)
    if run.returncode not in (0, 1):
        print(f"  ! {run.command} exited {run.returncode}:\n{run.stderr_tail}", file=sys.stderr)
    return run


REPEAT = 3  # warm read commands and one-change builds: the median of this many runs (the VM is noisy)


def _median(run: Callable[[bool], measure.Run], times: int = REPEAT) -> tuple[measure.Run, list[float]]:
    """The median time of `times` runs made without the memory sampler (on two cores it took ~10% of a
    one-change build's time from the build), with the memory of one more run, sampled; and the times."""
    seconds = sorted(run(False).seconds for _ in range(times))
    return _timed(run(True), seconds), [round(s, 3) for s in seconds]


def _timed(sampled: measure.Run, seconds: list[float]) -> measure.Run:
    return dataclasses.replace(sampled, seconds=sorted(seconds)[len(seconds) // 2])


def _fresh_kb(kb: Path) -> None:
    if kb.exists():
        shutil.rmtree(kb)
    kb.mkdir(parents=True)
    measure.run([BIOHUB, "--kb", str(kb), "init", str(kb)])


def _drop_cache(kb: Path) -> None:
    shutil.rmtree(kb / ".biohub" / "cache", ignore_errors=True)


def _count(kb: Path) -> dict[str, int]:
    rec = kb / "records"
    return {k: sum(1 for _ in (rec / k).rglob("*.yaml")) if (rec / k).is_dir() else 0
            for k in ("sources", "events", "orgs", "people")}


def floor(n: int, seed: int, jobs: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for mode in ("threads", "processes"):
        stdout = OUT / f"floor-{mode}.json"
        run = measure.run([sys.executable, str(HERE / "floor.py"), "--n", str(n), "--seed", str(seed),
                           "--jobs", str(jobs), "--mode", mode], stdout=stdout)
        figures = json.loads(stdout.read_text(encoding="utf-8"))
        stdout.unlink()
        out[mode] = {**figures, "wall_seconds": run.seconds, "tree_rss_mb": run.tree_rss_mb,
                     "process_rss_mb": run.process_rss_mb}
    best = min(out.values(), key=lambda f: f["wall_seconds"])
    out["best"] = best["mode"]
    out["seconds"] = best["wall_seconds"]
    out["chars"] = best["chars"]
    return out


def read_paths(kb: Path, label: str) -> dict[str, Any]:
    """timeline and org cold (no records cache) and warm, build cold and warm."""
    out: dict[str, Any] = {}
    sink = OUT / "stdout.txt"
    run = measure.run([sys.executable, str(HERE / "loadtime.py"), str(kb)], stdout=sink)
    out["load"] = {**json.loads(sink.read_text(encoding="utf-8")), "tree_rss_mb": run.tree_rss_mb}
    ld = out["load"]
    print(f"  {label} load, no rendering: kb.load {ld['kb_load']:.2f} s, records cache cold {ld['cache_cold']:.2f} s, "
          f"warm {ld['cache_warm']:.2f} s ({ld['warm_hits']}/{ld['files']} files from the snapshot)", flush=True)
    for name, args in (("timeline", ["timeline"]), ("timeline_all", ["timeline", "--limit", "0"]),
                       ("timeline_json", ["timeline", "--format", "json"]), ("org", ["org", ORG])):
        _drop_cache(kb)
        cold = _biohub(kb, *args, stdout=sink)
        warm, runs = _median(lambda sample: _biohub(kb, *args, stdout=sink, sample=sample))  # noqa: B023 (here)
        out[name] = {"cold": cold.as_dict(), "warm": warm.as_dict(), "warm_runs": runs,
                     "output_bytes": sink.stat().st_size}
        print(f"  {label} {name:13s} cold {cold.seconds:7.2f} s  warm {warm.seconds:7.2f} s  "
              f"(peak RSS {max(cold.tree_rss_mb, warm.tree_rss_mb):5.0f} MB)", flush=True)
    out["search"] = _search(kb, label, sink, out["timeline"]["warm"]["seconds"])
    _drop_cache(kb)
    shutil.rmtree(kb / "reports", ignore_errors=True)
    cold = _biohub(kb, "build")
    warm = _biohub(kb, "build")
    out["build"] = {"cold": cold.as_dict(), "warm": warm.as_dict()}
    print(f"  {label} build         cold {cold.seconds:7.2f} s  warm {warm.seconds:7.2f} s  "
          f"(peak RSS {max(cold.tree_rss_mb, warm.tree_rss_mb):5.0f} MB)", flush=True)
    changed = _build_one_changed(kb)
    if changed is not None:
        out["build_one_changed"] = changed
        edit, undo = changed["edit"], changed["undo"]
        print(f"  {label} build, one event retitled {edit['seconds']:7.2f} s, and back {undo['seconds']:7.2f} s  "
              f"(peak RSS {max(edit['tree_rss_mb'], undo['tree_rss_mb']):5.0f} MB)", flush=True)
    sink.unlink(missing_ok=True)
    return out


SEARCH = ("search", "바이오 클러스터", "--limit", "20")


def _search(kb: Path, label: str, sink: Path, timeline_warm: float) -> dict[str, Any]:
    """`biohub search` with no index (it is built from nothing: Kiwi over every document), cold (index
    current, no records cache) and warm (the median of REPEAT), and warm as a ratio to timeline warm."""
    shutil.rmtree(kb / ".biohub" / "search", ignore_errors=True)
    build = _biohub(kb, *SEARCH, stdout=sink)
    _drop_cache(kb)
    cold = _biohub(kb, *SEARCH, stdout=sink)
    warm, runs = _median(lambda sample: _biohub(kb, *SEARCH, stdout=sink, sample=sample))
    print(f"  {label} search        index built {build.seconds:7.2f} s  cold {cold.seconds:7.2f} s  "
          f"warm {warm.seconds:7.2f} s = {warm.seconds / timeline_warm:.2f}x timeline warm "
          f"(peak RSS {max(build.tree_rss_mb, cold.tree_rss_mb, warm.tree_rss_mb):5.0f} MB)", flush=True)
    return {"index_build": build.as_dict(), "cold": cold.as_dict(), "warm": warm.as_dict(), "warm_runs": runs,
            "warm_to_timeline": warm.seconds / timeline_warm}


def _build_one_changed(kb: Path) -> dict[str, Any] | None:
    """`biohub build` after one event's title changed (records cache warm, reports/ current), then again
    after the change is undone: the builds that must render, the ones an analyst waits for. The median
    of REPEAT such pairs timed without the memory sampler, the memory of one more pair, sampled."""
    events = sorted((kb / "records" / "events").rglob("*.yaml"))
    if not events:
        return None
    path = events[len(events) // 2]
    original = path.read_bytes()
    text = original.decode("utf-8")
    line = next((x for x in text.splitlines() if x.startswith("title: ")), None)
    if line is None:
        return None
    edits: list[measure.Run] = []
    undos: list[measure.Run] = []
    for i in range(REPEAT + 1):  # the last pair sampled for memory, the others timed
        time.sleep(3.1)  # past the racy window of the build just made, as an analyst's edit would be
        path.write_text(text.replace(line, f"{line} (bench {i})", 1), encoding="utf-8")
        try:
            edits.append(_biohub(kb, "build", sample=i == REPEAT))
        finally:
            path.write_bytes(original)
        undos.append(_biohub(kb, "build", sample=i == REPEAT))
    edit, undo = (_timed(runs[-1], [r.seconds for r in runs[:-1]]) for runs in (edits, undos))
    return {"edit": edit.as_dict(), "undo": undo.as_dict(),
            "edit_runs": [round(r.seconds, 3) for r in edits[:-1]],
            "undo_runs": [round(r.seconds, 3) for r in undos[:-1]],
            "sampled_runs": [round(edits[-1].seconds, 3), round(undos[-1].seconds, 3)]}


def size_run(n: int, seed: int, jobs: int, work: Path, *, read: bool = True) -> dict[str, Any]:
    print(f"\nN = {n:,} documents", flush=True)
    folder = work / f"corpus-{n}"
    if folder.exists():
        shutil.rmtree(folder)
    rels = corpus.write(folder, seed, n)
    res: dict[str, Any] = {"n": n, "bytes": sum(len(r.content) for r in rels)}
    res["floor"] = fl = floor(n, seed, jobs)
    print(f"  (a) floor ({fl['best']}): {fl['seconds']:.2f} s for {fl['chars']:,} characters "
          f"(threads {fl['threads']['wall_seconds']:.2f} s, processes {fl['processes']['wall_seconds']:.2f} s)",
          flush=True)
    kb = work / f"kb-{n}"
    _fresh_kb(kb)
    rel = os.path.relpath(folder, work)
    first = _biohub(kb, "ingest", rel, "--jobs", str(jobs), cwd=work)
    res["ingest"] = first.as_dict()
    res["records"] = _count(kb)
    print(f"  (b) ingest: {first.seconds:.2f} s = {first.seconds / fl['seconds']:.2f}x floor "
          f"(exit {first.returncode}; {res['records']}; peak RSS tree {first.tree_rss_mb:.0f} MB, "
          f"PSS tree {first.tree_pss_mb:.0f} MB, largest process {first.process_rss_mb:.0f} MB)", flush=True)
    again = _biohub(kb, "ingest", rel, "--jobs", str(jobs), cwd=work)
    res["reingest_unchanged"] = again.as_dict()
    print(f"  (c) re-ingest, nothing changed: {again.seconds:.2f} s = {again.seconds / first.seconds:.1%} of (b)",
          flush=True)
    changed = corpus.changed_indexes(seed, n, 0.01)
    corpus.edit(folder, seed, changed)
    edited = _biohub(kb, "ingest", rel, "--jobs", str(jobs), cwd=work)
    res["reingest_1pct"] = {**edited.as_dict(), "files_changed": len(changed)}
    print(f"  (d) re-ingest, {len(changed)} files changed: {edited.seconds:.2f} s = "
          f"{edited.seconds / first.seconds:.1%} of (b)", flush=True)
    if read:
        res["read"] = read_paths(kb, "(e/f)")
    return res


def events_run(n_events: int, seed: int, work: Path) -> dict[str, Any]:
    print(f"\nE = {n_events:,} events (synthetic knowledge base)", flush=True)
    kb = work / f"kb-events-{n_events}"
    marker = kb / ".bench.json"
    want = {"events": n_events, "seed": seed}
    if not (marker.is_file() and json.loads(marker.read_text(encoding="utf-8")) == want):
        _fresh_kb(kb)
        t0 = time.perf_counter()
        gen = measure.run([sys.executable, str(HERE / "records.py"), str(kb), "--events", str(n_events),
                           "--seed", str(seed)])
        if gen.returncode:
            raise SystemExit(f"could not write the synthetic knowledge base:\n{gen.stderr_tail}")
        marker.write_text(json.dumps(want), encoding="utf-8")
        print(f"  written in {time.perf_counter() - t0:.1f} s", flush=True)
    res: dict[str, Any] = {"events": n_events, "records": _count(kb),
                           "yaml_bytes": sum(p.stat().st_size for p in (kb / "records").rglob("*.yaml"))}
    res["read"] = read_paths(kb, "(e/f)")
    return res


def _fmt(x: float | None, unit: str = "s") -> str:
    return "-" if x is None else (f"{x:.2f} {unit}" if unit == "s" else f"{x:.0f} {unit}")


def table(results: dict[str, Any]) -> str:
    rows: list[tuple[str, ...]] = []
    for s in results["sizes"]:
        fl, ing = s["floor"]["seconds"], s["ingest"]["seconds"]
        rd = s.get("read")
        rows += [
            (f"N={s['n']}", "(a) floor: kiwi alone, all cores", _fmt(fl), "",
             _fmt(s["floor"][s["floor"]["best"]]["tree_rss_mb"], "MB")),
            ("", "(b) ingest", _fmt(ing), f"{ing / fl:.2f}x floor (target <= {TARGETS['ingest_ratio']}x)",
             f"{_fmt(s['ingest']['tree_rss_mb'], 'MB')} tree RSS / {_fmt(s['ingest']['tree_pss_mb'], 'MB')} tree PSS"
             f" / {_fmt(s['ingest']['process_rss_mb'], 'MB')} proc"),
            ("", "(c) re-ingest, nothing changed", _fmt(s["reingest_unchanged"]["seconds"]),
             f"{s['reingest_unchanged']['seconds'] / ing:.1%} of (b) (target <= 3%)",
             _fmt(s["reingest_unchanged"]["tree_rss_mb"], "MB")),
            ("", f"(d) re-ingest, {s['reingest_1pct']['files_changed']} files changed",
             _fmt(s["reingest_1pct"]["seconds"]), f"{s['reingest_1pct']['seconds'] / ing:.1%} of (b)",
             _fmt(s["reingest_1pct"]["tree_rss_mb"], "MB")),
            *(_read_rows(rd) if rd else []),
        ]
        if rd and "search" in rd:
            rows.append(("", "(e) search index from nothing, share of (b)",
                         _fmt(rd["search"]["index_build"]["seconds"]),
                         f"{rd['search']['index_build']['seconds'] / ing:.1%} of (b)", ""))
    for e in results["events"]:
        rows.append((f"E={e['events']}", f"records {e['records']}", "", "", ""))
        rows += _read_rows(e["read"])
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    head = ("size", "measure", "time", "ratio / note", "peak RSS")
    widths = [max(w, len(h)) for w, h in zip(widths, head, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def _read_rows(rd: dict[str, Any]) -> list[tuple[str, ...]]:
    ld = rd["load"]
    out = [("", "(e) load only: kb.load / cache cold / warm",
            f"{ld['kb_load']:.2f} / {ld['cache_cold']:.2f} / {ld['cache_warm']:.2f} s",
            f"warm = {ld['cache_warm'] / ld['kb_load']:.1%} of kb.load", f"{ld['tree_rss_mb']:.0f} MB")]
    for name, label in (("timeline", f"(e) timeline (table, newest {TABLE_ROWS})"),
                        ("timeline_all", "(e) timeline --limit 0 (table, all)"),
                        ("timeline_json", "(e) timeline --format json"),
                        ("org", f"(e) org {ORG}"), ("build", "(f) build")):
        cold, warm = rd[name]["cold"], rd[name]["warm"]
        out.append(("", f"{label} cold / warm", f"{cold['seconds']:.2f} / {warm['seconds']:.2f} s", "",
                    f"{max(cold['tree_rss_mb'], warm['tree_rss_mb']):.0f} MB"))
    if "search" in rd:
        se = rd["search"]
        out.append(("", "(e) search, index from nothing / cold / warm",
                     " / ".join(f"{se[k]['seconds']:.2f}" for k in ("index_build", "cold", "warm")) + " s",
                     f"warm = {se['warm_to_timeline']:.2f}x timeline warm",
                     f"{max(se[k]['tree_rss_mb'] for k in ('index_build', 'cold', 'warm')):.0f} MB"))
    if "build_one_changed" in rd:
        edit, undo = rd["build_one_changed"]["edit"], rd["build_one_changed"]["undo"]
        out.append(("", "(f) build, one event retitled / undone", f"{edit['seconds']:.2f} / {undo['seconds']:.2f} s",
                    "records cache warm, reports/ current", f"{max(edit['tree_rss_mb'], undo['tree_rss_mb']):.0f} MB"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="N = 50 and 500 events (a smoke test)")
    parser.add_argument("--sizes", default="250,1000", help="corpus sizes, comma-separated (the issue asks 1000,4000)")
    parser.add_argument("--events", default="2500,10000", help="synthetic knowledge-base sizes, comma-separated")
    parser.add_argument("--no-read", action="store_true", help="ingest figures only: skip (e) and (f)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=OUT / "work")
    parser.add_argument("--results", type=Path, default=OUT / "results.json", help="where the figures go")
    args = parser.parse_args(argv)
    args.work = args.work.resolve()  # commands run in it: a relative path would point elsewhere
    sizes = [50] if args.quick else [int(x) for x in args.sizes.split(",") if x]
    events = [500] if args.quick else [int(x) for x in args.events.split(",") if x]
    OUT.mkdir(parents=True, exist_ok=True)
    args.work.mkdir(parents=True, exist_ok=True)
    import kiwipiepy

    results: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "kiwipiepy": kiwipiepy.__version__},
        "jobs": args.jobs, "seed": args.seed, "targets": TARGETS, "sizes": [], "events": []}
    t0 = time.perf_counter()
    for n in sizes:
        results["sizes"].append(size_run(n, args.seed, args.jobs, args.work, read=not args.no_read))
    for e in events:
        results["events"].append(events_run(e, args.seed, args.work))
    results["bench_seconds"] = time.perf_counter() - t0
    args.results.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nbiohub benchmark: {args.jobs} jobs, {os.cpu_count()} cores, kiwipiepy {kiwipiepy.__version__}, "
          f"seed {args.seed}; {results['bench_seconds']:.0f} s in all\n")
    print(table(results))
    print(f"\nwritten to {args.results}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
