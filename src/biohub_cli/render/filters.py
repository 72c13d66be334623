"""Plain formatting functions shared by templates, terminal tables and data formats."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from biohub_cli.models.dates import PartialDate

_EOK = 10**8
_JO = 10**12
_MAN = 10**4

# Characters that mean something in (GitHub-flavoured) Markdown; every one may be backslash-escaped.
_MD_SPECIAL = frozenset("\\`*_[]<>|~#")


def format_date(date: PartialDate | None) -> str:
    """Precision-aware: `2025-12-02`, `2025-12`, `????-06-11` (no year), `2024?-05-29` (year inferred)."""
    if date is None:
        return ""
    if date.year is None and date.month is None and date.day is None:
        return "????"
    shown = date.display()
    if date.year is not None and not date.year_certain:
        return f"{shown[:4]}?{shown[4:]}"
    return shown


def format_span(start: PartialDate, end: PartialDate | None) -> str:
    """A date, or a range `2025-05-07 – 2025-05-09` when the event lasts several days."""
    if end is None or end == start:
        return format_date(start)
    return f"{format_date(start)} – {format_date(end)}"


def date_is_uncertain(date: PartialDate) -> bool:
    """True when the year is unknown or was not fixed by the text."""
    return date.year is None or not date.year_certain


def format_won(value: int, lang: str = "ko") -> str:
    """`3,350억 원`, `12억 3,456만 원`, `1조 2,000억 원`; in English `KRW 335 billion`."""
    if lang == "en":
        return _format_won_en(value)
    if value == 0:
        return "0 원"
    parts = []
    for unit, name in ((_JO, "조"), (_EOK, "억"), (_MAN, "만")):
        count, value = divmod(value, unit)
        if count:
            parts.append(f"{count:,}{name}")
    if value:
        parts.append(f"{value:,}")
    return " ".join(parts) + " 원"


_CURRENCY_KO = {"USD": "달러", "EUR": "유로", "JPY": "엔", "CNY": "위안", "GBP": "파운드"}


def format_money(value: int, currency: str = "KRW", lang: str = "ko") -> str:
    """A won amount as `format_won`; another currency in its own unit, never converted: `3억 달러`,
    in English `USD 300 million`."""
    if currency == "KRW":
        return format_won(value, lang)
    if lang == "en":
        return _format_won_en(value).replace("KRW", currency, 1)
    return format_won(value, lang).removesuffix(" 원") + " " + _CURRENCY_KO.get(currency, currency)


def _format_won_en(value: int) -> str:
    for unit, name in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if value >= unit:
            number = f"{value / unit:,.2f}".rstrip("0").rstrip(".")
            return f"KRW {number} {name}"
    return f"KRW {value:,}"


_MD_ESCAPES = {ord(c): "\\" + c for c in _MD_SPECIAL}


def escape_markdown(text: str) -> str:
    """Inline Markdown text: one line, every markup character backslash-escaped (so `<script>` stays text)."""
    return " ".join(str(text).split()).translate(_MD_ESCAPES)


def markdown_pieces(pieces: Iterable[Any]) -> str:
    """One paragraph of a document's pieces (render/documents.py) as Markdown: spaces between pieces
    kept, every markup character escaped, each fact in bold."""
    out = []
    for p in pieces:
        text = re.sub(r"\s+", " ", str(p.text)).translate(_MD_ESCAPES)
        if p.fact and text.strip():
            lead, core, trail = text[: len(text) - len(text.lstrip())], text.strip(), text[len(text.rstrip()):]
            text = f"{lead}**{core}**{trail}"
        out.append(text)
    return "".join(out).strip()
