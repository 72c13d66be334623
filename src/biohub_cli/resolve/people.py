"""One person across documents, with roles over time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from biohub_cli.models import Evidence, Person, PersonRole, Source
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
    groups: dict[str, _Group] = {}
    for src in sorted(sources, key=lambda s: s.id):
        when = source_date(src)
        for m in src.extraction.people:
            g = groups.setdefault(normalise(m.name), _Group(name=m.name))
            if m.name_en:
                g.names_en[m.name_en] += 1
            org = orgs.id_of(m.organization) if m.organization else None
            if m.title or org:
                g.roles.setdefault((m.title, org), [])
                if when:
                    g.roles[(m.title, org)].append(when)
            g.sources.add(src.id)
            g.evidence.append(m.evidence)
    out: dict[str, Person] = {}
    for _, g in sorted(groups.items()):
        pid = person_id(g.name)
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


def _fold_partial_roles(roles: dict[tuple[str | None, str | None], list[str]]) -> None:
    """A role seen without its organisation (or title) joins the fuller role it is part of."""
    for title, org in sorted(roles, key=lambda k: (k[0] or "", k[1] or "")):
        if (title, org) not in roles or (title is not None and org is not None):
            continue
        fuller = sorted(k for k in roles if k != (title, org) and k[0] is not None and k[1] is not None
                        and (title is None or k[0] == title) and (org is None or k[1] == org))
        if len(fuller) == 1:
            roles[fuller[0]].extend(roles.pop((title, org)))
