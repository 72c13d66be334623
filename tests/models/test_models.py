from __future__ import annotations

import pytest
from pydantic import ValidationError

from biohub_cli.models import Organization, PartialDate


def test_partial_date_forms() -> None:
    assert PartialDate.of(2025, 12, 2).iso() == "2025-12-02"
    assert PartialDate.of(2024, 12).iso() == "2024-12"
    assert PartialDate.of(None, 6, 11).iso() == "--06-11"
    assert PartialDate.of(None, None, 26).iso() == "---26"
    assert PartialDate.of(None, 6, 11).display() == "????-06-11"
    assert PartialDate.of(None, 6, 11).year_certain is False


@pytest.mark.parametrize("text", ["2025-12-02", "2024-12", "2025", "--06-11", "---26"])
def test_parse_iso_round_trips(text: str) -> None:
    assert PartialDate.parse_iso(text).iso() == text


def test_impossible_day_is_rejected() -> None:
    with pytest.raises(ValidationError, match="no such day"):
        PartialDate.of(2025, 2, 30)


def test_certain_year_needs_a_year() -> None:
    with pytest.raises(ValidationError):
        PartialDate(month=6, day=11, precision="day", year_certain=True)


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError, match="Extra inputs"):
        Organization.model_validate({"id": "org-1", "name": "셀트리온", "homepage": "x"})


def test_types_are_not_coerced() -> None:
    with pytest.raises(ValidationError):
        Organization.model_validate({"id": "org-1", "name": 17})
