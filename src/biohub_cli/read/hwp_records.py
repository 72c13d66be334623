"""The record stream of an HWP 5 section and the text of its paragraphs.

Each record starts with a 32-bit little-endian header: tag id (10 bits), level (10 bits), size
(12 bits; 0xFFF means a 32-bit size follows). Paragraph text (HWPTAG_PARA_TEXT) is UTF-16LE with
control characters 0-31 inlined: "char" controls take one code unit, "inline" and "extended"
controls take eight (the control, six units of data, the control again).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from biohub_cli.read.limits import TextBudget

HWPTAG_BEGIN = 16
HWPTAG_DISTRIBUTE_DOC_DATA = HWPTAG_BEGIN + 12
HWPTAG_PARA_HEADER = HWPTAG_BEGIN + 50
HWPTAG_PARA_TEXT = HWPTAG_BEGIN + 51
EXTENDED_SIZE = 0xFFF

CHAR_CONTROLS = frozenset({0, 10, 13, *range(24, 32)})
WIDE_CONTROL_UNITS = 8  # inline (4-9, 19, 20) and extended (1-3, 11, 12, 14-18, 21-23) controls
LINE_BREAK = 10
PARA_BREAK = 13
# What a reader sees for the controls that stand for characters.
_CONTROL_TEXT = {LINE_BREAK: "\n", 9: "\t", 24: "-", 30: "\u00a0", 31: " "}


@dataclass(frozen=True)
class Record:
    tag: int
    level: int
    payload: bytes


def iter_records(data: bytes) -> Iterator[Record]:
    """The records of a decompressed section stream; a truncated last record is dropped."""
    offset = 0
    end = len(data)
    while offset + 4 <= end:
        header = int.from_bytes(data[offset:offset + 4], "little")
        offset += 4
        size = header >> 20
        if size == EXTENDED_SIZE:
            if offset + 4 > end:
                return
            size = int.from_bytes(data[offset:offset + 4], "little")
            offset += 4
        if offset + size > end:
            return
        yield Record(tag=header & 0x3FF, level=(header >> 10) & 0x3FF, payload=data[offset:offset + size])
        offset += size


def section_paragraphs(data: bytes, budget: TextBudget | None = None) -> list[str]:
    """The text of every paragraph in stream order, table-cell paragraphs included; `budget` counts
    each paragraph's characters as it is decoded."""
    paragraphs: list[str] = []
    for record in iter_records(data):
        if record.tag == HWPTAG_PARA_HEADER:
            paragraphs.append("")
        elif record.tag == HWPTAG_PARA_TEXT:
            if budget is not None:
                budget.take(len(record.payload) // 2)
            if paragraphs:
                paragraphs[-1] = decode_para_text(record.payload)
            else:
                paragraphs.append(decode_para_text(record.payload))
    return paragraphs


def decode_para_text(payload: bytes) -> str:
    """The visible text of a PARA_TEXT payload: controls skipped, line breaks and tabs kept."""
    units = len(payload) // 2
    pieces: list[str] = []
    run_start = 0
    index = 0
    while index < units:
        unit = payload[2 * index] | (payload[2 * index + 1] << 8)
        if unit >= 32:
            index += 1
            continue
        if run_start < index:
            pieces.append(payload[2 * run_start:2 * index].decode("utf-16-le", "replace"))
        pieces.append(_CONTROL_TEXT.get(unit, ""))
        index += 1 if unit in CHAR_CONTROLS else WIDE_CONTROL_UNITS
        run_start = index
    if run_start < units:
        pieces.append(payload[2 * run_start:2 * units].decode("utf-16-le", "replace"))
    return "".join(pieces)
