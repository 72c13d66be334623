"""HWPX (OWPML: a zip of XML parts) to text: every hp:p of Contents/section*.xml, tables included.

Sections are parsed as they unpack, a few kilobytes at a time, and each paragraph is dropped from the
tree once its text is taken: an ordinary-looking HWPX whose section is 200 MB of XML (15 MB zipped)
became 67 million characters and 4.5 GB; now the read stops at the document's budgets (read/limits.py)
holding little more than the text so far.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TypeVar
from xml.etree.ElementTree import Element, ParseError

from biohub_cli.errors import WORD_DOCUMENT, ReadError, TooLargeError
from biohub_cli.read.limits import ExpansionBudget, TextBudget, human_size
from biohub_cli.read.paragraphs import join_paragraphs

T = TypeVar("T")
HWPX_MIMETYPE = b"application/hwp+zip"
MAX_MEMBERS = 10_000
MAX_RATIO = 500  # compression ratio above which a large part is taken for a zip bomb
RATIO_FLOOR = 1024 * 1024  # parts smaller than this are never judged by their ratio
CHUNK = 1024 * 1024
STREAM_CHUNK = 64 * 1024  # what a section's parser holds unpacked at once
_SECTION = re.compile(r"^Contents/section(\d+)\.xml$")
# Inline elements inside hp:t and what a reader sees for them.
_INLINE_TEXT = {"lineBreak": "\n", "tab": "\t", "nbSpace": "\u00a0", "fwSpace": " ", "hyphen": "-"}


def extract_hwpx(data: bytes, *, text_budget: TextBudget | None = None) -> str:
    """The text of an HWPX document, one paragraph a line; ReadError for anything unreadable."""
    archive = _open_zip(data)
    text = text_budget or TextBudget()
    with archive:
        names = _section_names(archive)
        budget = ExpansionBudget()
        _check_declared_sizes(archive, names, budget)
        paragraphs: list[str] = []
        for name in names:
            for paragraph in section_paragraphs(_parse_xml(archive, name, budget)):
                text.take(len(paragraph) + 1)
                paragraphs.append(paragraph)
    return join_paragraphs(paragraphs)


def section_paragraphs(events: Iterable[tuple[str, Element]]) -> Iterator[str]:
    """Paragraph texts in document order from a section's start/end parse events; a table's cell
    paragraphs come where the table sits. Text of an outer paragraph before a nested one is emitted
    first, the rest after; an hp:t is read whole (what nests inside it is not a paragraph).

    No recursion (hostile nesting depth cannot exhaust the Python stack), and every element is
    emptied when it ends, every child of the root dropped: memory holds the open elements only.
    """
    parts: list[list[str]] = []  # text pieces of each open hp:p, innermost last
    root: Element | None = None
    depth = 0
    inside_t = 0  # while reading an hp:t: its depth, counted from 1
    for event, element in events:
        if event == "start":
            depth += 1
            if root is None:
                root = element
            if inside_t:
                inside_t += 1
                continue
            name = _local(element.tag)
            if name == "p":
                if parts and parts[-1]:
                    yield "".join(parts[-1])
                    parts[-1].clear()
                parts.append([])
            elif name == "t" and parts:
                inside_t = 1
            continue
        depth -= 1
        if inside_t:
            inside_t -= 1
            if inside_t:
                continue
            parts[-1].append(_t_text(element))
        elif _local(element.tag) == "p" and parts:
            yield "".join(parts.pop())
        element.clear()
        if depth == 1 and root is not None:
            root.clear()  # the root's finished children, this one included


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
    with _Member(archive, name, budget) as member:
        return member.read()


class _Member(io.RawIOBase):
    """One archive member as a file that counts what it unpacks against the budget and says what
    went wrong in one ReadError."""

    def __init__(self, archive: zipfile.ZipFile, name: str, budget: ExpansionBudget) -> None:
        self.name, self.budget = name, budget
        self.member: IO[bytes] = self._guard(lambda: archive.open(name))

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        want = max(0, min(len(buffer), CHUNK, self.budget.remaining + 1))
        chunk = self._guard(lambda: self.member.read(want)) if want else b""
        self.budget.take(len(chunk))
        buffer[:len(chunk)] = chunk
        return len(chunk)

    def read(self, size: int = -1) -> bytes:
        if size is not None and size >= 0:
            return super().read(size) or b""
        chunks = []
        while chunk := super().read(CHUNK):
            chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        if hasattr(self, "member"):
            self.member.close()
        super().close()

    def _guard(self, action: Callable[[], T]) -> T:
        try:
            return action()
        except zipfile.BadZipFile as exc:
            raise ReadError(f"damaged zip archive: {self.name} is corrupt ({exc})") from exc
        except (zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
            # RuntimeError is how zipfile reports a password-protected member.
            raise ReadError(f"damaged zip archive: {self.name} cannot be unpacked ({exc})") from exc


def _parse_xml(archive: zipfile.ZipFile, name: str, budget: ExpansionBudget) -> Iterator[tuple[str, Element]]:
    """Start and end events of one section as it unpacks; DTDs and entities refused."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    with _Member(archive, name, budget) as member:
        try:
            yield from iterparse(io.BufferedReader(member, STREAM_CHUNK), events=("start", "end"), forbid_dtd=True)
        except DefusedXmlException as exc:
            raise ReadError(f"{name} declares a DTD or XML entities, which HWPX never needs; "
                            "refusing it as unsafe") from exc
        except ParseError as exc:
            raise ReadError(f"damaged HWPX: {name} is not well-formed XML ({exc})") from exc
