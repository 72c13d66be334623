"""HWPX: paragraphs and table cells in order, inline breaks, and hostile archives refused."""

from __future__ import annotations

import io
import zipfile

import pytest
from read_builders import WriteFile, build_hwpx, hwpx_paragraph, hwpx_section, hwpx_table

from biohub_cli.errors import ReadError, TooLargeError
from biohub_cli.read import read_path

RELEASE = hwpx_section(
    hwpx_paragraph("충북도 보도자료"),
    hwpx_paragraph(""),
    hwpx_paragraph("오송 K-바이오 스퀘어 ", "조성 계획 발표"),
    hwpx_table([["구분", "금액"], ["국비", "1,200억 원"]], before="사업비 내역", after="(단위: 원)"),
    hwpx_paragraph("담당자<hp:lineBreak/>바이오정책과<hp:tab/>043-000-0000"),
    hwpx_paragraph(""),
    hwpx_paragraph(""),
    hwpx_paragraph("끝."),
)


def test_paragraphs_tables_and_inline_breaks(write: WriteFile) -> None:
    doc = read_path(write("release.hwpx", build_hwpx([RELEASE])))
    assert doc.format == "hwpx"
    assert doc.text == (
        "충북도 보도자료\n"
        "\n"
        "오송 K-바이오 스퀘어 조성 계획 발표\n"
        "사업비 내역\n"
        "구분\n금액\n국비\n1,200억 원\n"
        "(단위: 원)\n"
        "담당자\n바이오정책과\t043-000-0000\n"
        "\n"
        "끝."
    )


def test_sections_in_numeric_order(write: WriteFile) -> None:
    sections = {f"Contents/section{n}.xml": hwpx_section(hwpx_paragraph(f"{n}번 구역"))
                for n in (10, 2, 0, 1)}
    doc = read_path(write("order.hwpx", build_hwpx(sections)))
    assert doc.text.split("\n") == ["0번 구역", "1번 구역", "2번 구역", "10번 구역"]


def test_hwpx_named_hwp_is_sniffed(write: WriteFile) -> None:
    doc = read_path(write("renamed.hwp", build_hwpx([RELEASE])))
    assert doc.format == "hwpx"
    assert "조성 계획 발표" in doc.text


def test_truncated_zip(write: WriteFile) -> None:
    data = build_hwpx([RELEASE])
    with pytest.raises(ReadError, match="truncated or damaged zip archive"):
        read_path(write("cut.hwpx", data[: len(data) // 2]))


def test_zip_bomb_posing_as_hwpx(write: WriteFile) -> None:
    padding = b" " * (40 * 1024 * 1024)
    bomb = hwpx_section(hwpx_paragraph("폭탄")).replace(b"</hs:sec>", padding + b"</hs:sec>")
    data = build_hwpx([bomb])
    assert len(data) < 200_000
    with pytest.raises(TooLargeError, match="zip bomb"):
        read_path(write("bomb.hwpx", data))


def test_declared_sizes_over_the_budget(write: WriteFile) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", b"application/hwp+zip", compress_type=zipfile.ZIP_STORED)
        for n in range(3):
            archive.writestr(f"Contents/section{n}.xml", hwpx_section(hwpx_paragraph(str(n))))
    data = bytearray(out.getvalue())
    # Declare 100 MB of uncompressed size for every section in the central directory.
    position = 0
    while (position := data.find(b"PK\x01\x02", position)) != -1:
        name_length = int.from_bytes(data[position + 28:position + 30], "little")
        name = bytes(data[position + 46:position + 46 + name_length])
        if name.startswith(b"Contents/"):
            data[position + 24:position + 28] = (100 * 1024 * 1024).to_bytes(4, "little")
        position += 4
    with pytest.raises(TooLargeError):
        read_path(write("liar.hwpx", bytes(data)))


def test_xml_external_entity_is_refused(write: WriteFile) -> None:
    xxe = hwpx_section(hwpx_paragraph("&xxe;"), prolog='<!DOCTYPE hs:sec [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
    with pytest.raises(ReadError, match="DTD or XML entities") as info:
        read_path(write("xxe.hwpx", build_hwpx([xxe])))
    assert "root:" not in str(info.value)


def test_billion_laughs_is_refused(write: WriteFile) -> None:
    entities = '<!ENTITY a "ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ">' + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8))
    laughs = hwpx_section(hwpx_paragraph("&i;"), prolog=f"<!DOCTYPE hs:sec [{entities}]>")
    with pytest.raises(ReadError, match="DTD or XML entities"):
        read_path(write("laughs.hwpx", build_hwpx([laughs])))


def test_missing_sections(write: WriteFile) -> None:
    data = build_hwpx({}, extra={"Contents/header.xml": b"<head/>"})
    with pytest.raises(ReadError, match="no body sections"):
        read_path(write("hollow.hwpx", data))


def test_malformed_section_xml(write: WriteFile) -> None:
    data = build_hwpx([b"<hs:sec xmlns:hs='x'><hp:p>unclosed"])
    with pytest.raises(ReadError, match="not well-formed XML"):
        read_path(write("broken.hwpx", data))


def test_other_zip_archives_are_not_hwpx(write: WriteFile) -> None:
    docx = build_hwpx({}, mimetype=None, extra={"word/document.xml": b"<w:document/>"})
    with pytest.raises(ReadError, match="a Word document: Word documents are not read; save it as PDF or HWPX"):
        read_path(write("report.docx", docx))
    epub = build_hwpx({}, mimetype=b"application/epub+zip", extra={"OEBPS/a.xhtml": b"<html/>"})
    with pytest.raises(ReadError, match="not an HWPX document"):
        read_path(write("book.hwpx", epub))


def test_hwpx_without_text(write: WriteFile) -> None:
    with pytest.raises(ReadError, match="no text"):
        read_path(write("blank.hwpx", build_hwpx([hwpx_section(hwpx_paragraph(""))])))
