"""An English translation appended without a disclaimer: a long trailing run of mostly-Latin paragraphs."""

from __future__ import annotations

from biohub_cli.clean.lines import letters, mostly_latin
from biohub_cli.clean.rejoin import Paragraph

_MIN_LATIN = 200  # Latin letters in the trailing run
_MIN_HANGUL = 100  # Hangul letters before it


def split_trailing_translation(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
    """(story, translation): the trailing mostly-Latin paragraphs after Korean ones, when long enough."""
    k = len(paragraphs)
    while k > 0 and mostly_latin(paragraphs[k - 1].text):
        k -= 1
    head, tail = paragraphs[:k], paragraphs[k:]
    if not head or not tail:
        return paragraphs, []
    latin = sum(letters(p.text)[1] for p in tail)
    hangul = sum(letters(p.text)[0] for p in head)
    if latin >= _MIN_LATIN and hangul >= _MIN_HANGUL and (len(tail) >= 2 or latin >= 2 * _MIN_LATIN):
        return head, tail
    return paragraphs, []
