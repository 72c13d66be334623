"""Typed objects that pass between the stages, and the records of records/."""

from biohub_cli.models.dates import PartialDate
from biohub_cli.models.evidence import Evidence
from biohub_cli.models.facts import (
    Amount,
    ClusterMention,
    EventMention,
    Extraction,
    OrgMention,
    ParticipantMention,
    PersonMention,
    ProgrammeMention,
    Quote,
)
from biohub_cli.models.places import Cluster, ClusterLink, Programme, ProgrammeLink, Region
from biohub_cli.models.records import (
    Event,
    Mentions,
    Noise,
    Organization,
    Participant,
    Person,
    PersonRole,
    Record,
    Segment,
    Source,
)

__all__ = [
    "Amount",
    "Cluster",
    "ClusterLink",
    "ClusterMention",
    "Event",
    "EventMention",
    "Evidence",
    "Extraction",
    "Mentions",
    "Noise",
    "OrgMention",
    "Organization",
    "PartialDate",
    "Participant",
    "ParticipantMention",
    "Person",
    "PersonMention",
    "PersonRole",
    "Programme",
    "ProgrammeLink",
    "ProgrammeMention",
    "Quote",
    "Record",
    "Region",
    "Segment",
    "Source",
]
