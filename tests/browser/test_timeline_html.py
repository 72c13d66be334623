"""The offline HTML timeline in headless Chromium: filters from the URL, rows shown and hidden.

Chromium comes from tests/browser/install_chromium.sh (Debian's package; `make test` runs it).
Without a chromium binary the tests skip. The page is read back with --dump-dom after its script ran.
"""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from tests.render.golden import FIXTURE_KB

from biohub_cli.kb import knowledge_base
from biohub_cli.render import site

pytestmark = pytest.mark.browser

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
CELLTRION = "org-8d9250bf44"
ALL_EVENTS = 9


class _Rows(HTMLParser):
    """Event rows (id, hidden?) and the body's data-shown / data-ready attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, bool]] = []
        self.body: dict[str, str | None] = {}
        self.count_text = ""
        self.empty_note_hidden = True
        self._in_count = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "body":
            self.body = a
        if tag == "tr" and "event" in (a.get("class") or "").split():
            self.rows.append((a.get("data-id") or "", "hidden" in a))
        if a.get("id") == "f-empty":
            self.empty_note_hidden = "hidden" in a
        self._in_count = tag == "output" and a.get("id") == "f-count"

    def handle_data(self, data: str) -> None:
        if self._in_count:
            self.count_text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "output":
            self._in_count = False


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if CHROMIUM is None:
        pytest.skip("no chromium binary (run tests/browser/install_chromium.sh where apt-get is available)")
    reports = tmp_path_factory.mktemp("reports")
    site.write(reports, site.plan(knowledge_base.load(FIXTURE_KB), "ko"))
    return reports / "timeline.html"


def dump(page: Path, query: str, tmp_path: Path) -> _Rows:
    assert CHROMIUM is not None
    url = page.as_uri() + (f"?{query}" if query else "")
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000", "--dump-dom", url],
        capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    parsed = _Rows()
    parsed.feed(proc.stdout)
    assert parsed.body.get("data-ready") == "1", "the page's script did not run"
    assert len(parsed.rows) == ALL_EVENTS
    return parsed


def shown(rows: _Rows) -> list[str]:
    return [rid for rid, hidden in rows.rows if not hidden]


def test_without_filters_every_event_is_shown(page: Path, tmp_path: Path) -> None:
    rows = dump(page, "", tmp_path)
    assert len(shown(rows)) == ALL_EVENTS
    assert rows.empty_note_hidden
    assert rows.count_text == f"{ALL_EVENTS} / {ALL_EVENTS}건 표시"


def test_filtering_by_an_organisation_hides_the_other_events(page: Path, tmp_path: Path) -> None:
    rows = dump(page, f"org={CELLTRION}", tmp_path)
    assert shown(rows) == ["ev-2025-304dfb4e1f", "ev-2025-b3514f797f", "ev-xxxx-c1e63cee1b"]
    assert ("ev-2025-54a7747a53", True) in rows.rows  # the IBIS announcement: Celltrion not there
    assert rows.body.get("data-shown") == "3"
    assert rows.count_text == f"3 / {ALL_EVENTS}건 표시"


def test_an_organisation_can_be_named_in_the_url_by_any_alias(page: Path, tmp_path: Path) -> None:
    assert shown(dump(page, "org=" + quote("셀트리온"), tmp_path)) == \
        ["ev-2025-304dfb4e1f", "ev-2025-b3514f797f", "ev-xxxx-c1e63cee1b"]
    inha = ["ev-2025-b3514f797f", "ev-xxxx-c1e63cee1b"]
    assert shown(dump(page, "org=" + quote("인하대병원"), tmp_path)) == inha
    assert shown(dump(page, "org=Inha%20University%20Hospital", tmp_path)) == inha


def test_type_and_text_filters_combine(page: Path, tmp_path: Path) -> None:
    assert shown(dump(page, "type=agreement", tmp_path)) == ["ev-2025-b3514f797f"]
    assert shown(dump(page, f"org={CELLTRION}&type=meeting", tmp_path)) == ["ev-xxxx-c1e63cee1b"]
    assert shown(dump(page, "q=" + quote("시흥시청 글로벌센터"), tmp_path)) == ["ev-2025-635583324f"]


def test_nothing_matching_shows_the_empty_note(page: Path, tmp_path: Path) -> None:
    rows = dump(page, "q=" + quote("없는 검색어"), tmp_path)
    assert shown(rows) == [] and rows.body.get("data-shown") == "0"
    assert not rows.empty_note_hidden


def test_the_search_box_matches_every_word_in_any_order(page: Path, tmp_path: Path) -> None:
    # neither phrase is in any event's text as written: each word is, in the title, a name or the type
    assert shown(dump(page, "q=" + quote("셀트리온 협약"), tmp_path)) == ["ev-2025-b3514f797f"]
    assert shown(dump(page, "q=" + quote("협약  셀트리온"), tmp_path)) == ["ev-2025-b3514f797f"]
