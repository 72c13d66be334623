"""Property tests: whatever bytes a file holds, read_path raises nothing but ReadError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from read_builders import (
    OLE_SIGNATURE,
    build_hwp,
    build_hwpx,
    build_pdf,
    distribution_stream,
    hwp_paragraph,
    hwp_table_paragraph,
    hwpx_paragraph,
    hwpx_section,
    hwpx_table,
)

from biohub_cli.errors import ReadError
from biohub_cli.read import SUPPORTED_SUFFIXES, read_path

SUFFIXES = [*sorted(SUPPORTED_SUFFIXES), ".bin"]
PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", OLE_SIGNATURE, b"<!DOCTYPE html><html><body>", b"\xef\xbb\xbf",
            b"\xff\xfe", b"HWP Document File"]
VALID = {
    ".pdf": build_pdf([["세종시 바이오 포럼 개최", "참석 50명"]]),
    ".hwpx": build_hwpx([hwpx_section(hwpx_paragraph("원주 의료기기 클러스터"),
                                      hwpx_table([["가", "나"]], before="표"))]),
    ".hwp": build_hwp([hwp_paragraph("춘천 바이오 산업 진흥원") + hwp_table_paragraph("표", ["셀"])]),
    ".dist.hwp": build_hwp([hwp_paragraph("decoy")], flags=0x5, view_text=[
        distribution_stream(hwp_paragraph("배포 본문"), seed=7, key=b"k" * 16)]),
}
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_bytes_as(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            doc = read_path(path)
        except ReadError:
            return
        assert isinstance(doc.text, str) and doc.text.strip()
        assert "\r" not in doc.text


@SETTINGS
@given(data=st.binary(min_size=0, max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_raise_only_read_errors(data: bytes, suffix: str) -> None:
    read_bytes_as(data, suffix)


@SETTINGS
@given(prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=2048), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_behind_a_real_signature(prefix: bytes, data: bytes, suffix: str) -> None:
    read_bytes_as(prefix + data, suffix)


@SETTINGS
@given(kind=st.sampled_from(sorted(VALID)), cut=st.floats(0.0, 1.0),
       flips=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(1, 255)), max_size=8))
def test_damaged_documents_raise_only_read_errors(kind: str, cut: float,
                                                  flips: list[tuple[float, int]]) -> None:
    data = bytearray(VALID[kind])
    for where, mask in flips:
        data[min(int(where * len(data)), len(data) - 1)] ^= mask
    end = max(1, int(len(data) * cut)) if cut < 0.98 else len(data)
    read_bytes_as(bytes(data[:end]), "." + kind.rsplit(".", 1)[-1])


@SETTINGS
@given(text=st.text(max_size=500), codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp949"]))
def test_any_text_in_any_supported_encoding(text: str, codec: str) -> None:
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return
    read_bytes_as(data, ".txt")
