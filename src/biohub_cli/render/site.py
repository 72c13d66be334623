"""The report site in reports/: planned in memory, then written, or compared (`--check`).

Every file is a pure function of the records, the templates and the language: no clock time, sorted
lists, `\\n` line endings (CSV and iCalendar use CRLF as their RFC require). The build owns only the
files it names (see `owns`), so a README or .gitkeep in reports/ is never touched.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Literal

from biohub_cli.config import Layout
from biohub_cli.confine import Confinement
from biohub_cli.errors import BiohubError
from biohub_cli.ingest.pipeline import _crash_point as crash_point  # the test hook: $BIOHUB_TEST_CRASH_AT
from biohub_cli.kb import network
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.render import documents, formats, page_cache, pages, place_site, search_page, stamp, views
from biohub_cli.render.ahead import Ahead
from biohub_cli.render.contexts import Page, PlaceContext
from biohub_cli.render.pages import render
from biohub_cli.render.queries import Index
from biohub_cli.store import yaml_io
from biohub_cli.store.lock import build_lock

if TYPE_CHECKING:
    from jinja2 import Environment

TOP_FILES: tuple[str, ...] = ("index.html", "index.md", "network.graphml", "network.md", "orgs.csv",
                              "search.html", "timeline.csv", "timeline.html", "timeline.ics", "timeline.json",
                              "timeline.md")
PAGE_FOLDERS: tuple[str, ...] = ("orgs", "people", "clusters", "programmes", "sources")
PAGE_SUFFIXES: tuple[str, ...] = (".html", ".md")
# The charts, written only when there is something to draw (a build removes one it no longer writes).
TOP_CHARTS: tuple[str, ...] = (place_site.INDEX_CHART,)
CHART_FOLDERS: tuple[str, ...] = ("clusters",)

Reason = Literal["stale", "missing", "extra", "left over from a build that was stopped"]


@dataclass(frozen=True)
class Plan:
    """Every report file by its path under reports/ (POSIX, sorted), and records that got no page."""

    files: dict[str, bytes]
    skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class BuildResult:
    written: list[str]
    unchanged: list[str]
    removed: list[str]
    skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Difference:
    path: str
    reason: Reason


def plan(kb: KnowledgeBase, lang: str, templates: Path | None = None) -> Plan:
    """Render the whole site in memory."""
    skipped: list[str] = []
    files = dict(sorted(render_files(kb, lang, templates, skipped)))
    return Plan(files, sorted(skipped))


def render_files(kb: KnowledgeBase, lang: str, templates: Path | None = None,
                 skipped: list[str] | None = None) -> Iterator[tuple[str, bytes]]:
    """Every report file as (path under reports/, bytes), one at a time: a build never holds the
    whole site (hundreds of megabytes at 10,000 events). Ids that cannot be file names go to `skipped`."""
    for rel, data in _render(kb, lang, templates, skipped, None):
        assert data is not None  # without a page cache every page is rendered
        yield rel, data


def _render(kb: KnowledgeBase, lang: str, templates: Path | None, skipped: list[str] | None,
            cache: page_cache.PageCache | None) -> Iterator[tuple[str, bytes | None]]:
    """`render_files`; with `cache`, None instead of the bytes of a page reports/ already holds."""
    env = pages.environment(templates)
    ix = Index(kb)
    events = ix.events
    ahead = Ahead(_record_pages(env, ix, lang, skipped, cache), skipped, cache) if cache is not None else None
    try:
        index = views.index_context(ix, lang)
        timeline = views.timeline_context(ix, events, lang)
        for fmt in ("md", "html"):
            yield f"index.{fmt}", _bytes(render(env, f"index.{fmt}", index))
        if index.chart_file:
            yield index.chart_file, _chart_bytes(index.chart)
        del index
        for fmt in ("md", "html"):
            yield f"timeline.{fmt}", _bytes(render(env, f"timeline.{fmt}", timeline))
        del timeline
        data = formats.timeline_data(kb, events)
        yield "timeline.json", _bytes(formats.dump_json(data))
        yield "timeline.csv", _bytes(formats.timeline_data_csv(data, lang, bom=True))
        del data
        yield "timeline.ics", _bytes(pages.ics_text(kb, events, lang, ix=ix))
        yield "orgs.csv", _bytes(formats.orgs_csv(views.org_rows(ix, lang), lang, bom=True))
        graph = network.co_participation(kb)
        yield "network.md", _bytes(render(env, "network.md", views.network_context(ix, lang, graph)))
        yield "network.graphml", _bytes(network.to_graphml(graph))
        yield from _place_pages(env, ix, lang, skipped)
        search = search_page.search_files(ix, lang, cache)
        yield "search.html", _bytes(render(env, "search.html", search.context))
        yield from search.files
        del search
        yield from ahead if ahead is not None else _record_pages(env, ix, lang, skipped, cache)
    finally:
        if ahead is not None:
            ahead.stop()


def _record_pages(env: Environment, ix: Index, lang: str, skipped: list[str] | None,
                  cache: page_cache.PageCache | None) -> Iterator[tuple[str, bytes | None]]:
    """The page of every active organisation and person (ids that cannot be file names: `skipped`)."""
    for org in ix.active_orgs:
        stem = views.page_name(org.id)
        if stem is None:
            if skipped is not None:
                skipped.append(org.id)
            continue
        page: Page = views.org_context(ix, org, lang)
        yield from _pages(env, cache, page, f"orgs/{stem}", "org")
    for person in ix.active_people:
        stem = views.page_name(person.id)
        if stem is None:
            if skipped is not None:
                skipped.append(person.id)
            continue
        page = views.person_context(ix, person, lang)
        yield from _pages(env, cache, page, f"people/{stem}", "person")
    for sid in sorted(ix.sources):
        stem = views.page_name(sid)
        if stem is None:
            if skipped is not None:
                skipped.append(sid)
            continue
        page = documents.source_context(ix, ix.sources[sid], lang)
        yield from _pages(env, cache, page, f"sources/{stem}", "source")


def _place_pages(env: Environment, ix: Index, lang: str,
                 skipped: list[str] | None) -> Iterator[tuple[str, bytes | None]]:
    """The page of every active cluster and programme (a few dozen: rendered every build), and each
    cluster's chart beside its Markdown page."""
    from biohub_cli.kb import places

    made: list[tuple[str, str, PlaceContext]] = []
    for c in places.active_clusters(ix.kb):
        made.append(("clusters", c.id, place_site.cluster_context(ix, c, lang)))
    for p in places.active_programmes(ix.kb):
        made.append(("programmes", p.id, place_site.programme_context(ix, p, lang)))
    for folder, rid, page in made:
        if views.page_name(rid) is None:
            if skipped is not None:
                skipped.append(rid)
            continue
        for fmt in ("md", "html"):
            yield f"{folder}/{rid}.{fmt}", _bytes(render(env, f"place.{fmt}", page))
        if page.chart_file:
            yield f"{folder}/{page.chart_file}", _chart_bytes(page.chart)


def _pages(env: Environment, cache: page_cache.PageCache | None, page: Page, stem: str,
           template: str) -> Iterator[tuple[str, bytes | None]]:
    """The md and html page of one organisation or person; None for one the cache says is current."""
    digest = cache.digest(page) if cache is not None else None
    for fmt in ("md", "html"):
        rel = f"{stem}.{fmt}"
        if cache is not None and cache.reusable(rel, digest):
            yield rel, None
        else:
            yield rel, _bytes(render(env, f"{template}.{fmt}", page))


def _bytes(text: str) -> bytes:
    return text.encode("utf-8")


def _chart_bytes(svg: str) -> bytes:
    """The chart's file: the very <svg> its HTML page inlines, with a final newline."""
    return _bytes(svg + "\n")


def owns(relative: str) -> bool:
    """True for the paths a build writes: the top-level files and the index's chart, the pages of orgs/,
    people/, clusters/, programmes/ and sources/, the clusters' charts (clusters/<id>.svg) and the search
    page's data files (search/*.js)."""
    parts = PurePosixPath(relative).parts
    if len(parts) == 1:
        return parts[0] in TOP_FILES or parts[0] in TOP_CHARTS
    if parts[0] == search_page.FOLDER:
        return search_page.owns(relative)
    if len(parts) == 2 and parts[0] in PAGE_FOLDERS:
        name = PurePosixPath(parts[1])
        suffixes = (*PAGE_SUFFIXES, place_site.CHART_SUFFIX) if parts[0] in CHART_FOLDERS else PAGE_SUFFIXES
        return name.suffix in suffixes and views.page_name(name.stem) is not None
    return False


def check_inside(reports: Path) -> None:
    """reports/ and its page folders lie inside the knowledge base (reports/'s parent): a link that
    leads elsewhere would have a build write, and remove, files outside it."""
    confined = Confinement(reports.parent)
    for folder in (reports, *(reports / f for f in PAGE_FOLDERS)):
        if os.path.lexists(folder) and not confined.inside(folder / "x", link=False):
            raise BiohubError(f"{folder.name}/ is a symbolic link (or inside one) that leads outside the knowledge "
                              "base; biohub writes reports only inside it", path=folder,
                              hint="remove the link and build again")


LEFT_OVER: Reason = "left over from a build that was stopped"


def leftovers(reports: Path) -> list[str]:
    """The temporary files (`.tmp-*`, staged beside their targets) of a build killed before it renamed
    them, as sorted POSIX paths."""
    found = []
    for folder in (reports, *(reports / f for f in (*PAGE_FOLDERS, search_page.FOLDER))):
        if folder.is_dir() and not folder.is_symlink():
            found += [p.relative_to(reports).as_posix() for p in folder.iterdir()
                      if p.name.startswith(".tmp-") and (p.is_file() or p.is_symlink())]
    return sorted(found)


def existing(reports: Path) -> list[str]:
    """The files under reports/ that the build owns, as sorted POSIX paths."""
    found = [name for name in (*TOP_FILES, *TOP_CHARTS) if (reports / name).is_file()]
    for folder in (*PAGE_FOLDERS, search_page.FOLDER):
        base = reports / folder
        if base.is_dir():
            found += [f"{folder}/{p.name}" for p in base.iterdir()
                      if p.is_file() and owns(f"{folder}/{p.name}")]
    return sorted(found)


def write(reports: Path, site: Plan | Iterable[tuple[str, bytes | None]], skipped: Sequence[str] = ()) -> BuildResult:
    """Write what changed (a file whose bytes are already there, or given as None, is not touched),
    remove owned files no record stands for any more. New files are staged beside their targets, made durable with one
    sync of the file system, then renamed into place: each file is whole, old or new, whatever happens."""
    check_inside(reports)
    written: list[str] = []
    unchanged: list[str] = []
    staged: list[tuple[Path, Path]] = []
    files = site.files.items() if isinstance(site, Plan) else site
    try:
        for rel, data in files:
            tmp = None if data is None else yaml_io.stage(reports / rel, data)
            if tmp is None:
                unchanged.append(rel)
            else:
                staged.append((tmp, reports / rel))
                written.append(rel)
        if staged:
            yaml_io.sync_folder(reports, [tmp for tmp, _ in staged])
        crash_point("build-staged")
        for tmp, target in staged:
            yaml_io.replace(tmp, target)
    except BaseException:
        for tmp, _ in staged:
            yaml_io.remove(tmp)
        raise
    made = set(written) | set(unchanged)
    removed = [rel for rel in existing(reports) if rel not in made]
    for rel in removed:
        yaml_io.remove(reports / rel)
    return BuildResult(sorted(written), sorted(unchanged), removed,
                       site.skipped if isinstance(site, Plan) else sorted(skipped))


def compare(reports: Path, site: Plan | Iterable[tuple[str, bytes]]) -> list[Difference]:
    """What `write` would change, without writing: stale, missing and extra files, sorted by path."""
    check_inside(reports)
    out = []
    made: set[str] = set()
    files = site.files.items() if isinstance(site, Plan) else site
    for rel, data in files:
        made.add(rel)
        path = reports / rel
        if not path.is_file():
            out.append(Difference(rel, "missing"))
        elif path.stat().st_size != len(data) or path.read_bytes() != data:
            out.append(Difference(rel, "stale"))
    out += [Difference(rel, "extra") for rel in existing(reports) if rel not in made]
    out += [Difference(rel, LEFT_OVER) for rel in leftovers(reports)]
    return sorted(out, key=lambda d: d.path)


def build(kb: KnowledgeBase, lang: str, *, records: str = "") -> BuildResult:
    """Render reports/ and write what changed. `records` is the records cache's fingerprint of the
    record files (cache.CacheStats, when settled): with it, a build whose inputs and reports are
    those of the last build renders nothing (see render/stamp.py)."""
    layout = kb.layout
    with build_lock(layout):  # one build at a time: what a killed one left is no other's work in progress
        check_inside(layout.reports)
        gone = leftovers(layout.reports)
        for rel in gone:
            yaml_io.remove(layout.reports / rel)
        yaml_io.remove_stale_temporaries(layout.state)  # the page cache's and the stamp's
        result = _build(kb, lang, records)
    return replace(result, removed=sorted([*result.removed, *gone]))


def _build(kb: KnowledgeBase, lang: str, records: str) -> BuildResult:
    layout = kb.layout
    key = stamp.inputs_key(stamp.Inputs(records, lang, layout.templates)) if records and not kb.errors else ""
    if key and stamp.is_current(layout.root, layout.reports, key, existing(layout.reports)):
        return BuildResult([], existing(layout.reports), [], _unnamed(kb))
    stamp.clear(layout.root)
    skipped: list[str] = []
    cache = page_cache.PageCache(layout.root, stamp.inputs_key(stamp.Inputs("", lang, layout.templates)))
    with _no_collections():
        result = write(layout.reports, _render(kb, lang, layout.templates, skipped, cache), skipped)
    now = time.time_ns()
    cache.save(sorted(result.written + result.unchanged), now)
    if key:
        stamp.write(layout.root, layout.reports, key, sorted(result.written + result.unchanged), now)
    return result


def _unnamed(kb: KnowledgeBase) -> list[str]:
    """Active organisations and people whose ids cannot be report file names (as `render_files` skips)."""
    ids = [o.id for o in kb.active_orgs()] + [p.id for p in kb.active_people()]
    return sorted(rid for rid in ids if views.page_name(rid) is None)


def check(kb: KnowledgeBase, lang: str) -> list[Difference]:
    layout: Layout = kb.layout
    with _no_collections():
        return compare(layout.reports, render_files(kb, lang, layout.templates))


@contextmanager
def _no_collections() -> Iterator[None]:
    """No cyclic garbage collection while rendering: a build makes millions of short-lived strings and
    rows and no reference cycles, and each full collection would walk every loaded record again."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
