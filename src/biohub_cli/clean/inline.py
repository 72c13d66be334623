"""Page furniture spliced into a line of the story: a stock tooltip some sites put after a listed
company's name (`SK바이오사이언스 SK바이오사이언스 302440 | 코스피 증권정보 현재가 … 관련기사 … close가 …`).

The tooltip is blanked out of its line (spaces in its place, so every offset into the read text
stays true) and recorded as dropped; the sentence around it reads on.
"""

from __future__ import annotations

import re

from biohub_cli.clean.lines import Line

# the company's name again, its six-digit code, the market, the quote and related headlines up to "close"
_STOCK_TOOLTIP = re.compile(
    r"(?P<name>[^\s|]{2,30}) (?P<tip>(?P=name) \d{6} ?\| ?(?:코스피|코스닥|코넥스|KOSPI|KOSDAQ) ?증권정보"
    r".{0,600}? close)(?= |$)")


def blank_inline_widgets(lines: list[Line]) -> tuple[list[Line], list[tuple[int, int]]]:
    """The lines with every stock tooltip blanked, and the tooltips' spans in the read text."""
    out: list[Line] = []
    spans: list[tuple[int, int]] = []
    for line in lines:
        text = line.text
        for m in _STOCK_TOOLTIP.finditer(line.text):
            a, b = m.span("tip")
            text = text[:a] + " " * (b - a) + text[b:]
            spans.append((line.start + a, line.start + b))
        out.append(line if text == line.text else Line(index=line.index, start=line.start, end=line.end, text=text))
    return out, spans
