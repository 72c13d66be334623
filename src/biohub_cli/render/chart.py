"""An offline SVG chart of events per year: one row per cluster (on the index) or per event type (on a
cluster's page), one bar per year with events, drawn at build time.

Small multiples rather than colours: every row has its name written at its left, every bar its count
written above it and its year below the row, so the chart reads the same in black and white, printed
or to a screen reader (each bar has a <title>). All text is SVG <text>: selectable and searchable. No
script, no font or file from the network; the bytes depend on the counts alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

LABEL_W = 190  # room for a row's name
CELL_W = 44  # one year
ROW_H = 56
BAR_MAX = 34
TOP = 30
MAX_ROWS = 15


@dataclass(frozen=True)
class Series:
    """One row of the chart: its name and the events per year."""

    name: str
    counts: dict[int, int]


def bar_count(series: Sequence[Series]) -> int:
    """How many bars the chart draws: one per row and year with events (the first MAX_ROWS rows)."""
    return sum(1 for s in series[:MAX_ROWS] for n in s.counts.values() if n > 0)


def _drawn(series: Sequence[Series]) -> list[Series]:
    """The rows the chart draws: those with an event of a known year, the first MAX_ROWS."""
    return [s for s in series if any(n > 0 for n in s.counts.values())][:MAX_ROWS]


def describe(series: Sequence[Series], title: str) -> str:
    """What the chart shows in one line, for an image's alt text: its title, the years it spans and each
    row's events (`송도: 유형별·연도별 일정 수, 2021–2025: 협약 4, 회의 2`); '' when it draws nothing."""
    rows = _drawn(series)
    if not rows:
        return ""
    years = sorted({y for s in rows for y, n in s.counts.items() if n > 0})
    span = str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    return f"{title}, {span}: " + ", ".join(f"{s.name} {sum(s.counts.values())}" for s in rows)


def events_chart(series: Sequence[Series], title: str) -> str:
    """The chart as an <svg> element ('' when no row has an event of a known year). The same bytes are
    inlined in the HTML pages and written as an .svg file beside the Markdown ones; its white ground keeps
    it legible where a Markdown viewer shows images on a dark page."""
    rows = _drawn(series)
    years = sorted({y for s in rows for y, n in s.counts.items() if n > 0})
    if not rows:
        return ""
    first, last = years[0], years[-1]
    span = list(range(first, last + 1))
    peak = max(n for s in rows for n in s.counts.values())
    width = LABEL_W + CELL_W * len(span) + 10
    height = TOP + ROW_H * len(rows) + 10
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" aria-labelledby="chart-title">',
           f'<title id="chart-title">{escape(title)}</title>',
           f'<rect class="ground" x="0" y="0" width="{width}" height="{height}" fill="#fff"/>',
           f'<text class="chart-title" x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>']
    for i, s in enumerate(rows):
        base = TOP + ROW_H * i + BAR_MAX + 14  # the bars' baseline
        out.append(f'<g class="series" data-name="{escape(s.name)}">')
        out.append(f'<text class="row-label" x="0" y="{base}" font-size="12">{escape(_short(s.name))}</text>')
        out.append(f'<line x1="{LABEL_W}" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#555" '
                   f'stroke-width="1"/>')
        for j, year in enumerate(span):
            n = s.counts.get(year, 0)
            x = LABEL_W + CELL_W * j
            if n > 0:
                h = max(3, round(BAR_MAX * n / peak))
                out.append(f'<rect class="bar" x="{x + 8}" y="{base - h}" width="{CELL_W - 16}" height="{h}" '
                           f'fill="#444" data-year="{year}" data-count="{n}"><title>{escape(s.name)} {year}: '
                           f'{n}</title></rect>')
                out.append(f'<text class="count" x="{x + CELL_W // 2}" y="{base - h - 3}" font-size="11" '
                           f'text-anchor="middle">{n}</text>')
            out.append(f'<text class="year" x="{x + CELL_W // 2}" y="{base + 13}" font-size="10" '
                       f'text-anchor="middle" fill="#333">{year}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def _short(name: str, limit: int = 14) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
