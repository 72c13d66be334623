"""HTML reports escape document text; YAML is only ever loaded safely; limits give clear messages."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile_kit import alias_bomb, new_kb, release, run_biohub, snapshot

from biohub_cli.errors import RecordError
from biohub_cli.kb import knowledge_base as kb_mod
from biohub_cli.store import yaml_io


def _hostile_release() -> str:
    body = release(14).split("\n", 1)[1]
    return ("충북도, <script>alert('제목')</script> 바이오 창업기업 지원 협약 체결\n"
            f"{body}"
            "협약식에는 <img src=x onerror=alert('본문')> 관계자 50여 명이 참석했다.\n"
            "문의는 <a href=\"javascript:alert(1)\">바이오산업과</a>로 하면 된다.\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A knowledge base holding one release full of markup, with its reports built."""
    root = tmp_path_factory.mktemp("built")
    (root / "in").mkdir()
    kb = new_kb(root / "kb")
    (root / "in" / "<b>굵은<i> 보도자료.txt").write_text(_hostile_release(), encoding="utf-8")
    run = run_biohub(kb, ["ingest", "--jobs", "1", "in"], cwd=root)
    assert run.code == 0, run.stderr
    build = run_biohub(kb, ["build"], cwd=root)
    assert build.code == 0, build.stderr
    return kb


def test_the_markup_reached_the_records(built: Path) -> None:
    """Guards the next test: the hostile text really is in the knowledge base."""
    (source,) = kb_mod.load(built).sources.values()
    assert "<script>alert('제목')</script>" in source.text
    assert "<img src=x onerror=alert('본문')>" in source.text


class _Injected(HTMLParser):
    """Elements and attributes a document's text would have created had it not been escaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # a JSON data block is never run (had a document's text closed it, what follows would be found)
        self._in_script = tag == "script" and dict(attrs).get("type") != "application/json"
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.found.append("<img src=x>")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data.strip()[:40]}")


def test_html_reports_escape_every_document_text(built: Path) -> None:
    pages = sorted((built / "reports").rglob("*.html"))
    assert pages
    escaped = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        parser = _Injected()
        parser.feed(html)
        assert parser.found == [], page
        # a JSON data block holds document text as JSON strings, every `<` escaped: it cannot close itself
        data = re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', html, flags=re.S)
        assert all("<" not in d for d in data), page
        markup = re.sub(r'<script type="application/json"[^>]*>.*?</script>', "", html, flags=re.S)
        # document pages show the kept text, `javascript:alert` included, as text: only a link may not hold it
        for raw in ("<script>alert(", "<img src=x", 'href="javascript:', "<b>굵은"):
            assert raw not in markup, page
        escaped += html.count("&lt;script&gt;") + html.count("&lt;img") + html.count("&lt;b&gt;")
    assert escaped > 0, "document text with markup appears escaped somewhere in the reports"


def test_rendering_writes_only_inside_reports(built: Path) -> None:
    """Nothing outside reports/ but biohub's own caches (.biohub/cache: a build stamp is written once
    the files it describes are some seconds old, which under load may be the second build) and the
    build's lock (.biohub/build.lock, and build.owner naming the process that holds it)."""
    root = built.parent

    def outside() -> dict[str, bytes | str]:
        return {k: v for k, v in snapshot(root, skip=built / "reports").items()
                if not k.startswith((f"{built.name}/.biohub/cache/", f"{built.name}/.biohub/build."))}

    before = outside()
    assert run_biohub(built, ["build"], cwd=root).code == 0
    assert outside() == before


TAGS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/name:os.system",
    "!!python/module:os",
    "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {marker}']",
]


@pytest.mark.parametrize("tag", TAGS)
def test_python_tags_are_refused_everywhere_yaml_is_read(kb: Path, tag: str) -> None:
    root = kb.parent
    marker = root / "PWNED"
    value = tag.format(marker=marker)
    (kb / "records" / "orgs" / "tagged.yaml").write_text(f"id: tagged\nname: {value}\n", encoding="utf-8")
    (kb / "aliases.yaml").write_text(f"merges:\n  a: {value}\n", encoding="utf-8")
    validate = run_biohub(kb, ["validate"], cwd=root)
    ingest = run_biohub(kb, ["ingest", "--jobs", "1", "in"], cwd=root)
    assert not marker.exists()
    assert validate.code == 1
    lines = [line for line in validate.stdout.splitlines() if "tagged.yaml" in line]
    assert len(lines) == 1 and "malformed YAML" in lines[0], validate.stdout
    assert ingest.code == 1
    assert "Traceback" not in ingest.stderr
    assert len([line for line in ingest.lines if "aliases.yaml" in line]) == 1, ingest.stderr


def test_store_loads_no_python_objects() -> None:
    with pytest.raises(RecordError):
        yaml_io.loads("!!python/object/apply:os.getcwd []")
    with pytest.raises(RecordError):
        yaml_io.loads("x: !!python/tuple [1, 2]")


def test_alias_bomb_in_aliases_yaml_is_refused_with_one_line(kb: Path) -> None:
    root = kb.parent
    (kb / "aliases.yaml").write_text("merges:\n" + alias_bomb("  "), encoding="utf-8")
    run = run_biohub(kb, ["ingest", "--jobs", "1", "in"], cwd=root)
    assert run.code == 1
    lines = [line for line in run.lines if "aliases.yaml" in line]
    assert len(lines) == 1 and "alias" in lines[0], run.stderr


def test_record_size_limit(kb: Path) -> None:
    big = kb / "records" / "orgs" / "big.yaml"
    big.write_bytes(b"id: big\nname: '" + b"x" * (yaml_io.MAX_RECORD_BYTES + 10) + b"'\n")
    base = kb_mod.load(kb)
    assert [e.render() for e in base.errors] == [
        f"{big}: record is {big.stat().st_size} bytes, over the {yaml_io.MAX_RECORD_BYTES}-byte limit"]
    with pytest.raises(RecordError, match="limit"):
        yaml_io.read_yaml(big)


def test_max_bytes_names_the_limit(kb: Path) -> None:
    root = kb.parent
    (root / "in" / "a.txt").write_text(release(15), encoding="utf-8")
    run = run_biohub(kb, ["ingest", "--jobs", "1", "--max-bytes", "100", "in"], cwd=root)
    assert run.code == 1
    lines = [line for line in run.lines if "a.txt" in line]
    assert len(lines) == 1, run.stderr
    assert re.fullmatch(r"error: in/a\.txt: file is \d+ bytes, over the 100 bytes limit; raise --max-bytes",
                        lines[0])
