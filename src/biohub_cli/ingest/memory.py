"""Giving memory back between the stages of a large ingest."""

from __future__ import annotations

import ctypes
import gc
import sys
from typing import Any


def release_tokeniser() -> None:
    """Unload Kiwi's model (a few hundred megabytes) and return the freed pages to the system; the
    next analysis loads it again. (Kept out of analyse.py, whose code is part of the extractor's
    fingerprint: see ingest/fingerprint.py.)"""
    from biohub_cli import analyse

    with analyse._LOCK:
        analyse._KIWI.clear()
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _malloc_trim() -> Any:
    """glibc's malloc_trim, which returns freed heap pages to the system; None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
