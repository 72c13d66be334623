"""Shared kit of the hostile, crash and security suites: our own Korean releases, hostile file
builders (made at test time, nothing big committed) and a `biohub` subprocess runner.

The crash and security conftests put this folder on sys.path so they can import it too.
"""

from __future__ import annotations

import io
import os
import random
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src"

# ------------------------------------------------------------------------------- good releases

_CITIES = (("충청북도", "충북도", "김영환", "충북지사"), ("대구광역시", "대구시", "홍준표", "대구시장"),
           ("인천광역시", "인천시", "유정복", "인천시장"), ("강원특별자치도", "강원도", "김진태", "강원지사"),
           ("경상북도", "경북도", "이철우", "경북지사"), ("전라남도", "전남도", "김영록", "전남지사"))
_PARTNERS = ("오송첨단의료산업진흥재단", "한국바이오의약품협회", "송도바이오협의회", "한국생명공학연구원",
             "대구경북첨단의료산업진흥재단", "한국보건산업진흥원")


def release(n: int = 0) -> str:
    """A short city-hall style release we wrote; `n` varies the facts so no two are the same file."""
    full, short, head, title = _CITIES[n % len(_CITIES)]
    partner = _PARTNERS[(n // len(_CITIES)) % len(_PARTNERS)]
    day = 3 + n % 25
    national = 20 + n
    local = 5 + n % 9
    firms = 30 + n
    return (
        f"{short}, 바이오 창업기업 지원 협약 체결\n\n"
        f"{full}와 {partner}은 2024년 4월 {day}일 {short}청 회의실에서 바이오 창업기업 육성을 위한 "
        f"업무협약을 맺었다고 밝혔다.\n"
        f"두 기관은 올해 국비 {national}억 원과 지방비 {local}억 원을 들여 창업기업 {firms}곳의 시제품 "
        f"제작과 임상 준비를 돕기로 했다.\n"
        f"{head} {title}는 \"지역 바이오 기업이 세계 시장으로 나아가도록 끝까지 함께하겠다\"고 말했다.\n"
    )


# ------------------------------------------------------------------------------- hostile builders

def escaped_release(n: int) -> str:
    """Release `n` with terminal escape sequences (retitle, clear, colour, an 8-bit CSI, a bell) and a
    spreadsheet formula in its headline and body."""
    head, body = release(n).split("\n", 1)
    more = release(n + 1).split("\n", 1)[1]
    return (f"\x1b]0;제목이 바뀐 터미널\x07=HYPERLINK(\"http://example.invalid\") {head}\x1b[2J\n"
            f"\x1b[31m{body}\x9b2J\x07\n{more}")


def junk(size: int, seed: int = 7) -> bytes:
    """Deterministic random bytes."""
    return random.Random(seed).randbytes(size)


def zip_bytes(members: dict[str, bytes], *, mimetype: bytes | None = b"application/hwp+zip") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        if mimetype is not None:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        for name, data in members.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def hwpx_section(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
            '<hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
            'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph">'
            f'<hp:p><hp:run><hp:t>{body}</hp:t></hp:run></hp:p></hs:sec>').encode()


def hwpx_zip_bomb(megabytes: int = 64) -> bytes:
    """A valid-looking HWPX whose one section inflates ~1000-fold, to `megabytes` MB of spaces."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", b"application/hwp+zip", compress_type=zipfile.ZIP_STORED)
        info = zipfile.ZipInfo("Contents/section0.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        chunk = b" " * (1 << 20)
        with archive.open(info, "w", force_zip64=True) as member:
            member.write(hwpx_section("폭탄")[:-len(b"</hs:sec>")])
            for _ in range(megabytes):
                member.write(chunk)
            member.write(b"</hs:sec>")
    return out.getvalue()


def syllables(count: int, seed: int = 3) -> str:
    """Random Korean syllables: text that compresses no better than text does (no zip bomb)."""
    return "".join(map(chr, random.Random(seed).choices(range(0xAC00, 0xD7A4), k=count)))


def hwpx_of_text(chars: int) -> bytes:
    """An ordinary-looking HWPX (an ordinary compression ratio) of `chars` characters in 500-character paragraphs."""
    text = syllables(chars)
    body = "</hp:t></hp:run></hp:p><hp:p><hp:run><hp:t>".join(text[i:i + 500] for i in range(0, len(text), 500))
    return zip_bytes({"Contents/section0.xml": hwpx_section(body)})


def pdf_flate_bomb(megabytes: int) -> bytes:
    """A small PDF whose one content stream inflates to `megabytes` MB (of spaces after a line of text)."""
    packer = zlib.compressobj(9)
    parts = [packer.compress(b"BT /F1 12 Tf 40 800 Td (Osong) Tj ET\n")]
    chunk = b" " * (1 << 20)
    parts += [packer.compress(chunk) for _ in range(megabytes)]
    parts.append(packer.flush())
    return minimal_pdf(stream=b"".join(parts))


def hwpx_with(prolog: str, body: str) -> bytes:
    return zip_bytes({"Contents/section0.xml": hwpx_section(body, prolog)})


XXE_PROLOG = '<!DOCTYPE hs:sec [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS_PROLOG = ('<!DOCTYPE hs:sec [<!ENTITY a "하하하하하하하하하하">'
                 + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
                 + "]>")

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def truncated_ole() -> bytes:
    """The 512-byte header of an OLE compound file (CFB v3) that promises sectors it does not hold."""
    header = bytearray(512)
    header[0:8] = OLE_MAGIC
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIII", header, 44, 1, 0, 0, 0x1000, 0xFFFFFFFE)  # 1 FAT sector, dir at 0
    struct.pack_into("<II", header, 68, 0xFFFFFFFE, 0)
    struct.pack_into("<I", header, 76, 0)  # DIFAT[0] = sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, 0xFFFFFFFF)
    return bytes(header) + b"\x00" * 100


def minimal_pdf(text: str = "Hello", *, encrypted: bool = False, stream: bytes | None = None) -> bytes:
    """A small one-page PDF (Helvetica, ASCII text); optionally with a /Encrypt that needs a password, or
    with `stream` (flate-compressed) as its content instead of the text."""
    content = f"BT /F1 12 Tf 40 800 Td ({text}) Tj ET".encode() if stream is None else stream
    flate = "" if stream is None else " /Filter /FlateDecode"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)}{flate} >>\nstream\n".encode() + content + b"\nendstream",
    ]
    trailer_extra = b""
    if encrypted:
        owner, user = "A1" * 32, "B2" * 32
        objects.append(f"<< /Filter /Standard /V 1 /R 2 /O <{owner}> /U <{user}> /P -3904 >>".encode())
        trailer_extra = (b" /Encrypt 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
                         b"<0123456789ABCDEF0123456789ABCDEF>]")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R".encode() + trailer_extra
              + f" >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def nested_html(depth: int) -> bytes:
    story = release(40).replace("\n", "<br>")
    return (("<html><body>" + "<div>" * depth + f"<p>{story}</p>" + "</div>" * depth
             + "</body></html>").encode())


def huge_html(paragraphs: int) -> bytes:
    story = "".join(f"<p>{line}</p>" for line in release(41).splitlines() if line)
    menu = "".join(f"<li><a href='/n/{i}'>최신뉴스 {i}번 기사 제목</a></li>" for i in range(paragraphs))
    return (f"<html><head><title>바이오 창업 협약</title></head><body><ul>{menu}</ul>"
            f"<article>{story}</article><ul>{menu}</ul></body></html>").encode()


def page_with(head: str = "", before: str = "", n: int = 43) -> bytes:
    """A saved news page of release `n` whose headline says no "바이오" (only the story does), with `head`
    in its <head> and `before` ahead of the article: what a page saver or a hostile page adds."""
    story = "".join(f"<p>{line}</p>" for line in release(n).splitlines()[1:] if line)
    return (f"<html><head><title>협약 소식</title>{head}</head><body><h1>협약 소식</h1>{before}"
            f"<article>{story}</article></body></html>").encode()


def inline_font_page(megabytes: int) -> bytes:
    """A page saved as one file: a base64 font of `megabytes` MB in an inline <style> before the story."""
    font = "QUJD" * (megabytes * 1024 * 1024 // 4)
    return page_with(head=f"<style>@font-face{{font-family:x;src:url(data:font/woff2;base64,{font})}}</style>")


def inline_script_page(megabytes: int) -> bytes:
    return page_with(before="<script>var bundle = '" + "a" * (megabytes * 1024 * 1024) + "';</script>")


SCRIPT_MARKERS = ("<script", "alert(", "onerror", "onload", "javascript:", "document.cookie")


def scripted_html() -> bytes:
    story = "".join(f'<p onclick="alert(1)">{line}</p>' for line in release(42).splitlines() if line)
    return ("<html><head><title>바이오 협약</title><script>document.cookie='x';alert('head')</script>"
            "</head><body onload=\"alert('load')\"><article>"
            f"<img src=x onerror=\"alert('img')\">{story}"
            "<a href=\"javascript:alert('a')\">링크</a><script>alert('body')</script>"
            "</article></body></html>").encode()


def alias_bomb(indent: str = "") -> str:
    """YAML whose aliases expand to 9**9 (~387 million) nodes: the "billion laughs" of YAML."""
    lines = [f"{indent}a: &a [웃, 웃, 웃, 웃, 웃, 웃, 웃, 웃, 웃]"]
    for i in range(8):
        name, prev = chr(98 + i), chr(97 + i)
        lines.append(f"{indent}{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    return "\n".join(lines) + "\n"


def sparse_file(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no disk space (a hole)."""
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


# ------------------------------------------------------------------------------- running biohub

@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


def biohub_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BIOHUB_", "COVERAGE_"))}
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), *filter(None, [os.environ.get("PYTHONPATH")])])
    env.update({"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb", "PYTHONIOENCODING": "utf-8"})
    env.update(extra or {})
    return env


def biohub_command(kb: Path, args: Sequence[str]) -> list[str]:
    return [sys.executable, "-m", "biohub_cli", "--kb", str(kb), *args]


# A shell in a terminal starts a command with Ctrl-C at its default. A process that inherits SIGINT
# ignored keeps ignoring it (Python leaves an ignored SIGINT alone, as Unix programs do), and then a
# test's Ctrl-C would not arrive: a command in its own session starts as from a terminal.
_AS_FROM_A_TERMINAL = ("import runpy, signal; signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT}); "
                       "signal.signal(signal.SIGINT, signal.default_int_handler); "
                       "runpy.run_module('biohub_cli', run_name='__main__', alter_sys=True)")


def run_biohub(kb: Path, args: Sequence[str], *, cwd: Path | None = None,
               env: dict[str, str] | None = None, timeout: float = 300, new_session: bool = False) -> Run:
    """`python -m biohub_cli --kb KB ARGS...` as a subprocess (in its own session when asked, so a
    Ctrl-C it sends to its process group reaches its workers and never this test process)."""
    command = biohub_command(kb, args)
    if new_session:
        command = [sys.executable, "-c", _AS_FROM_A_TERMINAL, "--kb", str(kb), *args]
    proc = subprocess.run(command, cwd=cwd or kb.parent, env=biohub_env(env),
                          capture_output=True, timeout=timeout, check=False, start_new_session=new_session)
    return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"),
               proc.stderr.decode("utf-8", "replace"))


def new_kb(folder: Path) -> Path:
    """An empty knowledge base made by `biohub init` (in-process, it needs no Kiwi)."""
    from biohub_cli import scaffold

    scaffold.init(folder)
    return folder


def record_bytes(kb: Path) -> dict[str, bytes]:
    """Every file under records/ (relative path → bytes), temporary files included on purpose."""
    root = kb / "records"
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def snapshot(root: Path, *, skip: Path | None = None) -> dict[str, bytes | str]:
    """Every file and link below root (outside `skip`): relative path → bytes or link target."""
    out: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        if skip is not None and (path == skip or skip in path.parents):
            continue
        rel = str(path.relative_to(root))
        if path.is_symlink():
            out[rel] = "-> " + str(path.readlink())
        elif path.is_file():
            out[rel] = path.read_bytes()
        elif path.is_dir():
            out[rel] = "dir"
    return out
