"""HWPX (OWPML: a zip of XML parts) to text: every hp:p of Contents/section*.xml, tables included."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from biohub_cli.errors import WORD_DOCUMENT, ReadError, TooLargeError
from biohub_cli.read.limits import ExpansionBudget, human_size
from biohub_cli.read.paragraphs import join_paragraphs

HWPX_MIMETYPE = b"application/hwp+zip"
MAX_MEMBERS = 10_000
MAX_RATIO = 500  # compression ratio above which a large part is taken for a zip bomb
RATIO_FLOOR = 1024 * 1024  # parts smaller than this are never judged by their ratio
CHUNK = 1024 * 1024
_SECTION = re.compile(r"^Contents/section(\d+)\.xml$")
# Inline elements inside hp:t and what a reader sees for them.
_INLINE_TEXT = {"lineBreak": "\n", "tab": "\t", "nbSpace": "\u00a0", "fwSpace": " ", "hyphen": "-"}


def extract_hwpx(data: bytes) -> str:
    """The text of an HWPX document, one paragraph a line; ReadError for anything unreadable."""
    archive = _open_zip(data)
    with archive:
        names = _section_names(archive)
        budget = ExpansionBudget()
        _check_declared_sizes(archive, names, budget)
        paragraphs: list[str] = []
        for name in names:
            root = _parse_xml(_read_member(archive, name, budget), name)
            paragraphs.extend(section_paragraphs(root))
    return join_paragraphs(paragraphs)


def section_paragraphs(root: Element) -> Iterator[str]:
    """Paragraph texts in document order; a table's cell paragraphs come where the table sits.

    Walks the tree with an explicit stack, so hostile nesting depth cannot exhaust the Python
    stack. Text of an outer paragraph before a nested one is emitted first, the rest after.
    """
    parts: list[list[str]] = []  # text pieces of each open hp:p, innermost last
    stack: list[tuple[Element, bool]] = [(root, False)]
    while stack:
        element, leaving = stack.pop()
        name = _local(element.tag)
        if leaving:
            if name == "p" and parts:
                yield "".join(parts.pop())
            continue
        if name == "p":
            if parts and parts[-1]:
                yield "".join(parts[-1])
                parts[-1].clear()
            parts.append([])
        elif name == "t" and parts:
            parts[-1].append(_t_text(element))
            continue
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))


def _t_text(element: Element) -> str:
    pieces = [element.text or ""]
    for child in element:
        pieces.append(_INLINE_TEXT.get(_local(child.tag), ""))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.namelist()
    except zipfile.BadZipFile as exc:
        raise ReadError("truncated or damaged zip archive; download the file again") from exc
    except (zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise ReadError(f"damaged zip archive ({exc})") from exc
    if len(members) > MAX_MEMBERS:
        raise TooLargeError(f"zip archive has {len(members)} members, over the {MAX_MEMBERS} limit")
    if "word/document.xml" in members:
        raise ReadError(WORD_DOCUMENT)
    if "mimetype" in members:
        mimetype = _read_member(archive, "mimetype", ExpansionBudget(1024)).strip()
        if mimetype != HWPX_MIMETYPE:
            shown = mimetype[:60].decode("ascii", "replace")
            raise ReadError(f"a zip archive of type {shown!r}, not an HWPX document; save it as HWPX or PDF")
    elif not any(_SECTION.match(name) for name in members):
        raise ReadError("a zip archive, not an HWPX document (no mimetype, no Contents/section0.xml)")
    return archive


def _section_names(archive: zipfile.ZipFile) -> list[str]:
    numbered = sorted(
        (int(match.group(1)), name)
        for name in archive.namelist()
        if (match := _SECTION.match(name))
    )
    if not numbered:
        raise ReadError("HWPX has no body sections (Contents/section0.xml is missing)")
    return [name for _, name in numbered]


def _check_declared_sizes(archive: zipfile.ZipFile, names: list[str], budget: ExpansionBudget) -> None:
    declared = 0
    for name in names:
        info = archive.getinfo(name)
        declared += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > max(info.compress_size, 1) * MAX_RATIO:
            raise TooLargeError(
                f"{name} would expand from {human_size(info.compress_size)} to {human_size(info.file_size)} "
                "(a zip bomb?); refusing to read it"
            )
    if declared > budget.limit:
        raise TooLargeError(f"HWPX sections declare {human_size(declared)}, over the "
                            f"{human_size(budget.limit)} limit (a zip bomb?)")


def _read_member(archive: zipfile.ZipFile, name: str, budget: ExpansionBudget) -> bytes:
    chunks: list[bytes] = []
    try:
        with archive.open(name) as member:
            while chunk := member.read(min(CHUNK, budget.remaining + 1)):
                budget.take(len(chunk))
                chunks.append(chunk)
    except TooLargeError:
        raise
    except zipfile.BadZipFile as exc:
        raise ReadError(f"damaged zip archive: {name} is corrupt ({exc})") from exc
    except (zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        # RuntimeError is how zipfile reports a password-protected member.
        raise ReadError(f"damaged zip archive: {name} cannot be unpacked ({exc})") from exc
    return b"".join(chunks)


def _parse_xml(data: bytes, name: str) -> Element:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root: Element = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise ReadError(f"{name} declares a DTD or XML entities, which HWPX never needs; "
                        "refusing it as unsafe") from exc
    except ParseError as exc:
        raise ReadError(f"damaged HWPX: {name} is not well-formed XML ({exc})") from exc
    return root
