"""read_path(): one file to a RawDocument, or one ReadError that says what is wrong."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from biohub_cli.errors import ReadError, TooLargeError
from biohub_cli.read.decode import declared_charset, decode_bytes, normalise_text
from biohub_cli.read.limits import MAX_TEXT_CHARS, human_size, too_much_text
from biohub_cli.read.sniff import known_binary, looks_like_damaged_ole, sniff_container
from biohub_cli.read.text import classify_text

if TYPE_CHECKING:  # the models (pydantic) are imported when a file is read, not for load_bytes alone
    from biohub_cli.models.stages import PageMetadata, RawDocument
    from biohub_cli.models.vocab import Format

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".pdf",
                                                ".hwpx", ".hwp"})
_NAME_OF: dict[str, str] = {".pdf": "a PDF", ".hwp": "an HWP", ".hwpx": "an HWPX"}


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read one file of any supported format; raise only ReadError (or TooLargeError)."""
    path = Path(path)
    try:
        data = load_bytes(path, max_bytes)
        fmt, text, encoding, page = _extract(path, data)
    except ReadError as exc:
        if exc.path is None or "\n" in exc.message:
            raise type(exc)(_one_line(exc.message), path=path, hint=exc.hint) from exc
        raise
    except RecursionError as exc:
        raise ReadError("document is nested too deeply to read", path=path) from exc
    except MemoryError as exc:
        raise TooLargeError("document is too large to read in the available memory", path=path) from exc
    except Exception as exc:  # a last guard: parsers of hostile files fail in unforeseen ways
        detail = _one_line(f"{type(exc).__name__}: {str(exc)[:80]}").rstrip(": ")
        raise ReadError(f"damaged or unsupported file ({detail})", path=path) from exc
    from biohub_cli.models.stages import RawDocument

    return RawDocument(path=path, sha256=hashlib.sha256(data).hexdigest(), format=fmt, text=text,
                       encoding=encoding, page=page)


def _one_line(message: str) -> str:
    """Messages are one stderr line each, whatever a parser put into its exception text."""
    return " ".join(message.split())


def load_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, its size checked with stat before anything is read."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise ReadError("no such file") from exc
    except OSError as exc:
        raise ReadError(f"cannot access the file ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(info.st_mode):
        raise ReadError("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError("not a regular file (a device, pipe or socket)")
    _check_size(info.st_size, max_bytes)
    if info.st_size == 0:
        raise ReadError("empty file")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError as exc:
        raise ReadError("permission denied; check the file's permissions") from exc
    except OSError as exc:
        raise ReadError(f"cannot read the file ({exc.strerror or exc})") from exc
    _check_size(len(data), max_bytes)  # the file may have grown since stat()
    if not data:
        raise ReadError("empty file")
    return data


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise TooLargeError(f"file is {human_size(size)}, over the {human_size(max_bytes)} limit; "
                            "raise --max-bytes")


def _extract(path: Path, data: bytes) -> tuple[Format, str, str | None, PageMetadata | None]:
    from biohub_cli.read import hwp, hwpx, pdf

    suffix = path.suffix.lower()
    container = sniff_container(data, suffix)
    if container == "pdf":
        return "pdf", _require_text(pdf.extract_pdf(data)), None, None
    if container == "zip":
        return "hwpx", _require_text(hwpx.extract_hwpx(data)), None, None
    if container == "ole":
        return "hwp", _require_text(hwp.extract_hwp(data)), None, None
    _refuse_binary(data, suffix)
    return _extract_text(data, suffix)


def _refuse_binary(data: bytes, suffix: str) -> None:
    binary = known_binary(data)
    if binary is not None:
        raise ReadError(f"binary data ({binary}), not a document")
    if suffix == ".hwp" and looks_like_damaged_ole(data):
        raise ReadError("damaged HWP: the file header is corrupted (the file seems to have been "
                        "converted as text); get an original copy of the file")
    if suffix in _NAME_OF:
        raise ReadError(f"not {_NAME_OF[suffix]} file: its content does not start like one "
                        "(renamed, damaged, or an error page saved under this name?)")


def _extract_text(data: bytes, suffix: str) -> tuple[Format, str, str | None, PageMetadata | None]:
    from biohub_cli.read.html import read_html

    decoded = decode_bytes(data, declared=declared_charset(data))
    fmt = classify_text(decoded.text, suffix)
    page = None
    if fmt == "html":
        text, page = read_html(decoded.text)
    else:
        text = decoded.text
    return fmt, _require_text(text), decoded.encoding, page


def _require_text(text: str) -> str:
    if len(text) > MAX_TEXT_CHARS:  # what no reader counted as it went (plain text, a page's article)
        raise TooLargeError(too_much_text())
    text = normalise_text(text)
    if not text.strip():
        raise ReadError("no text in this document")
    return text

