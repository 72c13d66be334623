"""Normalising names for comparison (spaces, corporate markers, width, case)."""

from __future__ import annotations

import re
import unicodedata

_CORP = re.compile(r"^(?:주식회사|\(주\)|㈜|\(재\)|재단법인|\(사\)|사단법인)\s*|\s*(?:주식회사|\(주\)|㈜)$")
_DROP = re.compile(r"[\s·ㆍ‧・,.'\"‘’“”]+")


def normalise(name: str) -> str:
    """A comparison key: NFKC, lower case, no corporate markers, no spaces or dots."""
    s = unicodedata.normalize("NFKC", name).replace("㈜", "(주)").strip().lower()
    s = _CORP.sub("", s)
    return _DROP.sub("", s)
