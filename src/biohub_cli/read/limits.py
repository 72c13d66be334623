"""Caps on how much a compressed document may expand, shared by the HWPX and HWP readers."""

from __future__ import annotations

import zlib

from biohub_cli.errors import ReadError, TooLargeError

MAX_EXPANDED_BYTES = 256 * 1024 * 1024


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


def human_size(size: int) -> str:
    """Sizes as users read them: "210 MB", "512 KB", "12 bytes" (binary units)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"
