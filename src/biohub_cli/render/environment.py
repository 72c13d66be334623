"""The Jinja2 environment: package templates overridable by name, StrictUndefined, escaping everywhere.

HTML templates are autoescaped by Jinja2. Markdown templates get the same protection from
`finalize`: every `{{ value }}` is backslash-escaped for Markdown unless it is Markup (the `link`
filter's output, or `|safe`, which a template must ask for explicitly).
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import os
import types
import weakref
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import pass_context
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from markupsafe import Markup, escape

from biohub_cli.confine import OUTSIDE, Confinement
from biohub_cli.controls import strip_controls
from biohub_cli.errors import BiohubError, RecordError
from biohub_cli.models.dates import PartialDate
from biohub_cli.render.contexts import Page, Ref
from biohub_cli.render.filters import (
    escape_markdown,
    format_date,
    format_money,
    format_span,
    format_won,
    markdown_pieces,
)
from biohub_cli.render.template_limits import (
    LimitedSandbox,
    TemplateLimit,
    TemplateTimeout,
    describe,
    render_limited,
)

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_FOLDERS = {"org": "orgs", "person": "people", "cluster": "clusters", "programme": "programmes", "source": "sources"}


def make_environment(overrides: Path | None = None) -> jinja2.Environment:
    """Templates from `overrides` (a knowledge base's templates/) first, then the package's own.

    A knowledge base's templates come with the repository, not with biohub: when there are any,
    every template renders in Jinja2's sandbox, so a template cannot reach Python internals
    (`''.__class__.__mro__`) or call unsafe methods. The package's own templates alone need no sandbox.
    """
    folders = [overrides] if overrides is not None and overrides.is_dir() else []
    kind = LimitedSandbox if folders else jinja2.Environment
    package = jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES))
    env = kind(
        loader=jinja2.ChoiceLoader([_KnowledgeBaseTemplates(folders[0]), package]) if folders else package,
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "htm", "xml"),
                                            default_for_string=True, default=False),
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(date=_date, span=_span, won=_won, money=_money, link=_link, md=_md, csp_hash=_csp_hash,
                       md_pieces=_md_pieces)
    env.globals["once"] = _once
    _FRAGMENTS[env] = {}
    return env


class _KnowledgeBaseTemplates(jinja2.FileSystemLoader):
    """A knowledge base's templates/, each read only when it resolves inside the knowledge base (the
    folder holding templates/): a template that is a link to /etc/passwd is an error naming it."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.confined = Confinement(folder.parent)

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = os.path.join(self.searchpath[0], *split_template_path(template))
        if os.path.lexists(path) and not self.confined.inside(path):
            raise BiohubError(f"template {template!r}: {OUTSIDE}", path=path,
                              hint="copy the template into the knowledge base, or delete the link")
        return super().get_source(environment, template)


def template_problems(folder: Path) -> list[RecordError]:
    """What would stop a build at a knowledge base's own template, found without rendering: a template
    that resolves outside the knowledge base, or one that does not parse (`path:line: message`)."""
    if not folder.is_dir():
        return []
    env = make_environment(folder)
    confined = Confinement(folder.parent)
    out = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink()):
        name = path.relative_to(folder).as_posix()
        if not confined.inside(path):
            out.append(RecordError(f"template {name!r}: {OUTSIDE}", path=path, line=1))
            continue
        try:
            env.parse(path.read_text(encoding="utf-8"), name, str(path))
        except jinja2.TemplateSyntaxError as exc:
            out.append(RecordError(f"template error: {exc.message}", path=path, line=exc.lineno))
        except (UnicodeDecodeError, OSError) as exc:
            out.append(RecordError(f"template cannot be read ({exc})", path=path, line=1))
    return out


def render(env: jinja2.Environment, name: str, context: Page) -> str:
    """Render one template with the fields of its context object; errors name the template and line."""
    variables = {f.name: getattr(context, f.name) for f in dataclasses.fields(context)}
    template = None
    try:
        template = env.get_template(name)
        if isinstance(env, LimitedSandbox):  # a knowledge base's templates: within time and memory limits
            text = render_limited(template.generate(variables))
        else:
            text = template.render(variables)
    except (TemplateLimit, TemplateTimeout, MemoryError) as exc:
        if not isinstance(env, LimitedSandbox):
            raise
        where = _template_line(exc, name)
        if where == name and template is not None and template.filename:
            where = template.filename  # stopped between two of its lines (the page grew too large)
        raise BiohubError(f"template {name!r} was stopped: {describe(exc)}", path=where,
                          hint="make the template do less, or render such a page outside biohub") from None
    except jinja2.TemplateSyntaxError as exc:
        raise BiohubError(f"template error: {exc.message}", path=f"{exc.filename or name}:{exc.lineno}",
                          hint="fix the template or delete the override") from None
    except jinja2.TemplateNotFound as exc:
        raise BiohubError(f"template {exc.name!r} not found",
                          hint="is biohub installed completely?") from None
    except SecurityError as exc:
        raise BiohubError(f"template {name!r} tried something the sandbox forbids: {exc.message}",
                          path=_template_line(exc, name),
                          hint="knowledge-base templates may use the page's fields and filters only") from None
    except jinja2.UndefinedError as exc:
        hint = f"check the names against {type(context).__name__} in biohub_cli/render/contexts.py"
        where = _template_line(exc, name)
        raise BiohubError(f"template error: {exc.message}", path=where, hint=hint) from None
    return tidy(strip_controls(text), markdown=_is_markdown(name))  # no record text acts on a terminal


def tidy(text: str, *, markdown: bool) -> str:
    """No trailing spaces, at most one blank line in a row (Markdown), exactly one final newline."""
    lines = [line.rstrip() for line in text.split("\n")]
    if markdown:
        kept: list[str] = []
        for line in lines:
            if line or (kept and kept[-1]):
                kept.append(line)
        lines = kept
    return "\n".join(lines).strip("\n") + "\n"


def _template_line(exc: BaseException, name: str) -> str:
    """`templates/org.html:12` from the traceback frames Jinja2 rewrites to template lines."""
    where = name
    tb: types.TracebackType | None = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".md", ".css", ".js", ".txt", ".xml")):
            where = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


# Fragments rendered once per environment (one environment renders one knowledge base: see `_once`).
_FRAGMENTS: weakref.WeakKeyDictionary[jinja2.Environment, dict[tuple[object, ...], Any]] = weakref.WeakKeyDictionary()


@pass_context
def _once(ctx: jinja2.runtime.Context, key: object, macro: Any, *args: Any) -> Any:
    """`macro(*args)`, rendered once for `key` and the page's language, link root and links setting.

    A site shows one event on many pages (the timeline, each participant's page, each person's page):
    a template names what a fragment depends on in `key` (the event's id and what a page changes in
    it), and the fragment is rendered the first time only. The memo lives as long as the environment,
    which renders the pages of one knowledge base (`make_environment` per build or page).
    """
    memo = _FRAGMENTS.get(ctx.environment)
    if memo is None:
        return macro(*args)
    full = (key, ctx.name, ctx.get("lang"), ctx.get("root"), ctx.get("links"))
    try:
        return memo[full]
    except KeyError:
        value = memo[full] = macro(*args)
        return value
    except TypeError:  # an unhashable key: render every time
        return macro(*args)


@lru_cache(maxsize=256)
def _is_markdown(name: str | None) -> bool:
    return name is not None and name.endswith(".md")


@pass_context
def _finalize(ctx: jinja2.runtime.Context, value: Any) -> Any:
    if type(value) is Markup or not _is_markdown(ctx.name) or isinstance(value, Markup):
        return value
    return escape_markdown("" if value is None else str(value))


def _date(value: PartialDate | None) -> str:
    return format_date(value)


def _span(value: PartialDate, end: PartialDate | None = None) -> str:
    return format_span(value, end)


@pass_context
def _won(ctx: jinja2.runtime.Context, value: int) -> str:
    return format_won(value, str(ctx.get("lang", "ko")))


@pass_context
def _money(ctx: jinja2.runtime.Context, row: Any) -> str:
    """An amount row in its own currency (`3,350억 원`, `3억 달러`)."""
    return format_money(int(row.value), str(row.currency), str(ctx.get("lang", "ko")))


def _csp_hash(value: object) -> str:
    """`sha256-…` of an inline script, for a Content-Security-Policy that allows that script only."""
    return "sha256-" + base64.b64encode(hashlib.sha256(str(value).encode("utf-8")).digest()).decode("ascii")


def _md_pieces(pieces: Iterable[Any]) -> Markup:
    """A paragraph of a document page (render/documents.py) as Markdown, facts in bold."""
    return Markup(markdown_pieces(pieces))


def _md(value: object) -> Markup:
    """Explicit Markdown escaping (the same as finalize does), usable inside other markup."""
    return Markup(escape_markdown(str(value)))


@pass_context
def _link(ctx: jinja2.runtime.Context, ref: Ref) -> Markup | str:
    """The name, linked to its report page when the page exists and the context links."""
    return _linked(ref, _is_markdown(ctx.name), bool(ctx.get("links", False)), str(ctx.get("root", "")))


@lru_cache(maxsize=65536)
def _linked(ref: Ref, markdown: bool, links: bool, root: str) -> Markup | str:
    """`_link` for one reference in one kind of page (a build links the same names thousands of times)."""
    has_page = ref.page is not None and links
    if markdown:
        text = escape_markdown(ref.name)
        if not has_page:
            return Markup(text)
        return Markup(f"[{text}]({root}{_FOLDERS[ref.kind]}/{ref.page}.md)")
    if not has_page:
        return escape(ref.name)
    return _html_link(f"{root}{_FOLDERS[ref.kind]}/{ref.page}.html", ref.name)


@lru_cache(maxsize=65536)
def _html_link(href: str, name: str) -> Markup:
    """`Markup('<a href="{}">{}</a>').format(href, name)`, built without string.Formatter (a hot path)."""
    return Markup(f'<a href="{escape(href)}">{escape(name)}</a>')
