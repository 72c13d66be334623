"""The terminal tables' shapes and the timeline table's assembly, importable without the models.

render/terminal.py builds rows from records; render/timeline_index.py builds the same rows from its
compact cache. Both assemble the table here, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
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
    """A table with optional sections (a heading line before each group of rows).

    `layouts` say how the table narrows for a terminal (see `fit`): each is a tuple of columns whose
    cells move into column `stack_into`, each as a line headed by its column's name.
    """

    title: str
    columns: list[str]
    sections: list[TableSection]
    caption: str = ""
    widths: dict[int, int] = field(default_factory=dict)  # column index -> minimum width
    numeric: tuple[int, ...] = ()  # column indexes aligned right
    stack_into: int | None = None
    layouts: tuple[tuple[int, ...], ...] = ()


Measure = Callable[[str], int]  # the terminal cells a text takes (rich's cell_len)


def fit(view: TableView, width: int, cells: Measure) -> tuple[TableView, dict[int, int] | None]:
    """The widest layout of `view` in which no word has to break at `width` terminal cells, with the width
    of each column: at least its widest word, the room left shared out by what each column's longest line
    would take. The narrowest layout and None when even that does not fit (then words break). A table's
    frame takes three cells a column and one more."""
    chosen = view
    for stacked in view.layouts or ((),):
        chosen = stack(view, stacked)
        least = _least_widths(chosen, cells)
        room = width - 3 * len(chosen.columns) - 1
        if sum(least.values()) <= room:
            return chosen, _share(least, _natural_widths(chosen, cells), room)
    return chosen, None


def _share(least: dict[int, int], natural: dict[int, int], room: int) -> dict[int, int]:
    """Column widths from `least` up to `natural`, the `room` beyond `least` shared in proportion to what
    each column still wants (whole cells; the first columns take what rounding leaves)."""
    want = {i: max(0, natural[i] - least[i]) for i in least}
    spare = room - sum(least.values())
    if sum(want.values()) <= spare:
        return {i: least[i] + want[i] for i in least}
    total = sum(want.values())
    out = {i: least[i] + want[i] * spare // total for i in least}
    left = room - sum(out.values())
    for i in sorted(least, key=lambda i: (-(want[i] * spare % total), i)):
        if left <= 0:
            break
        out[i] += 1
        left -= 1
    return out


def _natural_widths(view: TableView, cells: Measure) -> dict[int, int]:
    """Each column's longest line, header and section labels included."""
    most = {i: cells(col) for i, col in enumerate(view.columns)}
    for section in view.sections:
        if section.label:
            most[0] = max(most[0], cells(section.label))
        for r in section.rows:
            for i, text in enumerate(r.cells):
                most[i] = max(most[i], *(cells(line) for line in text.split("\n")))
    return most


def stack(view: TableView, moved: tuple[int, ...]) -> TableView:
    """The view with the cells of columns `moved` as headed lines in column `stack_into`."""
    if not moved or view.stack_into is None:
        return view
    into = view.stack_into
    kept = [i for i in range(len(view.columns)) if i not in moved]
    where = {old: new for new, old in enumerate(kept)}

    def row(r: TableRow) -> TableRow:
        cells = [r.cells[i] for i in kept]
        lines = [f"{view.columns[i]}: {r.cells[i]}" for i in moved if r.cells[i]]
        if lines:
            cells[where[into]] = "\n".join([r.cells[into], *lines] if r.cells[into] else lines)
        return TableRow(cells, r.style)

    return TableView(view.title, [view.columns[i] for i in kept],
                     [TableSection(s.label, [row(r) for r in s.rows]) for s in view.sections], view.caption,
                     {where[i]: w for i, w in view.widths.items() if i in where},
                     tuple(where[i] for i in view.numeric if i in where), where[into], ())


def _least_widths(view: TableView, cells: Measure) -> dict[int, int]:
    """Each column's widest word (its header's and, in the first column, the whole section labels)."""
    least = {i: max([view.widths.get(i, 0), *(cells(w) for w in col.split())]) for i, col in enumerate(view.columns)}
    for section in view.sections:
        if section.label:
            least[0] = max(least[0], cells(section.label))
        for r in section.rows:
            for i, text in enumerate(r.cells):
                for word in text.split():
                    least[i] = max(least[i], cells(word))
    return least


@dataclass(frozen=True)
class TimelineLine:
    """One event's table row and its month group (the key groups consecutive rows; the label heads them)."""

    group: Hashable
    label: str
    row: TableRow


def timeline_view(lines: Sequence[TimelineLine], total: int, lang: str, *, title: str = "",
                  first: bool = False) -> TableView:
    """The timeline table of these rows (already cut to the newest ones, or with `first` to the oldest
    ones --limit asked for) out of `total` events."""
    t = lb.labels(lang)
    sections = []
    for _, members in groupby(lines, key=lambda line: line.group):
        group = list(members)
        sections.append(TableSection(group[0].label, [line.row for line in group]))
    if not lines:
        caption = t["no_events"]
    elif len(lines) < total:
        caption = t["first_of" if first else "newest_of"].format(shown=len(lines), total=total)
    else:
        caption = t["shown_of"].format(shown=len(lines), total=total)
    return TableView(title or t["timeline_title"],
                     [t["date"], t["type"], t["title"], t["participants"], t["people"], t["amount"], t["venue"]],
                     sections, caption=caption, widths={0: 10}, stack_into=2,
                     layouts=((), (4, 5), (4, 5, 6), (3, 4, 5, 6)))
