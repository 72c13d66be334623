"""Clusters and national programmes: the records of records/clusters/ and records/programmes/, and an
event's links to them.

A cluster is a place analysts follow (송도, 오송, 대구 첨단의료복합단지); a programme is a national
programme (K-바이오 랩허브, 바이오 특화단지). Both start from the curated lists in data/ and grow with
the knowledge base; an event cites the clusters it happens in and the programmes it concerns, each link
with the reason and the evidence for it.
"""

from __future__ import annotations

from biohub_cli.models.base import Strict
from biohub_cli.models.evidence import Evidence
from biohub_cli.models.facts import Amount
from biohub_cli.models.vocab import ClusterKind, Milestone, PlaceBasis, ProgrammeKind, Status


class Region(Strict):
    province: str  # 충청북도, 인천광역시
    city: str | None = None  # 청주시, 연수구


class Cluster(Strict):
    """`sites` are places inside the cluster (a venue naming one puts the event there); `bodies` are the
    organisations at home in it (an event they host or sign happens there). `generated` holds the
    fingerprints of what biohub wrote, as for every record: an edited field is kept."""

    id: str
    name: str
    aliases: list[str] = []
    region: Region | None = None
    kind: ClusterKind = "cluster"
    parent: str | None = None  # cluster id
    sites: list[str] = []
    bodies: list[str] = []  # organisation names
    status: Status = "active"
    sources: list[str] = []
    generated: dict[str, str] = {}
    evidence: list[Evidence] = []


class Programme(Strict):
    """`first_seen` and `last_seen`: the dates of the first and last report that names it. `amounts`: the
    money the sentences give it (총사업비, 국비 2,500억), each with its evidence."""

    id: str
    name: str
    aliases: list[str] = []
    owner: str | None = None  # the ministry or body in charge, by name
    kind: ProgrammeKind = "other"
    first_seen: str | None = None
    last_seen: str | None = None
    amounts: list[Amount] = []
    status: Status = "active"
    sources: list[str] = []
    generated: dict[str, str] = {}
    evidence: list[Evidence] = []


class ClusterLink(Strict):
    """An event happens in this cluster: its venue, title or lead sentence names the cluster or a place
    in it, or a host is at home there."""

    cluster: str  # cluster id
    basis: PlaceBasis
    evidence: Evidence | None = None


class ProgrammeLink(Strict):
    """An event concerns this programme, which its title or lead sentence names; `milestone` says what the
    event is to the programme (its selection, an agreement, the groundbreaking, the opening …)."""

    programme: str  # programme id
    milestone: Milestone | None = None
    evidence: Evidence | None = None


__all__ = ["Cluster", "ClusterLink", "Programme", "ProgrammeLink", "Region"]
