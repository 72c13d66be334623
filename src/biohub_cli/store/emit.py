"""Block-style YAML text for biohub's records, written directly instead of through PyYAML's representer
and libyaml's emitter (which call back into Python twice for every scalar).

`emit` returns exactly the text `store.dumps` gets from PyYAML (allow_unicode, indent 2, width 10,000,
block style, keys in the order given) for the data it is sure of, and None for anything else, which
the caller then dumps with PyYAML. It is sure of mappings whose keys are plain one-line strings,
holding strings, integers, booleans, None, non-empty mappings and lists of anything but lists, with:

- one-line strings written plain when libyaml would, else in single quotes (`''` doubles a quote);
- strings with line breaks as literal blocks (`|-`), when their first character is not a space and
  no line ends in a space and the last is not empty;
- every character one libyaml prints as it is (no tab, control character, U+FEFF or character
  outside the Basic Multilingual Plane; no line break but "\\n") and no line over 9,000 characters,
  so nothing is folded.

The rules follow libyaml 0.2.5's yaml_emitter_analyze_scalar and select_scalar_style; the tests
compare `emit` with PyYAML on every record the bench writes and on random documents built from the
characters those rules turn on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from typing import Any

# Characters libyaml prints unescaped with unicode allowed (IS_PRINTABLE), less the line breaks other
# than "\n" (U+2028, U+2029; U+0085 is not printable): "\n", U+0020-007E, U+00A0-D7FF, U+E000-FFFD
# but U+FEFF.
_PRINTED = "\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
_LINE = re.compile(f"[{_PRINTED}]*")
_LINES = re.compile(f"[\n{_PRINTED}]*")
_FIRST_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")
_LONGEST_LINE = 9_000  # libyaml folds a line at a space past column 10,000 (width); stay well short
_LONGEST_KEY = 128     # bytes: longer keys are written as "? key" (yaml_emitter_check_simple_key)
_REMEMBERED = 100_000  # one-line texts kept with how they are written


class _Unsure(Exception):
    """Something `emit` does not write; PyYAML does."""


class Emitter:
    """`emit(data)`: the canonical text of `data`, or None. `plain_is_str(text)` says whether `text`
    written plain reads back as a string (not a number, boolean, date or null), as PyYAML's resolver
    says; it is asked only for texts starting with one of `checked_first` (the first characters the
    resolver has rules for)."""

    def __init__(self, plain_is_str: Callable[[str], bool], checked_first: Container[str]) -> None:
        self._plain_is_str = plain_is_str
        self._checked_first = checked_first
        self._written: dict[str, str] = {}  # one-line text → as written (keys and values repeat a lot)
        self._keys: dict[str, str] = {}     # the same for the texts found fit to be keys

    def emit(self, data: Any) -> str | None:
        if type(data) is not dict or not data:
            return None
        out: list[str] = []
        try:
            self._mapping(data, 0, out, inline_first=False)
        except _Unsure:
            return None
        return "".join(out)

    def _mapping(self, data: dict[Any, Any], indent: int, out: list[str], *, inline_first: bool) -> None:
        pad = " " * indent
        written, keys = self._written, self._keys
        first = True
        for key, value in data.items():
            if not (first and inline_first):
                out.append(pad)
            first = False
            out.append(keys.get(key) or self._key(key))
            kind = type(value)
            if kind is str and "\n" not in value:  # most values: inline, without a call per value
                out.append(": ")
                out.append(written.get(value) or self._one_line(value))
                out.append("\n")
            else:
                out.append(":")
                self._node(value, indent, out, after_dash=False)

    def _sequence(self, items: list[Any], indent: int, out: list[str]) -> None:
        pad = " " * indent
        for item in items:
            out.append(pad)
            out.append("-")
            self._node(item, indent, out, after_dash=True)

    def _node(self, value: Any, indent: int, out: list[str], *, after_dash: bool) -> None:
        """A value after a mapping's "key:" or a list's "-" (indent: that mapping's or list's). A mapping
        after a dash starts on the dash's line; a list under a key is not indented."""
        kind = type(value)
        if kind is dict and value:
            out.append(" " if after_dash else "\n")
            self._mapping(value, indent + 2, out, inline_first=after_dash)
        elif kind is list and value:
            if after_dash:
                raise _Unsure  # a list in a list
            out.append("\n")
            self._sequence(value, indent, out)
        elif kind is dict:
            out.append(" {}\n")
        elif kind is list:
            out.append(" []\n")
        else:
            self._scalar(value, indent + 2, out)

    def _scalar(self, value: Any, indent: int, out: list[str]) -> None:
        """" text\\n" after a key's colon or a list's dash; a literal block's lines at `indent`."""
        kind = type(value)
        if kind is str:
            if "\n" in value:
                out.append(" |-\n")
                out.append(_literal(value, " " * indent))
            else:
                out.append(" ")
                out.append(self._written.get(value) or self._one_line(value))
                out.append("\n")
        elif kind is int:
            out.append(f" {value}\n")
        elif kind is bool:
            out.append(" true\n" if value else " false\n")
        elif value is None:
            out.append(" null\n")
        else:
            raise _Unsure  # floats and anything else: PyYAML's representer knows them

    def _key(self, key: Any) -> str:
        if type(key) is not str or not key or "\n" in key or len(key.encode("utf-8")) > _LONGEST_KEY:
            raise _Unsure  # a longer key would be written as "? key"
        written = self._written.get(key) or self._one_line(key)
        if len(self._keys) >= _REMEMBERED:
            self._keys.clear()
        self._keys[key] = written
        return written

    def _one_line(self, text: str) -> str:
        """A string without line breaks, plain or single-quoted as libyaml would write it (remembered)."""
        if len(text) > _LONGEST_LINE or not _LINE.fullmatch(text):
            raise _Unsure
        if not text:
            return "''"  # an empty plain scalar would read back as null
        if _plain_allowed(text) and (text[0] not in self._checked_first or self._plain_is_str(text)):
            written = text
        else:
            written = "'" + text.replace("'", "''") + "'"
        if len(self._written) >= _REMEMBERED:
            self._written.clear()
        self._written[text] = written
        return written


def _plain_allowed(text: str) -> bool:
    """libyaml's block_plain_allowed for a one-line text of printed characters."""
    first = text[0]
    if first == " " or text[-1] == " " or first in _FIRST_INDICATORS:
        return False
    if first in "?:-" and (len(text) == 1 or text[1] == " "):
        return False
    if text.startswith(("---", "...")):
        return False
    return not (": " in text or text.endswith(":") or " #" in text)


def _literal(text: str, pad: str) -> str:
    """The lines of a `|-` block; raises _Unsure where libyaml would choose another style or hints."""
    if (text[0] in " \n" or text[-1] in " \n" or " \n" in text or len(pad) > _LONGEST_LINE
            or not _LINES.fullmatch(text)):
        raise _Unsure
    return "".join(pad + line + "\n" if line else "\n" for line in text.split("\n"))
