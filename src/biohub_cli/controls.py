"""Control characters: never in a document's text, never printed raw.

A document can carry terminal escape sequences (`ESC ] 0 ; … BEL` retitles a terminal, `ESC [ 2 J`
clears it); they reached the terminal through `biohub org` and the CSV, Markdown and HTML reports.
Every C0 control but the tab and the line feed, DEL and every C1 control is removed from a document's
text when it is read (a form feed or vertical tab breaks the line), and wherever text from records is
printed or written (a record may be edited by hand, or older than this rule) it is removed or shown
as a `\\xNN` escape.
"""

from __future__ import annotations

import re

# every C0 control but \t and \n, DEL, every C1 control
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BREAKS = re.compile("[\x0b\x0c]")
_NOT_CRLF = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # CONTROLS but \r: CSV rows end in \r\n


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
    return pattern.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


_JSON_RAW = re.compile("[\x7f-\x9f]")  # JSON escapes C0 controls itself, never DEL and C1 (8-bit CSI)


def json_safe(text: str) -> str:
    """JSON text with DEL and the C1 controls written as \\u escapes too (they can stand only inside its
    strings, where the escape means the same character)."""
    if _JSON_RAW.search(text) is None:
        return text
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
