"""The global options every command sees (`--kb`, `--debug`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import typer

from biohub_cli.config import require_root
from biohub_cli.errors import BiohubError


@dataclass(frozen=True)
class GlobalOptions:
    kb: Path | None = None
    debug: bool = False

    @property
    def root(self) -> Path:
        """The knowledge base the command works on; a usage error (exit 2) when there is none."""
        return require_root(self.kb)


def options(ctx: typer.Context) -> GlobalOptions:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, GlobalOptions) else GlobalOptions()


def fail(exc: BiohubError) -> SystemExit:
    """One stderr line and the error's exit code (1: nothing found, 2: usage).

    SystemExit rather than typer.Exit: app.main() runs typer with standalone_mode=False, where an
    Exit's code is returned and dropped, while SystemExit reaches the process (and CliRunner).
    """
    from biohub_cli.cli import _output

    _output.error(exc.render())
    return SystemExit(exc.exit_code)
