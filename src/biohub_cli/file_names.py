"""File names as text a record, a terminal or a spreadsheet can hold, whatever bytes the file system gave.

On Linux a name is bytes; Python hands the bytes that are not UTF-8 over as lone surrogates
(U+DC80-U+DCFF), which no UTF-8 file or stream accepts: a name from a Windows or EUC-KR zip crashed
the whole ingest when its source record was written. Such a name is read as CP949 (which covers
EUC-KR) when its bytes are valid CP949 and encode back to the same bytes; otherwise the bytes that are
not UTF-8 are shown as `\\xNN` escapes. Names are shown in NFC, as the text of every document is
(macOS writes names decomposed).
"""

from __future__ import annotations

import re
import unicodedata

# A name (or a word of a message naming one) up to a space or a slash: CP949 uses neither inside a
# character, so a name's bytes are taken whole even where some of them happened to be valid UTF-8.
_WORD = re.compile(r"[^\s/]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNDECODED = re.compile("[\udc80-\udcff]")


def readable(text: str) -> str:
    """`text` (a path, a name, or a message holding one) with every name the file system gave in bytes
    that are not UTF-8 decoded as CP949 or escaped, and in NFC: text that encodes to UTF-8."""
    if _SURROGATE.search(text) is not None:
        text = _WORD.sub(lambda m: _decoded(m.group()) if _UNDECODED.search(m.group()) else m.group(), text)
        text = _SURROGATE.sub("\ufffd", text)  # a surrogate not from a file name (none expected)
    return unicodedata.normalize("NFC", text)


def _decoded(word: str) -> str:
    try:
        data = word.encode("utf-8", "surrogateescape")
        text = data.decode("cp949")
        if text.encode("cp949") == data:
            return text
    except UnicodeError:
        pass
    return _UNDECODED.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", word)
