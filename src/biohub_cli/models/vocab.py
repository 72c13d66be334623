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

EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
ORG_TYPES: tuple[str, ...] = OrgType.__args__  # type: ignore[attr-defined]
