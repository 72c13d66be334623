"""Deterministic record ids, derived from content and independent of ingest order."""

from __future__ import annotations

import hashlib

from biohub_cli.names import normalise


def digest(*parts: str, length: int = 10) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]


def org_id(canonical_name: str) -> str:
    return "org-" + digest(normalise(canonical_name))


def person_id(name: str) -> str:
    return "per-" + digest(normalise(name))


def event_id(date_iso: str, type_: str, title: str) -> str:
    year = date_iso[:4] if date_iso[:1].isdigit() else "xxxx"
    return f"ev-{year}-" + digest(date_iso, type_, normalise(title))


def split_event_id(date_iso: str, type_: str, title: str, source_id: str) -> str:
    """The id of a report taken out of an event by hand, when its own id is the event's."""
    year = date_iso[:4] if date_iso[:1].isdigit() else "xxxx"
    return f"ev-{year}-" + digest(date_iso, type_, normalise(title), source_id)


def fingerprint(value: object) -> str:
    """A short, stable fingerprint of a field value as it is stored (for telling hand edits apart)."""
    return digest(repr(value), length=12)
