"""The analysts' curation files beside records/: aliases.yaml (organisations) and events.yaml (events).

Both have the same shape: `merges: {what: into}` joins one record into another, and events.yaml also
has `splits: {event id: [source id, ...]}`, reports taken out of an event the automatic merge made.
Removing an entry undoes it. `biohub merge` and `biohub split` edit these files; an analyst may too.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from biohub_cli.config import Layout
from biohub_cli.errors import RecordError
from biohub_cli.models.curation import AnalystCuration
from biohub_cli.store import records_io, yaml_io

ALIASES_HEADER = (
    "# Organisations an analyst joined: name -> the organisation it joins (by name).\n"
    "# Written by `biohub merge A B`; `biohub merge --undo A` removes the entry. Edit by hand if you like.\n"
    "# clusters: cluster name -> the cluster it joins (`biohub merge 오송첨복 오송` on two clusters).\n")
EVENTS_HEADER = (
    "# Events an analyst joined or took apart, applied after the automatic merge on every ingest.\n"
    "# merges: event id -> the event it joins (`biohub merge EV_A EV_B`, undone by `biohub merge --undo EV_A`)\n"
    "# splits: event id -> reports (source ids) taken out of it (`biohub split EV SRC`, undone by\n"
    "#         `biohub split --undo EV SRC`)\n")


def read_curation(layout: Layout, *, checked: bool = True) -> AnalystCuration:
    """Both curation files; a malformed one raises RecordError naming it.

    `checked`: organisation merges typed by hand that make a cycle (경기도 -> 교육부 -> 경기도) raise the
    first one, naming the file and line, before anything uses them, as `biohub merge` refuses them;
    `merge --undo` reads the files unchecked, to take such a merge back."""
    events = _read(layout, layout.event_curation)
    aliases = _read(layout, layout.aliases)
    curation = AnalystCuration(org_merges=_merges(aliases, layout.aliases),
                               cluster_merges=_merges(aliases, layout.aliases, "clusters"),
                               programme_merges=_merges(aliases, layout.aliases, "programmes"),
                               event_merges=_merges(events, layout.event_curation),
                               event_splits=_splits(events, layout.event_curation))
    if checked:
        cycles = cycle_problems(layout, dict(curation.org_merges))
        if cycles:
            raise cycles[0]
    return curation


def merge_problems(layout: Layout) -> list[RecordError]:
    """Every problem of aliases.yaml as `biohub validate` lists them: malformed, or merges in a cycle."""
    try:
        merges = _merges(_read(layout, layout.aliases), layout.aliases)
    except RecordError as exc:
        return [exc]
    return cycle_problems(layout, merges)


def cycle_problems(layout: Layout, merges: dict[str, str]) -> list[RecordError]:
    """One error per cycle of the organisation merges, at the line of its first name."""
    cycles = merge_cycles(merges)
    if not cycles:
        return []
    text = layout.aliases.read_text(encoding="utf-8")
    return [RecordError(f"merges make a cycle: {' → '.join([*cycle, cycle[0]])}, so none of them is the "
                        "organisation the others join", path=layout.aliases,
                        line=yaml_io.line_of(text, ("merges", cycle[0])),
                        hint=f"remove one of them, e.g. `biohub merge --undo {cycle[0]}`") for cycle in cycles]


def merge_cycles(merges: Mapping[str, str]) -> list[list[str]]:
    """Every cycle of names the merges make (a name merged into itself included), each once, from the
    name that sorts first in it; linear in the merges."""
    cycles: list[list[str]] = []
    done: set[str] = set()
    for start in sorted(merges):
        chain: list[str] = []
        at: dict[str, int] = {}
        name = start
        while name in merges and name not in done and name not in at:
            at[name] = len(chain)
            chain.append(name)
            name = merges[name]
        if name in at:
            cycle = chain[at[name]:]
            first = cycle.index(min(cycle))
            cycles.append(cycle[first:] + cycle[:first])
        done.update(chain)
    return cycles


def read_merges(layout: Layout) -> dict[str, str]:
    """aliases.yaml's organisation merges."""
    return dict(read_curation(layout).org_merges)


def write_merges(layout: Layout, merges: dict[str, str], clusters: dict[str, str] | None = None,
                 programmes: dict[str, str] | None = None) -> None:
    """aliases.yaml with these organisation, cluster and programme merges (sorted; the cluster or
    programme merges on file are kept when `clusters` or `programmes` is None)."""
    if clusters is None or programmes is None:
        on_file = read_curation(layout, checked=False)  # the file as it is, cycle or not
        clusters = dict(on_file.cluster_merges) if clusters is None else clusters
        programmes = dict(on_file.programme_merges) if programmes is None else programmes
    data: dict[str, Any] = {"merges": dict(sorted(merges.items()))}
    if clusters:
        data["clusters"] = dict(sorted(clusters.items()))
    if programmes:
        data["programmes"] = dict(sorted(programmes.items()))
    yaml_io.write_atomic(layout.aliases, ALIASES_HEADER + yaml_io.dumps(data))


def write_event_curation(layout: Layout, merges: dict[str, str], splits: dict[str, tuple[str, ...]]) -> None:
    """events.yaml with these event merges and splits (sorted)."""
    data = {"merges": dict(sorted(merges.items())),
            "splits": {eid: sorted(set(sids)) for eid, sids in sorted(splits.items()) if sids}}
    yaml_io.write_atomic(layout.event_curation, EVENTS_HEADER + yaml_io.dumps(data))


def _read(layout: Layout, path: Path) -> Any:
    if not path.is_file():
        return {}
    data = records_io.read_kb_yaml(layout, path)  # never through a link leading outside the knowledge base
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RecordError("a curation file must be a mapping (merges: ...)", path=path, line=1)
    return data


def _merges(data: Any, path: Path, key: str = "merges") -> dict[str, str]:
    found = data.get(key) or {}
    if not isinstance(found, dict) or not all(isinstance(v, str | int) for v in found.values()):
        raise RecordError(f"'{key}' must map each name or id to the one it joins", path=path,
                          line=_line(path, key))
    return {str(k): str(v) for k, v in found.items()}


def _splits(data: Any, path: Path) -> dict[str, tuple[str, ...]]:
    found = data.get("splits") or {}
    ok = isinstance(found, dict) and all(isinstance(v, list) and all(isinstance(s, str) for s in v)
                                         for v in found.values())
    if not ok:
        raise RecordError("'splits' must map each event id to a list of source ids", path=path,
                          line=_line(path, "splits"))
    return {str(k): tuple(sorted(set(v))) for k, v in found.items() if v}


def _line(path: Path, key: str) -> int:
    try:
        return yaml_io.line_of(path.read_text(encoding="utf-8"), (key,))
    except OSError:
        return 1
