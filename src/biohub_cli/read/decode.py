"""Bytes to text for plain-text and HTML files: BOMs, UTF-8, UTF-16, CP949, then a guess."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from biohub_cli.controls import strip_controls
from biohub_cli.errors import ReadError

# Python's "euc-kr" codec rejects syllables that Korean software writes every day; CP949 (UHC) is
# the superset Windows and Hancom use, so every Korean legacy charset label maps to it.
_KOREAN_LABELS = frozenset({
    "euc-kr", "euc_kr", "euckr", "ks_c_5601-1987", "ks_c_5601", "ksc5601", "ksc_5601", "korean",
    "cp949", "ms949", "windows-949", "x-windows-949", "uhc", "x-uhc",
})
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F; these are those, less the allowed ones.
_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in (*range(0x20), *range(0x7F, 0xA0))
                                    if chr(c) not in _ALLOWED_CONTROLS) + "]")
MAX_CONTROL_RATIO = 0.02
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode text bytes strictly; raise ReadError for binary data or an unknown encoding.

    `declared` is a charset a document names for itself (an HTML <meta charset>); it is tried
    after UTF-8 and before CP949.
    """
    decoded = _decode_by_bom(data) or _decode_utf16_without_bom(data)
    if decoded is None:
        if b"\x00" in data:
            raise ReadError("binary data, not a document (it contains NUL bytes)")
        decoded = _decode_strict(data, "utf-8")
    if decoded is None and declared:
        codec = codec_for_label(declared)
        if codec is not None and codec != "utf-8":
            decoded = _decode_strict(data, codec)
    if decoded is None:
        decoded = _decode_strict(data, "cp949")
    if decoded is None:
        decoded = _decode_guessed(data)
    _reject_binary(decoded.text)  # before normalise_text takes the control characters out
    return Decoded(text=normalise_text(decoded.text), encoding=decoded.encoding)


def normalise_text(text: str) -> str:
    """Newlines to \\n, Unicode to NFC, control characters out (biohub_cli.controls: a document's
    terminal escape sequences never reach a record); a lone surrogate (a damaged PDF's text map can
    give one, and no UTF-8 record can hold it) to U+FFFD; nothing else changes."""
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    if _SURROGATE.search(text) is not None:
        text = _SURROGATE.sub("\ufffd", text)
    return unicodedata.normalize("NFC", text)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its start, if any."""
    match = _META_CHARSET.search(data[:8192])
    if match is None:
        return None
    return match.group(1).decode("ascii", "replace").lower()


def codec_for_label(label: str) -> str | None:
    """The Python codec for a charset label, with Korean labels mapped to CP949."""
    label = label.strip().lower()
    if label in _KOREAN_LABELS:
        return "cp949"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp949" if name in {"euc_kr", "cp949"} else name


def _decode_strict(data: bytes, codec: str) -> Decoded | None:
    try:
        return Decoded(text=data.decode(codec), encoding=codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_by_bom(data: bytes) -> Decoded | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                shown = codec.removesuffix("-sig").upper()
                raise ReadError(f"broken {shown} text (bad bytes at offset {exc.start}); "
                                "re-save the file as UTF-8") from exc
            name = {"utf-16": "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be",
                    "utf-32": "utf-32-le" if bom == codecs.BOM_UTF32_LE else "utf-32-be"}.get(codec, codec)
            return Decoded(text=text.removeprefix("\ufeff"), encoding=name)
    return None


def _decode_utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 written without a BOM: NUL high bytes on one side only (ASCII, digits, spaces)."""
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    sample = data[:65536]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd_nuls >= pairs * 0.1 and even_nuls == 0:
        codec = "utf-16-le"
    elif even_nuls >= pairs * 0.1 and odd_nuls == 0:
        codec = "utf-16-be"
    else:
        return None
    return _decode_strict(data, codec)


def _decode_guessed(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError("binary data or an unknown text encoding; save the file as UTF-8")
    return Decoded(text=str(best), encoding=str(best.encoding))


def _reject_binary(text: str) -> None:
    if "\x00" in text:
        raise ReadError("binary data, not a document (it contains NUL characters)")
    sample = text[:200_000]
    controls = len(_CONTROL.findall(sample))
    if controls and controls > len(sample) * MAX_CONTROL_RATIO:
        raise ReadError("binary data, not a document (too many control characters)")
