"""What extraction finds in one document, before it is resolved against the knowledge base."""

from __future__ import annotations

from pydantic import Field

from biohub_cli.models.base import Strict
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.evidence import Evidence
from biohub_cli.models.vocab import AmountKind, EventType, OrgType, Role


class Amount(Strict):
    """A money amount in won, as written, with what it pays for."""

    value_krw: int = Field(ge=0)
    text: str
    label: str | None = None
    kind: AmountKind = "other"
    evidence: Evidence | None = None


class OrgMention(Strict):
    """An organisation named in a document: its surface form and, when known, its canonical name."""

    surface: str
    name: str
    name_en: str | None = None
    type: OrgType = "other"
    evidence: Evidence


class PersonMention(Strict):
    name: str
    name_en: str | None = None
    title: str | None = None
    organization: str | None = None  # canonical organisation name as extracted
    evidence: Evidence


class Quote(Strict):
    text: str
    speaker: str | None = None  # person name as extracted (person id in records)
    evidence: Evidence


class ParticipantMention(Strict):
    organization: str  # canonical organisation name
    role: Role = "attendee"


class EventMention(Strict):
    """An event a document reports (`main`) or mentions in passing."""

    date: PartialDate
    end_date: PartialDate | None = None
    type: EventType = "other"
    title: str
    venue: str | None = None
    ordinal: int | None = None
    participants: list[ParticipantMention] = []
    people: list[str] = []  # person names
    attendees: int | None = None
    main: bool = True
    evidence: list[Evidence] = []


class Extraction(Strict):
    """Everything one document yielded; stored inside its source record so resolve can re-run."""

    organizations: list[OrgMention] = []
    people: list[PersonMention] = []
    events: list[EventMention] = []
    amounts: list[Amount] = []
    quotes: list[Quote] = []
