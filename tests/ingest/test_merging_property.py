"""Merge and its undo are exact inverses: any sequence of organisation merges, event merges and splits,
with undos among them, then every remaining one undone, gives back records/ byte for byte, hand edits
included. A refused operation changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biohub_cli.config import Layout
from biohub_cli.errors import BiohubError
from biohub_cli.ingest import merging
from biohub_cli.ingest.pipeline import ingest
from biohub_cli.kb import knowledge_base
from biohub_cli.store import curation_files, records_io
from tests.cli.curation_kb import build, snapshot

NAMES = ["인천광역시", "인천시", "시흥시", "셀트리온", "Celltrion", "삼성바이오로직스", "경북대학교", "경북대병원",
         "인천경제자유구역청", "경북대핵교"]


@pytest.fixture(scope="module")
def edited_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The curation knowledge base with two hand edits: an event's title and an organisation's English name."""
    root = build(tmp_path_factory.mktemp("edited") / "kb")
    base = knowledge_base.load(root)
    layout = Layout(root)
    (talk,) = [e for e in base.events.values() if e.title == "바이오 인력 양성 간담회"]
    records_io.save_record(layout, talk.model_copy(update={"title": "경북대 바이오 인력 양성 간담회"}))
    celltrion = base.org_by_name("셀트리온")
    assert celltrion is not None
    records_io.save_record(layout, celltrion.model_copy(update={"name_en": "Celltrion Inc."}))
    ingest(root, [])
    return root


Op = tuple[str, int, int]
OPS = st.lists(st.tuples(st.sampled_from(["org", "event", "split", "undo"]), st.integers(0, 9), st.integers(0, 9)),
               max_size=6)


def _apply(root: Path, op: Op, events: list[str], sources: list[str]) -> None:
    kind, i, j = op
    if kind == "org":
        merging.merge(root, NAMES[i], NAMES[j])
    elif kind == "event":
        merging.merge(root, events[i % len(events)], events[j % len(events)])
    elif kind == "split":
        merging.split(root, events[i % len(events)], sources[j % len(sources)])
    else:
        _undo_one(root, i)


def _undo_one(root: Path, i: int) -> None:
    """Undo the i-th entry (modulo) of the curation files, if any."""
    cur = curation_files.read_curation(Layout(root))
    entries = [("org", k, "") for k in sorted(cur.org_merges)] + [("event", k, "") for k in sorted(cur.event_merges)]
    entries += [("split", e, s) for e, sids in sorted(cur.event_splits.items()) for s in sids]
    if not entries:
        return
    kind, name, sid = entries[i % len(entries)]
    if kind == "split":
        merging.unsplit(root, name, sid)
    else:
        merging.undo(root, name)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_any_merges_then_all_undone_give_back_the_records(edited_kb: Path, tmp_path_factory: pytest.TempPathFactory,
                                                          ops: list[Op]) -> None:
    root = tmp_path_factory.mktemp("run") / "kb"
    shutil.copytree(edited_kb, root)
    before = snapshot(root)
    base = knowledge_base.load(root)
    events = sorted(base.events)
    sources = sorted(base.sources)
    for op in ops:
        ahead = snapshot(root)
        try:
            _apply(root, op, events, sources)
        except BiohubError:
            assert snapshot(root) == ahead, f"a refused {op} changed records/"
    while True:
        cur = curation_files.read_curation(Layout(root))
        if not (cur.org_merges or cur.event_merges or cur.event_splits):
            break
        _undo_one(root, 0)
    assert snapshot(root) == before
