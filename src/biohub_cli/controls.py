"""Control characters: never in a document's text, never printed raw.

A document can carry terminal escape sequences (`ESC ] 0 ; … BEL` retitles a terminal, `ESC [ 2 J`
clears it); they reached the terminal through `biohub org` and the CSV, Markdown and HTML reports.
Every C0 control but the tab and the line feed, DEL and every C1 control is removed from a document's
text when it is read (a form feed or vertical tab breaks the line), and wherever text from records is
printed or written (a record may be edited by hand, or older than this rule) it is removed or shown
as a `\\xNN` escape.

The bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) go the same way: a Korean
release has no use for them, and one in an organisation's name shows a terminal, a report or a
spreadsheet its text reversed (`U+202E` turns `exe.txt` around).
"""

from __future__ import annotations

import re

# every C0 control but \t and \n, DEL, every C1 control, the bidirectional overrides and isolates
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\x0b\x0c]")
# CONTROLS but \r: CSV rows end in \r\n
_NOT_CRLF = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """`text` without control characters (tabs and line feeds kept; a form feed or vertical tab becomes
    a line feed)."""
    if CONTROLS.search(text) is None:
        return text
    return CONTROLS.sub("", _BREAKS.sub("\n", text))


def escape_controls(text: str, *, keep_cr: bool = False) -> str:
    """`text` with each control character shown as `\\xNN` (tabs and line feeds kept, and carriage
    returns with `keep_cr`): for terminals, where a raw one would act."""
    pattern = _NOT_CRLF if keep_cr else CONTROLS
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escaped, text)


def _escaped(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_JSON_RAW = re.compile("[\x7f-\x9f]")  # JSON escapes C0 controls itself, never DEL and C1 (8-bit CSI)


def json_safe(text: str) -> str:
    """JSON text with DEL and the C1 controls written as \\u escapes too (they can stand only inside its
    strings, where the escape means the same character)."""
    if _JSON_RAW.search(text) is None:
        return text
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
