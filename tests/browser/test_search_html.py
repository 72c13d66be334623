"""The offline search page in headless Chromium: a query in the URL is typed into the box, and the
page finds what `biohub search` finds (the same documents and records, on releases we wrote)."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from tests.kb.search.conftest import DAEGU, OSONG, SONGDO, ingest_files
from typer.testing import CliRunner

from biohub_cli.cli.app import app

pytestmark = pytest.mark.browser

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
runner = CliRunner()


class _Hits(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hits: list[str] = []
        self.marks = 0
        self.body: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "body":
            self.body = a
        if tag == "li" and "hit" in (a.get("class") or "").split():
            self.hits.append(a.get("data-id") or "")
        self.marks += tag == "mark"


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if CHROMIUM is None:
        pytest.skip("no chromium binary (run tests/browser/install_chromium.sh where apt-get is available)")
    root = tmp_path_factory.mktemp("searchpage")
    ingest_files(root, {"songdo.txt": SONGDO, "osong.txt": OSONG, "daegu.txt": DAEGU})
    res = runner.invoke(app, ["--kb", str(root / "kb"), "build"])
    assert res.exit_code == 0, res.output
    return root / "kb"


def page_hits(kb: Path, query: str, tmp_path: Path) -> _Hits:
    assert CHROMIUM is not None
    url = (kb / "reports" / "search.html").as_uri() + "?q=" + quote(query)
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000", "--dump-dom", url],
        capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    parsed = _Hits()
    parsed.feed(proc.stdout)
    assert parsed.body.get("data-ready") == "1", "the page's script did not run"
    assert parsed.body.get("data-shown") == str(len(parsed.hits))
    return parsed


def cli_hits(kb: Path, query: str) -> set[str]:
    res = runner.invoke(app, ["--kb", str(kb), "search", query, "--format", "json", "--limit", "0"])
    assert res.exit_code == 0, res.output
    return {h["id"] for h in json.loads(res.stdout)["hits"]}


@pytest.mark.parametrize("query", ["셀트리온은", "셀트리온이", "바이오클러스터", '"바이오 클러스터"', "국비 오송",
                                   "대구시", '"생산 설비"', "설비 생산", "120억"])
def test_the_page_finds_what_the_command_finds(kb: Path, tmp_path: Path, query: str) -> None:
    found = page_hits(kb, query, tmp_path)
    assert found.hits, query
    assert set(found.hits) == cli_hits(kb, query)
    assert found.marks >= 1


@pytest.mark.parametrize("query", ['"설비 생산"', "국비 셀트리온"])
def test_a_phrase_out_of_order_or_words_never_together_find_nothing(kb: Path, tmp_path: Path, query: str) -> None:
    assert page_hits(kb, query, tmp_path).hits == []
    assert cli_hits(kb, query) == set()
