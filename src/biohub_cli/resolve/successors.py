"""An event an analyst edited (or rejected) keeps that work when its id changes.

Event ids come from the date, type and title the reports give. When a release changes (same path,
new content) or a new report makes the date more precise, the same happening gets a new id. The new
event that shares a report with the old one (the changed release counts as the same report) and is
the same kind of mention takes over the analyst's edits or rejection; the old record goes. Ingest
says so, and reports an edited event no report makes any more.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz

from biohub_cli.models import Event
from biohub_cli.names import normalise
from biohub_cli.resolve.curation import Curation, edited_fields
from biohub_cli.resolve.events import dates_compatible

TITLE_ALIKE = 60  # token_set_ratio of normalised titles


def find_successors(fresh: Mapping[str, Event], old: Mapping[str, Event], replaced: Mapping[str, str],
                    skip: set[str], report: Curation) -> dict[str, str]:
    """New event id -> the id of the edited or rejected event on disk whose work it takes over."""
    out: dict[str, str] = {}
    for oid, ev in sorted(old.items()):
        if oid in fresh or oid in skip or not ev.generated:
            continue  # still made, merged by hand, or written by hand (kept as it is)
        edits = edited_fields(ev)
        if ev.status == "active" and not edits:
            continue  # nothing of the analyst's: the old record simply goes
        reports = {replaced.get(s, s) for s in ev.sources}
        cands = [f for fid, f in sorted(fresh.items()) if fid not in old and fid not in out
                 and reports & set(f.sources)]
        best = _best(ev, cands)
        changed = sorted(s for s in ev.sources if s in replaced)
        why = f"its report {', '.join(changed)} changed" if changed else "its reports now give it another id"
        if best is None:
            if changed:
                report.conflicts.append(
                    f"event {oid}: edited by hand, but {why} and no longer reports it; kept as you left it "
                    "(set status: rejected or delete the file if it is gone)")
            continue
        out[best.id] = oid
        what = "rejection" if ev.status == "rejected" else f"edits ({', '.join(edits)})"
        report.conflicts.append(f"event {oid}: {why}; your {what} now apply to {best.id}")
    return out


def _best(ev: Event, cands: Sequence[Event]) -> Event | None:
    """The candidate that is the same mention: the one main event for a main event, else the most alike
    title among those of the same type and a compatible date (or a title alike enough on its own)."""
    same_side = [f for f in cands if f.main == ev.main]
    if ev.main and len(same_side) == 1:
        return same_side[0]
    best: tuple[bool, float, str] | None = None
    chosen = None
    for f in same_side:
        fits = f.type == ev.type and dates_compatible(f.date, ev.date)
        title = fuzz.token_set_ratio(normalise(ev.title), normalise(f.title))
        if not fits and title < TITLE_ALIKE:
            continue
        key = (fits, title, f.id)
        if best is None or key[:2] > best[:2] or (key[:2] == best[:2] and key[2] < best[2]):
            best, chosen = key, f
    return chosen
