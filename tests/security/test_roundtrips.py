"""Nothing lost on the way to disk: records and dates survive their text forms (hypothesis).

The normalisers' own properties live with them (tests/extract/test_dates.py, test_money.py,
tests/test_store.py for plain YAML values, tests/read/test_read_fuzz.py for readers on random
bytes); these add whole records through records_io and the partial-date text form.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from biohub_cli.config import Layout
from biohub_cli.kb import knowledge_base as kb_mod
from biohub_cli.models import Event, Evidence, Organization, PartialDate, Person, Source
from biohub_cli.models.records import Noise, PersonRole
from biohub_cli.store import records_io, yaml_io

TEXT = st.text(max_size=80)
NAMES = st.text(min_size=1, max_size=20)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Dates in the forms of the export contract: Y, Y-M, Y-M-D, --M-D, ---D."""
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
    form = draw(st.sampled_from(["ymd", "ym", "y", "md", "d"]))
    if form == "md":
        return PartialDate.of(None, day.month, day.day)
    if form == "d":
        return PartialDate.of(None, None, day.day)
    return PartialDate.of(day.year, day.month if "m" in form else None, day.day if "d" in form else None)


@st.composite
def sources(draw: st.DrawFn) -> Source:
    text = draw(TEXT)
    ev = Evidence(source="src-0", start=0, end=len(text), sentence=text)
    noise = draw(st.lists(st.tuples(NAMES, TEXT), max_size=2))
    return Source(id="src-0123456789ab", path=draw(TEXT), file_name=draw(NAMES), sha256="0" * 64,
                  format="text", title=draw(st.none() | TEXT), outlet=draw(st.none() | TEXT), text=text,
                  published=draw(st.none() | partial_dates()), published_evidence=ev,
                  header=draw(st.dictionaries(NAMES, TEXT, max_size=3)),
                  noise=[Noise(start=0, end=1, reason=r, text=t) for r, t in noise])


@st.composite
def others(draw: st.DrawFn) -> Event | Organization | Person:
    kind = draw(st.sampled_from(["event", "org", "person"]))
    if kind == "event":
        return Event(id="ev-2024-0123456789", date=draw(partial_dates()), type="agreement", title=draw(TEXT),
                     venue=draw(st.none() | TEXT), attendees=draw(st.none() | st.integers(0, 10**6)),
                     sources=draw(st.lists(NAMES, max_size=3)))
    if kind == "org":
        return Organization(id="org-0123456789", name=draw(NAMES), name_en=draw(st.none() | TEXT),
                            aliases=draw(st.lists(NAMES, max_size=4)))
    titles = draw(st.lists(st.none() | TEXT, max_size=3))
    return Person(id="per-0123456789", name=draw(NAMES), roles=[PersonRole(title=t) for t in titles])


AnyRecord = Source | Event | Organization | Person


@SETTINGS
@given(rec=st.one_of(sources(), others()))
def test_a_record_survives_the_disk_and_rewrites_to_the_same_bytes(tmp_path_factory: pytest.TempPathFactory,
                                                                   rec: AnyRecord) -> None:
    layout = Layout(tmp_path_factory.mktemp("rt"))
    assert records_io.save_record(layout, rec)
    path = records_io.record_path(layout, rec)
    back = kb_mod.load_record(path, type(rec))
    assert back == rec
    assert records_io.save_record(layout, back) is False  # same bytes: nothing rewritten


@SETTINGS
@given(rec=st.one_of(sources(), others()))
def test_dumping_is_deterministic_and_loads_safely(rec: AnyRecord) -> None:
    text = records_io.dump_record(rec)
    assert text == records_io.dump_record(type(rec).model_validate(rec.model_dump()))
    assert type(rec).model_validate(yaml_io.loads(text)) == rec


@given(date=partial_dates())
def test_partial_dates_round_trip_through_their_iso_form(date: PartialDate) -> None:
    back = PartialDate.parse_iso(date.iso())
    assert (back.year, back.month, back.day) == (date.year, date.month, date.day)
    assert back.precision == date.precision


@given(year=st.none() | st.integers(1900, 2200), month=st.none() | st.integers(1, 12),
       day=st.none() | st.integers(1, 28))
@example(year=None, month=6, day=None)
@example(year=2025, month=None, day=5)
def test_every_date_the_model_accepts_round_trips(year: int | None, month: int | None,
                                                  day: int | None) -> None:
    if year is None and month is None and day is None:
        return
    try:
        date = PartialDate.of(year, month, day)
    except ValueError:  # pydantic's ValidationError: a year and a day without a month is refused
        assert year is not None and month is None and day is not None
        return
    back = PartialDate.parse_iso(date.iso())
    assert (back.year, back.month, back.day) == (year, month, day)


def test_loaded_records_keep_their_path(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    org = Organization(id="org-0123456789", name="바이오재단")
    records_io.save_record(layout, org)
    base = kb_mod.load(tmp_path)
    assert base.orgs == {org.id: org}
    assert base.paths[org.id] == records_io.record_path(layout, org)
