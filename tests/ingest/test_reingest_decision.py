"""When an ingest may skip work: the settled fast path (nothing changed, no record loaded) and the
extractor fingerprint (another extractor made the sources: extract them again)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from biohub_cli.config import Layout
from biohub_cli.ingest import last_run, pipeline
from biohub_cli.ingest.fingerprint import compute_fingerprint, extractor_fingerprint
from biohub_cli.kb import checks, records_cache
from biohub_cli.kb import knowledge_base as kb_mod
from biohub_cli.store import curation_files, records_io, yaml_io
from tests.ingest.conftest import N_DOCS, count_extractions, ingest, mtimes, snapshot


def _summary(report: pipeline.IngestReport) -> tuple[object, ...]:
    return ([(Path(f.path).name, f.status, f.source_id, f.message) for f in report.files], report.written,
            report.removed, report.conflicts, report.proposals, report.record_errors)


def _no_full_path(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records every full-path step taken (loading the knowledge base, resolving)."""
    taken: list[str] = []
    real_load, real_resolve = records_cache.load_with_stats, pipeline.resolve

    def load(root: Path, **kwargs: bool) -> tuple[kb_mod.KnowledgeBase, records_cache.CacheStats]:
        taken.append("load")
        return real_load(root, **kwargs)

    def resolve(*args, **kwargs):  # type: ignore[no-untyped-def]
        taken.append("resolve")
        return real_resolve(*args, **kwargs)

    monkeypatch.setattr(records_cache, "load_with_stats", load)
    monkeypatch.setattr(pipeline, "resolve", resolve)
    return taken


def test_an_unchanged_reingest_loads_no_record_and_reports_what_the_full_path_reports(
        workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = workdir / "kb"
    ingest(root, jobs=1)
    shutil.copy(workdir / "releases" / sorted(p.name for p in (workdir / "releases").iterdir())[0],
                workdir / "releases" / "zz-copy.txt")  # the same bytes under a second name
    full = ingest(root, jobs=1)  # zz-copy is new to the state: the full path, which settles again
    assert last_run.state_path(Layout(root)).is_file()
    before, stamps = snapshot(root), mtimes(root)
    taken = _no_full_path(monkeypatch)
    fast = ingest(root, jobs=1)
    assert taken == []
    assert _summary(fast) == _summary(full)
    assert [f.status for f in fast.files] == ["unchanged"] * (N_DOCS + 1)
    assert fast.files[-1].message is not None and fast.files[-1].message.startswith("same content as")
    assert snapshot(root) == before and mtimes(root) == stamps


def test_an_analyst_deletion_since_the_last_ingest_takes_the_full_path(
        workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = workdir / "kb"
    ingest(root, jobs=1)
    event = sorted((root / "records" / "events").rglob("*.yaml"))[0]
    event.unlink()
    taken = _no_full_path(monkeypatch)
    report = ingest(root, jobs=1)
    assert "load" in taken and "resolve" in taken
    assert not event.exists()
    assert records_io.read_index(Layout(root))[event.stem] == "deleted"
    assert not any(event.stem in s.mentions.events for s in kb_mod.load(root).sources.values())
    assert not report.failed


@pytest.mark.parametrize("change", ["aliases", "events", "same-size-edit", "leftover"])
def test_any_change_under_records_or_to_aliases_defeats_the_fast_path(
        workdir: Path, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    root = workdir / "kb"
    ingest(root, jobs=1)
    layout = Layout(root)
    if change == "aliases":
        curation_files.write_merges(layout, {"가나다": "라마바"})
    elif change == "events":  # the analyst's event merges and splits are resolved on every ingest
        curation_files.write_event_curation(layout, {"ev-2025-0000000000": "ev-2025-1111111111"}, {})
    elif change == "same-size-edit":  # within the racy window: size and times could all match
        org = sorted(layout.orgs.glob("*.yaml"))[0]
        text = org.read_text(encoding="utf-8")
        org.write_text(text.replace("status: active", "status: xctive"), encoding="utf-8")
    else:
        (layout.orgs / ".tmp-left.yaml").write_text("id: x\n", encoding="utf-8")
    state = last_run.load(layout)
    assert state is not None and not last_run.unchanged_since(layout, state)
    taken = _no_full_path(monkeypatch)
    ingest(root, jobs=1)
    assert "load" in taken


def test_forcing_takes_the_full_path(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = workdir / "kb"
    ingest(root, jobs=1)
    calls = count_extractions(monkeypatch)
    ingest(root, jobs=1, force=True)
    assert len(calls) == N_DOCS


def test_the_index_names_the_extractor_and_stays_valid(workdir: Path) -> None:
    root = workdir / "kb"
    ingest(root, jobs=1)
    text = (root / "records" / "index.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == f".extractor: {extractor_fingerprint()}"
    assert records_io.load_index(Layout(root)).extractor == extractor_fingerprint()
    assert all(not k.startswith(".") for k in records_io.read_index(Layout(root)))
    assert checks.validate(kb_mod.load(root)) == []


def test_another_extractor_fingerprint_extracts_every_file_again_and_changes_no_record(
        workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = workdir / "kb"
    ingest(root, jobs=1)
    before = snapshot(root)
    calls = count_extractions(monkeypatch)
    monkeypatch.setattr(pipeline, "extractor_fingerprint", lambda: "sha256:another")
    report = ingest(root, jobs=1)
    assert len(calls) == N_DOCS
    assert not report.failed
    after = snapshot(root)
    assert after.pop("index.yaml").startswith(b".extractor: sha256:another\n")
    assert {k: v for k, v in before.items() if k != "index.yaml"} == after
    calls.clear()
    ingest(root, jobs=1)  # now current: nothing is extracted
    assert calls == []


def test_a_record_in_an_older_dump_form_is_written_anew_under_a_new_extractor(
        workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The last run's list of files holding biohub's own dump is trusted only by the same extractor,
    whose fingerprint covers the record models: their dump may have changed since."""
    root = workdir / "kb"
    ingest(root, jobs=1)
    layout = Layout(root)
    event_file = sorted((root / "records" / "events").rglob("*.yaml"))[0]
    canonical = event_file.read_bytes()
    # the same record as older code might have written it (equal values, other bytes), listed by the
    # last run as biohub's own dump
    event_file.write_bytes(canonical + b"# written by an older biohub\n")
    state = last_run.load(layout)
    assert state is not None
    last_run.record(layout, last_run.snapshot(layout, extractor=state.extractor, sources=state.sources,
                                              conflicts=state.conflicts, proposals=state.proposals))
    monkeypatch.setattr(pipeline, "extractor_fingerprint", lambda: "sha256:another")
    ingest(root, jobs=1)
    assert event_file.read_bytes() == canonical


def test_a_partial_reingest_under_a_new_extractor_keeps_the_old_fingerprint_until_all_sources_are_redone(
        workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = workdir / "kb"
    ingest(root, jobs=1)
    old = records_io.load_index(Layout(root)).extractor
    monkeypatch.setattr(pipeline, "extractor_fingerprint", lambda: "sha256:another")
    one = sorted((workdir / "releases").iterdir())[0]
    pipeline.ingest(root, [one.relative_to(workdir)], pipeline.IngestOptions(jobs=1))
    assert records_io.load_index(Layout(root)).extractor == old  # the other sources are the old extractor's
    calls = count_extractions(monkeypatch)
    ingest(root, jobs=1)
    assert len(calls) == N_DOCS
    assert records_io.load_index(Layout(root)).extractor == "sha256:another"


def _fake_package(folder: Path) -> Path:
    for rel, text in {"extract/a.py": "A = 1\n", "clean/b.py": "B = 2\n", "read/c.py": "C = 3\n",
                      "data/lex.yaml": "x: 1\n", "analyse.py": "K = 0\n", "render/r.py": "R = 0\n"}.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return folder


def test_the_fingerprint_covers_extraction_code_and_data_and_nothing_else(tmp_path: Path) -> None:
    pkg = _fake_package(tmp_path / "pkg")
    first = compute_fingerprint(pkg)
    assert first == compute_fingerprint(pkg) and first.startswith("sha256:")
    (pkg / "render" / "r.py").write_text("R = 1\n", encoding="utf-8")  # not extraction
    (pkg / "extract" / "__pycache__").mkdir()
    (pkg / "extract" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    assert compute_fingerprint(pkg) == first
    for rel in ("extract/a.py", "clean/b.py", "read/c.py", "data/lex.yaml", "analyse.py"):
        copy = tmp_path / rel.replace("/", "_")
        shutil.copytree(pkg, copy)
        (copy / rel).write_text((copy / rel).read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
        assert compute_fingerprint(copy) != first, rel
    (pkg / "extract" / "a.py").rename(pkg / "extract" / "z.py")  # a renamed module changes it too
    assert compute_fingerprint(pkg) != first


def test_staged_files_appear_only_when_renamed_and_unchanged_bytes_stage_nothing(tmp_path: Path) -> None:
    path = tmp_path / "orgs" / "org-1.yaml"
    assert yaml_io.write_atomic(path, "id: org-1\n", durable=False) is True
    assert yaml_io.stage(path, "id: org-1\n") is None
    tmp = yaml_io.stage(path, "id: org-1\nname: 가\n")
    assert tmp is not None and tmp.name.startswith(".tmp-") and tmp.parent == path.parent
    assert path.read_text(encoding="utf-8") == "id: org-1\n"
    yaml_io.sync_folder(tmp_path, [tmp])
    tmp.replace(path)
    assert path.read_text(encoding="utf-8") == "id: org-1\nname: 가\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["org-1.yaml"]
