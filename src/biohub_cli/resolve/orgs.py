"""One organisation under all its names, across documents."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from biohub_cli.models import Evidence, Organization, Source
from biohub_cli.models.facts import OrgMention
from biohub_cli.names import normalise
from biohub_cli.resolve.ids import org_id
from biohub_cli.store import yaml_io

MAX_EVIDENCE = 5
DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass
class _Group:
    name: str
    surfaces: Counter[str] = field(default_factory=Counter)
    names_en: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    sources: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    # what the mentions under the organisation's own name say: a merge never changes its type or
    # English name while there are any (the joining organisation's English name becomes an alias)
    own_names_en: Counter[str] = field(default_factory=Counter)
    own_types: Counter[str] = field(default_factory=Counter)


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
    joins = {normalise(k): v for k, v in merges.items()}
    groups: dict[str, _Group] = {}
    for src in sorted(sources, key=lambda s: s.id):
        for m in src.extraction.organizations:
            canonical = _follow(m.name, joins)
            key = _university_key(normalise(canonical))
            g = groups.setdefault(key, _Group(name=canonical))
            if len(canonical) > len(g.name) and "대학교" in canonical:
                g.surfaces[g.name] += 1
                g.name = canonical
            _add(g, m, src.id, own=_university_key(normalise(m.name)) == key)
            if m.name != canonical:
                g.surfaces[m.name] += 1
    shared = _shared_aliases(groups)
    records: dict[str, Organization] = {}
    by_name: dict[str, str] = {}
    for g in sorted(groups.values(), key=lambda g: normalise(g.name)):
        key = normalise(g.name)
        oid = org_id(g.name)
        aliases = sorted(s for s in g.surfaces if normalise(s) != key and len(s) > 1
                         and normalise(s) not in shared and not is_generic(s))
        names_en = g.own_names_en if g.own_types else g.names_en
        name_en = names_en.most_common(1)[0][0] if names_en else None
        types = g.own_types or g.types
        type_ = sorted(types.items(), key=lambda kv: (-kv[1], kv[0] == "other", kv[0]))[0][0]
        records[oid] = Organization(
            id=oid, name=g.name, name_en=name_en, aliases=aliases, type=type_,  # type: ignore[arg-type]
            sources=sorted(g.sources), evidence=sorted(g.evidence, key=lambda e: e.sort_key())[:MAX_EVIDENCE])
        by_name[key] = oid
        for alias in aliases:
            by_name.setdefault(normalise(alias), oid)
    for name in merges:
        tid = by_name.get(normalise(_follow(name, joins)))
        if tid:
            by_name[normalise(name)] = tid
    return OrgIndex(records=records, by_name=by_name)


def _university_key(name: str) -> str:
    """The grouping key of a normalised name: 대학교 written 대 before a unit or at the end (서울대병원)."""
    return name.replace("대학교", "대")


def _add(g: _Group, m: OrgMention, source_id: str, *, own: bool) -> None:
    g.surfaces[m.surface] += 1
    if m.name_en:
        g.names_en[m.name_en] += 1
        if own:
            g.own_names_en[m.name_en] += 1
        else:  # the English name of an organisation merged into this one stays one of its names
            g.surfaces[m.name_en] += 1
    g.types[m.type] += 1
    if own:
        g.own_types[m.type] += 1
    g.sources.add(source_id)
    g.evidence.append(m.evidence)


def _follow(name: str, joins: Mapping[str, str]) -> str:
    """The name a chain of merges (keys normalised) ends at."""
    seen = {normalise(name)}
    while normalise(name) in joins and normalise(joins[normalise(name)]) not in seen:
        name = joins[normalise(name)]
        seen.add(normalise(name))
    return name


@cache
def _generic_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """Names of a kind of body (data/generic_org_names.yaml, org_rules.yaml), and their modifiers."""
    own: Any = yaml_io.read_yaml(DATA / "generic_org_names.yaml") or {}
    rules: Any = yaml_io.read_yaml(DATA / "org_rules.yaml") or {}
    words = {normalise(str(w)) for w in [*own.get("names", []), *rules.get("generic", []),
                                         *(rules.get("suffixes") or {})]}
    modifiers = tuple(sorted({normalise(str(m)) for m in own.get("modifiers", [])}, key=lambda m: (-len(m), m)))
    return frozenset(w for w in words if w), modifiers


def is_generic(name: str) -> bool:
    """A word for a kind of body (협의회, 진흥원, 실증센터, 인력양성센터), which never names one body."""
    words, modifiers = _generic_words()
    rest = normalise(name)
    while rest and rest not in words:
        lead = next((m for m in modifiers if rest.startswith(m) and len(rest) > len(m)), None)
        if lead is None:
            return False
        rest = rest[len(lead):]
    return bool(rest)


def _shared_aliases(groups: Mapping[str, _Group]) -> set[str]:
    """Surface forms claimed by more than one organisation ("시", "협의체") are nobody's alias."""
    owners: dict[str, set[str]] = defaultdict(set)
    for key, g in groups.items():
        for s in g.surfaces:
            owners[normalise(s)].add(key)
    return {s for s, keys in owners.items() if len(keys) > 1}


def propose_merges(records: Mapping[str, Organization], threshold: float = 90.0) -> list[tuple[str, str, float]]:
    """Pairs of active organisations whose names are close enough to be one body (alike, or one short for
    the other: 연세대 미래캠퍼스 / 연세대학교 미래캠퍼스); proposed, never merged here."""
    from rapidfuzz import fuzz

    orgs = sorted((o for o in records.values() if o.status == "active"), key=lambda o: o.name)
    keys = [normalise(o.name) for o in orgs]
    out = []
    for i, a in enumerate(orgs):
        na = keys[i]
        for j in range(i + 1, len(orgs)):
            b, nb = orgs[j], keys[j]
            if a.type != b.type and "other" not in (a.type, b.type):
                continue
            score = fuzz.ratio(na, nb)
            if na != nb and (score >= threshold or (na[-2:] == nb[-2:] and _short_for(na, nb))):
                short, full = sorted((a.name, b.name), key=lambda n: (len(normalise(n)), n))
                out.append((short, full, round(score, 1)))  # the short name is the one to merge
    return sorted(out)


def _short_for(a: str, b: str) -> bool:
    """One name is the other with some syllables left out, most of it kept (의료산업진흥원 of
    원주의료기기산업진흥원, 연세대미래캠퍼스 of 연세대학교미래캠퍼스); names normalised."""
    from rapidfuzz.distance import LCSseq

    short, long = sorted((a, b), key=len)
    if len(short) < 4 or len(short) == len(long) or len(short) < 0.6 * len(long):
        return False
    return bool(LCSseq.similarity(short, long) == len(short))
