"""A date that knows which of its parts the text fixed."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, Self

from pydantic import Field, model_validator

from biohub_cli.models.base import Strict

Precision = Literal["day", "month", "year", "unknown"]
YearBasis = Literal["text", "published", "weekday", "relative", "analyst"]

_ISO = re.compile(r"^(?:(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})(?:-(\d{2}))?|---(\d{2}))$")


class PartialDate(Strict):
    """Year, month and day, each optional; `year_certain` is false unless the text fixed the year."""

    year: int | None = Field(default=None, ge=1900, le=2200)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    precision: Precision = "unknown"
    year_certain: bool = False
    year_basis: YearBasis | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.year is None and self.year_certain:
            raise ValueError("year_certain is true but no year is given")
        if self.year is not None and self.day is not None and self.month is None:
            raise ValueError("a year and a day without a month is not a date")
        expected = _precision(self.year, self.month, self.day)
        if self.precision != expected:
            raise ValueError(f"precision is {self.precision!r} but the parts given make it {expected!r}")
        if self.year is not None and self.month is not None and self.day is not None:
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError as exc:
                raise ValueError(f"no such day: {self.iso()}") from exc
        return self

    @classmethod
    def of(cls, year: int | None = None, month: int | None = None, day: int | None = None, *,
           basis: YearBasis | None = None) -> PartialDate:
        """Build a date whose precision follows from the parts; a given year is a certain year."""
        return cls(year=year, month=month, day=day, precision=_precision(year, month, day),
                   year_certain=year is not None, year_basis=basis if year is not None else None)

    @classmethod
    def parse_iso(cls, text: str) -> PartialDate:
        """Parse the ISO 8601 truncated forms that `iso()` writes."""
        m = _ISO.match(text.strip())
        if not m:
            raise ValueError(f"not an ISO date: {text!r}")
        y, mo, d, mo2, d2, d3 = m.groups()
        if y:
            return cls.of(int(y), int(mo) if mo else None, int(d) if d else None, basis="analyst")
        if mo2:
            return cls.of(None, int(mo2), int(d2) if d2 else None)
        return cls.of(None, None, int(d3))

    def iso(self) -> str:
        """`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `--MM-DD` or `---DD`; empty when nothing is known."""
        if self.year is not None:
            out = f"{self.year:04d}"
            if self.month is not None:
                out += f"-{self.month:02d}"
                if self.day is not None:
                    out += f"-{self.day:02d}"
            return out
        if self.month is not None and self.day is not None:
            return f"--{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"--{self.month:02d}"
        if self.day is not None:
            return f"---{self.day:02d}"
        return ""

    def display(self) -> str:
        """For people: `????-06-11` when the year is unknown."""
        y = f"{self.year:04d}" if self.year is not None else "????"
        m = f"{self.month:02d}" if self.month is not None else "??"
        d = f"{self.day:02d}" if self.day is not None else "??"
        if self.day is None and self.month is not None:
            return f"{y}-{m}"
        if self.day is None and self.month is None:
            return y
        return f"{y}-{m}-{d}"

    def sort_key(self) -> tuple[int, int, int]:
        """Unknown parts sort last within what is known; unknown years sort after every known one."""
        return (self.year or 9999, self.month or 99, self.day or 99)


def _precision(year: int | None, month: int | None, day: int | None) -> Precision:
    if day is not None:
        return "day"
    if month is not None:
        return "month"
    if year is not None:
        return "year"
    return "unknown"
