"""The report site in reports/: planned in memory, then written, or compared (`--check`).

Every file is a pure function of the records, the templates and the language: no clock time, sorted
lists, `\\n` line endings (CSV and iCalendar use CRLF as their RFC require). The build owns only the
files it names (see `owns`), so a README or .gitkeep in reports/ is never touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal

from biohub_cli import network, store
from biohub_cli.config import Layout
from biohub_cli.kb import KnowledgeBase
from biohub_cli.render import formats, pages, views
from biohub_cli.render.contexts import Page
from biohub_cli.render.pages import render
from biohub_cli.render.queries import Index

TOP_FILES: tuple[str, ...] = ("index.html", "index.md", "network.graphml", "network.md", "orgs.csv",
                              "timeline.csv", "timeline.html", "timeline.ics", "timeline.json", "timeline.md")
PAGE_FOLDERS: tuple[str, ...] = ("orgs", "people")
PAGE_SUFFIXES: tuple[str, ...] = (".html", ".md")

Reason = Literal["stale", "missing", "extra"]


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
    env = pages.environment(templates)
    ix = Index(kb)
    events = ix.events
    out: dict[str, str] = {}
    index = views.index_context(ix, lang)
    timeline = views.timeline_context(ix, events, lang)
    for fmt in ("md", "html"):
        out[f"index.{fmt}"] = render(env, f"index.{fmt}", index)
        out[f"timeline.{fmt}"] = render(env, f"timeline.{fmt}", timeline)
    out["timeline.json"] = formats.timeline_json(kb, events)
    out["timeline.csv"] = formats.timeline_csv(kb, events, lang, bom=True)
    out["timeline.ics"] = pages.ics_text(kb, events, lang, ix=ix)
    out["orgs.csv"] = formats.orgs_csv(index.orgs, lang, bom=True)
    graph = network.co_participation(kb)
    out["network.md"] = render(env, "network.md", views.network_context(ix, lang, graph))
    out["network.graphml"] = network.to_graphml(graph)
    skipped = []
    for org in ix.active_orgs:
        stem = views.page_name(org.id)
        if stem is None:
            skipped.append(org.id)
            continue
        page: Page = views.org_context(ix, org, lang)
        for fmt in ("md", "html"):
            out[f"orgs/{stem}.{fmt}"] = render(env, f"org.{fmt}", page)
    for person in ix.active_people:
        stem = views.page_name(person.id)
        if stem is None:
            skipped.append(person.id)
            continue
        page = views.person_context(ix, person, lang)
        for fmt in ("md", "html"):
            out[f"people/{stem}.{fmt}"] = render(env, f"person.{fmt}", page)
    return Plan({k: out[k].encode("utf-8") for k in sorted(out)}, sorted(skipped))


def owns(relative: str) -> bool:
    """True for the paths a build writes: the top-level files and orgs/*, people/* pages."""
    parts = PurePosixPath(relative).parts
    if len(parts) == 1:
        return parts[0] in TOP_FILES
    if len(parts) == 2 and parts[0] in PAGE_FOLDERS:
        name = PurePosixPath(parts[1])
        return name.suffix in PAGE_SUFFIXES and views.page_name(name.stem) is not None
    return False


def existing(reports: Path) -> list[str]:
    """The files under reports/ that the build owns, as sorted POSIX paths."""
    found = [name for name in TOP_FILES if (reports / name).is_file()]
    for folder in PAGE_FOLDERS:
        base = reports / folder
        if base.is_dir():
            found += [f"{folder}/{p.name}" for p in base.iterdir()
                      if p.is_file() and owns(f"{folder}/{p.name}")]
    return sorted(found)


def write(reports: Path, site: Plan) -> BuildResult:
    """Write what changed, remove owned files no record stands for any more."""
    written: list[str] = []
    unchanged: list[str] = []
    for rel, data in site.files.items():
        (written if store.write_atomic(reports / rel, data) else unchanged).append(rel)
    removed = [rel for rel in existing(reports) if rel not in site.files]
    for rel in removed:
        store.remove(reports / rel)
    return BuildResult(written, unchanged, removed, site.skipped)


def compare(reports: Path, site: Plan) -> list[Difference]:
    """What `write` would change, without writing: stale, missing and extra files, sorted by path."""
    out = []
    for rel, data in site.files.items():
        path = reports / rel
        if not path.is_file():
            out.append(Difference(rel, "missing"))
        elif path.read_bytes() != data:
            out.append(Difference(rel, "stale"))
    out += [Difference(rel, "extra") for rel in existing(reports) if rel not in site.files]
    return sorted(out, key=lambda d: d.path)


def build(kb: KnowledgeBase, lang: str) -> BuildResult:
    layout = kb.layout
    return write(layout.reports, plan(kb, lang, layout.templates))


def check(kb: KnowledgeBase, lang: str) -> list[Difference]:
    layout: Layout = kb.layout
    return compare(layout.reports, plan(kb, lang, layout.templates))
