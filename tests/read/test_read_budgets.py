"""One budget for what any reader may produce: bytes unpacked and characters of text, counted as they come.

A reader stops at a limit with one TooLargeError, before the rest of the document is unpacked, parsed or
held: an ordinary-looking HWPX of 200 MB of XML became 4.5 GB, a PDF's one flate stream 3.2 GB.
Small budgets stand in for the real ones here; tests/hostile runs documents past the real limits.
"""

from __future__ import annotations

import io
import random
import tracemalloc
import zlib
from pathlib import Path

import pytest
from tests.read.read_builders import build_hwp, build_hwpx, build_pdf, hwp_paragraph, hwpx_paragraph, hwpx_section

from biohub_cli.errors import TooLargeError
from biohub_cli.read import files, pdf_streams, read_path
from biohub_cli.read.hwp import extract_hwp
from biohub_cli.read.hwpx import extract_hwpx
from biohub_cli.read.limits import ExpansionBudget, TextBudget
from biohub_cli.read.pdf import extract_pdf


def _syllables(count: int, seed: int = 3) -> str:
    """Korean syllables that compress no better than text does (an ordinary ratio, no zip bomb)."""
    return "".join(map(chr, random.Random(seed).choices(range(0xAC00, 0xD7A4), k=count)))


def test_hwpx_text_past_the_budget_is_refused_before_the_section_is_read_whole() -> None:
    text = _syllables(500 * 2000)
    paragraphs = [hwpx_paragraph(text[i:i + 500]) for i in range(0, len(text), 500)]  # 3 MB of section XML
    data = build_hwpx([hwpx_section(*paragraphs)])
    extract_hwpx(build_hwpx([hwpx_section(hwpx_paragraph("준비"))]))  # the parser's modules imported
    tracemalloc.start()
    try:
        with pytest.raises(TooLargeError, match="more than 20,000 characters"):
            extract_hwpx(data, text_budget=TextBudget(20_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1536 * 1024, f"{peak:,} bytes held to refuse a 3 MB section"


def test_hwpx_under_the_budget_reads_every_paragraph_in_order() -> None:
    data = build_hwpx([hwpx_section(hwpx_paragraph("첫째 문단"), hwpx_paragraph("둘째 문단"))])
    assert extract_hwpx(data, text_budget=TextBudget(20)) == "첫째 문단\n둘째 문단"


def test_hwp_text_past_the_budget_is_refused() -> None:
    text = _syllables(300 * 20)
    data = build_hwp([b"".join(hwp_paragraph(text[i:i + 300]) for i in range(0, len(text), 300))])
    with pytest.raises(TooLargeError, match="characters of text"):
        extract_hwp(data, text_budget=TextBudget(1_000))
    assert len(extract_hwp(data)) > 6_000


def _pdf_with_stream(content: bytes) -> bytes:
    """A one-page PDF whose content stream is `content`, flate-compressed."""
    packed = zlib.compress(content, 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
               b"/Contents 5 0 R >>", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode() + packed + b"\nendstream"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
              + "".join(f"{o:010d} 00000 n \n" for o in offsets).encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_a_pdf_stream_that_unpacks_past_the_budget_is_refused_before_it_is_unpacked() -> None:
    bomb = _pdf_with_stream(b"BT /F1 12 Tf 40 800 Td (Seoul) Tj ET\n" + b" " * (8 * 1024 * 1024))
    extract_pdf(_pdf_with_stream(b"BT /F1 12 Tf 40 800 Td (Seoul) Tj ET\n"))  # PDFium loaded
    tracemalloc.start()
    try:
        with pytest.raises(TooLargeError, match="expands to more than 1 MB"):
            extract_pdf(bomb, expansion=ExpansionBudget(1024 * 1024))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024, f"{peak:,} bytes held to refuse an 8 MB stream"


def test_a_pdf_within_the_budget_reads_as_before() -> None:
    page = _pdf_with_stream(b"BT /F1 12 Tf 40 800 Td (Osong bio cluster) Tj ET\n")
    assert extract_pdf(page, expansion=ExpansionBudget(1024 * 1024)) == "Osong bio cluster"


def test_pdf_text_past_the_budget_is_refused() -> None:
    data = build_pdf([["오송 바이오 클러스터 " * 20], ["대구 첨단의료복합단지 " * 20]])
    with pytest.raises(TooLargeError, match="characters of text"):
        extract_pdf(data, text_budget=TextBudget(300))


def test_streams_are_counted_together_and_image_streams_not_at_all() -> None:
    content = zlib.compress(b"BT (Songdo) Tj ET\n" * 40_000)  # 720,000 bytes unpacked
    image = zlib.compress(b"\x00" * 4_000_000)
    pdf = (b"%PDF-1.4\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n" + content + b"\nendstream\nendobj\n"
           b"2 0 obj\n<< /Type /XObject /Subtype /Image /Filter /FlateDecode >>\nstream\n" + image
           + b"\nendstream\nendobj\n3 0 obj\n<< /Filter /FlateDecode >>\nstream\r\n" + content
           + b"\nendstream\nendobj\n%%EOF\n")
    pdf_streams.check_streams(pdf, ExpansionBudget(1_500_000))  # 1,440,000: the image is not counted
    with pytest.raises(TooLargeError, match="expands to more than"):
        pdf_streams.check_streams(pdf, ExpansionBudget(1_400_000))


def test_a_damaged_stream_counts_what_inflates_before_the_damage() -> None:
    packed = zlib.compress(b"x" * 2_000_000)
    pdf = b"%PDF-1.4\nstream\n" + packed[:len(packed) // 2] + b"\xff" * 64 + b"\nendstream\n%%EOF\n"
    pdf_streams.check_streams(pdf, ExpansionBudget(2_000_000))  # no error: PDFium reads what it can


def test_plain_text_past_the_budget_is_refused_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_TEXT_CHARS", 1_000)
    path = tmp_path / "긴 글.txt"
    path.write_text(_syllables(1_001), encoding="utf-8")
    with pytest.raises(TooLargeError, match="characters of text") as caught:
        read_path(path)
    assert caught.value.path == str(path)
