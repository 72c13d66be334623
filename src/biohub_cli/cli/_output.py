"""The only rich importer: data to stdout, talk (progress, warnings, errors) to stderr."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from biohub_cli.controls import escape_controls
from biohub_cli.file_names import readable

out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)


def data(text: str) -> None:
    """Machine-readable output: written to stdout as it is, no markup, no colour, but no control
    character raw (JSON escapes its own; CSV rows keep their \\r\\n)."""
    text = escape_controls(text, keep_cr=True)
    sys.stdout.write(text)
    if text and not text.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(message: str) -> str:
    """One line, whatever a file name holds: bytes that are not UTF-8 decoded or escaped
    (file_names.readable), control characters shown as escapes, never sent raw."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), readable(message))


def error(message: str) -> None:
    err.print(f"[red]error:[/red] {escape(_visible(message))}")


def warn(message: str) -> None:
    err.print(f"[yellow]warning:[/yellow] {escape(_visible(message))}")


def info(message: str) -> None:
    err.print(escape(_visible(message)))


def table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence[Any]],
          *, styles: Sequence[str | None] | None = None, to_stderr: bool = False, caption: str | None = None) -> None:
    """A rich table of plain strings (document text is escaped, never read as markup)."""
    tab = Table(title=_cell(title) if title else None, caption=_cell(caption) if caption else None,
                show_lines=False)
    for col in columns:
        tab.add_column(escape(col))
    for i, row in enumerate(rows):
        style = styles[i] if styles and i < len(styles) else None
        tab.add_row(*(_cell(str(c)) for c in row), style=style)
    (err if to_stderr else out).print(tab)


def _cell(text: str) -> str:
    """Record text for a rich table: markup escaped, control characters shown, never sent raw."""
    return escape(escape_controls(text))


def markup(text: str) -> None:
    """Trusted rich markup (labels we write); document text must go through `escape`."""
    out.print(text)


@contextmanager
def progress(total: int, label: str) -> Iterator[Any]:
    """A progress bar on stderr with count, rate, elapsed time and ETA; `advance()` per item.

    Shown only on a terminal (never in pipes, logs or tests); the note (a file name) is escaped.
    """
    from rich.progress import (  # here: a command that shows no bar need not import it
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class _RateColumn(ProgressColumn):
        """Items per second over the recent window (rich's own speed estimate)."""

        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:5.1f}/s" if speed else "    -/s", style="progress.data.speed")

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
                   TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                   TextColumn("{task.fields[note]}", markup=False),
                   console=err, transient=True, disable=not err.is_terminal)
    with bar:
        task = bar.add_task(escape(label), total=total, note="")

        class _Advance:
            def advance(self, n: int = 1, note: str | None = None) -> None:
                bar.update(task, advance=n, note=note or "")

        yield _Advance()


__all__ = ["data", "err", "error", "escape", "info", "markup", "out", "progress", "table", "warn"]


# -- added for the read-side views (timeline, org, person) -------------------------------------

if TYPE_CHECKING:
    from biohub_cli.render.profiles import ProfileView
    from biohub_cli.render.terminal import TableView


def grouped_table(view: TableView, *, to_stderr: bool = False) -> None:
    """A table in sections (a bold heading row per group, a rule after it), each row in its own style.

    The table takes the widest of its layouts in which no word breaks at the terminal's width, with the
    column widths render/tables.fit gives (each at least as wide as its widest word). Cells are document text and
    are escaped; styles are rich style names chosen by render/terminal.py.
    """
    from rich.cells import cell_len

    from biohub_cli.render.tables import fit

    console = err if to_stderr else out
    view, widths = fit(view, console.width, cell_len)
    tab = Table(title=_cell(view.title) if view.title else None,
                caption=_cell(view.caption) if view.caption else None, show_lines=False)
    for i, col in enumerate(view.columns):
        # fold, not ellipsis: rich's ellipsis drops a word when it wraps Korean (double-width) text;
        # it folds only when no layout lets every word stand whole (then rich shares the width out)
        tab.add_column(escape(col), width=widths[i] if widths else None,
                       min_width=None if widths else view.widths.get(i), overflow="fold",
                       justify="right" if i in view.numeric else "left")
    for section in view.sections:
        if section.label:
            tab.add_row(f"[bold]{_cell(section.label)}[/bold]", *([""] * (len(view.columns) - 1)))
        for i, row in enumerate(section.rows):
            tab.add_row(*(_cell(c) for c in row.cells), style=row.style,
                        end_section=bool(section.label) and i == len(section.rows) - 1)
    console.print(tab)


def profile(view: ProfileView) -> None:
    """An organisation's or a person's page: its name, `label: value` facts, then its tables."""
    out.print(f"[bold]{_cell(view.heading)}[/bold]")
    for label, value in view.facts:
        out.print(f"{_cell(label)}: {_cell(value)}")
    for tab in view.tables:
        out.print()
        grouped_table(tab)


def marked_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[str | tuple[str, Any]]],
                 caption: str) -> None:
    """A table whose cells are plain text, or (text, spans) with the spans marked (search hits)."""
    from rich.text import Text

    tab = Table(title=escape(title), caption=escape(caption), show_lines=True)
    for col in columns:
        tab.add_column(escape(col), overflow="fold")
    for row in rows:
        cells = []
        for c in row:
            if isinstance(c, tuple):
                text = Text(c[0])
                for a, b in c[1]:
                    text.stylize("bold yellow", a, b)
                cells.append(text)
            else:
                cells.append(Text(c))
        tab.add_row(*cells)
    out.print(tab)
