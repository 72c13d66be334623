"""pdfminer's stream decoding held to the document's budget (read/limits.py).

pdfminer inflates every stream it needs whole and at once: a 1.5 MB PDF whose one flate stream expands
to 1.5 GB took 3.2 GB. It offers no hook, so the decoders its streams module calls (zlib.decompress,
the CRC-tolerant retry, LZW, run-length) are replaced there, once per process, by versions that first
count what a stream would unpack to and refuse it past the budget of the document being read in this
thread. Without a budget (pdfminer used by something else) they do exactly what pdfminer's own do;
the retry for a damaged stream also no longer rebuilds its output byte by byte (quadratic in the
stream).
"""

from __future__ import annotations

import io
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from biohub_cli.read.limits import INFLATE_CHUNK, ExpansionBudget, inflated_size

_LOCAL = threading.local()
_LOCK = threading.Lock()
_INSTALLED: list[bool] = []


@contextmanager
def budgeted(budget: ExpansionBudget) -> Iterator[None]:
    """pdfminer's streams decoded in this thread count against `budget` meanwhile."""
    _install()
    previous = getattr(_LOCAL, "budget", None)
    _LOCAL.budget = budget
    try:
        yield
    finally:
        _LOCAL.budget = previous


def _budget() -> ExpansionBudget | None:
    budget: ExpansionBudget | None = getattr(_LOCAL, "budget", None)
    return budget


def _install() -> None:
    with _LOCK:
        if _INSTALLED:
            return
        from pdfminer import pdftypes

        names = vars(pdftypes)  # the globals its PDFStream.decode looks up at each call
        names.update(zlib=_Zlib(), decompress_corrupted=_decompress_corrupted, lzwdecode=_lzwdecode,
                     rldecode=_rldecode(names["rldecode"]))
        _INSTALLED.append(True)


class _Zlib:
    """The zlib module as pdftypes sees it: decompress() counts first."""

    error = zlib.error

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)

    @staticmethod
    def decompress(data: bytes, *args: Any, **kwargs: Any) -> bytes:
        budget = _budget()
        if budget is not None:
            budget.take(inflated_size(data, budget.remaining))
        return zlib.decompress(data, *args, **kwargs)


def _decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's retry for a stream whose checksum is damaged: what inflates, an error only when the
    damage lies before the last three bytes (the checksum). pdfminer fed it a byte at a time and grew
    its output by concatenation; the body goes in one call here, the last three bytes one by one."""
    inflater = zlib.decompressobj()
    out: list[bytes] = []
    budget = _budget()

    def feed(chunk: bytes) -> None:
        piece = inflater.decompress(chunk, INFLATE_CHUNK)
        while True:
            if budget is not None:
                budget.take(len(piece))
            out.append(piece)
            if not inflater.unconsumed_tail:
                return
            piece = inflater.decompress(inflater.unconsumed_tail, INFLATE_CHUNK)

    body = max(0, len(data) - 3)
    feed(data[:body])  # an error here lies before the checksum: it propagates, as pdfminer's did
    for i in range(body, len(data)):
        try:
            feed(data[i:i + 1])
        except zlib.error:
            break
    return b"".join(out)


def _lzwdecode(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    budget = _budget()
    out: list[bytes] = []
    for piece in LZWDecoder(io.BytesIO(data)).run():
        if budget is not None:
            budget.take(len(piece))
        out.append(piece)
    return b"".join(out)


def _rldecode(decode: Any) -> Any:
    def rldecode(data: bytes) -> bytes:
        budget = _budget()
        if budget is not None:
            budget.take(_run_length_size(data))
        result: bytes = decode(data)
        return result

    return rldecode


def _run_length_size(data: bytes) -> int:
    """The length RunLengthDecode gives `data` (a run of 129-255 repeats one byte 2-128 times)."""
    size = i = 0
    while i < len(data):
        length = data[i]
        if length == 128:
            break
        if length < 128:
            size += length + 1
            i += length + 2
        else:
            size += 257 - length
            i += 2
    return size
