"""A knowledge base's own templates render in Jinja2's sandbox: no way into Python internals, and the
error names the template."""

from __future__ import annotations

from pathlib import Path

import pytest

from biohub_cli.errors import BiohubError
from biohub_cli.render.contexts import Page
from biohub_cli.render.environment import make_environment, render


@pytest.mark.parametrize("body", [
    "{{ ''.__class__.__mro__ }}",
    "{{ title.__class__.__mro__[1].__subclasses__() }}",
    "{{ labels.__class__.__init__.__globals__ }}",
    "{% for c in ''.__class__.__mro__ %}{{ c }}{% endfor %}",
])
def test_a_template_reaching_for_python_internals_fails_naming_the_template(tmp_path: Path, body: str) -> None:
    (tmp_path / "timeline.md").write_text(f"# 일정\n\n{body}\n", encoding="utf-8")
    env = make_environment(tmp_path)
    with pytest.raises(BiohubError) as err:
        render(env, "timeline.md", Page(lang="ko", labels={"x": "y"}, title="제목"))
    message = err.value.render()
    assert f"{tmp_path / 'timeline.md'}:3" in message
    assert "template 'timeline.md'" in message and "sandbox forbids" in message and "unsafe" in message
    assert "<class" not in message  # nothing of Python's internals leaked into the message


def test_ordinary_templates_still_render_in_the_sandbox(tmp_path: Path) -> None:
    (tmp_path / "x.html").write_text("{{ title }} {{ labels['x']|upper }} {{ title|length }}\n", encoding="utf-8")
    env = make_environment(tmp_path)
    assert render(env, "x.html", Page(lang="ko", labels={"x": "y"}, title="<b>")) == "&lt;b&gt; Y 3\n"


def test_the_package_templates_alone_need_no_sandbox(tmp_path: Path) -> None:
    from jinja2.sandbox import SandboxedEnvironment

    assert isinstance(make_environment(tmp_path), SandboxedEnvironment)
    assert not isinstance(make_environment(None), SandboxedEnvironment)
    assert not isinstance(make_environment(tmp_path / "missing"), SandboxedEnvironment)


def test_the_timeline_table_shows_the_newest_rows_and_says_how_to_see_all(fixture_kb: object) -> None:
    from biohub_cli.kb.knowledge_base import KnowledgeBase
    from biohub_cli.render import terminal

    assert isinstance(fixture_kb, KnowledgeBase)
    events = fixture_kb.active_events()
    assert len(events) > 2
    full = terminal.timeline_table(fixture_kb, events, "en")
    short = terminal.timeline_table(fixture_kb, events, "en", newest=2)
    rows = [r.cells for s in full.sections for r in s.rows]
    assert [r.cells for s in short.sections for r in s.rows] == rows[-2:]
    assert short.caption == f"Newest 2 of {len(events)} events shown (--limit 0 shows all)"
    assert full.caption == f"{len(events)} of {len(events)} events shown"
    assert terminal.timeline_table(fixture_kb, events, "en", newest=len(events)).caption == full.caption
