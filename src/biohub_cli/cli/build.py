"""`biohub build [--check]`: render the report site into reports/, or say whether it is stale."""

from __future__ import annotations

import typer

from biohub_cli.cli import _output
from biohub_cli.cli.context import options
from biohub_cli.cli.views import _LANG_HELP, Lang
from biohub_cli.render import labels


def register(app: typer.Typer) -> None:
    app.command("build")(build)


def build(
    ctx: typer.Context,
    check: bool = typer.Option(False, "--check", help="Write nothing; list stale, missing and extra report "
                               "files and exit 1 when there are any (for CI)."),
    lang: Lang | None = typer.Option(None, "--lang", help=_LANG_HELP),
) -> None:
    """Render every report into reports/: index, timeline (md, html, csv, ics, json), one page per
    organisation and person, the organisation network (Mermaid, GraphML), orgs.csv.

    A knowledge base's own templates/ folder overrides a default template of the same name.

    Example: biohub build --check
    """
    from biohub_cli.kb import records_cache
    from biohub_cli.render import site

    root = options(ctx).root
    base, stats = records_cache.load_with_stats(root)
    for problem in base.errors:
        _output.warn(problem.render())
    language = labels.resolve_lang(root, lang.value if lang else None)
    if check:
        differences = site.check(base, language)
        for d in differences:
            _output.data(f"{d.path}: {d.reason}")
        if differences:
            _output.info(f"reports/ is stale ({len(differences)} file(s)); run `biohub build`")
            raise SystemExit(1)  # not typer.Exit: see cli/views.py _fail
        _output.info("reports/ is current")
    else:
        result = site.build(base, language, records=stats.fingerprint if stats.settled else "")
        for rid in result.skipped:
            _output.warn(f"{rid}: the id cannot be a file name; no report page for it")
        _output.info(f"reports/: {len(result.written)} written, {len(result.unchanged)} unchanged, "
                     f"{len(result.removed)} removed")
    if base.errors:
        raise SystemExit(1)
