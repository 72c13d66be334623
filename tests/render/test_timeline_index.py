"""The timeline index: the very table a full load gives, and never a stale one."""

from __future__ import annotations

import io
import os
import pickle
import shutil
import sys
from pathlib import Path

import pytest

from biohub_cli import scaffold
from biohub_cli.cli import app as app_mod
from biohub_cli.kb import knowledge_base, records_cache
from biohub_cli.render import query, terminal, timeline_index
from biohub_cli.render.tables import TABLE_ROWS
from biohub_cli.store import record_files, yaml_io

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture
def synthetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """bench/records.py's knowledge base of 60 events (many months, related events, amounts)."""
    monkeypatch.setattr(records_cache, "RACY_NS", 0)
    monkeypatch.syspath_prepend(str(BENCH))
    import records as bench_records  # bench/records.py

    dest = tmp_path / "synthetic"
    scaffold.init(dest)
    bench_records.build(dest, 60, seed=5)
    return dest


def indexed(root: Path, lang: str) -> knowledge_base.KnowledgeBase:
    base, stats = records_cache.load_with_stats(root)
    assert not base.errors
    assert timeline_index.save(base, stats, lang)
    return base


def full_table(base: knowledge_base.KnowledgeBase, lang: str, *, limit: int | None = None,
               newest: int | None = TABLE_ROWS,
               **filters: object) -> terminal.TableView:
    flt = query.timeline_filter(base, limit=limit, **filters)  # type: ignore[arg-type]
    return terminal.filtered_table(base, flt, lang, newest=newest)


def filter_cases(base: knowledge_base.KnowledgeBase) -> list[dict[str, object]]:
    org = base.active_orgs()[0]
    busiest = max(base.active_orgs(), key=lambda o: (len(base.events_of_org(o.id)), o.id))
    person = base.active_people()[0]
    alias = next((a for o in base.active_orgs() for a in o.aliases), org.name)
    years = sorted({e.date.year for e in base.active_events() if e.date.year is not None})
    mid = str(years[len(years) // 2])
    return [
        {}, {"newest": None}, {"newest": 3}, {"limit": 0, "newest": None}, {"limit": 4, "newest": None},
        {"org": org.name}, {"org": busiest.id}, {"org": alias}, {"org": busiest.name, "related": False},
        {"person": person.name}, {"person": person.id}, {"type": "agreement"}, {"type": "meeting"},
        {"since": mid}, {"until": mid}, {"since": f"{years[0]}-06", "until": f"{mid}-03-15"},
        {"related": False}, {"related": False, "type": "announcement", "since": str(years[0])},
    ]


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("kb_name", ["root", "synthetic"])
def test_the_index_gives_the_table_a_full_load_gives(kb_name: str, lang: str, request: pytest.FixtureRequest) -> None:
    path: Path = request.getfixturevalue(kb_name)
    base = indexed(path, lang)
    cases = filter_cases(base)
    for case in cases:
        args = dict(case)
        newest = args.pop("newest", TABLE_ROWS)
        want = full_table(base, lang, newest=newest, **args)  # type: ignore[arg-type]
        got = timeline_index.cached_table(path, lang, newest=newest, **args)  # type: ignore[arg-type]
        assert got == want, case
    assert any(s.rows for s in want.sections)


def test_a_plain_timeline_is_read_from_its_own_section_without_the_body(
        synthetic: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = indexed(synthetic, "ko")
    assert len(base.active_events()) > TABLE_ROWS

    def no_body(*args: object, **kwargs: object) -> None:
        raise AssertionError("the body was read")

    monkeypatch.setattr(timeline_index, "_table", no_body)
    assert timeline_index.cached_table(synthetic, "ko", newest=TABLE_ROWS) == full_table(base, "ko")
    assert timeline_index.cached_table(synthetic, "ko", newest=TABLE_ROWS, type="meeting") is None
    assert timeline_index.cached_table(synthetic, "ko", newest=3) is None


def test_names_the_index_cannot_answer_go_to_the_full_load(root: Path) -> None:
    indexed(root, "ko")
    assert timeline_index.cached_table(root, "ko", org="세상에 없는 기관") is None
    assert timeline_index.cached_table(root, "ko", person="없는 사람") is None
    assert timeline_index.cached_table(root, "ko", since="2025-13") is None
    assert timeline_index.cached_table(root, "ko", type="picnic") is None
    assert timeline_index.cached_table(root, "ko") is not None


def test_an_edited_added_or_removed_record_makes_the_index_stale(root: Path) -> None:
    base = indexed(root, "ko")
    assert timeline_index.cached_table(root, "ko") is not None
    ev = base.active_events()[-1]
    path = base.paths[ev.id]
    text = path.read_text(encoding="utf-8")
    # same size, same mtime: only the ctime (and content) tell
    st = path.stat()
    last = {1: "X", 2: "é", 3: "흠", 4: "😀"}[len(ev.title[-1].encode())]
    changed = ev.title[:-1] + (last if last != ev.title[-1] else "Y")
    path.write_text(text.replace(f"title: {ev.title}", f"title: {changed}", 1), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size
    assert timeline_index.cached_table(root, "ko") is None
    fresh = indexed(root, "ko")
    got = timeline_index.cached_table(root, "ko")
    assert got == full_table(fresh, "ko")
    assert changed in [row.cells[2].split("\n")[0] for s in got.sections for row in s.rows]
    extra = path.with_name("ev-2099-0000000000.yaml")
    shutil.copy(path, extra)
    assert timeline_index.cached_table(root, "ko") is None
    extra.unlink()
    assert timeline_index.cached_table(root, "ko") is not None
    path.unlink()
    assert timeline_index.cached_table(root, "ko") is None


def test_records_changed_moments_ago_or_broken_give_no_index(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records_cache, "RACY_NS", 3_000_000_000)
    first = next(iter(sorted((root / "records" / "events").rglob("*.yaml"))))
    first.write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    base, stats = records_cache.load_with_stats(root)
    assert not stats.settled
    assert not timeline_index.save(base, stats, "ko")
    assert not timeline_index.index_path(root, "ko").exists()
    monkeypatch.setattr(records_cache, "RACY_NS", 0)
    first.write_text("id: [broken\n", encoding="utf-8")
    base, stats = records_cache.load_with_stats(root)
    assert base.errors and stats.settled
    assert not timeline_index.save(base, stats, "ko")
    assert not timeline_index.index_path(root, "ko").exists()


def test_an_index_of_other_code_or_another_language_is_not_used(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    indexed(root, "ko")
    assert timeline_index.cached_table(root, "en") is None
    real = timeline_index.code_key
    monkeypatch.setattr(timeline_index, "code_key", lambda lang: real(lang) + "other")
    assert timeline_index.cached_table(root, "ko") is None


def test_a_damaged_or_planted_index_is_ignored_and_runs_no_code(root: Path, tmp_path: Path) -> None:
    indexed(root, "ko")
    path = timeline_index.index_path(root, "ko")
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2])
    assert timeline_index.cached_table(root, "ko") is None
    marker = tmp_path / "ran"

    class Boom:
        def __reduce__(self) -> tuple[object, ...]:
            return (os.system, (f"touch {marker}",))

    buf = io.BytesIO()
    pickle.dump(Boom(), buf)
    path.write_bytes(buf.getvalue())
    assert timeline_index.cached_table(root, "ko") is None
    head = io.BytesIO(good)
    pickle.load(head)  # the genuine header, then a planted body
    path.write_bytes(good[: head.tell()] + buf.getvalue())
    assert timeline_index.cached_table(root, "ko") is None
    assert not marker.exists()


def test_the_listing_is_the_one_the_records_cache_signs(root: Path) -> None:
    assert tuple(folder for folder, _ in knowledge_base._KINDS) == record_files.FOLDERS
    _, stats = records_cache.load_with_stats(root)
    assert record_files.listing(root / "records") == stats.listing
    walked = [p for f in record_files.FOLDERS for p in yaml_io.iter_yaml(root / "records" / f)]
    ours = [root / "records" / "/".join(parts) for f in record_files.FOLDERS
            for parts, _, _ in record_files.iter_signed(root / "records", f)]
    assert ours == walked


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str],
            monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["biohub", *argv])
    code = 0
    try:
        app_mod.main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("args", [
    [], ["--limit", "0"], ["-n", "3"], ["--org", "인천광역시"], ["--type", "agreement", "--main-only"],
    ["--since", "2025", "--until", "2025-06"], ["--lang", "en"], ["--format", "table", "--person", "하병필"],
    ["--org", "없는기관"], ["--since", "2025-99"], ["--query", "바이오"],
])
def test_the_command_prints_the_same_bytes_from_the_index(root: Path, args: list[str],
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "150")
    argv = ["--kb", str(root), "timeline", *args]
    cold = run_cli(argv, capsys, monkeypatch)  # no index yet: the full load (which writes the index)
    assert cold[1] or cold[2]
    warm = run_cli(argv, capsys, monkeypatch)
    assert warm == cold
