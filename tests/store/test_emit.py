"""store/emit.py writes records without PyYAML; whatever it writes must be PyYAML's bytes exactly, and it
must write (not leave to PyYAML) the records biohub makes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biohub_cli.ingest.pipeline import IngestOptions, ingest
from biohub_cli.kb import knowledge_base as kb_mod
from biohub_cli.store import records_io, yaml_io
from tests.store.test_yaml_io_dumps_exact import _reference

# Characters and pieces on which libyaml's choice of style turns, with Korean and Latin text around them.
_PIECES = [" ", "  ", "\n", "\n\n", " \n", "\n ", "#", " #", ":", ": ", "-", "- ", "?", "? ", "'", '"', "[", "]",
           "{", "}", ",", "&", "*", "!", "|", ">", "%", "@", "`", "~", ".", "...", "---", "=", "<<", "+", "\t",
           "\r", "\x85", "\u2028", "\ufeff", "\x7f", "\x00", "\xa0", "\u3000", "\ufffd", "\U0001f600", "yes",
           "No", "null", "true", "0", "12", "0x1F", "1e3", "3.14", ".inf", "2024-05-01", "12:30", "1_000", "y",
           "인천", "바이오", "세종시", "(주)", "‘기술교류회’", "“협약”", "△", "·", "…", "a", "Songdo", "1조 원"]

_TEXT = st.lists(st.sampled_from(_PIECES), max_size=6).map("".join)
_SCALAR = st.one_of(_TEXT, st.integers(min_value=-10**15, max_value=10**15), st.booleans(), st.none())
_KEY = st.one_of(st.sampled_from(["id", "text", "start", "sentence", "담당부서", "연 락 처"]), _TEXT)
_DOCUMENT = st.recursive(
    _SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_KEY, inner, max_size=4)),
    max_leaves=20,
).filter(lambda d: isinstance(d, dict))


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(_DOCUMENT)
def test_what_yaml_emit_writes_is_what_pyyaml_writes(data: dict[Any, Any]) -> None:
    text = yaml_io._EMITTER.emit(data) if yaml_io._EMITTER is not None else None
    if text is not None:
        assert text == yaml_io.pyyaml_dumps(data)  # libyaml's emitter
        assert text == _reference(data)          # PyYAML's own Python emitter
        assert yaml_io.loads(text) == data


# Documents emit.py must write itself: one-line texts of printed characters (plain or quoted), keys
# that are not empty, and no list directly inside a list.
_PRINTED_PIECES = [p for p in _PIECES if p.isprintable() and p != "\ufeff" and p != "\U0001f600"]
_LINE = st.lists(st.sampled_from(_PRINTED_PIECES), max_size=6).map("".join)
_PLAIN_SCALAR = st.one_of(_LINE, st.integers(min_value=-10**15, max_value=10**15), st.booleans(), st.none())
_PLAIN_KEY = _LINE.filter(bool)
_WRITTEN = st.recursive(
    _PLAIN_SCALAR,
    lambda inner: st.one_of(
        st.dictionaries(_PLAIN_KEY, inner, max_size=4),
        st.lists(st.one_of(_PLAIN_SCALAR, st.dictionaries(_PLAIN_KEY, inner, max_size=3)), max_size=4)),
    max_leaves=20,
).filter(lambda d: isinstance(d, dict) and bool(d))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(_WRITTEN)
def test_one_line_documents_are_written_by_yaml_emit_as_pyyaml_writes_them(data: dict[Any, Any]) -> None:
    assert yaml_io._EMITTER is not None
    text = yaml_io._EMITTER.emit(data)
    assert text is not None, data
    assert text == yaml_io.pyyaml_dumps(data)
    assert text == _reference(data)


def test_every_record_of_an_ingest_is_written_without_pyyaml(tmp_path: Path, monkeypatch: Any) -> None:
    releases = Path(__file__).resolve().parents[2] / "examples" / "releases"
    root = tmp_path / "kb"
    (root / "records").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    ingest(root, [releases], IngestOptions(jobs=1))
    kb = kb_mod.load(root)
    records = [*kb.orgs.values(), *kb.people.values(), *kb.events.values(), *kb.sources.values()]
    assert len(records) > 20
    written = 0
    for rec in records:
        data = rec.model_dump(mode="json")
        text = yaml_io._EMITTER.emit(data) if yaml_io._EMITTER is not None else None
        if text is not None:
            written += 1
            assert text == yaml_io.pyyaml_dumps(data)
            assert text == records_io.record_path(kb.layout, rec).read_text(encoding="utf-8")
    # a release page's header keeps its spaces before line breaks (PyYAML writes those in double quotes)
    assert written >= len(records) - 2
