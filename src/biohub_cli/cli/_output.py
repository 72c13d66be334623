"""The only rich importer: data to stdout, talk (progress, warnings, errors) to stderr."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)


def data(text: str) -> None:
    """Machine-readable output: written raw to stdout, no markup, no colour."""
    sys.stdout.write(text)
    if text and not text.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()


def error(message: str) -> None:
    err.print(f"[red]error:[/red] {escape(message)}")


def warn(message: str) -> None:
    err.print(f"[yellow]warning:[/yellow] {escape(message)}")


def info(message: str) -> None:
    err.print(escape(message))


def table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence[Any]],
          *, styles: Sequence[str | None] | None = None, to_stderr: bool = False) -> None:
    """A rich table of plain strings (document text is escaped, never read as markup)."""
    tab = Table(title=escape(title) if title else None, show_lines=False)
    for col in columns:
        tab.add_column(escape(col))
    for i, row in enumerate(rows):
        style = styles[i] if styles and i < len(styles) else None
        tab.add_row(*(escape(str(c)) for c in row), style=style)
    (err if to_stderr else out).print(tab)


def markup(text: str) -> None:
    """Trusted rich markup (labels we write); document text must go through `escape`."""
    out.print(text)


@contextmanager
def progress(total: int, label: str) -> Iterator[Any]:
    """A progress bar on stderr with rate and ETA; `advance()` per item."""
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.speed:>5.1f}/s" if False else ""), TimeRemainingColumn(),
                   console=err, transient=True, disable=not err.is_terminal)
    with bar:
        task = bar.add_task(label, total=total)

        class _Advance:
            def advance(self, n: int = 1, note: str | None = None) -> None:
                bar.update(task, advance=n, description=f"{label} {note}" if note else label)

        yield _Advance()


__all__ = ["data", "err", "error", "escape", "info", "markup", "out", "progress", "table", "warn"]
