"""`biohub search` and `biohub sources`: find anything, and list the documents themselves."""

from __future__ import annotations

from enum import StrEnum

import typer

from biohub_cli.cli import _output
from biohub_cli.cli.context import fail, options
from biohub_cli.errors import BiohubError


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def register(app: typer.Typer) -> None:
    app.command("search")(search)
    app.command("sources")(sources)


def search(
    ctx: typer.Context,
    query: str = typer.Argument(..., help='Words (all of them must match) or "a quoted phrase".'),
    org: str | None = typer.Option(None, "--org", help="Only what mentions this organisation (name or alias)."),
    person: str | None = typer.Option(None, "--person", help="Only what mentions this person."),
    type_: str | None = typer.Option(None, "--type", help="Only events of this type, and documents reporting one."),
    since: str | None = typer.Option(None, "--since", help="From this date on: 2025, 2025-06 or 2025-06-11."),
    until: str | None = typer.Option(None, "--until", help="Up to this date: 2025, 2025-06 or 2025-06-11."),
    limit: int = typer.Option(20, "--limit", "-n", min=0, help="At most this many hits, best first; 0: all."),
    all_: bool = typer.Option(False, "--all", help="Also the off-topic documents and the events only they report."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, json or csv."),
) -> None:
    """Ranked full-text search over the documents' kept text and the records (events, organisations,
    people, quotes). Words match whatever particle follows them (셀트리온과 finds 셀트리온), a compound
    finds its parts written apart and back, and an alias finds its organisation.

    Example: biohub search '국비 오송'   /   biohub search '"바이오 클러스터"' --since 2025 --format json
    """
    from biohub_cli.kb import records_cache
    from biohub_cli.kb.search import index
    from biohub_cli.kb.search import query as search_query
    from biohub_cli.render import labels, search_view
    from biohub_cli.render import query as filters

    root = options(ctx).root
    base, stats = records_cache.load_with_stats(root)
    base.include_off_topic = all_
    for problem in base.errors:
        _output.warn(problem.render())
    try:
        kind = labels.event_type_code(type_) if type_ else None
        flt = filters.timeline_filter(base, org=org, person=person, type=kind, since=since, until=until)
        with index.current(root, base, stats.listing, settled=stats.settled) as con:
            result = search_query.search(con, base, query.strip(), flt, limit=limit or None)
    except BiohubError as exc:
        raise fail(exc) from None
    if fmt is Format.json:
        _output.data(search_view.hits_json(result, query.strip()))
    elif fmt is Format.csv:
        _output.data(search_view.hits_csv(result))
    else:
        view = search_view.hits_view(result, query.strip(), labels.resolve_lang(root, None))
        if view.rows:
            _output.marked_table(view.title, view.columns, view.rows, view.caption)
        else:
            _output.info(view.empty)


def sources(
    ctx: typer.Context,
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, json or csv."),
) -> None:
    """Every ingested document: published date, outlet, title, format, file, original URL, off-topic mark.

    Example: biohub sources   /   biohub sources --format csv > sources.csv
    """
    from biohub_cli.kb import records_cache
    from biohub_cli.render import labels, search_view

    root = options(ctx).root
    base = records_cache.load_cached(root)
    for problem in base.errors:
        _output.warn(problem.render())
    if fmt is Format.json:
        _output.data(search_view.sources_json(base))
    elif fmt is Format.csv:
        _output.data(search_view.sources_csv(base))
    else:
        head, rows, caption = search_view.sources_table(base, labels.resolve_lang(root, None))
        _output.table(None, head, rows, caption=caption)
