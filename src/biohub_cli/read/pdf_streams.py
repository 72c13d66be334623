"""A PDF's compressed streams counted against the document's budget (read/limits.py) before PDFium opens it.

PDFium inflates a stream whole when a page needs it: a 1.5 MB PDF whose one flate stream expands to
1.5 GB would take that memory, and more. PDFium offers no hook, so the file is scanned first, once, in
order: each `stream` keyword that starts zlib data (FlateDecode, the filter of content, object and font
streams) is inflated a chunk at a time, its size counted and never held, and the document is refused
with one line as soon as the total passes the budget. Image streams (their dictionary names
/Subtype /Image) are not counted: text extraction never decodes them. Linear in the file: the scan goes
on after each stream's end, and every look back at a dictionary is bounded.
"""

from __future__ import annotations

import re
import zlib

from biohub_cli.read.limits import INFLATE_CHUNK, ExpansionBudget

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_IMAGE = re.compile(rb"/Subtype\s*/Image")
DICTIONARY_WINDOW = 2048  # how far before a stream keyword its dictionary is looked for
INPUT_CHUNK = 64 * 1024


def check_streams(data: bytes, budget: ExpansionBudget) -> None:
    """TooLargeError (from `budget`) when the flate streams of `data` unpack past it together."""
    view = memoryview(data)
    pos = 0
    while True:
        m = _STREAM.search(data, pos)
        if m is None:
            return
        start = m.end()
        pos = start
        if not _is_zlib(data, start) or _is_image(data, m.start()):
            continue
        pos = max(pos, _inflate_counted(view, start, budget))


def _is_zlib(data: bytes, at: int) -> bool:
    """Whether a zlib header starts at `at` (deflate, a valid check value)."""
    if at + 2 > len(data):
        return False
    first, second = data[at], data[at + 1]
    return first & 0x0F == 8 and (first * 256 + second) % 31 == 0


def _is_image(data: bytes, keyword: int) -> bool:
    """Whether the dictionary just before the stream keyword at `keyword` is an image's."""
    before = data[max(0, keyword - DICTIONARY_WINDOW):keyword]
    opening = before.rfind(b"obj")
    return _IMAGE.search(before, opening if opening >= 0 else 0) is not None


def _inflate_counted(view: memoryview, start: int, budget: ExpansionBudget) -> int:
    """Inflate the zlib stream at `start`, a chunk in and a chunk out at a time, each chunk's size taken
    from the budget; the place where the stream (or the damage that ended it) stops."""
    inflater = zlib.decompressobj()
    pos = start
    try:
        while pos < len(view) and not inflater.eof:
            chunk = view[pos:pos + INPUT_CHUNK]
            pos += len(chunk)
            budget.take(len(inflater.decompress(chunk, INFLATE_CHUNK)))
            while inflater.unconsumed_tail and not inflater.eof:
                budget.take(len(inflater.decompress(inflater.unconsumed_tail, INFLATE_CHUNK)))
    except zlib.error:
        return pos  # damaged: PDFium reads what it can; what inflated before the damage was counted
    return pos - len(inflater.unused_data)
