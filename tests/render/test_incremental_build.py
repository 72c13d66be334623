"""A build that renders only the pages whose context changed writes the very bytes of a full build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from biohub_cli.ingest import forked
from biohub_cli.kb import knowledge_base, records_cache
from biohub_cli.render import ahead, page_cache, search_page, site, views
from biohub_cli.render.queries import Index

CELLTRION = "org-8d9250bf44"


def reports(root: Path) -> dict[str, bytes]:
    rep = root / "reports"
    return {p.relative_to(rep).as_posix(): p.read_bytes() for p in sorted(rep.rglob("*")) if p.is_file()}


def full_site(root: Path) -> dict[str, bytes]:
    """What a build from scratch writes: every file rendered, no cache, no child process."""
    return site.plan(knowledge_base.load(root), "ko").files


def build(root: Path) -> site.BuildResult:
    base, _ = records_cache.load_with_stats(root)
    return site.build(base, "ko")


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The templates rendered from now on (one name per page)."""
    names: list[str] = []
    real = site.render

    def spy(env: object, name: str, context: object) -> str:
        names.append(name)
        return real(env, name, context)  # type: ignore[arg-type]

    monkeypatch.setattr(site, "render", spy)
    return names


def edit_event_title(root: Path, rid: str, title: str) -> None:
    path = next((root / "records" / "events").rglob(f"{rid}.yaml"))
    old = knowledge_base.load(root).events[rid].title
    path.write_text(path.read_text(encoding="utf-8").replace(f"title: {old}", f"title: {title}"), encoding="utf-8")


@pytest.mark.parametrize("fork", [False, True])
def test_only_pages_whose_context_changed_are_rendered_and_the_bytes_are_a_full_builds(
        kb_copy: Path, rendered: list[str], monkeypatch: pytest.MonkeyPatch, fork: bool) -> None:
    monkeypatch.setattr(ahead, "may_fork", lambda: fork)
    build(kb_copy)
    assert reports(kb_copy) == full_site(kb_copy)
    base = knowledge_base.load(kb_copy)
    ev = next(e for e in base.active_events() if any(p.organization == CELLTRION for p in e.participants))
    edit_event_title(kb_copy, ev.id, "셀트리온 바이오 공장 착공식 (제목 고침)")
    rendered.clear()
    result = build(kb_copy)
    pages = [n for n in rendered if n.startswith(("org.", "person."))]
    assert reports(kb_copy) == full_site(kb_copy)
    total = 2 * (len(base.active_orgs()) + len(base.active_people()))
    if not fork:  # a forked child's renders are not seen here; its pages are checked by the bytes above
        assert 0 < len(pages) < total
        assert {"org.md", "org.html"} <= set(pages)
    assert f"orgs/{CELLTRION}.md" in result.written
    rendered.clear()
    build(kb_copy)  # nothing changed: a build stamped as current, or every page from the cache
    assert not [n for n in rendered if n.startswith(("org.", "person."))]


def test_one_changed_event_rewrites_the_one_search_shard_that_holds_it(kb_copy: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead, "may_fork", lambda: False)
    monkeypatch.setattr(search_page, "SHARD_ROWS", 8)  # a few shards for a small knowledge base
    build(kb_copy)
    shards = [rel for rel in reports(kb_copy) if rel.startswith("search/") and rel != "search/words.js"]
    assert len(shards) > 1
    base = knowledge_base.load(kb_copy)
    ev = next(e for e in base.active_events() if any(p.organization == CELLTRION for p in e.participants))
    built: list[list[str]] = []
    real = search_page._shard

    def spy(kb: knowledge_base.KnowledgeBase, con: object, refs: list[str], shown: object) -> str:
        built.append(refs)
        return real(kb, con, refs, shown)  # type: ignore[arg-type]

    monkeypatch.setattr(search_page, "_shard", spy)
    edit_event_title(kb_copy, ev.id, "셀트리온 생산시설 준공식 (제목 고침)")
    result = build(kb_copy)
    assert len(built) == 1 and ev.id in built[0]  # the others are not even made
    shard = search_page.shard_name(search_page.shard_of(ev.id, len(shards)))
    # and the words the records hold, as the new title brought new ones
    assert [rel for rel in result.written if rel.startswith("search/")] == [shard, "search/words.js"]
    assert "셀트리온 생산시설 준공식 (제목 고침)" in reports(kb_copy)[shard].decode()
    assert reports(kb_copy) == full_site(kb_copy)
    built.clear()
    (kb_copy / "reports" / shards[0]).write_text("(self.biohubSearch=[]);\n", encoding="utf-8")  # edited by hand
    edit_event_title(kb_copy, ev.id, "셀트리온 생산시설 준공식")
    build(kb_copy)
    assert reports(kb_copy) == full_site(kb_copy)


def test_a_report_edited_or_removed_by_hand_is_rendered_again(kb_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead, "may_fork", lambda: False)
    build(kb_copy)
    page = kb_copy / "reports" / "orgs" / f"{CELLTRION}.md"
    text = page.read_bytes()
    page.write_bytes(text.replace(b"#", b"##", 1))  # same folder, other bytes
    # a build must run
    edit_event_title(kb_copy, next(iter(knowledge_base.load(kb_copy).events)), "다른 제목으로 바꾼 행사")
    build(kb_copy)
    assert reports(kb_copy) == full_site(kb_copy)
    (kb_copy / "reports" / "people").rename(kb_copy / "people-away")
    build(kb_copy)
    assert reports(kb_copy) == full_site(kb_copy)
    shutil.rmtree(kb_copy / "reports")
    build(kb_copy)
    assert reports(kb_copy) == full_site(kb_copy)


def test_a_cache_of_other_templates_or_a_damaged_one_is_not_used(kb_copy: Path, rendered: list[str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead, "may_fork", lambda: False)
    build(kb_copy)
    override = kb_copy / "templates"
    override.mkdir()
    source = Path(site.pages.__file__).resolve().parent.parent / "templates" / "org.md"
    (override / "org.md").write_text(source.read_text(encoding="utf-8") + "\n<!-- 우리 기관 양식 -->\n",
                                     encoding="utf-8")
    rendered.clear()
    base, _ = records_cache.load_with_stats(kb_copy)
    site.build(base, "ko")
    assert rendered.count("org.md") == len([o for o in base.active_orgs() if views.page_name(o.id)])
    assert "우리 기관 양식" in (kb_copy / "reports" / "orgs" / f"{CELLTRION}.md").read_text(encoding="utf-8")
    page_cache.cache_path(kb_copy).write_text("{not json", encoding="utf-8")
    edit_event_title(kb_copy, next(iter(knowledge_base.load(kb_copy).events)), "또 바꾼 행사 이름")
    rendered.clear()
    site.build(records_cache.load_cached(kb_copy), "ko")
    assert rendered.count("org.html") == rendered.count("org.md") > 0


def test_a_failed_child_leaves_the_pages_to_the_build_itself(kb_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead, "may_fork", lambda: True)

    def fail(self: forked.Forked[object]) -> None:
        raise RuntimeError("the child breaks")

    monkeypatch.setattr(forked.Forked, "_child", fail)
    build(kb_copy)
    assert reports(kb_copy) == full_site(kb_copy)


def test_digests_do_not_depend_on_how_the_records_were_loaded(kb_copy: Path) -> None:
    """Records from YAML and from the records cache (which shares equal strings) give equal digests,
    and so does another process (with other string hashes)."""
    def digests(base: knowledge_base.KnowledgeBase) -> list[str | None]:
        ix = Index(base)
        return ([page_cache.context_digest(views.org_context(ix, o, "ko")) for o in ix.active_orgs]
                + [page_cache.context_digest(views.person_context(ix, p, "ko")) for p in ix.active_people])

    records_cache.load_cached(kb_copy)
    from_yaml = digests(knowledge_base.load(kb_copy))
    assert all(from_yaml)
    assert digests(records_cache.load_cached(kb_copy)) == from_yaml
    code = ("import sys; from pathlib import Path; from biohub_cli.kb import knowledge_base; "
            "from biohub_cli.render import page_cache, views; from biohub_cli.render.queries import Index; "
            "ix = Index(knowledge_base.load(Path(sys.argv[1])));"
            "print(page_cache.context_digest(views.org_context(ix, ix.active_orgs[0], 'ko')))")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code, str(kb_copy)], capture_output=True, text=True, env=env,
                         check=True).stdout.strip()
    assert out == from_yaml[0]
    other = knowledge_base.load(kb_copy)
    org = Index(other).active_orgs[0]
    org.name = org.name + "재단"
    assert digests(other)[0] != from_yaml[0]


def test_pages_the_child_skips_are_reported_by_the_build(kb_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead, "may_fork", lambda: True)
    real = views.page_name
    monkeypatch.setattr(views, "page_name", lambda rid: None if rid == CELLTRION else real(rid))
    result = build(kb_copy)
    assert result.skipped == [CELLTRION]
    assert not (kb_copy / "reports" / "orgs" / f"{CELLTRION}.md").exists()
    assert (kb_copy / "reports" / "timeline.md").is_file()


@pytest.mark.parametrize("fork", [False, True])
def test_a_build_that_changes_no_page_leaves_the_page_cache_as_it_was(kb_copy: Path, monkeypatch: pytest.MonkeyPatch,
                                                                      fork: bool) -> None:
    monkeypatch.setattr(ahead, "may_fork", lambda: fork)
    monkeypatch.setattr(page_cache.stamp, "RACY_NS", 0)  # reports count as settled at once: signatures
    build(kb_copy)
    before = page_cache.cache_path(kb_copy).read_bytes()
    assert b"sig:" in before and b"sha256:" not in before
    stat = page_cache.cache_path(kb_copy).stat()
    site.build(records_cache.load_cached(kb_copy), "ko", records="")  # no stamp: the pages are checked one by one
    assert page_cache.cache_path(kb_copy).read_bytes() == before
    assert page_cache.cache_path(kb_copy).stat().st_ino == stat.st_ino  # not even rewritten
