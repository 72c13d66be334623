"""The strict base every record model shares."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Unknown fields are rejected and types are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, validate_assignment=True)
