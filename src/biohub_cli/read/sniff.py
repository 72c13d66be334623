"""Which reader a file needs, judged by its first bytes rather than its name."""

from __future__ import annotations

import re
from typing import Literal

Container = Literal["pdf", "zip", "ole", "text"]

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HWP3_MAGIC = b"HWP Document File V3"
# What is left of the OLE signature after the file went through a lossy UTF-8 text round trip.
OLE_MAGIC_TAIL = b"\x11\xe0\xa1\xb1\x1a"

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program (ELF)"),
    (b"MZ", "a Windows program"),
    (b"%!PS", "a PostScript file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x00\x00\x00\x0cjP  ", "a JPEG 2000 image"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_RIFF = re.compile(rb"RIFF....(WEBP|WAVE|AVI )", re.S)


def sniff_container(data: bytes, suffix: str = "") -> Container:
    """The container format of the bytes: PDF, ZIP (HWPX), OLE (HWP 5) or anything else."""
    if data[:1024].lstrip(b"\x00\t\n\r\f ").startswith(PDF_MAGIC):
        return "pdf"
    if suffix.lower() == ".pdf" and PDF_MAGIC in data[:1024]:  # readers tolerate junk before the header
        return "pdf"
    if data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return "zip"
    if data.startswith(OLE_MAGIC):
        return "ole"
    return "text"


def known_binary(data: bytes) -> str | None:
    """A short name for well-known non-document binary formats ("a PNG image"), else None."""
    if data.startswith(HWP3_MAGIC):
        return "an HWP 3.0 document (1990s format, not supported; open it in Hangul and save as HWPX)"
    for magic, name in _BINARY_MAGIC:
        if data.startswith(magic):
            return name
    match = _RIFF.match(data[:12])
    if match:
        kind = match.group(1).decode("ascii").strip()
        return {"WEBP": "a WebP image", "WAVE": "a WAV audio file", "AVI": "an AVI video"}[kind]
    return None


def looks_like_damaged_ole(data: bytes) -> bool:
    """True for an OLE file whose signature was mangled (e.g. by a text-mode conversion)."""
    return not data.startswith(OLE_MAGIC) and OLE_MAGIC_TAIL in data[:16]
