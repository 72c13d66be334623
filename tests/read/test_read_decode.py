"""Text decoding: BOMs, UTF-8, UTF-16, CP949, the last-resort guess, and binary rejection."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from biohub_cli.errors import ReadError
from biohub_cli.read.decode import codec_for_label, declared_charset, decode_bytes, normalise_text

# Our own sentence; 똠 and 뷁 are syllables Python's euc-kr codec rejects but CP949 encodes.
KOREAN = "오송 첨단의료단지에서 똠방각하 뷁 시제품 설명회가 12일 열렸다.\n참석자는 40여 명이다."


def test_plain_utf8_is_read_strictly() -> None:
    decoded = decode_bytes(KOREAN.encode("utf-8"))
    assert decoded == decoded.__class__(text=KOREAN, encoding="utf-8")


def test_utf8_bom_is_removed() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + KOREAN.encode("utf-8"))
    assert decoded.text == KOREAN
    assert decoded.encoding == "utf-8-sig"


@pytest.mark.parametrize(("codec", "bom", "name"), [
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be"),
    ("utf-32-le", codecs.BOM_UTF32_LE, "utf-32-le"),
])
def test_utf16_and_utf32_by_bom(codec: str, bom: bytes, name: str) -> None:
    decoded = decode_bytes(bom + KOREAN.encode(codec))
    assert decoded.text == KOREAN
    assert decoded.encoding == name
    assert not decoded.text.startswith("\ufeff")


def test_utf16_without_bom_is_recognised_by_its_nul_bytes() -> None:
    text = "K-Bio Lab Hub 2025: 인천 송도 designated on 2021-07-05 (total 3,350 KRW bn)."
    assert decode_bytes(text.encode("utf-16-le")).text == text
    assert decode_bytes(text.encode("utf-16-be")).text == text


def test_cp949_syllables_that_euc_kr_rejects() -> None:
    data = KOREAN.encode("cp949")
    with pytest.raises(UnicodeDecodeError):
        data.decode("euc-kr")
    decoded = decode_bytes(data)
    assert decoded.text == KOREAN
    assert decoded.encoding == "cp949"


def test_declared_charset_is_tried_after_utf8() -> None:
    page = '<html><head><meta charset="euc-kr"></head><body>인천시 바이오 특화단지</body></html>'
    data = page.encode("cp949")
    assert declared_charset(data) == "euc-kr"
    decoded = decode_bytes(data, declared=declared_charset(data))
    assert decoded.text == page
    assert decoded.encoding == "cp949"


def test_declared_charset_other_than_korean() -> None:
    page = '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Привет, Сеул</p>'
    data = page.encode("koi8-r")
    decoded = decode_bytes(data, declared=declared_charset(data))
    assert decoded.text == page
    assert decoded.encoding == "koi8-r"


def test_last_resort_guess_for_other_legacy_encodings() -> None:
    text = "Déjà vu – naïve café at the marché today, très bien, à bientôt."
    decoded = decode_bytes(text.encode("cp1252"))
    assert "caf" in decoded.text and "bien" in decoded.text
    assert decoded.encoding not in {"utf-8", "cp949"}


def test_newlines_become_lf() -> None:
    decoded = decode_bytes("첫 줄\r\n둘째 줄\r셋째 줄\n".encode())
    assert decoded.text == "첫 줄\n둘째 줄\n셋째 줄\n"


def test_text_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "한국생명공학연구원")
    assert decomposed != "한국생명공학연구원"
    assert decode_bytes(decomposed.encode("utf-8")).text == "한국생명공학연구원"


def test_text_is_otherwise_unchanged() -> None:
    text = "  □ 추진 배경\t(단위: 억 원)\n\n\n  ㅇ 국비 ․ 시비 △12.5%  \n"
    assert decode_bytes(text.encode()).text == text


@pytest.mark.parametrize("data", [
    b"\x00\x01\x02\x03binary\x00junk\x00",
    bytes(range(256)) * 4,
    b"text with a NUL \x00 in the middle of an otherwise plain line of text",
])
def test_binary_junk_is_rejected(data: bytes) -> None:
    with pytest.raises(ReadError, match="binary data"):
        decode_bytes(data)


def test_many_control_characters_are_rejected() -> None:
    data = ("보도자료" + "\x07\x1b\x02" * 20).encode()
    with pytest.raises(ReadError, match="control characters"):
        decode_bytes(data)


def test_broken_utf16_after_a_bom_is_an_error() -> None:
    data = codecs.BOM_UTF16_LE + "인천".encode("utf-16-le") + b"\x00\xd8"  # a lone high surrogate
    with pytest.raises(ReadError, match="UTF-16"):
        decode_bytes(data)


@pytest.mark.parametrize(("label", "codec"), [
    ("EUC-KR", "cp949"), ("ks_c_5601-1987", "cp949"), ("x-windows-949", "cp949"), ("UTF-8", "utf-8"),
    ("no-such-charset", None),
])
def test_codec_for_label(label: str, codec: str | None) -> None:
    assert codec_for_label(label) == codec


def test_normalise_text_handles_mixed_newlines() -> None:
    assert normalise_text("a\r\nb\rc") == "a\nb\nc"
