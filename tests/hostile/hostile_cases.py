"""The hostile-input table and the batched end-to-end runs of `biohub ingest` over it.

Every case is one file (or record) made at test time. Cases are grouped into a few batches; each
batch is one knowledge base and one input folder holding its hostile files plus a good Korean
release, ingested by one `python -m biohub_cli ingest` subprocess (Kiwi loads once per batch) and
checked by one `biohub validate`. Each case's test then reads its own stderr line from its batch.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import hostile_kit as kit

GOOD = "good_보도자료.txt"
Make = Callable[[Path], None]


def _bytes(data: bytes | Callable[[], bytes]) -> Make:
    def make(path: Path) -> None:
        path.write_bytes(data() if callable(data) else data)
    return make


def _text(n: int) -> Make:
    return _bytes(kit.release(n).encode("utf-8"))


def _sparse(size: int) -> Make:
    def make(path: Path) -> None:
        kit.sparse_file(path, size)
    return make


def _symlink_loop(path: Path) -> None:
    path.mkdir()
    (path / "inner").mkdir()
    (path / "inner" / "back").symlink_to(path, target_is_directory=True)


def _dangling(path: Path) -> None:
    path.symlink_to(path.parent / "no-such-target.txt")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _link_outside(path: Path) -> None:
    """A record file that is a link to a valid record outside the knowledge base (beside the kb folder)."""
    target = path.parents[3] / "outside.yaml"
    target.write_text("id: h68_link_outside\nname: 밖에 있는 비밀 기관\n", encoding="utf-8")
    path.symlink_to(target)


def _in_folder(name: str, n: int) -> Make:
    def make(path: Path) -> None:
        path.mkdir()
        (path / name).write_bytes(kit.release(n).encode("utf-8"))
    return make


@dataclass(frozen=True)
class Case:
    """One hostile input. `needle` is what the stderr line must contain to name the file."""

    id: str
    batch: str
    name: str
    make: Make
    reason: str = ""            # regex (case-insensitive) the file's line must match; "" for `ok` cases
    ok: bool = False            # a legitimate document with a hostile shape: it must be ingested
    explicit: bool = False      # named on the command line rather than found in the folder
    needle: str | None = None
    bug: str | None = None      # a known bug outside this suite's files: the case is xfail(strict) with this reason
    display: str | None = None  # how biohub shows and stores the name, when not as given (bytes that are not UTF-8)

    @property
    def shown(self) -> str:
        return self.needle or self.display or self.name


_MIXED = kit.release(3).encode("utf-8") + b"\n\n" + kit.release(4).encode("cp949")
_INVALID_UTF8 = (kit.release(5).encode("utf-8")[:60] + bytes(range(0x80, 0xA0)) * 8
                 + b"\xc3\x28\xf0\x28\x8c\xbc")
_RECORD = "records/orgs/{}.yaml"

CASES: tuple[Case, ...] = (
    # --- text, bytes and encodings
    Case("binary-junk", "text", "h01_binary_junk.txt", _bytes(kit.junk(64 * 1024)), r"binary"),
    Case("nul-bytes", "text", "h02_nul_bytes.txt", _bytes(kit.release(6).encode().replace(b" ", b"\0")),
         r"NUL"),
    Case("invalid-utf8", "text", "h03_invalid_utf8.txt", _bytes(_INVALID_UTF8), r"encoding|UTF-8|binary"),
    Case("mixed-encodings", "text", "h04_mixed_utf8_cp949.txt", _bytes(_MIXED), r"encoding|UTF-8"),
    Case("zero-bytes", "text", "h05_empty.txt", _bytes(b""), r"empty"),
    Case("whitespace-only", "text", "h06_blank.md", _bytes(b" \n\t\r\n  \n"), r"no text"),
    Case("200MB", "text", "h07_200mb.txt", _sparse(200 * 1024 * 1024), r"200 MB.*limit"),
    Case("9MB-text", "text", "h34_9mb.txt", _bytes(lambda: ("바이오 클러스터 " * 1_000_000).encode()),
         r"characters of text"),
    # a document whose text would act on a terminal or in a spreadsheet: ingested, made inert
    Case("escape-sequences", "text", "h35_escapes.txt", _bytes(lambda: kit.escaped_release(22).encode()), ok=True),
    Case("png-as-text", "text", "h08_photo.txt", _bytes(b"\x89PNG\r\n\x1a\n" + kit.junk(2000, 1)), r"PNG"),
    Case("fifo", "text", "h09_pipe.txt", _fifo, r"not a regular file", explicit=True),
    # --- HTML
    Case("deep-html", "html", "h10_deep.html", _bytes(lambda: kit.nested_html(100_000)), r"nested|deep"),
    Case("huge-html", "html", "h11_huge.html", _bytes(lambda: kit.huge_html(3000)), ok=True),
    Case("script-html", "html", "h12_scripts.html", _bytes(kit.scripted_html), ok=True),
    Case("script-only-html", "html", "h13_only_scripts.html",
         _bytes(b"<html><body><script>alert(1)</script><style>p{}</style></body></html>"), r"no (readable )?text"),
    # pages a saver or a hostile site makes: libxml2 stops at a node over 10 MB, and some shapes made
    # the page's size check or the main-content extractor quadratic (300,000 empty styles: over 300 s)
    Case("inline-font-html", "html", "h14_inline_font.html", _bytes(lambda: kit.inline_font_page(14)), ok=True),
    Case("inline-script-html", "html", "h15_inline_script.html", _bytes(lambda: kit.inline_script_page(12)),
         ok=True),
    Case("empty-styles-html", "html", "h16_empty_styles.html",
         _bytes(lambda: kit.page_with(head="<style></style>" * 300_000)), ok=True),
    Case("short-paragraphs-html", "html", "h17_short_paragraphs.html",
         _bytes(lambda: kit.page_with(before="<script>var a = 1;</script><p>문단</p>" * 5_000)), ok=True),
    Case("huge-paragraph-html", "html", "h18_huge_paragraph.html",
         _bytes(lambda: kit.page_with(before="<p>" + "가나다라" * 900_000 + "</p>")), r"read to its end"),
    # --- PDF, HWPX, HWP
    Case("truncated-pdf", "containers", "h20_truncated.pdf", _bytes(lambda: kit.minimal_pdf("Seoul")[:400]),
         r"truncated|damaged"),
    Case("encrypted-pdf", "containers", "h21_encrypted.pdf",
         _bytes(lambda: kit.minimal_pdf("Seoul", encrypted=True)), r"encrypt|password"),
    Case("not-a-pdf", "containers", "h22_error_page.pdf",
         _bytes("<html><body>404 페이지를 찾을 수 없습니다</body></html>".encode()), r"not a PDF"),
    Case("pdf-without-text", "containers", "h23_blank.pdf", _bytes(lambda: kit.minimal_pdf("")), r"no text"),
    Case("zip-bomb-hwpx", "containers", "h24_bomb.hwpx", _bytes(kit.hwpx_zip_bomb), r"zip bomb|expand"),
    Case("xxe-hwpx", "containers", "h25_xxe.hwpx", _bytes(lambda: kit.hwpx_with(kit.XXE_PROLOG, "&xxe;")),
         r"DTD|entit"),
    Case("entity-expansion-hwpx", "containers", "h26_laughs.hwpx",
         _bytes(lambda: kit.hwpx_with(kit.LAUGHS_PROLOG, "&i;")), r"DTD|entit"),
    Case("docx-as-hwpx", "containers", "h27_word.hwpx",
         _bytes(lambda: kit.zip_bytes({"word/document.xml": b"<w/>"}, mimetype=b"application/vnd.openxml")),
         r"Word documents are not read; save it as PDF or HWPX"),
    Case("hwpx-without-sections", "containers", "h28_hollow.hwpx",
         _bytes(lambda: kit.zip_bytes({"Contents/header.xml": b"<h/>"})), r"section"),
    Case("truncated-ole-hwp", "containers", "h29_truncated.hwp", _bytes(kit.truncated_ole), r"damaged|OLE"),
    Case("bare-ole-signature-hwp", "containers", "h30_signature_only.hwp", _bytes(kit.OLE_MAGIC),
         r"damaged|OLE"),
    # one budget for every reader: characters of text, bytes unpacked (an ordinary ratio, so no bomb check)
    Case("big-section-hwpx", "containers", "h32_big_section.hwpx", _bytes(lambda: kit.hwpx_of_text(2_100_000)),
         r"characters of text"),
    Case("flate-bomb-pdf", "containers", "h33_flate_bomb.pdf", _bytes(lambda: kit.pdf_flate_bomb(300)),
         r"expands to more than"),
    Case("hwp3", "containers", "h31_old.hwp",
         _bytes(b"HWP Document File V3.00 \x1a\x01\x02" + kit.junk(900, 3)), r"HWP 3"),
    # --- names and folders
    Case("space-name", "names", "h40 보도 자료 사본 (1).txt", _text(7), ok=True),
    Case("korean-name", "names", "h41_인천시_바이오_협약_보도자료.txt", _text(8), ok=True),
    Case("long-korean-name", "names", "h42_" + "바이오클러스터" * 11 + ".txt", _text(9), ok=True),
    Case("dash-name", "names", "-h43 --force.txt", _text(10), ok=True),
    Case("newline-name", "names", "h44_first\nsecond.txt", _bytes(kit.junk(500, 4)), r"binary",
         needle="second.txt"),
    Case("ansi-name", "names", "h45_\x1b[2J\x1b[31mred.txt", _bytes(kit.junk(500, 5)), r"binary",
         needle="red.txt"),
    Case("markup-name", "names", "h46_[bold red]굵게[blink].txt", _bytes(kit.junk(500, 6)), r"binary"),
    Case("dotdot-path", "names", "h47_위.txt", _text(11), ok=True, explicit=True),
    Case("symlink-loop", "names", "h48_loop", _symlink_loop, r"loop", needle="h48_loop/inner/back"),
    # names in bytes that are not UTF-8 (a Windows or EUC-KR zip, a Latin-1 tool, a damaged name) and
    # decomposed names (macOS): stored and shown as text, CP949 decoded, other bytes escaped
    Case("cp949-name", "names", os.fsdecode("h50_인천_보도자료".encode("cp949") + b".txt"), _text(12), ok=True,
         display="h50_인천_보도자료.txt"),
    Case("cp949-folder", "names", os.fsdecode("h51_충북_자료".encode("cp949")), _in_folder("h51_보도.txt", 13),
         ok=True, display="h51_보도.txt"),
    Case("undecodable-name", "names", os.fsdecode(b"h52_\xff\xfe\x80.txt"), _text(14), ok=True,
         display="h52_\\xff\\xfe\\x80.txt"),
    Case("undecodable-binary-name", "names", os.fsdecode(b"h53_\xff\x81_bad.txt"), _bytes(kit.junk(500, 7)),
         r"binary", display="h53_\\xff\\x81_bad.txt"),
    Case("latin1-name", "names", os.fsdecode("h54_café".encode("latin-1") + b".txt"), _text(15), ok=True,
         display="h54_caf\\xe9.txt"),
    Case("nfd-name", "names", unicodedata.normalize("NFD", "h55_오송_보도자료.txt"), _text(16), ok=True,
         display="h55_오송_보도자료.txt"),
    Case("dangling-symlink", "names", "h49_dangling.txt", _dangling, r"broken|link"),
)

RECORD_CASES: tuple[Case, ...] = (
    Case("malformed-yaml", "records", "h60_malformed", _bytes(b"id: h60\nname: [unclosed\naliases: {\n"),
         r"malformed YAML"),
    Case("python-tag-yaml", "records", "h61_python_tag",
         _bytes(b"id: h61\nname: !!python/object/apply:os.system ['touch PWNED']\n"),
         r"malformed YAML|constructor|tag"),
    Case("python-name-yaml", "records", "h62_python_name",
         _bytes(b"id: !!python/name:os.getcwd ''\nname: x\n"), r"malformed YAML|constructor|tag"),
    Case("alias-bomb-yaml", "records", "h63_alias_bomb", _bytes(kit.alias_bomb().encode()), r"alias"),
    Case("unknown-field", "records", "h64_unknown_field",
         _bytes("id: h64_unknown_field\nname: 바이오재단\ncolour: 파랑\n".encode()), r"colour"),
    Case("record-not-utf8", "records", "h65_cp949",
         _bytes("id: h65_cp949\nname: 충청북도\n".encode("cp949")), r"UTF-8"),
    Case("record-too-large", "records", "h66_huge",
         _bytes(lambda: b"id: h66_huge\nname: '" + b"x" * (9 * 1024 * 1024) + b"'\n"), r"limit"),
    Case("record-not-mapping", "records", "h67_list", _bytes(b"- id: h67\n- name: x\n"), r"mapping"),
    Case("record-link-outside", "records", "h68_link_outside", _link_outside, r"outside the knowledge base"),
)


def input_cases(batch: str) -> list[Case]:
    return [c for c in CASES if c.batch == batch]


BATCHES = tuple(dict.fromkeys(c.batch for c in CASES))


@dataclass(frozen=True)
class BatchRun:
    """The outcome of one batch: its folders, the ingest run and the validate run after it."""

    root: Path
    kb: Path
    inputs: Path
    ingest: kit.Run
    validate: kit.Run
    before: dict[str, bytes]

    def lines_naming(self, needle: str) -> list[str]:
        return [line for line in self.ingest.lines if needle in line]


def run_input_batch(root: Path, batch: str) -> BatchRun:
    kb = kit.new_kb(root / "kb")
    inputs = root / "in"
    inputs.mkdir()
    (inputs / GOOD).write_bytes(kit.release(0).encode("utf-8"))
    explicit: list[str] = []
    for case in input_cases(batch):
        if case.explicit:
            side = root / "elsewhere"
            side.mkdir(exist_ok=True)
            case.make(side / case.name)
            # named through a `..` detour that leaves and re-enters the input folder
            explicit.append(f"in/../elsewhere/{case.name}")
        else:
            case.make(inputs / case.name)
    before = kit.record_bytes(kb)
    ingest = kit.run_biohub(kb, ["ingest", "--jobs", "1", "in", *explicit], cwd=root)
    validate = kit.run_biohub(kb, ["validate"], cwd=root)
    return BatchRun(root, kb, inputs, ingest, validate, before)


def run_record_batch(root: Path) -> BatchRun:
    kb = kit.new_kb(root / "kb")
    inputs = root / "in"
    inputs.mkdir()
    (inputs / GOOD).write_bytes(kit.release(0).encode("utf-8"))
    for case in RECORD_CASES:
        path = kb / _RECORD.format(case.name)
        path.parent.mkdir(parents=True, exist_ok=True)
        case.make(path)
    before = kit.record_bytes(kb)
    ingest = kit.run_biohub(kb, ["ingest", "--jobs", "1", "in"], cwd=root)
    validate = kit.run_biohub(kb, ["validate"], cwd=root)
    return BatchRun(root, kb, inputs, ingest, validate, before)
