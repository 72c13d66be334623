"""PDF: Korean text with its spacing, pages joined by a blank line, and every broken case refused."""

from __future__ import annotations

import pytest
from read_builders import WriteFile, build_pdf

from biohub_cli.errors import ReadError
from biohub_cli.read import read_path

PAGE_ONE = ["인천시 보도자료", "오송 바이오 포럼이 7월 9일 열렸다.", "총사업비 3,350억 원 규모다."]
PAGE_TWO = ["붙임: 참석 기관 명단", "셀트리온, 인하대학교병원"]


def test_korean_text_and_spacing(write: WriteFile) -> None:
    doc = read_path(write("release.pdf", build_pdf([PAGE_ONE, PAGE_TWO])))
    assert doc.format == "pdf"
    assert doc.encoding is None
    assert doc.text == "\n".join(PAGE_ONE) + "\n\n" + "\n".join(PAGE_TWO)


def test_lines_come_in_page_order_and_a_table_row_on_one_line(write: WriteFile) -> None:
    """A boxed headline drawn after the running text, and table cells drawn column by column, read as a
    reader sees the page: top to bottom, a row left to right."""
    page = [("총사업비는 3,350억 원이다.", 40, 700), ("오송 바이오 포럼이 열렸다.", 40, 716),
            ("구분", 40, 600), ("국비", 40, 584), ("2025년", 200, 600), ("1,200억", 200, 584),
            ("오송 바이오 포럼 개최", 120, 780)]
    doc = read_path(write("boxed.pdf", build_pdf([page])))
    assert doc.text.split("\n") == ["오송 바이오 포럼 개최", "오송 바이오 포럼이 열렸다.", "총사업비는 3,350억 원이다.",
                                    "구분 2025년", "국비 1,200억"]


def test_pdf_is_sniffed_whatever_its_name(write: WriteFile) -> None:
    doc = read_path(write("attachment.hwp", build_pdf([PAGE_ONE])))
    assert doc.format == "pdf"
    assert "오송 바이오 포럼" in doc.text


def test_encrypted_pdf(write: WriteFile) -> None:
    with pytest.raises(ReadError, match="PDF is encrypted; save an unencrypted copy"):
        read_path(write("locked.pdf", build_pdf([PAGE_ONE], encrypted=True)))


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_pdf(write: WriteFile, keep: float) -> None:
    data = build_pdf([PAGE_ONE, PAGE_TWO])
    with pytest.raises(ReadError, match="truncated"):
        read_path(write("cut.pdf", data[: int(len(data) * keep)]))


def test_pdf_without_a_text_layer(write: WriteFile) -> None:
    with pytest.raises(ReadError, match=r"no text layer \(scanned image\?\)"):
        read_path(write("scan.pdf", build_pdf([PAGE_ONE], text_layer=False)))


def test_pdf_whose_fonts_map_to_no_unicode(write: WriteFile) -> None:
    with pytest.raises(ReadError, match="fonts carry no Unicode mapping"):
        read_path(write("glyphs.pdf", build_pdf([PAGE_ONE], to_unicode=False)))


def test_garbage_between_header_and_eof_marker(write: WriteFile) -> None:
    data = b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n"
    with pytest.raises(ReadError) as info:
        read_path(write("junk.pdf", data))
    assert "PDF" in info.value.message


@pytest.mark.parametrize("content", [
    b"<html><body>404 Not Found</body></html>",
    "다운로드 오류: 파일이 없습니다".encode(),
    b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
])
def test_pdf_name_without_pdf_content(write: WriteFile, content: bytes) -> None:
    with pytest.raises(ReadError) as info:
        read_path(write("notice.pdf", content))
    message = info.value.message
    assert "not a PDF" in message or "binary data" in message


def test_error_names_the_file(write: WriteFile) -> None:
    path = write("locked.pdf", build_pdf([PAGE_ONE], encrypted=True))
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert info.value.path == str(path)
    assert str(path) in str(info.value)
