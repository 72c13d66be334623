"""Lines of the read text with their offsets, and the character tests the other modules share."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_INVISIBLE = "\u200b\ufeff"
_SPACE_RUN = re.compile(r"[\s\u00a0\u3000\u2000-\u200a\u202f\u205f]+")

SENTENCE_END = re.compile(r"[.!?。…？！]['\"’”」』)\]]*$")
CLOSING = ",;:)]}”’\"'」』>"


@dataclass(frozen=True)
class Line:
    """One line of RawDocument.text: `start`/`end` are offsets into it, `text` excludes the break."""

    index: int
    start: int
    end: int
    text: str

    @cached_property
    def stripped(self) -> str:
        """The line with whitespace runs collapsed and the ends trimmed."""
        return normalise_spaces(self.text)

    @property
    def blank(self) -> bool:
        return not self.stripped

    @property
    def ends_with_space(self) -> bool:
        """True when the line break came after a space the export kept."""
        body = self.text.replace("\u200b", "").replace("\ufeff", "")
        return bool(body) and body.strip() != "" and body[-1].isspace()


def split_lines(text: str) -> list[Line]:
    """Every line with its offsets; any line break (\\r\\n, \\r, \\n, form feed, U+2028 ...) ends a line."""
    out: list[Line] = []
    start = 0
    for match in _BREAKS.finditer(text):
        out.append(Line(index=len(out), start=start, end=match.start(), text=text[start:match.start()]))
        start = match.end()
    if start < len(text):
        out.append(Line(index=len(out), start=start, end=len(text), text=text[start:]))
    return out


def normalise_spaces(text: str) -> str:
    """Zero-width characters removed, whitespace runs (no-break and ideographic spaces too) to one space."""
    for ch in _INVISIBLE:
        text = text.replace(ch, "")
    return _SPACE_RUN.sub(" ", text).strip()


# ASCII is narrow and every Hangul syllable wide: only the other characters are looked up one by one
# (tests/clean/test_letters_sets.py checks the shortcut against unicodedata on every code point).
_HANGUL_SYLLABLES = re.compile("[\uac00-\ud7a3]")
_LOOKED_UP = re.compile("[^\x00-\x7f\uac00-\ud7a3]")


def width(text: str) -> int:
    """Display width: wide (CJK) characters count two columns."""
    if text.isascii():
        return len(text)
    wide = len(_HANGUL_SYLLABLES.findall(text))
    wide += sum(1 for ch in _LOOKED_UP.findall(text) if unicodedata.east_asian_width(ch) in "WF")
    return len(text) + wide


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e" or "\u1100" <= ch <= "\u11ff"


def is_latin(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z") or ("\u00c0" <= ch <= "\u024f" and ch.isalpha())


# The characters is_hangul and is_latin accept (U+00D7 × and U+00F7 ÷ are the only non-letters in
# U+00C0-U+024F); tests/clean/test_letters_sets.py checks the two agree on every character.
_HANGUL_CHAR = re.compile("[\uac00-\ud7a3\u3131-\u318e\u1100-\u11ff]")
_LATIN_CHAR = re.compile("[a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


def letters(text: str) -> tuple[int, int]:
    """(Hangul letters, Latin letters) in a text."""
    return len(_HANGUL_CHAR.findall(text)), len(_LATIN_CHAR.findall(text))


def mostly_latin(text: str, share: float = 0.7) -> bool:
    hangul, latin = letters(text)
    return latin >= 8 and latin >= share * (hangul + latin)


def sentence_final(text: str) -> bool:
    """The text ends a sentence (a period or the like, maybe followed by a closing quote or bracket)."""
    return bool(SENTENCE_END.search(text.rstrip()))


def running_text(text: str) -> bool:
    """A paragraph of the story itself: a long sentence, or too long for a headline."""
    return (len(text) >= 40 and sentence_final(text)) or len(text) > 160


_NUMERIC_TOKEN = re.compile(r"^[-+△▲▼(（]*[\d.,:~%‰]+[)）%]*[가-힣A-Za-z]{0,2}[)）]*$")


def tabular(text: str) -> bool:
    """A row of a table: three or more cells, most of them numbers ("182.6 161.1 (△9.0)", "2023년 2024년")."""
    tokens = text.split()
    if len(tokens) < 3:
        return False
    numeric = sum(1 for t in tokens if _NUMERIC_TOKEN.match(t))
    return numeric >= 0.5 * len(tokens)
