"""The clusters and programmes an organisation is involved in, for its page (site, `biohub org`): those of
the events it takes part in, each with the count of those events as the cluster's or programme's own page
counts the organisation, and the clusters it is at home in (their `bodies`), even without an event there.

Both maps are built once per render Index: a build asks for every organisation.
"""

from __future__ import annotations

from collections import Counter

from biohub_cli.kb import places
from biohub_cli.names import normalise
from biohub_cli.render import labels as lb
from biohub_cli.render.contexts import PlaceRow, Ref
from biohub_cli.render.queries import Index
from biohub_cli.render.views import org_ref, page_name


def org_places(ix: Index, org_id: str, lang: str) -> list[PlaceRow]:
    """The organisation's clusters and programmes, the most events first, then by name (then kind and id);
    a cluster it is at home in is noted as such."""
    t = lb.labels(lang)
    counts = _counts(ix).get(org_id, Counter())
    homes = set(homes_of_orgs(ix).get(org_id, ()))
    rows = []
    for kind, rid in set(counts) | {("cluster", cid) for cid in homes}:
        rec = ix.kb.clusters[rid] if kind == "cluster" else ix.kb.programmes[rid]
        ref = Ref("cluster" if kind == "cluster" else "programme", rec.id, rec.name, page_name(rec.id))
        rows.append(PlaceRow(ref, t[kind], t["home"] if kind == "cluster" and rid in homes else "",
                             counts[(kind, rid)]))
    return sorted(rows, key=lambda r: (-r.events, r.ref.name, r.ref.kind, r.ref.id))


def home_bodies(ix: Index, cluster_id: str) -> list[Ref]:
    """The organisations at home in a cluster: its bodies the knowledge base knows, linked, by name; then
    the bodies it names that are no active organisation, as written."""
    cluster = ix.kb.clusters[cluster_id]
    known = sorted((org_ref(ix, oid) for oid, homes in homes_of_orgs(ix).items() if cluster_id in homes),
                   key=lambda r: (r.name, r.id))
    named = {normalise(n) for r in known for n in (ix.orgs[r.id].name, *ix.orgs[r.id].aliases)}
    rest = [Ref("org", "", body) for body in dict.fromkeys(cluster.bodies) if normalise(body) not in named]
    return known + rest


def homes_of_orgs(ix: Index) -> dict[str, list[str]]:
    held: dict[str, list[str]] | None = ix.memo.get(("homes-of-orgs",))
    if held is None:
        held = ix.memo[("homes-of-orgs",)] = places.homes_of_orgs(ix.kb)
    return held


def _counts(ix: Index) -> dict[str, Counter[tuple[str, str]]]:
    held: dict[str, Counter[tuple[str, str]]] | None = ix.memo.get(("places-of-orgs",))
    if held is None:
        held = ix.memo[("places-of-orgs",)] = places.places_of_orgs(ix.kb, ix.events)
    return held
