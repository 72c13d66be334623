"""The global options every command sees (`--kb`, `--debug`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import typer

from biohub_cli.config import find_root


@dataclass(frozen=True)
class GlobalOptions:
    kb: Path | None = None
    debug: bool = False

    @property
    def root(self) -> Path:
        return find_root(self.kb)


def options(ctx: typer.Context) -> GlobalOptions:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, GlobalOptions) else GlobalOptions()
