"""File names in bytes that are not UTF-8 become text every record, terminal and spreadsheet can hold."""

from __future__ import annotations

import os
import unicodedata

import pytest

from biohub_cli.file_names import readable
from biohub_cli.read.decode import normalise_text


@pytest.mark.parametrize(("raw", "shown"), [
    ("충북_보도자료.txt".encode("cp949"), "충북_보도자료.txt"),         # a Windows or EUC-KR zip
    ("오송 바이오 자료.hwp".encode("euc-kr"), "오송 바이오 자료.hwp"),
    ("보도자료".encode() + b"\xff.txt", "보도자료\\xff.txt"),          # UTF-8 with one damaged byte
    ("café".encode("latin-1") + b".txt", "caf\\xe9.txt"),               # not CP949: escaped
    (b"plain.txt", "plain.txt"),
])
def test_names_read_as_cp949_or_escaped(raw: bytes, shown: str) -> None:
    assert readable(os.fsdecode(raw)) == shown
    readable(os.fsdecode(raw)).encode("utf-8")  # never a surrogate left


def test_a_message_naming_a_cp949_path_is_decoded_word_by_word() -> None:
    folder, name = os.fsdecode("인천 자료".encode("cp949")), os.fsdecode("협약.txt".encode("cp949"))
    assert readable(f"in/{folder}/{name}: 바이너리 파일입니다") == "in/인천 자료/협약.txt: 바이너리 파일입니다"


def test_decomposed_names_are_shown_composed() -> None:
    assert readable(unicodedata.normalize("NFD", "보도자료.txt")) == "보도자료.txt"


def test_document_text_never_keeps_a_lone_surrogate() -> None:
    """A damaged PDF text map can give one; the source record (UTF-8 YAML) could not be written."""
    assert normalise_text("오송\ud835바이오") == "오송\ufffd바이오"
