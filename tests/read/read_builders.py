"""Builders of the binary fixtures the read tests need, made at test time from our own Korean text.

- build_pdf: a PDF with a CID font (Identity-H) and a ToUnicode map, so Korean text extracts without
  any font installed; optionally with a standard-security /Encrypt dictionary that needs a password.
- build_hwpx: an HWPX zip with our own OWPML section XML.
- build_cfb / build_hwp: a minimal OLE compound file (CFB v3) writer, and HWP 5 documents on it:
  FileHeader, BodyText/ViewText sections of records, compressed or not, distribution-encrypted.
  Every stream is padded to 4096 bytes so the writer needs no mini stream.
"""

from __future__ import annotations

import io
import itertools
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "read"
SAMPLES = Path("/work/shared/samples")
WriteFile = Callable[[str, bytes], Path]

# ---------------------------------------------------------------------------------------------- PDF


PdfLine = str | tuple[str, float, float]  # a line of text, or one drawn at (x, y) in the order given


def build_pdf(pages: Sequence[Sequence[PdfLine]], *, encrypted: bool = False, text_layer: bool = True,
              to_unicode: bool = True) -> bytes:
    """A PDF with one line of text per entry of each page (CID font, ToUnicode, no embedded glyphs);
    a plain string is drawn under the previous one, a (text, x, y) entry where it says."""
    chars = sorted({ch for page in pages for line in page for ch in (line if isinstance(line, str) else line[0])})
    cid_of = {ch: index + 1 for index, ch in enumerate(chars)}
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: str = "") -> bytes:
        return f"<< /Length {len(data)} {extra}>>\nstream\n".encode() + data + b"\nendstream"

    cmap_lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                  "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                  "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
                  "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    items = list(cid_of.items())
    for start in range(0, len(items), 100):
        block = items[start:start + 100]
        cmap_lines.append(f"{len(block)} beginbfchar")
        cmap_lines.extend(f"<{cid:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for ch, cid in block)
        cmap_lines.append("endbfchar")
    cmap_lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    unicode_map = add(stream("\n".join(cmap_lines).encode()))
    descriptor = add(b"<< /Type /FontDescriptor /FontName /TestGothic /Flags 4 /FontBBox [0 -200 1000 900] "
                     b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid_font = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestGothic /CIDSystemInfo "
                   f"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                   f"/FontDescriptor {descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>".encode())
    font = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /TestGothic /Encoding /Identity-H "
               f"/DescendantFonts [{cid_font} 0 R]{f' /ToUnicode {unicode_map} 0 R' if to_unicode else ''} >>".encode())
    page_ids: list[int] = []
    pages_id = len(objects) + 1 + 2 * len(pages)  # the /Pages object comes after every page
    for page in pages:
        if text_layer:
            ops = ["BT", "/F1 10 Tf"]
            for row, line in enumerate(page):
                text, x, y = (line, 40.0, 800.0 - 16 * row) if isinstance(line, str) else line
                hexed = "".join(f"{cid_of[ch]:04X}" for ch in text)
                ops.append(f"1 0 0 1 {x:g} {y:g} Tm <{hexed}> Tj")
            ops.append("ET")
        else:
            ops = ["0.5 g", "40 600 300 150 re f"]
        content = add(stream("\n".join(ops).encode()))
        page_ids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] "
                            f"/Resources << /Font << /F1 {font} 0 R >> >> "
                            f"/Contents {content} 0 R >>".encode()))
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    assert add(f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode()) == pages_id
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
    trailer_extra = ""
    if encrypted:
        owner = "A1" * 32
        user = "B2" * 32
        encrypt = add(f"<< /Filter /Standard /V 1 /R 2 /O <{owner}> /U <{user}> /P -3904 >>".encode())
        trailer_extra = f" /Encrypt {encrypt} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> " \
                        f"<0123456789ABCDEF0123456789ABCDEF>]"
    out = io.BytesIO()
    out.write(b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R{trailer_extra} >>\n"
              f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


# --------------------------------------------------------------------------------------------- HWPX

HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HS = "http://www.hancom.co.kr/hwpml/2011/section"


def hwpx_paragraph(*runs: str) -> str:
    """An hp:p whose runs hold the given hp:t contents (raw XML inside each hp:t)."""
    body = "".join(f'<hp:run charPrIDRef="0"><hp:t>{run}</hp:t></hp:run>' for run in runs)
    return f'<hp:p paraPrIDRef="0" styleIDRef="0">{body}</hp:p>'


def hwpx_table(rows: Sequence[Sequence[str]], before: str = "", after: str = "") -> str:
    """A paragraph holding a table (text before and after it), one paragraph per cell."""
    cells = "".join(
        "<hp:tr>" + "".join(f"<hp:tc><hp:subList>{hwpx_paragraph(cell)}</hp:subList></hp:tc>" for cell in row)
        + "</hp:tr>" for row in rows)
    return (f'<hp:p paraPrIDRef="0"><hp:run charPrIDRef="0"><hp:t>{before}</hp:t>'
            f'<hp:tbl rowCnt="{len(rows)}">{cells}</hp:tbl><hp:t>{after}</hp:t></hp:run></hp:p>')


def hwpx_section(*paragraphs: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>{prolog}'
            f'<hs:sec xmlns:hs="{HS}" xmlns:hp="{HP}">' + "".join(paragraphs) + "</hs:sec>").encode()


def build_hwpx(sections: Sequence[bytes] | dict[str, bytes], *,
               mimetype: bytes | None = b"application/hwp+zip",
               extra: dict[str, bytes] | None = None) -> bytes:
    """An HWPX zip; `sections` as a list (section0, section1, ...) or as {member name: XML}."""
    if not isinstance(sections, dict):
        sections = {f"Contents/section{index}.xml": xml for index, xml in enumerate(sections)}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        if mimetype is not None:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("version.xml", b'<?xml version="1.0"?><hv:HCFVersion xmlns:hv="urn:x"/>')
        for name, xml in sections.items():
            archive.writestr(name, xml, compress_type=zipfile.ZIP_DEFLATED)
        for name, data in (extra or {}).items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------- CFB

SECTOR = 512
MIN_STREAM = 4096  # streams at least this long live in regular sectors, so no mini stream is needed
FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class _Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    data: bytes = b""
    children: list[_Entry] = field(default_factory=list)
    start: int = ENDOFCHAIN
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM


def build_cfb(streams: dict[str, bytes]) -> bytes:
    """An OLE compound file (v3, 512-byte sectors) holding {"Storage/Stream": bytes}."""
    root = _Entry("Root Entry", 5)
    for path, data in streams.items():
        node = root
        *storages, leaf = path.split("/")
        for name in storages:
            found = next((c for c in node.children if c.name == name), None)
            if found is None:
                found = _Entry(name, 1)
                node.children.append(found)
            node = found
        node.children.append(_Entry(leaf, 2, data.ljust(MIN_STREAM, b"\0")))
    entries: list[_Entry] = []

    def number(entry: _Entry) -> None:
        entries.append(entry)
        for child in entry.children:
            number(child)

    number(root)
    index_of = {id(entry): index for index, entry in enumerate(entries)}
    for entry in entries:  # siblings as a right-leaning chain in CFB name order
        kids = sorted(entry.children, key=lambda e: (len(e.name), e.name.upper()))
        if kids:
            entry.child = index_of[id(kids[0])]
            for current, following in itertools.pairwise(kids):
                current.right = index_of[id(following)]
    fat: list[int] = []
    body = bytearray()
    for entry in entries:
        if entry.kind != 2:
            continue
        count = len(entry.data) // SECTOR + (1 if len(entry.data) % SECTOR else 0)
        entry.start = len(fat)
        fat.extend(range(len(fat) + 1, len(fat) + count))
        fat.append(ENDOFCHAIN)
        body += entry.data.ljust(count * SECTOR, b"\0")
    directory = b"".join(_dir_entry(entry) for entry in entries)
    directory = directory.ljust(-(-len(directory) // SECTOR) * SECTOR, b"\0")
    dir_start = len(fat)
    dir_sectors = len(directory) // SECTOR
    fat.extend(range(dir_start + 1, dir_start + dir_sectors))
    fat.append(ENDOFCHAIN)
    fat_sectors = 1
    while (len(fat) + fat_sectors) > fat_sectors * (SECTOR // 4):
        fat_sectors += 1
    fat_start = len(fat)
    fat.extend([FATSECT] * fat_sectors)
    fat.extend([FREESECT] * (fat_sectors * (SECTOR // 4) - len(fat)))
    difat = list(range(fat_start, fat_start + fat_sectors)) + [FREESECT] * (109 - fat_sectors)
    header = (OLE_SIGNATURE + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, fat_sectors, dir_start, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
              + struct.pack("<109I", *difat))
    return header + bytes(body) + directory + struct.pack(f"<{len(fat)}I", *fat)


def _dir_entry(entry: _Entry) -> bytes:
    name = entry.name.encode("utf-16-le") + b"\0\0"
    size = len(entry.data) if entry.kind == 2 else 0
    start = entry.start if entry.kind == 2 else ENDOFCHAIN
    return (name.ljust(64, b"\0") + struct.pack("<HBBIII", len(name), entry.kind, 1, entry.left, entry.right,
                                                entry.child)
            + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", start, size))


# ---------------------------------------------------------------------------------------------- HWP

PARA_HEADER, PARA_TEXT, CTRL_HEADER, LIST_HEADER, DISTRIBUTE_DOC_DATA = 66, 67, 71, 72, 28


def hwp_record(tag: int, level: int, payload: bytes) -> bytes:
    size = len(payload)
    if size >= 0xFFF:
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20, size) + payload
    return struct.pack("<I", tag | level << 10 | size << 20) + payload


def hwp_paragraph(text: str, level: int = 0, *, controls: bytes = b"") -> bytes:
    """PARA_HEADER + PARA_TEXT; `controls` are raw UTF-16LE units put before the text."""
    units = controls + text.encode("utf-16-le") + b"\r\0"
    return hwp_record(PARA_HEADER, level, b"\0" * 22) + hwp_record(PARA_TEXT, level + 1, units)


def hwp_control(code: int, ident: bytes = b" lbt") -> bytes:
    """An extended/inline control as it sits in PARA_TEXT: eight UTF-16 units."""
    return struct.pack("<H", code) + ident + b"\0" * 8 + struct.pack("<H", code)


def hwp_table_paragraph(before: str, cells: Sequence[str]) -> bytes:
    """A paragraph with text and a table control, followed by the cell paragraphs (nested)."""
    head = hwp_paragraph(before, controls=hwp_control(11))
    ctrl = hwp_record(CTRL_HEADER, 1, b" lbt" + b"\0" * 40)
    cell_records = b"".join(hwp_record(LIST_HEADER, 2, b"\0" * 34) + hwp_paragraph(cell, 2) for cell in cells)
    return head + ctrl + cell_records


def raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def hwp_file_header(flags: int) -> bytes:
    return (b"HWP Document File".ljust(32, b"\0") + struct.pack("<II", 0x05010100, flags)).ljust(256, b"\0")


def _msvc_stream(seed: int) -> Callable[[], int]:
    state = [seed]

    def rand() -> int:
        state[0] = (state[0] * 214013 + 2531011) & 0xFFFFFFFF
        return (state[0] >> 16) & 0x7FFF

    return rand


def distribution_stream(records: bytes, *, seed: int, key: bytes, compressed: bool = True) -> bytes:
    """A ViewText section: DISTRIBUTE_DOC_DATA hiding `key`, then the records in AES-128-ECB."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    clear = bytearray((index * 37 + 11) & 0xFF for index in range(256))
    clear[0:4] = seed.to_bytes(4, "little")
    offset = 4 + (seed & 0xF)
    clear[offset:offset + 16] = key
    rand = _msvc_stream(seed)
    mask, left = 0, 0
    for index in range(256):
        if left == 0:
            mask = rand() & 0xFF
            left = (rand() & 0xF) + 1
        if index >= 4:
            clear[index] ^= mask
        left -= 1
    body = raw_deflate(records) if compressed else records
    body = body.ljust(-(-len(body) // 16) * 16, b"\0")
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return hwp_record(DISTRIBUTE_DOC_DATA, 0, bytes(clear)) + encryptor.update(body) + encryptor.finalize()


DECOY = "이 문서는 상위 버전의 배포용 문서입니다. 문서를 읽으려면 최신 버전의 뷰어가 필요합니다."


def build_hwp(sections: Sequence[bytes], *, flags: int = 1, view_text: Sequence[bytes] | None = None,
              extra: dict[str, bytes] | None = None) -> bytes:
    """An HWP 5 file: section record streams, deflated when flags bit 0 is set."""
    compressed = bool(flags & 1)
    streams = {"FileHeader": hwp_file_header(flags), "DocInfo": b"\0" * 16}
    for index, records in enumerate(sections):
        streams[f"BodyText/Section{index}"] = raw_deflate(records) if compressed else records
    for index, stream in enumerate(view_text or ()):
        streams[f"ViewText/Section{index}"] = stream
    streams.update(extra or {})
    return build_cfb(streams)
