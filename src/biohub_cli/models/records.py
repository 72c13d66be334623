"""The records of records/: one YAML file each."""

from __future__ import annotations

from pydantic import Field

from biohub_cli.models.base import Strict
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.evidence import Evidence
from biohub_cli.models.facts import Amount, Extraction, Quote
from biohub_cli.models.places import Cluster, ClusterLink, Programme, ProgrammeLink
from biohub_cli.models.vocab import EventType, Format, OrgType, Role, SegmentKind, Status


class Segment(Strict):
    """A stretch of the kept text: the story itself, or an appended translation."""

    kind: SegmentKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    language: str = "ko"


class Noise(Strict):
    """A stretch of the read text that clean dropped, and why."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    reason: str
    text: str


class Mentions(Strict):
    """Record ids a document contributed, filled in by resolve."""

    organizations: list[str] = []
    people: list[str] = []
    events: list[str] = []
    clusters: list[str] = []
    programmes: list[str] = []


class Source(Strict):
    """`generated` holds fingerprints of the metadata biohub wrote (title, outlet, reporter, published):
    a value edited by hand is kept when the document is extracted again, and a `published` set by hand
    dates the document's relative dates (이날, 지난달) anew at the next ingest."""

    id: str
    path: str
    file_name: str
    sha256: str
    format: Format
    title: str | None = None
    outlet: str | None = None
    reporter: str | None = None
    published: PartialDate | None = None
    published_time: str | None = None
    published_evidence: Evidence | None = None
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")  # the original address of a saved web page
    off_topic: str | None = None  # why it is not about the bio industry: its events are hidden by default
    header: dict[str, str] = {}
    generated: dict[str, str] = {}
    segments: list[Segment] = []
    text: str
    noise: list[Noise] = []
    extraction: Extraction = Extraction()
    mentions: Mentions = Mentions()


class Participant(Strict):
    organization: str  # org id
    role: Role = "attendee"


class Event(Strict):
    """`generated` holds fingerprints of the values biohub wrote; a field whose value no longer
    matches its fingerprint was edited by an analyst and is kept on the next ingest."""

    id: str
    date: PartialDate
    year_from: str | None = None  # the source whose text fixed the year, when several reports are merged
    end_date: PartialDate | None = None
    type: EventType
    title: str
    venue: str | None = None
    ordinal: int | None = None
    main: bool = True
    participants: list[Participant] = []
    people: list[str] = []  # person ids
    amounts: list[Amount] = []
    attendees: int | None = None
    quotes: list[Quote] = []
    clusters: list[ClusterLink] = []  # where it happens
    programmes: list[ProgrammeLink] = []  # the national programmes it concerns
    sources: list[str] = []
    merged_because: list[str] = []
    status: Status = "active"
    generated: dict[str, str] = {}
    evidence: list[Evidence] = []


class Organization(Strict):
    id: str
    name: str
    name_en: str | None = None
    aliases: list[str] = []
    type: OrgType = "other"
    parent: str | None = None
    status: Status = "active"
    sources: list[str] = []
    generated: dict[str, str] = {}
    evidence: list[Evidence] = []


class PersonRole(Strict):
    title: str | None = None
    organization: str | None = None  # org id
    first_seen: str | None = None  # ISO date (possibly partial) of the first source that shows it
    last_seen: str | None = None


class Person(Strict):
    id: str
    name: str
    name_en: str | None = None
    roles: list[PersonRole] = []
    status: Status = "active"
    sources: list[str] = []
    generated: dict[str, str] = {}
    evidence: list[Evidence] = []


Record = Source | Event | Organization | Person | Cluster | Programme
