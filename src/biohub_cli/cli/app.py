"""`biohub`: the console entry point and its error boundary.

The typer application lives in cli/application.py and is imported on first use, so importing this
module (tests, `python -m biohub_cli`) stays light.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from biohub_cli.errors import BiohubError

if TYPE_CHECKING:
    import typer


def __getattr__(name: str) -> Any:
    """`app`, the typer application, loaded on first use (tests and `python -m` import it from here)."""
    if name == "app":
        return _typer_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _typer_app() -> typer.Typer:
    from biohub_cli.cli.application import app

    return app


def main() -> None:
    """Console entry point: user errors become one stderr line and an exit code, never a traceback."""
    debug = "--debug" in sys.argv
    try:
        rc = _typer_app()(standalone_mode=False)
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except BiohubError as exc:
        if debug:
            raise
        from biohub_cli.cli import _output

        _output.error(exc.render())
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        sys.exit(130)
    except OSError as exc:  # a file-system problem no code path foresaw: still its path and a next step
        if debug:
            raise
        from biohub_cli.cli import _output
        from biohub_cli.errors import os_error

        _output.error(os_error(exc).render())
        sys.exit(1)
    except Exception as exc:
        _other_error(exc, debug)


def _other_error(exc: Exception, debug: bool) -> None:
    """typer's exits and usage errors keep their codes; anything unexpected is one line (traceback with --debug)."""
    import typer

    if isinstance(exc, typer.Exit):
        sys.exit(exc.exit_code)
    if isinstance(exc, typer.Abort):
        print("Aborted.", file=sys.stderr)
        sys.exit(130)
    if isinstance(exc, typer.TyperException):  # usage errors: bad options, unknown commands
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        else:
            print(f"error: {exc}", file=sys.stderr)
        sys.exit(getattr(exc, "exit_code", 2))
    if debug:
        raise exc
    print(f"error: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
          file=sys.stderr)
    sys.exit(1)
