"""Every view and format, rendered from the fixture knowledge base, against tests/golden/."""

from __future__ import annotations

import pytest

from biohub_cli.kb.knowledge_base import KnowledgeBase, TimelineFilter
from biohub_cli.render import pages, site
from tests.render.golden import GOLDEN, assert_golden, regenerating

CELLTRION = "org-8d9250bf44"
INCHEON = "org-66957d5a52"
HA = "per-4ace3765f4"
SEO = "per-62b5a4b488"


@pytest.fixture(scope="module")
def site_ko(fixture_kb: KnowledgeBase) -> site.Plan:
    return site.plan(fixture_kb, "ko")


def test_the_whole_site_matches_the_golden_files(site_ko: site.Plan) -> None:
    """Every page, and no page more or less than tests/golden/site/ holds."""
    folder = GOLDEN / "site"
    if regenerating():
        for path in folder.rglob("*"):
            if path.is_file() and path.relative_to(folder).as_posix() not in site_ko.files:
                path.unlink()
    for name, data in site_ko.files.items():
        assert_golden(f"site/{name}", data)
    on_disk = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert on_disk == sorted(site_ko.files)


@pytest.mark.parametrize("name", ["index.md", "index.html", "timeline.md", "timeline.html", "timeline.json",
                                  "timeline.csv", "timeline.ics", "orgs.csv", "network.md", "network.graphml",
                                  f"orgs/{INCHEON}.md", f"orgs/{INCHEON}.html", f"orgs/{CELLTRION}.md",
                                  f"people/{HA}.md", f"people/{HA}.html", f"people/{SEO}.md"])
def test_site_file(site_ko: site.Plan, name: str) -> None:
    assert_golden(f"site/{name}", site_ko.files[name])


@pytest.mark.parametrize("name", ["index.md", "timeline.md", "timeline.csv", f"orgs/{INCHEON}.md",
                                  f"people/{SEO}.md", "network.md"])
def test_site_in_english(fixture_kb: KnowledgeBase, name: str) -> None:
    assert_golden(f"site-en/{name}", site.plan(fixture_kb, "en").files[name])


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv", "ics", "timelinejs"])
def test_timeline_for_stdout(fixture_kb: KnowledgeBase, fmt: str) -> None:
    """What `biohub timeline --org 셀트리온 --format X` prints: no links, no BOM."""
    events = fixture_kb.timeline(TimelineFilter(org=CELLTRION))
    out = pages.timeline_text(fixture_kb, events, fmt, "ko", filters=[("기관", "셀트리온")])
    name = "timelinejs.json" if fmt == "timelinejs" else fmt
    assert_golden(f"stdout/timeline-celltrion.{name}", out.text)


def test_profiles_for_stdout(fixture_kb: KnowledgeBase) -> None:
    assert_golden("stdout/org-incheon.md", pages.org_text(fixture_kb, fixture_kb.orgs[INCHEON], "ko"))
    assert_golden("stdout/person-seo.md", pages.person_text(fixture_kb, fixture_kb.people[SEO], "ko"))


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_lists_for_stdout(fixture_kb: KnowledgeBase, fmt: str) -> None:
    assert_golden(f"stdout/orgs.{fmt}", pages.orgs_text(fixture_kb, fmt, "ko"))
    assert_golden(f"stdout/people.{fmt}", pages.people_text(fixture_kb, fmt, "ko"))
