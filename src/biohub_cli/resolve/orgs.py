"""One organisation under all its names, across documents."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from biohub_cli.models import Evidence, Organization, Source
from biohub_cli.models.facts import OrgMention
from biohub_cli.names import normalise
from biohub_cli.resolve.ids import org_id

MAX_EVIDENCE = 5


@dataclass
class _Group:
    name: str
    surfaces: Counter[str] = field(default_factory=Counter)
    names_en: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    sources: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class OrgIndex:
    """Organisation records plus the map from a canonical name (normalised) to an org id."""

    records: dict[str, Organization]
    by_name: dict[str, str]

    def id_of(self, name: str) -> str | None:
        return self.by_name.get(normalise(name))


def resolve_orgs(sources: Sequence[Source], merges: Mapping[str, str]) -> OrgIndex:
    """Group every organisation mention by canonical name; `merges` maps a name to the one it joins.
    A name written with 대 for 대학교 (시흥배곧서울대병원, 서울대학교병원's short form) is the same name:
    the group takes the long form when any mention has it."""
    groups: dict[str, _Group] = {}
    for src in sorted(sources, key=lambda s: s.id):
        for m in src.extraction.organizations:
            canonical = _follow(m.name, merges)
            key = _university_key(normalise(canonical))
            g = groups.setdefault(key, _Group(name=canonical))
            if len(canonical) > len(g.name) and "대학교" in canonical:
                g.surfaces[g.name] += 1
                g.name = canonical
            _add(g, m, src.id)
            if m.name != canonical:
                g.surfaces[m.name] += 1
    shared = _shared_aliases(groups)
    records: dict[str, Organization] = {}
    by_name: dict[str, str] = {}
    for g in sorted(groups.values(), key=lambda g: normalise(g.name)):
        key = normalise(g.name)
        oid = org_id(g.name)
        aliases = sorted(s for s in g.surfaces if normalise(s) != key and len(s) > 1
                         and normalise(s) not in shared)
        name_en = g.names_en.most_common(1)[0][0] if g.names_en else None
        type_ = sorted(g.types.items(), key=lambda kv: (-kv[1], kv[0] == "other", kv[0]))[0][0]
        records[oid] = Organization(
            id=oid, name=g.name, name_en=name_en, aliases=aliases, type=type_,  # type: ignore[arg-type]
            sources=sorted(g.sources), evidence=sorted(g.evidence, key=lambda e: e.sort_key())[:MAX_EVIDENCE])
        by_name[key] = oid
        for alias in aliases:
            by_name.setdefault(normalise(alias), oid)
    for name, target in merges.items():
        tid = by_name.get(normalise(_follow(target, merges)))
        if tid:
            by_name[normalise(name)] = tid
    return OrgIndex(records=records, by_name=by_name)


def _university_key(name: str) -> str:
    """The grouping key of a normalised name: 대학교 written 대 before a unit or at the end (서울대병원)."""
    return name.replace("대학교", "대")


def _add(g: _Group, m: OrgMention, source_id: str) -> None:
    g.surfaces[m.surface] += 1
    if m.name_en:
        g.names_en[m.name_en] += 1
    g.types[m.type] += 1
    g.sources.add(source_id)
    g.evidence.append(m.evidence)


def _follow(name: str, merges: Mapping[str, str]) -> str:
    seen = {name}
    while name in merges and merges[name] not in seen:
        name = merges[name]
        seen.add(name)
    return name


def _shared_aliases(groups: Mapping[str, _Group]) -> set[str]:
    """Surface forms claimed by more than one organisation ("시", "협의체") are nobody's alias."""
    owners: dict[str, set[str]] = defaultdict(set)
    for key, g in groups.items():
        for s in g.surfaces:
            owners[normalise(s)].add(key)
    return {s for s, keys in owners.items() if len(keys) > 1}


def propose_merges(records: Mapping[str, Organization], threshold: float = 90.0) -> list[tuple[str, str, float]]:
    """Pairs of organisations whose names are close enough to be one body; proposed, never merged here."""
    from rapidfuzz import fuzz

    orgs = sorted(records.values(), key=lambda o: o.name)
    out = []
    for i, a in enumerate(orgs):
        for b in orgs[i + 1:]:
            if a.type != b.type and "other" not in (a.type, b.type):
                continue
            na, nb = normalise(a.name), normalise(b.name)
            score = fuzz.ratio(na, nb)
            if score >= threshold and na != nb:
                out.append((a.name, b.name, round(score, 1)))
    return out
