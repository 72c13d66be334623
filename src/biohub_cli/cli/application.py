"""`biohub`: the typer application (the error boundary and the entry point are in cli/app.py)."""

from __future__ import annotations

from pathlib import Path

import typer

from biohub_cli import __version__
from biohub_cli.cli import build, ingest, places, records, search, views
from biohub_cli.cli.context import GlobalOptions

app = typer.Typer(
    name="biohub",
    help="Turn Korean bio-industry press releases into a knowledge base kept in git.\n\n"
    "Example: biohub ingest releases/ && biohub timeline --org 셀트리온",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        print(f"biohub {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    kb: Path | None = typer.Option(None, "--kb", help="Knowledge-base folder (default: $BIOHUB_KB, "
                                   "else the nearest parent holding biohub.yaml, else the current folder)."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version."),
) -> None:
    ctx.obj = GlobalOptions(kb=kb, debug=debug)


for module in (ingest, views, places, search, build, records):
    module.register(app)
