"""HWP 5: records to paragraphs, controls skipped, protected and distribution documents handled."""

from __future__ import annotations

import pytest
from read_builders import (
    DECOY,
    OLE_SIGNATURE,
    WriteFile,
    build_cfb,
    build_hwp,
    distribution_stream,
    hwp_control,
    hwp_file_header,
    hwp_paragraph,
    hwp_table_paragraph,
)

from biohub_cli.errors import ReadError
from biohub_cli.read import read_path
from biohub_cli.read.hwp_distribution import MsvcRandom, aes_key, decode_doc_data
from biohub_cli.read.hwp_records import decode_para_text, iter_records

SECTION = (
    hwp_paragraph("대구시 보도자료")
    + hwp_paragraph("")
    + hwp_paragraph("첨단의료복합단지 입주기업 설명회 개최")
    + hwp_table_paragraph("행사 개요", ["일시", "2025. 3. 14.(금) 14:00", "장소", "대구 동구 혁신대로"])
    + hwp_paragraph("문의", controls=hwp_control(3, b"dlc%"))  # a field control before the text
)
EXPECTED = ("대구시 보도자료\n\n첨단의료복합단지 입주기업 설명회 개최\n행사 개요\n"
            "일시\n2025. 3. 14.(금) 14:00\n장소\n대구 동구 혁신대로\n문의")
KEY = bytes(range(0x30, 0x40))


@pytest.mark.parametrize("flags", [0x1, 0x0, 0x21])
def test_body_text_compressed_or_not(write: WriteFile, flags: int) -> None:
    doc = read_path(write("release.hwp", build_hwp([SECTION], flags=flags)))
    assert doc.format == "hwp"
    assert doc.text == EXPECTED


def test_sections_in_order(write: WriteFile) -> None:
    sections = [hwp_paragraph(f"{n}구역") for n in range(12)]
    doc = read_path(write("many.hwp", build_hwp(sections)))
    assert doc.text.split("\n") == [f"{n}구역" for n in range(12)]


def test_para_text_controls() -> None:
    tab = b"\x09\x00" + b"\0" * 12 + b"\x09\x00"  # inline control: eight units
    def u16(text: str) -> bytes:
        return text.encode("utf-16-le")

    units = (u16("가") + tab + u16("나") + b"\x0a\x00" + u16("다") + hwp_control(11) + u16("라")
             + b"\x18\x00" + u16("마") + b"\x0d\x00")
    assert decode_para_text(units) == "가\t나\n다라-마"


def test_supplementary_private_use_characters_survive() -> None:
    text = "기호 \U000f02ef 끝"
    assert decode_para_text(text.encode("utf-16-le") + b"\r\0") == text


def test_record_with_extended_size() -> None:
    long_text = "바이오" * 2000
    records = list(iter_records(hwp_paragraph(long_text)))
    assert [r.tag for r in records] == [66, 67]
    assert decode_para_text(records[1].payload) == long_text


def test_truncated_record_stream_is_cut_not_crashed() -> None:
    data = hwp_paragraph("첫째") + hwp_paragraph("둘째")
    assert [r.tag for r in iter_records(data[:-5])] == [66, 67, 66]


def test_password_flag(write: WriteFile) -> None:
    with pytest.raises(ReadError, match="password-protected HWP"):
        read_path(write("secret.hwp", build_hwp([SECTION], flags=0x3)))


def test_drm_flag(write: WriteFile) -> None:
    with pytest.raises(ReadError, match="DRM"):
        read_path(write("drm.hwp", build_hwp([SECTION], flags=0x11)))


def test_distribution_document_is_decrypted(write: WriteFile) -> None:
    view = distribution_stream(SECTION, seed=0x1234ABCD, key=KEY)
    data = build_hwp([hwp_paragraph(DECOY)], flags=0x5, view_text=[view])
    doc = read_path(write("dist.hwp", data))
    assert doc.text == EXPECTED
    assert "배포용" not in doc.text


def test_distribution_document_that_does_not_decrypt(write: WriteFile) -> None:
    view = distribution_stream(SECTION, seed=0x0BADF00D, key=KEY)
    at = 4 + 4 + (0x0BADF00D & 0xF) + 3  # record header, seed, then a byte of the hidden AES key
    tampered = view[:at] + bytes([view[at] ^ 0xFF]) + view[at + 1:]
    data = build_hwp([hwp_paragraph(DECOY)], flags=0x5, view_text=[tampered])
    with pytest.raises(ReadError, match=r"distribution-only \(배포용\) HWP could not be decrypted") as info:
        read_path(write("dist.hwp", data))
    assert DECOY not in str(info.value)


def test_distribution_document_without_view_text_never_returns_the_decoy(write: WriteFile) -> None:
    data = build_hwp([hwp_paragraph(DECOY)], flags=0x5)
    with pytest.raises(ReadError, match="배포용"):
        read_path(write("dist.hwp", data))


def test_distribution_record_of_the_wrong_kind(write: WriteFile) -> None:
    data = build_hwp([hwp_paragraph(DECOY)], flags=0x5, view_text=[hwp_paragraph("가짜")])
    with pytest.raises(ReadError, match="could not be decrypted"):
        read_path(write("dist.hwp", data))


def test_msvc_rand_matches_the_c_runtime() -> None:
    random = MsvcRandom(1)
    assert [random.rand() for _ in range(5)] == [41, 18467, 6334, 26500, 19169]


def test_doc_data_mask_is_an_involution_and_keeps_the_seed() -> None:
    payload = bytes((n * 7 + 3) & 0xFF for n in range(256))
    decoded = decode_doc_data(payload)
    assert decoded[:4] == payload[:4]
    assert decode_doc_data(decoded) == payload
    assert len(aes_key(payload)) == 16


def test_mangled_ole_header(write: WriteFile) -> None:
    original = build_hwp([SECTION])
    mangled = original.decode("utf-8", errors="replace").encode("utf-8")
    assert not mangled.startswith(OLE_SIGNATURE)
    with pytest.raises(ReadError, match="damaged HWP"):
        read_path(write("mangled.hwp", mangled))


def test_truncated_ole_file(write: WriteFile) -> None:
    data = build_hwp([SECTION])
    with pytest.raises(ReadError, match="damaged HWP"):
        read_path(write("cut.hwp", data[:1500]))


def test_ole_file_that_is_not_hwp(write: WriteFile) -> None:
    data = build_cfb({"WordDocument": b"\xec\xa5" + b"\0" * 100})
    with pytest.raises(ReadError, match="not an HWP 5 document"):
        read_path(write("old.doc", data))


def test_ole_with_foreign_file_header(write: WriteFile) -> None:
    data = build_cfb({"FileHeader": b"Something Else".ljust(256, b"\0"), "BodyText/Section0": SECTION})
    with pytest.raises(ReadError, match="not an HWP 5 document"):
        read_path(write("odd.hwp", data))


def test_hwp_without_sections(write: WriteFile) -> None:
    data = build_hwp([])
    with pytest.raises(ReadError, match="no body text"):
        read_path(write("hollow.hwp", data))


def test_hwp_with_broken_deflate_stream(write: WriteFile) -> None:
    data = build_cfb({"FileHeader": hwp_file_header(0x1), "BodyText/Section0": b"\xff" * 64})
    with pytest.raises(ReadError, match="damaged compressed data"):
        read_path(write("broken.hwp", data))


def test_hwp3_files_are_named(write: WriteFile) -> None:
    data = b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + b"\0" * 200
    with pytest.raises(ReadError, match=r"HWP 3\.0"):
        read_path(write("old.hwp", data))

