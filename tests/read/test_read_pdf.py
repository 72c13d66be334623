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
