"""Where a fact came from: a source, a character span in its kept text, and the sentence."""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from biohub_cli.models.base import Strict


class Evidence(Strict):
    source: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"evidence ends ({self.end}) before it starts ({self.start})")
        return self

    def sort_key(self) -> tuple[str, int, int]:
        return (self.source, self.start, self.end)
