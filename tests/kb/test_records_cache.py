"""The read-path cache: the same knowledge base as `knowledge_base.load`, and never a stale one."""

from __future__ import annotations

import io
import json
import os
import pickle
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from biohub_cli.cli.app import app
from biohub_cli.kb import knowledge_base, records_cache
from biohub_cli.store import record_files, yaml_io
from tests.render.golden import FIXTURE_KB


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture knowledge base; files count as settled at once (no racy window)."""
    monkeypatch.setattr(records_cache, "RACY_NS", 0)
    dest = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, dest, ignore=shutil.ignore_patterns(".biohub"))
    return dest


def assert_same(a: knowledge_base.KnowledgeBase, b: knowledge_base.KnowledgeBase) -> None:
    assert a.sources == b.sources
    assert a.events == b.events
    assert a.orgs == b.orgs
    assert a.people == b.people
    assert a.paths == b.paths
    assert [e.render() for e in a.errors] == [e.render() for e in b.errors]
    for table in ("sources", "events", "orgs", "people"):
        assert list(getattr(a, table)) == list(getattr(b, table))  # same order too
        for rid, rec in getattr(a, table).items():
            other = getattr(b, table)[rid]
            assert rec.model_dump(mode="json") == other.model_dump(mode="json")
            assert rec.model_fields_set == other.model_fields_set


def first_event_file(root: Path) -> Path:
    return next(iter(sorted((root / "records" / "events").rglob("*.yaml"))))


def test_a_cold_and_a_warm_load_give_what_kb_load_gives(root: Path) -> None:
    base, stats = records_cache.load_with_stats(root)
    assert stats.files > 10 and stats.hits == 0 and stats.written
    assert_same(base, knowledge_base.load(root))
    again, stats = records_cache.load_with_stats(root)
    assert stats.hits == stats.files and stats.loaded == 0 and not stats.written
    assert_same(again, knowledge_base.load(root))


def test_a_snapshot_written_in_many_chunks_gives_every_record(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records_cache, "CHUNK", 3)  # the pickler's memo is cleared every 3 entries
    _, stats = records_cache.load_with_stats(root)
    assert stats.written and stats.files > 10
    again, stats = records_cache.load_with_stats(root)
    assert stats.hits == stats.files and stats.loaded == 0
    assert_same(again, knowledge_base.load(root))


def test_records_from_the_snapshot_behave_like_validated_ones(root: Path) -> None:
    records_cache.load_cached(root)
    base = records_cache.load_cached(root)
    assert base.timeline() == knowledge_base.load(root).timeline()
    event = next(iter(base.events.values()))
    event.title = "손으로 고친 제목"  # validate_assignment still applies and fields_set is a real set
    assert "title" in event.model_fields_set
    with pytest.raises(ValueError):
        event.attendees = "many"  # type: ignore[assignment]
    assert records_cache.load_cached(root).events[event.id].title != "손으로 고친 제목"  # a copy, not a shared object


def test_a_hand_edit_is_seen_even_when_size_and_mtime_are_kept(root: Path) -> None:
    records_cache.load_cached(root)
    path = first_event_file(root)
    text = path.read_text(encoding="utf-8")
    before = path.stat()
    rid = path.stem
    old_title = records_cache.load_cached(root).events[rid].title
    new_title = old_title[:-1] + ("가" if old_title[-1] != "가" else "나")
    assert len(new_title.encode()) == len(old_title.encode())
    path.write_text(text.replace(f"title: {old_title}", f"title: {new_title}"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # a tool that keeps the mtime
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    base, stats = records_cache.load_with_stats(root)
    assert base.events[rid].title == new_title
    assert stats.loaded == 1 and stats.hits == stats.files - 1
    assert_same(base, knowledge_base.load(root))


def test_new_deleted_and_broken_files_are_never_hidden_by_the_snapshot(root: Path) -> None:
    records_cache.load_cached(root)
    path = first_event_file(root)
    rid = path.stem
    copy = root / "records" / "events" / "copied" / path.name
    copy.parent.mkdir()
    shutil.copy(path, copy)  # the same record in a second folder: a duplicate id, as knowledge_base.load reports it
    misnamed = path.with_name("ev-misnamed.yaml")
    shutil.copy(path, misnamed)  # an id that is not the file name
    org = next(iter(sorted((root / "records" / "orgs").glob("*.yaml"))))
    org.write_text("name: [unclosed\n", encoding="utf-8")
    base = records_cache.load_cached(root)
    assert_same(base, knowledge_base.load(root))
    assert any("duplicate id" in e.render() for e in base.errors)
    assert any("does not match the file name" in e.render() for e in base.errors)
    assert any(org.name in e.render() for e in base.errors)
    again = records_cache.load_cached(root)  # errors are reported every time, not cached away
    assert [e.render() for e in again.errors] == [e.render() for e in base.errors]
    path.unlink()
    copy.unlink()
    misnamed.unlink()
    gone = records_cache.load_cached(root)
    assert rid not in gone.events
    assert_same(gone, knowledge_base.load(root))


def test_a_file_written_just_before_the_load_is_trusted_on_its_bytes_until_it_settles(
        root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records_cache.load_cached(root)  # every other file in the snapshot, trusted on its signature
    monkeypatch.setattr(records_cache, "RACY_NS", 3_000_000_000)
    path = first_event_file(root)
    path.write_bytes(path.read_bytes())  # just written: the clock tick could hide a second write
    base, stats = records_cache.load_with_stats(root)
    assert stats.loaded == 1
    monkeypatch.setattr(records_cache, "REWRITE_AFTER", 0)
    records_cache.load_with_stats(root)  # writes the snapshot with that file's entry
    monkeypatch.setattr(records_cache, "REWRITE_AFTER", 32)
    _, stats = records_cache.load_with_stats(root)
    assert stats.loaded == 0 and stats.verified == 1  # its bytes were read and found unchanged
    assert_same(base, knowledge_base.load(root))
    monkeypatch.setattr(records_cache, "RACY_NS", 0)  # the write is old now: the signature alone will do
    _, stats = records_cache.load_with_stats(root)
    assert stats.verified == 1 and stats.unsaved == 1
    monkeypatch.setattr(records_cache, "REWRITE_AFTER", 0)
    _, stats = records_cache.load_with_stats(root)
    assert stats.verified == 1 and stats.written
    _, stats = records_cache.load_with_stats(root)
    assert stats.verified == 0 and stats.hits == stats.files


def test_a_second_write_hidden_in_the_same_clock_tick_is_found_by_its_bytes(
        root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records_cache.load_cached(root)
    monkeypatch.setattr(records_cache, "RACY_NS", 3_000_000_000)
    monkeypatch.setattr(records_cache, "REWRITE_AFTER", 0)
    path = first_event_file(root)
    text = path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    assert records_cache.load_with_stats(root)[1].written  # the file's entry holds the digest of its bytes
    sig = record_files.signature(path)
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    hangul = next(c for c in title if "가" <= c <= "힣")
    other = "흠" if hangul != "흠" else "홍"
    path.write_text(text.replace(title, title.replace(hangul, other, 1)), encoding="utf-8")  # same size
    real = record_files.signature

    def as_if_unchanged(p: Path | os.DirEntry[str]) -> record_files.Signature | None:
        return sig if Path(p) == path else real(p)

    monkeypatch.setattr(record_files, "signature", as_if_unchanged)  # as a coarse clock would show it
    base, stats = records_cache.load_with_stats(root)
    assert stats.loaded == 1 and stats.verified == 0
    assert_same(base, knowledge_base.load(root))
    assert other in base.events[path.stem].title


def test_a_damaged_or_foreign_snapshot_is_ignored(root: Path) -> None:
    target = records_cache.cache_path(root)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"not a pickle at all")
    assert_same(records_cache.load_cached(root), knowledge_base.load(root))
    target.write_bytes(pickle.dumps(("biohub-records", "another-version", {})))
    base, stats = records_cache.load_with_stats(root)
    assert stats.hits == 0 and stats.written
    assert_same(base, knowledge_base.load(root))


class _Planted:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (os.mkdir, (str(self.marker),))


def test_a_planted_snapshot_cannot_run_code(root: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    records_cache.load_cached(root)
    key = records_cache._code_key()
    buf = io.BytesIO()
    pickle.Pickler(buf, protocol=5).dump(("biohub-records", key, 1))
    pickle.Pickler(buf, protocol=5).dump({"events/x.yaml": _Planted(marker)})
    records_cache.cache_path(root).write_bytes(buf.getvalue())
    assert_same(records_cache.load_cached(root), knowledge_base.load(root))
    assert not marker.exists()


def test_the_walk_finds_what_store_iter_yaml_finds(tmp_path: Path) -> None:
    folder = tmp_path / "records" / "events"
    (folder / "2024").mkdir(parents=True)
    (folder / "b.yaml.d").mkdir()
    (folder / "dir.yaml").mkdir()
    for name in ("2024/z.yaml", "2024/a.yaml", "a-b.yaml", "a.yaml", ".hidden.yaml", ".tmp-x.yaml", "notes.txt",
                 "b.yaml.d/c.yaml", "A.yaml"):
        (folder / name).write_text("id: x\n", encoding="utf-8")
    (folder / "link.yaml").symlink_to(folder / "a.yaml")
    (folder / "dangling.yaml").symlink_to(folder / "missing.yaml")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.yaml").write_text("id: o\n", encoding="utf-8")
    (folder / "linked-dir").symlink_to(outside, target_is_directory=True)
    walked = [p for p, *_ in records_cache._iter_records(tmp_path / "records", "events")]
    assert walked == list(yaml_io.iter_yaml(folder))
    assert folder / "link.yaml" in walked and folder / ".tmp-x.yaml" not in walked


def test_a_knowledge_base_that_cannot_be_written_still_loads(root: Path) -> None:
    state = root / ".biohub"
    state.mkdir(exist_ok=True)
    (state / "cache").write_text("a file where the cache folder should be", encoding="utf-8")
    base, stats = records_cache.load_with_stats(root)
    assert not stats.written
    assert_same(base, knowledge_base.load(root))


def test_the_timeline_command_shows_a_hand_edit_made_after_a_cached_run(root: Path) -> None:
    runner = CliRunner()

    def titles() -> list[str]:
        res = runner.invoke(app, ["--kb", str(root), "timeline", "--format", "json"])
        assert res.exit_code == 0, res.stderr
        return [e["title"] for e in json.loads(res.stdout)["events"]]

    before = titles()
    assert records_cache.cache_path(root).is_file()
    path = first_event_file(root)
    rid = path.stem
    old = records_cache.load_cached(root).events[rid].title
    path.write_text(path.read_text(encoding="utf-8").replace(f"title: {old}", "title: 손으로 바꾼 행사 이름"),
                    encoding="utf-8")
    after = titles()
    assert "손으로 바꾼 행사 이름" in after and "손으로 바꾼 행사 이름" not in before
    assert len(after) == len(before)
