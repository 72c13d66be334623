"""The terminal tables' shapes and the timeline table's assembly, importable without the models.

render/terminal.py builds rows from records; render/timeline_index.py builds the same rows from its
compact cache. Both assemble the table here, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from itertools import groupby

from biohub_cli.render import labels as lb

TABLE_ROWS = 50  # the timeline table's default: a few screens; rich lays out every row it is given (10,000 take ~10 s)


@dataclass(frozen=True)
class TableRow:
    cells: list[str]
    style: str | None = None


@dataclass(frozen=True)
class TableSection:
    label: str
    rows: list[TableRow]


@dataclass(frozen=True)
class TableView:
    """A table with optional sections (a heading line before each group of rows)."""

    title: str
    columns: list[str]
    sections: list[TableSection]
    caption: str = ""
    widths: dict[int, int] = field(default_factory=dict)  # column index -> minimum width
    numeric: tuple[int, ...] = ()  # column indexes aligned right


@dataclass(frozen=True)
class TimelineLine:
    """One event's table row and its month group (the key groups consecutive rows; the label heads them)."""

    group: Hashable
    label: str
    row: TableRow


def timeline_view(lines: Sequence[TimelineLine], total: int, lang: str, *, title: str = "") -> TableView:
    """The timeline table of these rows (already cut to the newest ones) out of `total` events."""
    t = lb.labels(lang)
    sections = []
    for _, members in groupby(lines, key=lambda line: line.group):
        group = list(members)
        sections.append(TableSection(group[0].label, [line.row for line in group]))
    if not lines:
        caption = t["no_events"]
    elif len(lines) < total:
        caption = t["newest_of"].format(shown=len(lines), total=total)
    else:
        caption = t["shown_of"].format(shown=len(lines), total=total)
    return TableView(title or t["timeline_title"],
                     [t["date"], t["type"], t["title"], t["participants"], t["venue"]], sections,
                     caption=caption, widths={0: 10})
