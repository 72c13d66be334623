"""Document text is never markup: HTML autoescaped, Markdown escaped, script data unbreakable,
and a template typo fails loudly (StrictUndefined) instead of rendering a blank."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest

from biohub_cli.errors import BiohubError
from biohub_cli.kb import knowledge_base
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.render import pages, site
from biohub_cli.render.contexts import Page
from biohub_cli.render.environment import make_environment, render

HOSTILE_TITLE = '바이오 포럼 <script>alert("x")</script> & "특별" 세션 | 2부'


@pytest.fixture(scope="module")
def files(fixture_kb: KnowledgeBase) -> dict[str, str]:
    return {k: v.decode("utf-8-sig") for k, v in site.plan(fixture_kb, "ko").files.items()}


def test_the_fixture_really_holds_a_script_title(fixture_kb: KnowledgeBase) -> None:
    assert HOSTILE_TITLE in {e.title for e in fixture_kb.active_events()}


def test_a_script_in_a_title_renders_as_text_in_every_html_page(files: dict[str, str]) -> None:
    html = {k: v for k, v in files.items() if k.endswith(".html")}
    assert len(html) > 10
    for name, text in html.items():
        assert 'alert("x")' not in text, name
        assert "<script>alert" not in text, name
        assert "<랩>" not in text, name
        # the only script elements are the page's own: the JSON data block, the filter or search script and
        # the search page's data files
        assert all(tag in ('<script type="application/json" id="timeline-data">',
                           '<script type="application/json" id="search-data">', "<script>")
                   or (name == "search.html" and re.fullmatch(r'<script src="search/(\d{3}|words)\.js">', tag))
                   for tag in re.findall(r"<script[^>]*>", text)), name
    assert "바이오 포럼 &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;특별&#34; 세션 | 2부" \
        in files["timeline.html"]
    assert "바이오&lt;랩&gt; &amp; &#34;파트너스&#34;" in files["orgs/org-6018cb5abb.html"]


def test_a_script_in_a_title_is_escaped_in_markdown(files: dict[str, str]) -> None:
    for name, text in files.items():
        if name.endswith(".md"):
            assert "<script>" not in text and "<랩>" not in text, name
    assert '\\<script\\>alert("x")\\</script\\> & "특별" 세션 \\| 2부' in files["timeline.md"]
    assert "송도 \\*G타워\\* \\[3층\\]" in files["timeline.md"]


def test_the_embedded_json_cannot_close_its_script_block(files: dict[str, str]) -> None:
    page = files["timeline.html"]
    start = page.index('<script type="application/json" id="timeline-data">')
    body = page[page.index(">", start) + 1: page.index("</script>", start)]
    assert "<" not in body and ">" not in body and "&" not in body
    data = json.loads(body)
    assert [e["id"] for e in data["events"]][:2] == ["ev-2019-cf3a186636", "ev-2024-9ed583be74"]
    assert any("<script>" in e["text"] for e in data["events"])  # the text survives, escaped only as JSON


def test_the_search_data_files_are_data_only(files: dict[str, str]) -> None:
    shards = {k: v for k, v in files.items() if k.startswith("search/")}
    assert "search/words.js" in shards and len(shards) >= 2
    prefix, suffix = "(self.biohubSearch=self.biohubSearch||[]).push(", ");\n"
    titles = []
    for name, text in shards.items():
        assert text.startswith(prefix) and text.endswith(suffix), name
        body = text[len(prefix):-len(suffix)]
        assert "<" not in body and ">" not in body and "&" not in body, name
        data = json.loads(body)  # one literal, nothing else runs
        titles += [d[2] for d in data.get("docs", [])]
    assert HOSTILE_TITLE in titles  # the text survives, escaped only as JSON
    assert '<script src="search/words.js"></script>' in files["search.html"]


def test_the_page_allows_only_its_own_script(files: dict[str, str]) -> None:
    page = files["timeline.html"]
    policy = re.search(r"script-src '(sha256-[^']+)'", page)
    assert policy is not None
    script = page[page.rindex("<script>") + len("<script>"): page.rindex("</script>")]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert policy.group(1) == f"sha256-{digest}"
    assert "http://" not in script and "https://" not in script and "fetch(" not in script
    assert "default-src 'none'" in files["index.html"] and "script-src" not in files["index.html"]


def test_csv_cells_cannot_become_excel_formulas(tmp_path: Path, kb_copy: Path) -> None:
    event = next((kb_copy / "records" / "events" / "2025").glob("ev-2025-304dfb4e1f.yaml"))
    event.write_text(event.read_text().replace("title: 바이오코리아 2025 인천관 운영",
                                               "title: '=HYPERLINK(\"http://x\")'"), encoding="utf-8")
    base = knowledge_base.load(kb_copy)
    text = pages.timeline_text(base, base.active_events(), "csv", "ko").text
    assert "'=HYPERLINK" in text
    assert ',=HYPERLINK' not in text and '"=HYPERLINK' not in text


def test_a_typo_in_a_template_fails_loudly_with_its_name_and_line(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("# {{ title }}\n\n{{ labels.site_titel }}\n", encoding="utf-8")
    env = make_environment(tmp_path)
    with pytest.raises(BiohubError) as err:
        render(env, "index.md", Page(lang="ko", labels={"site_title": "x"}, title="t"))
    message = err.value.render()
    assert "site_titel" in message
    assert f"{tmp_path / 'index.md'}:3" in message


def test_an_undefined_variable_is_an_error_not_a_blank(tmp_path: Path) -> None:
    (tmp_path / "timeline.md").write_text("{{ evnets }}\n", encoding="utf-8")
    with pytest.raises(BiohubError, match="'evnets' is undefined"):
        render(make_environment(tmp_path), "timeline.md", Page(lang="ko", labels={}))


def test_a_broken_template_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "org.md").write_text("{% if %}\n", encoding="utf-8")
    with pytest.raises(BiohubError, match=r"org\.md:1"):
        render(make_environment(tmp_path), "org.md", Page(lang="ko", labels={}))


def test_markdown_output_escapes_unless_marked_safe(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("{{ title }} / {{ title|safe }}\n", encoding="utf-8")
    (tmp_path / "x.html").write_text("{{ title }} / {{ title|safe }}\n", encoding="utf-8")
    env = make_environment(tmp_path)
    page = Page(lang="ko", labels={}, title="<b>*굵게*</b>")
    assert render(env, "x.md", page) == "\\<b\\>\\*굵게\\*\\</b\\> / <b>*굵게*</b>\n"
    assert render(env, "x.html", page) == "&lt;b&gt;*굵게*&lt;/b&gt; / <b>*굵게*</b>\n"
