"""What extraction finds in one document, before it is resolved against the knowledge base."""

from __future__ import annotations

from typing import Any

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer, model_validator

from biohub_cli.models.base import Strict
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.evidence import Evidence
from biohub_cli.models.vocab import AmountKind, ClusterKind, Currency, EventType, OrgType, Role


class Amount(Strict):
    """A money amount as written, with what it pays for. Won amounts carry `value_krw`; an amount in
    another currency carries its `currency` and `value` in that currency, and no won value: the text
    gives no rate."""

    value_krw: int | None = Field(default=None, ge=0)
    currency: Currency = "KRW"
    value: int | None = Field(default=None, ge=0)
    text: str
    label: str | None = None
    kind: AmountKind = "other"
    evidence: Evidence | None = None

    @model_validator(mode="after")
    def _one_value(self) -> Amount:
        if self.currency == "KRW" and (self.value_krw is None or self.value is not None):
            raise ValueError("a won amount has value_krw and no value")
        if self.currency != "KRW" and (self.value is None or self.value_krw is not None):
            raise ValueError(f"an amount in {self.currency} has value and no value_krw (no rate is invented)")
        return self

    @model_serializer(mode="wrap")
    def _won_as_before(self, handler: SerializerFunctionWrapHandler) -> Any:
        """A won amount is written as it was before other currencies were kept (no `currency`, no `value`),
        so records and the fingerprints of fields an analyst may edit stay the same."""
        data = handler(self)
        if isinstance(data, dict) and self.currency == "KRW":
            data.pop("currency", None)
            data.pop("value", None)
        return data

    @property
    def figure(self) -> tuple[str, int]:
        """(currency, value in that currency): what two amounts must share to be the same figure."""
        return self.currency, (self.value_krw if self.value_krw is not None else self.value) or 0


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


class ClusterMention(Strict):
    """A cluster named in a document: by one of its names, or by a place inside it (`site`: 송도컨벤시아
    names no cluster but lies in 송도). `kind` is set for a name no list holds, which the text wrote with a
    cluster's ending (충주 바이오헬스 국가산업단지)."""

    surface: str
    name: str  # the cluster's canonical name
    site: bool = False
    kind: ClusterKind | None = None
    evidence: Evidence


class ProgrammeMention(Strict):
    """A national programme named in a document (K-바이오 랩허브 구축사업, 바이오 특화단지 지정)."""

    surface: str
    name: str  # the programme's canonical name
    evidence: Evidence


class Extraction(Strict):
    """Everything one document yielded; stored inside its source record so resolve can re-run."""

    organizations: list[OrgMention] = []
    people: list[PersonMention] = []
    events: list[EventMention] = []
    amounts: list[Amount] = []
    quotes: list[Quote] = []
    clusters: list[ClusterMention] = []
    programmes: list[ProgrammeMention] = []
