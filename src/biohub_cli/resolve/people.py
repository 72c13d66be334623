"""One person across documents, with roles over time."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from biohub_cli.models import Evidence, Organization, Person, PersonRole, Source
from biohub_cli.names import normalise
from biohub_cli.resolve.ids import person_id
from biohub_cli.resolve.orgs import OrgIndex

MAX_EVIDENCE = 5


@dataclass
class _Group:
    name: str
    names_en: Counter[str] = field(default_factory=Counter)
    roles: dict[tuple[str | None, str | None], list[str]] = field(default_factory=dict)
    sources: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)


def source_date(src: Source) -> str | None:
    """When a source speaks: its publication date, else its main event's date."""
    if src.published is not None:
        return src.published.iso()
    for ev in src.extraction.events:
        if ev.main and ev.date.year is not None:
            return ev.date.iso()
    return None


def resolve_people(sources: Sequence[Source], orgs: OrgIndex) -> dict[str, Person]:
    """One person per name; a role per real position: the spellings of one title at one body
    (인천시장, 인천광역시장, 시장 at 인천광역시) are one role, written as most reports write it."""
    groups: dict[str, _Group] = {}
    for src in sorted(sources, key=lambda s: s.id):
        when = source_date(src)
        for m in src.extraction.people:
            g = groups.setdefault(normalise(m.name), _Group(name=m.name))
            if m.name_en:
                g.names_en[m.name_en] += 1
            org = orgs.id_of(m.organization) if m.organization else None
            title = _office_at(m.title, orgs.records.get(org or ""))
            if title or org:
                g.roles.setdefault((title, org), [])
                if when:
                    g.roles[(title, org)].append(when)
            g.sources.add(src.id)
            g.evidence.append(m.evidence)
    out: dict[str, Person] = {}
    for _, g in sorted(groups.items()):
        pid = person_id(g.name)
        _fold_spellings(g.roles)
        _fold_partial_roles(g.roles)
        roles = [PersonRole(title=t, organization=o, first_seen=min(ds) if ds else None,
                            last_seen=max(ds) if ds else None)
                 for (t, o), ds in g.roles.items()]
        roles.sort(key=lambda r: (r.first_seen or "~", r.title or "", r.organization or ""))
        out[pid] = Person(id=pid, name=g.name,
                          name_en=g.names_en.most_common(1)[0][0] if g.names_en else None,
                          roles=roles, sources=sorted(g.sources),
                          evidence=sorted(g.evidence, key=lambda e: e.sort_key())[:MAX_EVIDENCE])
    return out


def _office_at(title: str | None, org: Organization | None) -> str | None:
    """A title that names its body (인천시장 at 인천광역시, 식약처장 at 식품의약품안전처) is the office it ends
    in: the role gives the body once, not in both its fields."""
    if title is None or org is None:
        return title
    squeezed = title.replace(" ", "")
    forms = (org.name, *org.aliases)
    if any(squeezed.startswith(f.replace(" ", "")) and len(squeezed) > len(f.replace(" ", "")) for f in forms):
        return office_of(title)
    return title


def _fold_spellings(roles: dict[tuple[str | None, str | None], list[str]]) -> None:
    """Titles of one body that end in the same title of office are one role (인천시장 = 인천광역시장 = 시장
    at 인천광역시; 식약처장 = 처장 at 식품의약품안전처): the spelling seen most (then the longest) stays."""
    by_office: dict[tuple[str, str], list[tuple[str | None, str | None]]] = {}
    for title, org in roles:
        if title is not None and org is not None:
            by_office.setdefault((office_of(title), org), []).append((title, org))
    for keys in by_office.values():
        if len(keys) < 2:
            continue
        keep = max(keys, key=lambda k: (len(roles[k]), len(k[0] or ""), k[0] or ""))
        for key in keys:
            if key != keep:
                roles[keep].extend(roles.pop(key))


def office_of(title: str) -> str:
    """The title of office a written title ends in (인천광역시장 -> 시장, 보건복지부장관 -> 장관)."""
    return next((t for t in _titles() if title.endswith(t)), title)


@functools.cache
def _titles() -> tuple[str, ...]:
    from biohub_cli.extract.lexicon import bundled_titles

    return bundled_titles()


def _fold_partial_roles(roles: dict[tuple[str | None, str | None], list[str]]) -> None:
    """A role seen without its organisation (or title) joins the fuller role it is part of."""
    for title, org in sorted(roles, key=lambda k: (k[0] or "", k[1] or "")):
        if (title, org) not in roles or (title is not None and org is not None):
            continue
        fuller = sorted(k for k in roles if k != (title, org) and k[0] is not None and k[1] is not None
                        and (title is None or k[0] == title) and (org is None or k[1] == org))
        if len(fuller) == 1:
            roles[fuller[0]].extend(roles.pop((title, org)))
