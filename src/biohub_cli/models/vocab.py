"""The closed vocabularies of the export contract."""

from __future__ import annotations

from typing import Literal

EventType = Literal["meeting", "agreement", "launch", "announcement", "funding", "designation", "event", "other"]
OrgType = Literal["government", "company", "university", "hospital", "research", "public_agency",
                  "association", "council", "media", "other"]
Role = Literal["host", "signatory", "member", "attendee", "organizer", "other"]
AmountKind = Literal["total", "national", "local", "private", "other"]
Currency = Literal["KRW", "USD", "EUR", "JPY", "CNY", "GBP"]
Status = Literal["active", "rejected", "merged"]  # merged: joined into another by an analyst (undo brings it back)
Format = Literal["text", "markdown", "html", "pdf", "hwpx", "hwp"]
SegmentKind = Literal["body", "translation"]
ClusterKind = Literal["national_complex", "industrial_complex", "free_economic_zone", "rnd_special_zone",
                      "regulation_free_zone", "special_zone", "medical_complex", "specialized_complex", "cluster",
                      "other"]
ProgrammeKind = Literal["contest", "plan", "regulation_zone", "committee", "fund", "project", "other"]
# how an event is known to happen in a cluster: its venue, its title, its lead sentence, or a host at home there
PlaceBasis = Literal["venue", "title", "lead", "host"]
# what an event is to a programme it concerns
Milestone = Literal["selection", "designation", "agreement", "groundbreaking", "opening", "launch", "plan",
                    "funding", "meeting", "other"]

EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
ORG_TYPES: tuple[str, ...] = OrgType.__args__  # type: ignore[attr-defined]
CLUSTER_KINDS: tuple[str, ...] = ClusterKind.__args__  # type: ignore[attr-defined]
PROGRAMME_KINDS: tuple[str, ...] = ProgrammeKind.__args__  # type: ignore[attr-defined]
MILESTONES: tuple[str, ...] = Milestone.__args__  # type: ignore[attr-defined]
