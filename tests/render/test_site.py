"""reports/: deterministic bytes, owned files only, --check semantics, template overrides, languages."""

from __future__ import annotations

from pathlib import Path

from biohub_cli.kb import knowledge_base
from biohub_cli.kb.knowledge_base import KnowledgeBase
from biohub_cli.render import labels, site

CELLTRION = "org-8d9250bf44"


def test_the_same_records_give_the_same_bytes(kb_copy: Path, tmp_path: Path) -> None:
    first = site.plan(knowledge_base.load(kb_copy), "ko").files
    other = tmp_path / "elsewhere"
    kb_copy.rename(other)  # another folder, another load: nothing may depend on either
    second = site.plan(knowledge_base.load(other), "ko").files
    assert first == second
    assert list(first) == sorted(first)


def test_every_text_file_uses_unix_newlines_except_csv_and_ics(fixture_kb: KnowledgeBase) -> None:
    for name, data in site.plan(fixture_kb, "ko").files.items():
        if name.endswith((".csv", ".ics")):
            assert data.count(b"\r\n") == data.count(b"\n"), name
        else:
            assert b"\r" not in data, name
            assert data.endswith(b"\n") and not data.endswith(b"\n\n"), name


def test_csv_has_a_bom_for_excel_and_crlf_rows(fixture_kb: KnowledgeBase) -> None:
    files = site.plan(fixture_kb, "ko").files
    for name in ("timeline.csv", "orgs.csv"):
        assert files[name].startswith(b"\xef\xbb\xbf"), name
        assert files[name].decode("utf-8-sig").splitlines()[0].startswith(("날짜,", "ID,"))
    row = "\r\n2025-12-02,2025-12-02,협약,인천-셀트리온 공동성장 협약"
    assert row in files["timeline.csv"].decode("utf-8")


def test_build_writes_then_leaves_unchanged_files_alone(kb_copy: Path) -> None:
    base = knowledge_base.load(kb_copy)
    first = site.build(base, "ko")
    assert first.written and not first.unchanged and not first.removed
    reports = kb_copy / "reports"
    assert (reports / "timeline.html").is_file() and (reports / "orgs" / f"{CELLTRION}.md").is_file()
    again = site.build(base, "ko")
    assert again.written == [] and sorted(again.unchanged) == sorted(first.written)
    assert site.check(base, "ko") == []


def test_check_lists_stale_missing_and_extra_files_and_writes_nothing(kb_copy: Path) -> None:
    base = knowledge_base.load(kb_copy)
    site.build(base, "ko")
    reports = kb_copy / "reports"
    (reports / "timeline.md").write_text("edited by hand\n", encoding="utf-8")
    (reports / "orgs.csv").unlink()
    (reports / "people" / "per-0000000000.md").write_text("a person no record stands for\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in reports.rglob("*") if p.is_file()}
    found = site.check(base, "ko")
    assert [(d.path, d.reason) for d in found] == [
        ("orgs.csv", "missing"), ("people/per-0000000000.md", "extra"), ("timeline.md", "stale")]
    assert {p: p.read_bytes() for p in reports.rglob("*") if p.is_file()} == before


def test_build_removes_only_its_own_files_that_no_record_stands_for(kb_copy: Path) -> None:
    reports = kb_copy / "reports"
    base = knowledge_base.load(kb_copy)
    site.build(base, "ko")
    foreign = [reports / ".gitkeep", reports / "README.md", reports / "orgs" / "notes.txt",
               reports / "extra" / "x.md"]
    for path in foreign:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("mine\n", encoding="utf-8")
    (kb_copy / "records" / "orgs" / f"{CELLTRION}.yaml").unlink()  # the organisation is gone
    result = site.build(knowledge_base.load(kb_copy), "ko")
    assert result.removed == [f"orgs/{CELLTRION}.html", f"orgs/{CELLTRION}.md"]
    assert all(p.read_text(encoding="utf-8") == "mine\n" for p in foreign)


def test_a_rejected_record_gets_no_page_and_appears_nowhere(fixture_kb: KnowledgeBase) -> None:
    files = site.plan(fixture_kb, "ko").files
    rejected_org, rejected_person = "org-bfa42cf6a1", "per-a49418cdc6"
    assert fixture_kb.orgs[rejected_org].status == "rejected"
    assert not any(rejected_org in name or rejected_person in name for name in files)
    for name, data in files.items():
        text = data.decode("utf-8-sig")
        assert "잘못 추출된 회의" not in text, name
        assert "김기자" not in text, name
        assert rejected_org not in text and rejected_person not in text, name


def test_an_id_that_cannot_be_a_file_name_gets_no_page(kb_copy: Path) -> None:
    path = kb_copy / "records" / "orgs" / f"{CELLTRION}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"id: {CELLTRION}", "id: ../../escape"),
                    encoding="utf-8")
    base = knowledge_base.load(kb_copy)
    assert [str(e) for e in base.errors if "unsafe id '../../escape'" in str(e)]
    plan = site.plan(base, "ko")
    assert CELLTRION not in base.orgs
    assert all(".." not in name and "escape" not in name for name in plan.files)


def test_a_knowledge_base_template_overrides_the_default_by_name(kb_copy: Path) -> None:
    (kb_copy / "templates").mkdir()
    (kb_copy / "templates" / "org.md").write_text("# {{ org.name }} — 우리 양식\n", encoding="utf-8")
    base = knowledge_base.load(kb_copy)
    files = site.build(base, "ko")
    assert f"orgs/{CELLTRION}.md" in files.written
    page = (kb_copy / "reports" / "orgs" / f"{CELLTRION}.md").read_text(encoding="utf-8")
    assert page == "# 셀트리온 — 우리 양식\n"
    html = (kb_copy / "reports" / "orgs" / f"{CELLTRION}.html").read_text(encoding="utf-8")
    assert "<h1>셀트리온</h1>" in html  # templates not overridden stay the package's


def test_english_labels(fixture_kb: KnowledgeBase) -> None:
    ko = site.plan(fixture_kb, "ko").files["timeline.md"].decode()
    en = site.plan(fixture_kb, "en").files["timeline.md"].decode()
    assert "# 바이오 클러스터 타임라인" in ko and "## 2025년 12월" in ko and "| 협약 |" in ko
    assert "# Bio-cluster timeline" in en and "## December 2025" in en and "| agreement |" in en
    assert "## Year unknown · June" in en
    org = site.plan(fixture_kb, "en").files["orgs/org-66957d5a52.md"].decode()
    assert "| KRW 335 billion |" in org


def test_the_language_comes_from_the_option_then_biohub_yaml(kb_copy: Path) -> None:
    assert labels.resolve_lang(kb_copy, None) == "ko"
    (kb_copy / "biohub.yaml").write_text("version: 1\nlang: en\n", encoding="utf-8")
    assert labels.resolve_lang(kb_copy, None) == "en"
    assert labels.resolve_lang(kb_copy, "ko") == "ko"
    (kb_copy / "biohub.yaml").unlink()
    assert labels.resolve_lang(kb_copy, None) == "ko"


def test_an_empty_knowledge_base_still_renders(tmp_path: Path) -> None:
    files = site.plan(knowledge_base.load(tmp_path), "ko").files
    assert sorted(files) == sorted([*site.TOP_FILES, "search/000.js", "search/words.js"])  # the page's data: none
    assert "조건에 맞는 일정이 없습니다." in files["timeline.md"].decode()
    assert "함께 참여한 기관이 아직 없습니다." in files["network.md"].decode()
