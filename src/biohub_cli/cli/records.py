"""`biohub show`, `validate`, `schema`, `export`, `merge` and `split`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from biohub_cli.cli import _output
from biohub_cli.cli.context import fail, options
from biohub_cli.errors import BiohubError, UsageError

if TYPE_CHECKING:
    from biohub_cli.ingest import merging as merging_mod


class ExportFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    money_csv = "money-csv"
    sqlite = "sqlite"


def register(app: typer.Typer) -> None:
    app.command("show")(show)
    app.command("validate")(validate)
    app.command("schema")(schema_cmd)
    app.command("export")(export_cmd)
    app.command("merge")(merge)
    app.command("split")(split)


def show(
    ctx: typer.Context,
    record_id: str = typer.Argument(..., help="A record id (or an organisation or person name)."),
    noise: bool = typer.Option(False, "--noise", help="For a source: the kept text and the dropped noise."),
) -> None:
    """Show one record with its evidence sentences.

    Example: biohub show src-3f2a9c01d4e5 --noise
    """
    from biohub_cli.kb import describe, knowledge_base

    try:
        _output.data(describe.describe(knowledge_base.load(options(ctx).root), record_id, noise=noise))
    except BiohubError as exc:
        raise fail(exc) from None


def validate(ctx: typer.Context) -> None:
    """Check every record (schema errors and cross-references), biohub.yaml, aliases.yaml,
    records/index.yaml and the knowledge base's templates, as `path:line: message`.

    Example: biohub validate
    """
    from biohub_cli.kb import checks, knowledge_base
    from biohub_cli.render import pages

    base = knowledge_base.load(options(ctx).root)
    problems = checks.validate(base) + pages.template_problems(base.layout.templates)
    for p in problems:
        _output.data(p.render())
    n = (len(base.sources) + len(base.events) + len(base.orgs) + len(base.people) + len(base.clusters)
         + len(base.programmes))
    _output.info(f"{n} records checked, {len(problems)} problem{'s' if len(problems) != 1 else ''}")
    if problems:
        raise typer.Exit(1)


def schema_cmd(
    ctx: typer.Context,
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 when schemas/ is stale."),
    folder: Path = typer.Option(Path("schemas"), "--dir", help="Where the JSON Schemas live."),
) -> None:
    """Write the JSON Schemas of the record models into schemas/.

    Example: biohub schema --check
    """
    from biohub_cli import schema

    if check:
        stale = schema.stale_schemas(folder)
        for name in stale:
            _output.data(f"{folder / name}: stale")
        if stale:
            _output.info("run `biohub schema` to regenerate")
            raise typer.Exit(1)
        _output.info("schemas are current")
        return
    written = schema.write_schemas(folder)
    _output.info(f"{len(written)} schema file(s) written to {folder}")


def export_cmd(
    ctx: typer.Context,
    fmt: ExportFormat = typer.Option(ExportFormat.json, "--format", "-f",
                                     help="json, jsonl, csv (the events), money-csv (the programmes' money) "
                                          "or sqlite."),
    file: Path | None = typer.Argument(None, help="With --format sqlite: the database file to write."),
    all_: bool = typer.Option(False, "--all", help="Also the off-topic documents and the events only they report."),
) -> None:
    """Print the stable export (version 1) of the whole knowledge base, or write it as a SQLite database.

    Example: biohub export --format json > export.json   /   biohub export --format sqlite kb.db
    """
    from biohub_cli.kb import export, knowledge_base

    if (fmt is ExportFormat.sqlite) != (file is not None):
        raise fail(UsageError("--format sqlite writes a file: biohub export --format sqlite kb.db"
                              if file is None else f"{file}: only --format sqlite writes a file; the others print"))
    if file is not None:
        _export_sqlite(ctx, file, all_)
        return
    base = knowledge_base.load(options(ctx).root)
    base.include_off_topic = all_
    for e in base.errors:
        _output.warn(e.render())
    render = {"json": export.to_json, "jsonl": export.to_jsonl, "csv": export.to_csv,
              "money-csv": export.to_money_csv}[fmt.value]
    _output.data(render(base))


def _export_sqlite(ctx: typer.Context, file: Path, all_: bool) -> None:
    import sqlite3

    from biohub_cli.kb import records_cache, sqlite_export
    from biohub_cli.kb.search import index

    root = options(ctx).root
    base, stats = records_cache.load_with_stats(root)
    base.include_off_topic = all_
    for e in base.errors:
        _output.warn(e.render())
    try:
        with index.current(root, base, stats.listing, settled=stats.settled) as con:
            counts = sqlite_export.write(base, file, con)
    except (OSError, sqlite3.Error) as exc:
        raise fail(BiohubError(f"cannot write the database: {getattr(exc, 'strerror', None) or exc}", path=file,
                               hint="choose a folder you can write to")) from None
    _output.info(f"{file}: {counts['documents']} documents, {counts['events']} events, "
                 f"{counts['organizations']} organisations, {counts['people']} people")


def merge(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The organisation or cluster (any of its names) or event id that "
                                         "joins another."),
    into: str | None = typer.Argument(None, help="The organisation or event it joins."),
    undo: bool = typer.Option(False, "--undo", help="Take back the merge of NAME: the records are as before it."),
) -> None:
    """Join two organisations (kept in aliases.yaml) or two events (kept in events.yaml) and resolve again.

    NAME's records join INTO's: INTO keeps its name, type, id and your edits (anything the merge changes
    of it is printed). `--undo NAME` removes the entry, and the records are again what they were.

    Example: biohub merge 인천시청 인천광역시   /   biohub merge ev-2025-1a2b3c4d5e ev-2025-6f7a8b9c0d   /
    biohub merge --undo 인천시청
    """
    from biohub_cli.ingest import merging

    root = options(ctx).root
    try:
        if undo and into:
            raise UsageError(f"--undo takes one name: biohub merge --undo {name}")
        _report(merging.undo(root, name) if undo else merging.merge(root, name, into))
    except BiohubError as exc:
        raise fail(exc) from None


def split(
    ctx: typer.Context,
    event: str = typer.Argument(..., help="The event id."),
    source: str = typer.Argument(..., help="One of its reports: a source id or file name."),
    undo: bool = typer.Option(False, "--undo", help="Put a report taken out earlier back."),
) -> None:
    """Take one report out of an event that several reports made (kept in events.yaml) and resolve again.

    The event keeps its id and your edits; the report becomes an event of its own. A report that an
    event got from `biohub merge` is taken back with `biohub merge --undo` instead.

    Example: biohub split ev-2025-1a2b3c4d5e src-0a8a98737b16   /
    biohub split --undo ev-2025-1a2b3c4d5e src-0a8a98737b16
    """
    from biohub_cli.ingest import merging

    root = options(ctx).root
    try:
        _report(merging.unsplit(root, event, source) if undo else merging.split(root, event, source))
    except BiohubError as exc:
        raise fail(exc) from None


def _report(outcome: merging_mod.Outcome) -> None:
    for w in outcome.warnings:
        _output.warn(w)
    for m in outcome.messages:
        _output.info(m)
