"""`biohub show`, `validate`, `schema`, `export` and `merge`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from biohub_cli.cli import _output
from biohub_cli.cli.context import options


class ExportFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def register(app: typer.Typer) -> None:
    app.command("show")(show)
    app.command("validate")(validate)
    app.command("schema")(schema_cmd)
    app.command("export")(export_cmd)
    app.command("merge")(merge)


def show(
    ctx: typer.Context,
    record_id: str = typer.Argument(..., help="A record id (or an organisation or person name)."),
    noise: bool = typer.Option(False, "--noise", help="For a source: the kept text and the dropped noise."),
) -> None:
    """Show one record with its evidence sentences.

    Example: biohub show src-3f2a9c01d4e5 --noise
    """
    from biohub_cli.kb import describe, knowledge_base

    _output.data(describe.describe(knowledge_base.load(options(ctx).root), record_id, noise=noise))


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
    n = len(base.sources) + len(base.events) + len(base.orgs) + len(base.people)
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
    fmt: ExportFormat = typer.Option(ExportFormat.json, "--format", "-f", help="json, jsonl or csv."),
) -> None:
    """Print the stable export (version 1) of the whole knowledge base.

    Example: biohub export --format json > export.json
    """
    from biohub_cli.kb import export, knowledge_base

    base = knowledge_base.load(options(ctx).root)
    for e in base.errors:
        _output.warn(e.render())
    render = {"json": export.to_json, "jsonl": export.to_jsonl, "csv": export.to_csv}[fmt.value]
    _output.data(render(base))


def merge(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The organisation name to join into another."),
    into: str | None = typer.Argument(None, help="The organisation it belongs to."),
    undo: bool = typer.Option(False, "--undo", help="Take back an earlier merge of NAME."),
) -> None:
    """Join two organisations (kept in aliases.yaml) and resolve again.

    Example: biohub merge 인천시청 인천광역시   /   biohub merge --undo 인천시청
    """
    from biohub_cli.ingest import merging

    root = options(ctx).root
    message = merging.undo(root, name) if undo else merging.merge(root, name, into)
    _output.info(message)
