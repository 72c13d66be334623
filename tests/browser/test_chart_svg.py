"""The events-per-year chart of the report site in headless Chromium: on the index and on a cluster's
page it is there, draws one bar per cluster (or type) and year with events, and its text can be
selected. The bundled examples' knowledge base (records/ at the repository root) is the input.

Each built page's <svg> is put into a small harness page whose script measures what Chromium laid out
(bars with a size, a selection over the chart's text) and writes it into the DOM, read back with
--dump-dom.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from tests.browser.test_timeline_html import CHROMIUM

from biohub_cli.kb import knowledge_base
from biohub_cli.render import site

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]

HARNESS = """<!doctype html><html><head><meta charset="utf-8"></head><body>
<div id="chart">{svg}</div><pre id="out"></pre>
<script>
var svg = document.querySelector("#chart svg");
var bars = Array.prototype.slice.call(svg.querySelectorAll("rect.bar"));
var drawn = bars.filter(function (b) {{ var r = b.getBoundingClientRect(); return r.width > 0 && r.height > 0; }});
var range = document.createRange();
range.selectNodeContents(svg);
var sel = window.getSelection();
sel.removeAllRanges();
sel.addRange(range);
var styles = Array.prototype.slice.call(svg.querySelectorAll("text")).map(function (t) {{
  return getComputedStyle(t).userSelect; }});
document.getElementById("out").textContent = JSON.stringify({{
  bars: bars.length, drawn: drawn.length, selected: sel.toString(),
  unselectable: styles.filter(function (s) {{ return s === "none"; }}).length}});
</script></body></html>"""


@pytest.fixture(scope="module")
def built() -> tuple[knowledge_base.KnowledgeBase, dict[str, bytes]]:
    if CHROMIUM is None:
        pytest.skip("no chromium binary (run tests/browser/install_chromium.sh where apt-get is available)")
    kb = knowledge_base.load(REPO)
    return kb, site.plan(kb, "ko").files


def _measure(svg: str, tmp_path: Path) -> dict[str, object]:
    assert CHROMIUM is not None
    page = tmp_path / "harness.html"
    page.write_text(HARNESS.format(svg=svg), encoding="utf-8")
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = re.search(r'<pre id="out">(.*?)</pre>', proc.stdout, re.S)
    assert found and found.group(1), "the harness script did not run"
    import json

    return json.loads(html.unescape(found.group(1)))


def _svg(page: bytes) -> str:
    found = re.search(r"<svg .*?</svg>", page.decode("utf-8"), re.S)
    assert found, "no chart on the page"
    return found.group(0)


def test_the_index_chart_has_one_bar_per_cluster_and_year_and_selectable_text(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    kb, files = built
    top = {cid for cid, c in kb.clusters.items() if c.status == "active" and c.parent is None}
    inner = {cid: c.parent for cid, c in kb.clusters.items() if c.parent in top}
    pairs = {(inner.get(link.cluster, link.cluster), ev.date.year) for ev in kb.active_events()
             if ev.date.year is not None for link in ev.clusters if inner.get(link.cluster, link.cluster) in top}
    assert pairs, "the bundled examples should have events in clusters"
    result = _measure(_svg(files["index.html"]), tmp_path)
    assert result["bars"] == result["drawn"] == len(pairs)
    assert result["unselectable"] == 0
    selected = str(result["selected"])
    assert "송도" in selected and str(min(y for _, y in pairs)) in selected


def test_a_cluster_page_charts_its_events_by_type(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    kb, files = built
    songdo = next(c for c in kb.clusters.values() if c.name == "송도")
    events = [e for e in kb.active_events() if any(link.cluster == songdo.id for link in e.clusters)]
    pairs = {(e.type, e.date.year) for e in events if e.date.year is not None}
    result = _measure(_svg(files[f"clusters/{songdo.id}.html"]), tmp_path)
    assert result["bars"] == result["drawn"] == len(pairs)
    assert "송도" in str(result["selected"]) and "협약" in str(result["selected"])


def test_the_site_timeline_filters_by_cluster_and_by_programme(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.browser.test_timeline_html import _Rows

    kb, files = built
    reports = tmp_path / "reports"
    site.write(reports, site.Plan(files))
    songdo = next(c for c in kb.clusters.values() if c.name == "송도")
    labhub = next(p for p in kb.programmes.values() if p.name == "K-바이오 랩허브")
    for query, wanted in ((f"place={songdo.id}", {e.id for e in kb.active_events()
                                                   if any(link.cluster == songdo.id for link in e.clusters)}),
                          ("place=" + "케이바이오 랩허브", {e.id for e in kb.active_events()
                                                        if any(link.programme == labhub.id for link in e.programmes)})):
        assert CHROMIUM is not None
        proc = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
             f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000", "--dump-dom",
             (reports / "timeline.html").as_uri() + "?" + query],
            capture_output=True, text=True, timeout=120, check=False)
        assert proc.returncode == 0, proc.stderr[-2000:]
        rows = _Rows()
        rows.feed(proc.stdout)
        assert rows.body.get("data-ready") == "1"
        assert wanted and {rid for rid, hidden in rows.rows if not hidden} == wanted, query


IMAGES = """<!doctype html><html><head><meta charset="utf-8"></head><body>
{images}<pre id="out"></pre>
<script>
window.addEventListener("load", function () {{
  var seen = Array.prototype.slice.call(document.images).map(function (i) {{
    return [i.getAttribute("src"), i.complete, i.naturalWidth, i.naturalHeight]; }});
  document.getElementById("out").textContent = JSON.stringify(seen);
}});
</script></body></html>"""


def test_the_chart_files_beside_the_markdown_pages_load_as_images(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """What a Markdown viewer does with `![…](<id>.svg)`: the file loads as an image, as wide and as high
    as the chart the HTML page inlines."""
    import json

    _, files = built
    reports = tmp_path / "reports"
    site.write(reports, site.Plan(files))
    charts = sorted(n for n in files if n.endswith(".svg"))
    assert "index.svg" in charts and any(n.startswith("clusters/") for n in charts)
    page = reports / "images.html"
    page.write_text(IMAGES.format(images="".join(f'<img src="{n}" alt="">' for n in charts)), encoding="utf-8")
    assert CHROMIUM is not None
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         "--allow-file-access-from-files", f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = re.search(r'<pre id="out">(.*?)</pre>', proc.stdout, re.S)
    assert found and found.group(1), "the page's script did not run"
    seen = {src: (done, w, h) for src, done, w, h in json.loads(html.unescape(found.group(1)))}
    for name in charts:
        size = re.search(r'width="(\d+)" height="(\d+)"', files[name].decode())
        assert size and seen[name] == (True, int(size.group(1)), int(size.group(2))), name
