"""`biohub clusters`, `cluster`, `programmes`, `programme`: read-only views of the places analysts follow
and the national programmes, each with its timeline, organisations, people and money."""

from __future__ import annotations

import typer

from biohub_cli.cli import _output
from biohub_cli.cli.context import fail
from biohub_cli.cli.views import Lang, ListFormat, ProfileFormat, _load
from biohub_cli.errors import BiohubError

_LANG_HELP = "Labels: ko (default, or biohub.yaml's lang) or en."
_PAGE_HELP = ("table (default: tables that fit the terminal), md or html: the page biohub build writes for it "
              "(without links, and md without the chart's image, whose file only a build writes).")


def register(app: typer.Typer) -> None:
    app.command("clusters")(clusters)
    app.command("cluster")(cluster)
    app.command("programmes")(programmes)
    app.command("programme")(programme)


def clusters(
    ctx: typer.Context,
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table, json or csv."),
    lang: Lang | None = typer.Option(None, "--lang", help=_LANG_HELP),
) -> None:
    """All clusters with their kind, region, parent and counts of events and sources.

    Example: biohub clusters --format csv > clusters.csv
    """
    from biohub_cli.render import place_pages, place_views

    base, language = _load(ctx, lang)
    if fmt is ListFormat.table:
        _output.grouped_table(place_views.clusters_table(base, language))
    else:
        _output.data(place_pages.list_text(base, "clusters", fmt.value))


def cluster(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A name, alias or id (오송, 송도국제도시, 대구 첨복단지)."),
    fmt: ProfileFormat = typer.Option(ProfileFormat.table, "--format", "-f", help=_PAGE_HELP),
    lang: Lang | None = typer.Option(None, "--lang", help=_LANG_HELP),
) -> None:
    """Everything about one cluster and the clusters inside it: its timeline, the organisations and
    people involved, and its money by year and by kind (국비, 지방비, 민자).

    Example: biohub cluster 오송   /   biohub cluster 오송 --format html > osong.html
    """
    from biohub_cli.render import place_pages, place_views, query

    base, language = _load(ctx, lang)
    try:
        found = query.find_cluster(base, name)
    except BiohubError as exc:
        raise fail(exc) from None
    if fmt is ProfileFormat.table:
        _output.profile(place_views.cluster_view(base, found, language))
    else:
        _output.data(place_pages.cluster_text(base, found, language, fmt.value))


def programmes(
    ctx: typer.Context,
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table, json or csv."),
    lang: Lang | None = typer.Option(None, "--lang", help=_LANG_HELP),
) -> None:
    """All national programmes with their owner, kind, events, money and first and last report.

    Example: biohub programmes --format csv > programmes.csv
    """
    from biohub_cli.render import place_pages, place_views

    base, language = _load(ctx, lang)
    if fmt is ListFormat.table:
        _output.grouped_table(place_views.programmes_table(base, language))
    else:
        _output.data(place_pages.list_text(base, "programmes", fmt.value))


def programme(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A name, alias or id (K-바이오 랩허브, 한국형 NIBRT)."),
    fmt: ProfileFormat = typer.Option(ProfileFormat.table, "--format", "-f", help=_PAGE_HELP),
    lang: Lang | None = typer.Option(None, "--lang", help=_LANG_HELP),
) -> None:
    """Everything about one national programme: its milestones (selection, agreements, groundbreaking,
    opening), the organisations and people involved, and its money by year and by kind.

    Example: biohub programme K-바이오 랩허브   /   biohub programme K-바이오 랩허브 -f md > labhub.md
    """
    from biohub_cli.render import place_pages, place_views, query

    base, language = _load(ctx, lang)
    try:
        found = query.find_programme(base, name)
    except BiohubError as exc:
        raise fail(exc) from None
    if fmt is ProfileFormat.table:
        _output.profile(place_views.programme_view(base, found, language))
    else:
        _output.data(place_pages.programme_text(base, found, language, fmt.value))
