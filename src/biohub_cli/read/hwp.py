"""HWP 5 (an OLE compound file) to text: BodyText/Section* records, or ViewText/Section* decrypted.

A distribution-only (배포용) document keeps a decoy paragraph in BodyText ("이 문서는 상위 버전의
배포용 문서입니다…"); its real body is encrypted in ViewText. The decoy is never returned.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from biohub_cli.errors import ReadError
from biohub_cli.read.hwp_distribution import UNDECRYPTABLE, decrypt_view_text
from biohub_cli.read.hwp_records import section_paragraphs
from biohub_cli.read.limits import ExpansionBudget, TextBudget, inflate_raw
from biohub_cli.read.paragraphs import join_paragraphs

SIGNATURE = b"HWP Document File"
HEADER_SIZE = 256
FLAG_COMPRESSED = 1 << 0
FLAG_PASSWORD = 1 << 1
FLAG_DISTRIBUTION = 1 << 2
FLAG_DRM = 1 << 4
FLAG_CERT_ENCRYPTED = 1 << 8
FLAG_CERT_DRM = 1 << 10
_SECTION = re.compile(r"^Section(\d+)$")


@dataclass(frozen=True)
class FileHeader:
    version: tuple[int, int, int, int]
    flags: int

    @property
    def compressed(self) -> bool:
        return bool(self.flags & FLAG_COMPRESSED)

    @property
    def distribution(self) -> bool:
        return bool(self.flags & FLAG_DISTRIBUTION)


def extract_hwp(data: bytes, *, text_budget: TextBudget | None = None) -> str:
    """The text of an HWP 5 document, one paragraph a line; ReadError for anything unreadable."""
    ole = _open_ole(data)
    try:
        header = parse_file_header(_read_stream(ole, ["FileHeader"]))
        _refuse_protected(header)
        storage = "ViewText" if header.distribution else "BodyText"
        budget = ExpansionBudget()
        text = text_budget or TextBudget()
        paragraphs: list[str] = []
        for path in _section_paths(ole, storage):
            stream = _read_stream(ole, path)
            if header.distribution:
                records = decrypt_view_text(stream, compressed=header.compressed, budget=budget)
            elif header.compressed:
                records = inflate_raw(stream, budget)
            else:
                budget.take(len(stream))
                records = stream
            paragraphs.extend(section_paragraphs(records, text))
    finally:
        ole.close()
    return join_paragraphs(paragraphs)


def parse_file_header(data: bytes) -> FileHeader:
    """The version and property flags of an HWP 5 FileHeader stream."""
    if len(data) < 40 or not data.startswith(SIGNATURE):
        raise ReadError("an OLE compound file, but not an HWP 5 document (old Word/Excel files "
                        "are not supported); save it as PDF or HWPX")
    major, minor, build, revision = reversed(data[32:36])  # stored little-endian: 0xMMnnPPrr
    version = (major, minor, build, revision)
    return FileHeader(version=version, flags=int.from_bytes(data[36:40], "little"))


def _refuse_protected(header: FileHeader) -> None:
    if header.flags & FLAG_PASSWORD:
        raise ReadError("password-protected HWP; open it in Hangul and save a copy without a password")
    if header.flags & (FLAG_DRM | FLAG_CERT_ENCRYPTED | FLAG_CERT_DRM):
        raise ReadError("DRM- or certificate-protected HWP cannot be read; ask the sender for an "
                        "unprotected copy")


def _open_ole(data: bytes) -> Any:
    import olefile

    try:
        return olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises OSError, ValueError, IndexError, struct.error, ...
        raise ReadError(f"damaged HWP: its OLE container cannot be opened ({exc}); "
                        "get an original copy of the file") from exc


def _section_paths(ole: Any, storage: str) -> list[list[str]]:
    numbered: list[tuple[int, list[str]]] = []
    try:
        entries = ole.listdir(streams=True, storages=False)
    except Exception as exc:
        raise ReadError(f"damaged HWP: its OLE directory cannot be read ({exc})") from exc
    for entry in entries:
        if len(entry) == 2 and entry[0] == storage and (match := _SECTION.match(entry[1])):
            numbered.append((int(match.group(1)), entry))
    if not numbered:
        if storage == "ViewText":
            raise ReadError(UNDECRYPTABLE)
        raise ReadError("HWP has no body text (BodyText/Section0 is missing)")
    return [entry for _, entry in sorted(numbered)]


def _read_stream(ole: Any, path: list[str]) -> bytes:
    name = "/".join(path)
    try:
        if not ole.exists(name):
            raise ReadError(f"an OLE compound file without {name}: not an HWP 5 document")
        stream: bytes = ole.openstream(name).read()
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(f"damaged HWP: stream {name} cannot be read ({exc})") from exc
    return stream
