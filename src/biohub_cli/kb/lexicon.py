"""The extraction lexicon, sharpened by what analysts taught the knowledge base.

Only curated records join the lexicon (written by hand, or whose name or aliases an analyst edited):
machine-found names would make one file's extraction depend on which files were ingested before it,
and the same files must give the same records in any order.
"""

from __future__ import annotations

from pydantic import BaseModel

from biohub_cli.extract.lexicon import Lexicon, OrgEntry
from biohub_cli.extract.place_names import ClusterEntry, ProgrammeEntry
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.resolve.curation import fingerprints
from biohub_cli.resolve.places import curated_place_entries


def _curated(rec: BaseModel, fields: tuple[str, ...]) -> bool:
    gen: dict[str, str] = getattr(rec, "generated", {})
    if not gen:
        return True
    now = fingerprints(rec)
    return any(gen.get(f) != now.get(f) for f in fields)


def curated_entries(kb: KnowledgeBase) -> tuple[list[OrgEntry], list[str]]:
    """The organisations and people analysts curated, as lexicon entries."""
    orgs = [OrgEntry(name=o.name, type=o.type, aliases=tuple(o.aliases), name_en=o.name_en)
            for o in kb.active_orgs() if _curated(o, ("name", "aliases", "name_en", "type"))]
    people = [p.name for p in kb.active_people() if _curated(p, ("name",))]
    return orgs, people


def curated_places(kb: KnowledgeBase) -> tuple[list[ClusterEntry], list[ProgrammeEntry]]:
    """The clusters and programmes analysts curated (written by hand, or names, sites or bodies edited)."""
    return curated_place_entries(kb.clusters, kb.programmes)


def lexicon_for(kb: KnowledgeBase) -> Lexicon:
    """Bundled lexicon plus the organisations, people, clusters and programmes analysts curated."""
    orgs, people = curated_entries(kb)
    clusters, programmes = curated_places(kb)
    return Lexicon.load(extra_orgs=orgs, extra_people=people, extra_clusters=clusters, extra_programmes=programmes)
