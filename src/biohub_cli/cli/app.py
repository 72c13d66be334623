"""`biohub`: the typer application and its error boundary."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from biohub_cli import __version__
from biohub_cli.cli import build, ingest, records, views
from biohub_cli.cli.context import GlobalOptions
from biohub_cli.errors import BiohubError

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


for module in (ingest, views, build, records):
    module.register(app)


def main() -> None:
    """Console entry point: user errors become one stderr line and an exit code, never a traceback."""
    debug = "--debug" in sys.argv
    try:
        rc = app(standalone_mode=False)
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except BiohubError as exc:
        if debug:
            raise
        from biohub_cli.cli import _output

        _output.error(exc.render())
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        print("Aborted.", file=sys.stderr)
        sys.exit(130)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        sys.exit(130)
    except typer.TyperException as exc:  # usage errors: bad options, unknown commands
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        else:
            print(f"error: {exc}", file=sys.stderr)
        sys.exit(getattr(exc, "exit_code", 2))
    except Exception as exc:  # anything unexpected: one line, the traceback only with --debug
        if debug:
            raise
        print(f"error: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
              file=sys.stderr)
        sys.exit(1)
