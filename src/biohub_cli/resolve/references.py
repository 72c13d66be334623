"""References between records that point nowhere are taken out, so no raw id reaches a report.

An analyst deletes a record's file or sets `status: rejected`; a release changes and its old source
goes. Every record that cited such an id stops citing it: an event's participants, people, quote
speakers and reports, a person's organisation, an organisation's parent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from biohub_cli.models import Event, Organization, Person

R = TypeVar("R", Event, Organization, Person)

Known = Callable[[str], bool]


def without_references(rec: R, gone: Known, source: Callable[[str], str | None] | None = None) -> R:
    """The record citing no id for which `gone(id)` holds; `source` maps each cited source id to the one
    that stands for it now (a changed release) or None when it is gone. The same object when nothing changes."""
    if isinstance(rec, Event):
        return _event(rec, gone, source)  # type: ignore[return-value]
    if isinstance(rec, Person):
        if not any(r.organization and gone(r.organization) for r in rec.roles):
            return rec
        roles = [r.model_copy(update={"organization": None}) if r.organization and gone(r.organization) else r
                 for r in rec.roles]
        return rec.model_copy(update={"roles": roles})  # type: ignore[return-value]
    if rec.parent and gone(rec.parent):
        return rec.model_copy(update={"parent": None})  # type: ignore[return-value]
    return rec


def _event(ev: Event, gone: Known, source: Callable[[str], str | None] | None) -> Event:
    update: dict[str, object] = {}
    if any(gone(p.organization) for p in ev.participants):
        update["participants"] = [p for p in ev.participants if not gone(p.organization)]
    if any(gone(pid) for pid in ev.people):
        update["people"] = [pid for pid in ev.people if not gone(pid)]
    if any(q.speaker and gone(q.speaker) for q in ev.quotes):
        update["quotes"] = [q.model_copy(update={"speaker": None}) if q.speaker and gone(q.speaker) else q
                            for q in ev.quotes]
    if source is not None:
        now = sorted({s for sid in ev.sources if (s := source(sid)) is not None})
        if now != ev.sources:
            update["sources"] = now
    return ev.model_copy(update=update) if update else ev


def scrub_all(table: Mapping[str, R], gone: Known, source: Callable[[str], str | None] | None = None) -> dict[str, R]:
    """`without_references` over a table of records."""
    return {rid: without_references(rec, gone, source) for rid, rec in table.items()}
