"""`biohub timeline`, `org`, `orgs`, `person`, `people`: read-only views of the knowledge base."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

import typer

from biohub_cli.cli import _output
from biohub_cli.cli.context import fail, options
from biohub_cli.errors import BiohubError
from biohub_cli.render import labels
from biohub_cli.render.tables import TABLE_ROWS

if TYPE_CHECKING:  # the rest loads when a command runs: a warm `biohub timeline` needs none of it
    from biohub_cli.kb import knowledge_base


class TimelineFormat(StrEnum):
    table = "table"
    md = "md"
    html = "html"
    json = "json"
    csv = "csv"
    ics = "ics"
    timelinejs = "timelinejs"


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ProfileFormat(StrEnum):
    table = "table"
    md = "md"
    html = "html"


class Lang(StrEnum):
    ko = "ko"
    en = "en"


_LANG_HELP = "Labels: ko (default, or biohub.yaml's lang) or en."


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline)
    app.command("org")(org)
    app.command("orgs")(orgs)
    app.command("person")(person)
    app.command("people")(people)


def _load(ctx: typer.Context, lang: Lang | None) -> tuple[knowledge_base.KnowledgeBase, str]:
    from biohub_cli.kb import records_cache

    root = options(ctx).root
    base = records_cache.load_cached(root)
    for problem in base.errors:
        _output.warn(problem.render())
    return base, labels.resolve_lang(root, lang.value if lang else None)


_fail = fail




def timeline(
    ctx: typer.Context,
    org: str | None = typer.Option(None, "--org", help="Only events of this organisation (name or alias)."),
    person: str | None = typer.Option(None, "--person", help="Only events this person took part in."),
    cluster: str | None = typer.Option(None, "--cluster", help="Only events in this cluster or a cluster inside "
                                       "it (any of its names: 오송, 송도국제도시)."),
    programme: str | None = typer.Option(None, "--programme", help="Only events of this national programme "
                                         "(any of its names: K-바이오 랩허브)."),
    type_: str | None = typer.Option(None, "--type", help="Only events of this type: meeting, agreement, launch, "
                                     "announcement, funding, designation, event, other, or its label (회의, 협약, …)."),
    since: str | None = typer.Option(None, "--since", help="From this date on: 2025, 2025-06 or 2025-06-11."),
    until: str | None = typer.Option(None, "--until", help="Up to this date: 2025, 2025-06 or 2025-06-11."),
    text: str | None = typer.Option(None, "--query", "-q", help="Words in the title, venue, organisations or "
                                    "evidence sentences."),
    limit: int | None = typer.Option(None, "--limit", "-n", min=0,
                                     help="At most this many events, the oldest first (the first in date order); "
                                     f"0: every event. Without it the table shows the newest {TABLE_ROWS}."),
    main_only: bool = typer.Option(False, "--main-only", help="Leave out related events (mentioned only)."),
    all_: bool = typer.Option(False, "--all", help="Also the events only off-topic documents report."),
    fmt: TimelineFormat = typer.Option(TimelineFormat.table, "--format", "-f",
                                       help="table, md, html, json, csv, ics or timelinejs."),
    lang: Lang | None = typer.Option(None, "--lang", help=_LANG_HELP),
) -> None:
    """Events in date order, grouped by month; uncertain years show as ????-06-11 or 2024?-05-29.

    Example: biohub timeline --org 셀트리온 --since 2025   /   biohub timeline --cluster 송도
    """
    from biohub_cli.render import timeline_index

    root = options(ctx).root
    try:
        kind = labels.event_type_code(type_) if type_ else None
    except BiohubError as exc:
        raise _fail(exc) from None
    table = fmt is TimelineFormat.table
    newest = None if limit is not None else TABLE_ROWS  # a table is for reading: the newest rows by default
    # from the timeline index when fresh (it gives the table a full load gives)
    if table and not text and not all_ and not cluster and not programme:
        try:
            language = labels.resolve_lang(root, lang.value if lang else None)
        except BiohubError:  # reported below, after the load, as ever
            language = ""
        view = timeline_index.cached_table(root, language, org=org, person=person,
                                           type=kind, since=since, until=until,
                                           limit=limit, related=not main_only, newest=newest) if language else None
        if view is not None:
            _output.grouped_table(view)
            return
    from biohub_cli.kb import records_cache
    from biohub_cli.render import pages, query, terminal

    base, stats = records_cache.load_with_stats(root)
    base.include_off_topic = all_
    for problem in base.errors:
        _output.warn(problem.render())
    language = labels.resolve_lang(root, lang.value if lang else None)
    try:
        flt = query.timeline_filter(base, org=org, person=person, type=kind,
                                    since=since, until=until, query=text, limit=limit, related=not main_only,
                                    cluster=cluster, programme=programme)
    except BiohubError as exc:
        raise _fail(exc) from None
    if table:
        _output.grouped_table(terminal.filtered_table(base, flt, language, newest=newest))
        if not text and not all_ and not cluster and not programme:
            timeline_index.save(base, stats, language)  # the next timeline reads no record
        return
    events = base.timeline(flt)
    shown = query.describe_filter(base, flt, labels.labels(language))
    result = pages.timeline_text(base, events, fmt.value, language, filters=shown)
    _output.data(result.text)
    for note in result.notes:
        _output.info(note)


def org(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A name, alias, English name or id."),
    fmt: ProfileFormat = typer.Option(ProfileFormat.table, "--format", "-f",
                                      help="table (default: tables that fit the terminal), md or html."),
    lang: Lang | None = typer.Option(None, "--lang", help=_LANG_HELP),
) -> None:
    """Everything known about one organisation: events, agreements, people, quotes, amounts, partners.

    Example: biohub org 인하대병원   /   biohub org 인하대병원 --format md > inha.md
    """
    from biohub_cli.render import pages, profiles, query

    base, language = _load(ctx, lang)
    try:
        found = query.find_org(base, name)
    except BiohubError as exc:
        raise _fail(exc) from None
    if fmt is ProfileFormat.table:
        _output.profile(profiles.org_view(base, found, language))
    else:
        _output.data(pages.org_text(base, found, language, fmt=fmt.value))


def orgs(
    ctx: typer.Context,
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table, json or csv."),
    lang: Lang | None = typer.Option(None, "--lang", help=_LANG_HELP),
) -> None:
    """All organisations with their counts of events, agreements, people and sources.

    Example: biohub orgs --format csv > orgs.csv
    """
    from biohub_cli.render import pages, terminal

    base, language = _load(ctx, lang)
    if fmt is ListFormat.table:
        _output.grouped_table(terminal.orgs_table(base, language))
    else:
        _output.data(pages.orgs_text(base, fmt.value, language))


def person(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A name, English name or id."),
    fmt: ProfileFormat = typer.Option(ProfileFormat.table, "--format", "-f",
                                      help="table (default: tables that fit the terminal), md or html."),
    lang: Lang | None = typer.Option(None, "--lang", help=_LANG_HELP),
) -> None:
    """Everything known about one person: titles over time, events, quotes, organisations met.

    Example: biohub person 하병필   /   biohub person 하병필 --format md
    """
    from biohub_cli.render import pages, profiles, query

    base, language = _load(ctx, lang)
    try:
        found = query.find_person(base, name)
    except BiohubError as exc:
        raise _fail(exc) from None
    if fmt is ProfileFormat.table:
        _output.profile(profiles.person_view(base, found, language))
    else:
        _output.data(pages.person_text(base, found, language, fmt=fmt.value))


def people(
    ctx: typer.Context,
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table, json or csv."),
    lang: Lang | None = typer.Option(None, "--lang", help=_LANG_HELP),
) -> None:
    """All people with their latest title and organisation, and counts of events and quotes.

    Example: biohub people --format json
    """
    from biohub_cli.render import pages, terminal

    base, language = _load(ctx, lang)
    if fmt is ListFormat.table:
        _output.grouped_table(terminal.people_table(base, language))
    else:
        _output.data(pages.people_text(base, fmt.value, language))
