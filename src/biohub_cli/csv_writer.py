"""The one CSV writer: every CSV biohub writes (export, timeline, orgs, people, reports/) goes through it.

RFC 4180 (CRLF rows, minimal quoting). A spreadsheet runs a cell that starts like a formula: text from
a document (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3+cmd|…`, a leading tab) must never be one. One rule, for
every cell: control characters out (a tab or line feed inside a cell is kept), and a cell whose first
character a spreadsheet reads as the start of a formula (= + - @, their full-width forms, a tab or a
carriage return), also after leading spaces, gets a leading apostrophe, which the spreadsheet shows
as text and does not display.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from biohub_cli.controls import strip_controls

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutral_cell(value: object) -> str:
    """The text of one cell as every CSV of biohub writes it."""
    text = "" if value is None else str(value)
    if text.startswith(("\t", "\r")):
        return "'" + strip_controls(text)
    text = strip_controls(text)
    return "'" + text if text.lstrip(" ").startswith(FORMULA_START) else text


def write_csv(header: Sequence[object], rows: Iterable[Sequence[object]], *, bom: bool = False) -> str:
    """RFC 4180 CSV of the header and rows, each cell `neutral_cell`; `bom` for Excel."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutral_cell(c) for c in header])
    writer.writerows([neutral_cell(c) for c in row] for row in rows)
    return (BOM if bom else "") + buf.getvalue()
