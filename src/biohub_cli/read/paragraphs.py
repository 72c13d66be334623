"""Paragraphs of a word-processor document joined into text, one paragraph a line."""

from __future__ import annotations

from collections.abc import Iterable


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """One line per paragraph; runs of empty paragraphs become one blank line; no blank edges."""
    lines: list[str] = []
    for paragraph in paragraphs:
        if paragraph.strip():
            lines.append(paragraph)
        elif lines and lines[-1]:
            lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)
