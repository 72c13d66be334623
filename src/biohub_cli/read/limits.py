"""What one document may cost to read, shared by every reader: the bytes its compressed parts unpack to
(HWPX members, HWP streams, PDF streams) and the characters of text it gives. A reader counts as it
goes and stops at a limit before the rest is unpacked or parsed: one line naming the file, never the
memory of the machine."""

from __future__ import annotations

import zlib

from biohub_cli.errors import ReadError, TooLargeError

MAX_EXPANDED_BYTES = 256 * 1024 * 1024
# A press release has a few thousand characters, a long government report a few hundred thousand; past
# this a document is a book or a data dump, and its source record could not be loaded back (8 MB).
MAX_TEXT_CHARS = 2_000_000
INFLATE_CHUNK = 1024 * 1024


class TextBudget:
    """How many characters of text one document may still give."""

    def __init__(self, limit: int = MAX_TEXT_CHARS) -> None:
        self.limit = limit
        self.used = 0

    def take(self, chars: int) -> None:
        self.used += chars
        if self.used > self.limit:
            raise TooLargeError(too_much_text(self.limit))


def too_much_text(limit: int = MAX_TEXT_CHARS) -> str:
    return (f"document has more than {limit:,} characters of text, over the limit for one document (a book or "
            "a data dump?); save the part you need as a file of its own")


class ExpansionBudget:
    """How many decompressed bytes one document may still produce."""

    def __init__(self, limit: int = MAX_EXPANDED_BYTES) -> None:
        self.limit = limit
        self.used = 0

    @property
    def remaining(self) -> int:
        return self.limit - self.used

    def take(self, size: int) -> None:
        self.used += size
        if self.used > self.limit:
            raise TooLargeError(f"document expands to more than {human_size(self.limit)} when unpacked "
                                "(a zip bomb?); refusing to read it")


def inflate_raw(data: bytes, budget: ExpansionBudget) -> bytes:
    """Raw-deflate `data` (no zlib header), never producing more than the budget allows."""
    inflater = zlib.decompressobj(-15)
    try:
        out = inflater.decompress(data, budget.remaining + 1)
    except zlib.error as exc:
        raise ReadError(f"damaged compressed data ({exc})") from exc
    budget.take(len(out))
    return out


def inflated_size(data: bytes, limit: int, *, wbits: int = 15) -> int:
    """How many bytes zlib `data` inflates to, counted a chunk at a time and never held: `limit` + 1 as
    soon as it passes `limit`. Damaged data counts what inflates before the damage."""
    inflater = zlib.decompressobj(wbits)
    size = 0
    try:
        size += len(inflater.decompress(data, INFLATE_CHUNK))
        while inflater.unconsumed_tail and size <= limit:
            size += len(inflater.decompress(inflater.unconsumed_tail, INFLATE_CHUNK))
    except zlib.error:
        pass
    return min(size, limit + 1)


def human_size(size: int) -> str:
    """Sizes as users read them: "210 MB", "512 KB", "12 bytes" (binary units)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"
