"""Analyst edits win: a field changed by hand is never overwritten, a rejected or deleted record stays so."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel

from biohub_cli.models import Source
from biohub_cli.resolve.ids import fingerprint

R = TypeVar("R", bound=BaseModel)

_NOT_CURATED = frozenset({"id", "generated", "status"})


@dataclass
class Curation:
    """What merging a fresh extraction with the records on disk found."""

    conflicts: list[str] = field(default_factory=list)
    kept_edits: list[str] = field(default_factory=list)


def fingerprints(rec: BaseModel) -> dict[str, str]:
    if isinstance(rec, Source):
        return {name: fingerprint(_dump(getattr(rec, name))) for name in SOURCE_CURATED}
    return {name: fingerprint(_dump(getattr(rec, name))) for name in type(rec).model_fields
            if name not in _NOT_CURATED}


SOURCE_CURATED = ("title", "outlet", "reporter", "published")  # a source's fields an analyst may correct


def stamped_source(src: Source) -> Source:
    """The source with the fingerprints of its metadata as biohub wrote it."""
    return src.model_copy(update={"generated": fingerprints(src)})


def source_edits(src: Source) -> list[str]:
    """The source's metadata fields edited by hand since biohub wrote them (none for an unstamped source)."""
    return edited_fields(src) if src.generated else []


def merge_with_disk(new: Mapping[str, R], old: Mapping[str, R], deleted: set[str], report: Curation,
                    kind: str, *, merged_away: Collection[str] = (),
                    predecessors: Mapping[str, str] | None = None) -> dict[str, R]:
    """Fresh records merged with what is on disk.

    `merged_away`: ids of records an analyst merged into another; their files stay, as `status: merged`,
    untouched otherwise, so an undo gives them back as they were. `predecessors`: new id -> the id of
    the record on disk whose edits (or rejection) it takes over (resolve/successors.py).
    """
    predecessors = predecessors or {}
    out: dict[str, R] = {}
    for rid, rec in sorted(new.items()):
        if rid in deleted:
            continue
        prev = old.get(rid)
        if prev is None and rid in predecessors:
            prev = old[predecessors[rid]]
            if getattr(prev, "status", "active") == "rejected":
                out[rid] = _stamp(rec).model_copy(update={"status": "rejected"})
                continue
        out[rid] = _merge_one(rec, prev, report, kind) if prev is not None else _stamp(rec)
    succeeded = set(predecessors.values())
    for rid, prev in sorted(old.items()):
        if rid in out or rid in deleted or rid in succeeded:
            continue
        status = getattr(prev, "status", "active")
        if rid in merged_away:
            out[rid] = prev.model_copy(update={"status": "merged"}) if status == "active" else prev
            continue
        gen: dict[str, str] = getattr(prev, "generated", {})
        if not gen or status == "rejected" or edited_fields(prev):
            out[rid] = prev  # written or curated by hand: keep it even though no source yields it now
    return out


def _merge_one(new: R, old: R, report: Curation, kind: str) -> R:
    """The fresh record with the fields edited by hand in `old` kept (a merged record comes back active)."""
    if getattr(old, "status", "active") == "rejected":
        return old
    gen: dict[str, str] = getattr(old, "generated", {})
    fresh = fingerprints(new)
    updates: dict[str, object] = {}
    for name in fresh:
        old_value = getattr(old, name)
        if name in gen and fingerprint(_dump(old_value)) == gen[name]:
            continue  # untouched since biohub wrote it: take the fresh value
        if name not in gen and not gen:
            edited = True  # a record written by hand: every field is the analyst's
        else:
            edited = name in gen
        if not edited:
            continue
        updates[name] = old_value
        new_value = getattr(new, name)
        if _dump(new_value) != _dump(old_value):
            rid = getattr(new, "id", "?")
            if name in gen and fresh[name] != gen[name]:
                report.conflicts.append(
                    f"{kind} {rid}: field '{name}' was edited by hand and the new extraction differs; "
                    f"kept the edit")
            report.kept_edits.append(f"{kind} {rid}: {name}")
    merged = new.model_copy(update={**updates, "generated": fresh})
    return type(new).model_validate(merged.model_dump())


def _stamp(rec: R) -> R:
    return rec.model_copy(update={"generated": fingerprints(rec)}) if "generated" in type(rec).model_fields else rec


def edited_fields(rec: BaseModel) -> list[str]:
    """The fields whose value no longer matches the fingerprint biohub wrote: edited by hand."""
    gen: dict[str, str] = getattr(rec, "generated", {})
    return [n for n, fp in gen.items() if n in type(rec).model_fields and fingerprint(_dump(getattr(rec, n))) != fp]


def _dump(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value
