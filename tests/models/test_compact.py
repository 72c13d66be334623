"""Records held with shared field sets and packed between stages are the very records: equal, dumped to
the same bytes, still validated on assignment; a packed record builds nothing but record models."""

from __future__ import annotations

import io
import pickle
import zlib
from pathlib import Path

import pytest
from pydantic import ValidationError

from biohub_cli.kb import records_cache
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.models import Source
from biohub_cli.models.compact import compact, full_set, shared_fields
from biohub_cli.models.dates import PartialDate
from biohub_cli.store import records_io, yaml_io

REPOSITORY = Path(__file__).resolve().parents[2]  # its records/ hold what the examples/ releases yield


@pytest.fixture(scope="module")
def fixture_kb() -> KnowledgeBase:
    from biohub_cli.kb import knowledge_base

    base = knowledge_base.load(REPOSITORY)
    assert len(base.sources) >= 4 and not base.errors
    return base


def _fresh(source: Source, kb: KnowledgeBase) -> Source:
    """The source as validation alone makes it from its YAML file (nothing shared)."""
    return Source.model_validate(yaml_io.loads(kb.paths[source.id].read_text(encoding="utf-8")))


def test_loaded_records_share_one_field_set_per_class_and_dump_the_same_bytes(fixture_kb: KnowledgeBase) -> None:
    source = next(s for s in fixture_kb.sources.values() if s.extraction.organizations)
    assert source.__pydantic_fields_set__ is full_set(Source)
    evidence = [o.evidence for o in source.extraction.organizations]
    assert len({id(e.__pydantic_fields_set__) for e in evidence}) == 1
    fresh = _fresh(source, fixture_kb)
    assert fresh.__pydantic_fields_set__ is not full_set(Source)
    before = records_io.dump_record(fresh)
    compact(fresh)
    assert fresh == source and fresh.__pydantic_fields_set__ is full_set(Source)
    after = records_io.dump_record(fresh)
    assert after == before


def test_equal_strings_of_one_record_are_stored_once(fixture_kb: KnowledgeBase) -> None:
    def repeats(s: Source) -> bool:
        sentences = [o.evidence.sentence for o in s.extraction.organizations]
        return len(set(sentences)) < len(sentences)

    source = _fresh(next(s for s in fixture_kb.sources.values() if repeats(s)), fixture_kb)
    sentences = [o.evidence.sentence for o in source.extraction.organizations]
    repeated = next(x for x in sentences if sentences.count(x) > 1)
    assert len({id(x) for x in sentences if x == repeated}) > 1  # validation made one copy each
    compact(source)
    orgs = source.extraction.organizations
    assert len({id(o.evidence.sentence) for o in orgs if o.evidence.sentence == repeated}) == 1


def test_assignment_on_a_compacted_record_is_validated_and_touches_no_other(fixture_kb: KnowledgeBase) -> None:
    a, b = (_fresh(s, fixture_kb) for s in list(fixture_kb.sources.values())[:2])
    compact(a)
    compact(b)
    a.outlet = "바이오경제신문"
    assert b.outlet != "바이오경제신문" and a.__pydantic_fields_set__ == full_set(Source)
    with pytest.raises(ValidationError):
        a.outlet = 3  # type: ignore[assignment]
    copy = a.model_copy(update={"title": "송도 바이오 협약"})
    assert copy.title == "송도 바이오 협약" and a.title != copy.title


def test_an_incomplete_field_set_stays_the_instances_own() -> None:
    date = PartialDate.model_validate({"year": 2025, "precision": "year"})
    names = date.__pydantic_fields_set__
    assert names != full_set(PartialDate)
    compact(date)
    assert date.__pydantic_fields_set__ is names
    assert shared_fields(PartialDate, frozenset(names)) is not full_set(PartialDate)
    assert shared_fields(PartialDate, frozenset(full_set(PartialDate))) is full_set(PartialDate)


def test_a_packed_source_unpacks_to_the_same_record(fixture_kb: KnowledgeBase) -> None:
    for source in fixture_kb.sources.values():
        packed = records_cache.pack(source)
        back = records_cache.unpack(packed)
        assert back == source
        assert back.model_dump_json() == source.model_dump_json()


def test_unpack_builds_no_class_but_record_models() -> None:
    planted = zlib.compress(pickle.dumps(io.BytesIO(b"x"), protocol=5))
    with pytest.raises(pickle.UnpicklingError, match="may not name"):
        records_cache.unpack(planted)
