"""A knowledge base's templates run within limits of time, memory and size, and the error names the template.

`{{ "x" * 4000000000 }}` reached 11.7 GB and nested `range(100000)` loops never ended. Small limits
stand in for the real ones where a test would otherwise take long.
"""

from __future__ import annotations

import resource
import signal
from pathlib import Path

import pytest

from biohub_cli.errors import BiohubError
from biohub_cli.render import template_limits
from biohub_cli.render.contexts import Page
from biohub_cli.render.environment import make_environment, render

PAGE = Page(lang="ko", labels={"x": "y"}, title="바이오 일정")


def _stopped(folder: Path, body: str) -> str:
    (folder / "index.md").write_text(f"# 일정\n\n{body}\n", encoding="utf-8")
    with pytest.raises(BiohubError) as err:
        render(make_environment(folder), "index.md", PAGE)
    message = err.value.render()
    where, _, rest = message.partition(": template 'index.md' was stopped: ")
    assert rest and where in (f"{folder / 'index.md'}:3", str(folder / "index.md")), message
    return message


def test_a_repeated_string_past_the_limit_is_refused_before_it_is_made(tmp_path: Path) -> None:
    message = _stopped(tmp_path, '{{ "x" * 4000000000 }}')
    assert "more than 64,000,000 characters or items" in message


def test_a_huge_power_is_refused_before_it_is_computed(tmp_path: Path) -> None:
    assert "bits" in _stopped(tmp_path, "{{ 10 ** 1000000000 }}")


def test_nested_loops_stop_at_the_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(template_limits, "TEMPLATE_SECONDS", 0.5)
    message = _stopped(tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    assert "ran longer than 0.5 s" in message


def test_doubling_a_string_stops_at_the_memory_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(template_limits, "TEMPLATE_MEMORY", 64 * 1024 * 1024)
    body = ('{% set ns = namespace(text="바이오") %}{% for i in range(40) %}{% set ns.text = ns.text ~ ns.text %}'
            "{% endfor %}{{ ns.text|length }}")
    assert "more than 64 MB of memory" in _stopped(tmp_path, body)


def test_a_page_past_the_size_limit_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(template_limits, "TEMPLATE_MAX_CHARS", 100_000)
    message = _stopped(tmp_path, "{% for i in range(50000) %}오송 {% endfor %}")
    assert "a page of more than 100,000 characters" in message


def test_the_limits_are_lifted_after_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(template_limits, "TEMPLATE_MEMORY", 64 * 1024 * 1024)
    before = resource.getrlimit(resource.RLIMIT_AS), signal.getsignal(signal.SIGALRM)
    _stopped(tmp_path, '{% set ns = namespace(t="x") %}{% for i in range(40) %}{% set ns.t = ns.t ~ ns.t %}'
                       "{% endfor %}")
    assert (resource.getrlimit(resource.RLIMIT_AS), signal.getsignal(signal.SIGALRM)) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert len("x" * (128 * 1024 * 1024)) > 0  # the memory is the process's own again


def test_ordinary_templates_render_within_the_limits(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("# {{ title }}\n\n{% for i in range(3) %}{{ i * 2 }} {{ '-' * 3 }} "
                                       "{{ 2 ** 10 }}\n{% endfor %}", encoding="utf-8")
    expected = "# 바이오 일정\n\n0 --- 1024\n2 --- 1024\n4 --- 1024\n"
    assert render(make_environment(tmp_path), "index.md", PAGE) == expected
