"""PDF to text with PDFium (pypdfium2): one block per page, its lines in the order they stand on the page.

PDFium gives a page's text in the order its content stream draws it, with Korean word spacing: a
boxed headline or a table drawn after the running text would come after it. The lines are put
back in page order, top to bottom; lines on one baseline (the cells of a table row, a two-column
spread) are joined left to right with a space, as a reader goes along the row. PDFium reads the
text of boxes and table cells like any other text, so no second parser (pdfplumber's layout
analysis, ~1.4 s a page on a government PDF) is needed.

A PDF that opens with the empty user password (owner restrictions only, common on government
PDFs) is read; one that needs a password is refused. PDFium is not thread-safe: one page at a time.

What a PDF may cost is the document's budget (read/limits.py): its flate streams are counted before
PDFium opens it (pdf_streams.py), and its pages give text within the text budget.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from biohub_cli.errors import ReadError
from biohub_cli.read.limits import ExpansionBudget, TextBudget
from biohub_cli.read.pdf_streams import check_streams

PAGE_SEPARATOR = "\n\n"
EOF_WINDOW = 4096
MAX_UNMAPPED_SHARE = 0.3
_UNMAPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ufffe\uffff]")
_SPACE = re.compile(r"\s+")
_LOCK = threading.Lock()


def extract_pdf(data: bytes, *, expansion: ExpansionBudget | None = None,
                text_budget: TextBudget | None = None) -> str:
    """The text of every page, pages joined by a blank line; ReadError for what cannot be read, and
    TooLargeError for a PDF that unpacks or gives text past the document's budget."""
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise ReadError("truncated PDF (its end-of-file marker is missing); download it again")
    check_streams(data, expansion or ExpansionBudget())
    budget = text_budget or TextBudget()
    import pypdfium2

    with _LOCK:
        try:
            pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            raise _open_error(exc) from exc
        try:
            text = PAGE_SEPARATOR.join(_budgeted(_page_text(pdf, number), budget) for number in range(len(pdf)))
        finally:
            pdf.close()
    _check_text_layer(text)
    return text


def _budgeted(text: str, budget: TextBudget) -> str:
    budget.take(len(text) + len(PAGE_SEPARATOR))
    return text


@dataclass(frozen=True)
class _Line:
    text: str
    left: float
    bottom: float
    top: float


def _page_text(pdf: Any, number: int) -> str:
    try:
        page = pdf[number]
        textpage = page.get_textpage()
    except Exception as exc:
        raise ReadError(f"damaged PDF: page {number + 1} cannot be read ({_reason(exc)})") from exc
    try:
        return "\n".join(_in_page_order(_lines(textpage)))
    finally:
        textpage.close()
        page.close()


def _lines(textpage: Any) -> list[_Line]:
    """PDFium's lines with the box of their first and last characters (stream order)."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count > 0 else ""
    if len(text) != count:  # characters outside UCS-2: keep PDFium's order
        return [_Line(line, 0.0, 0.0, 0.0) for line in text.splitlines()]
    out: list[_Line] = []
    start = 0
    for end in [*(m.start() for m in re.finditer(r"\r\n|[\r\n]", text)), len(text)]:
        piece = text[start:end]
        start = end + (2 if text.startswith("\r\n", end) else 1)
        if not piece.strip():
            continue
        offset = end - len(piece)
        lead = offset + len(piece) - len(piece.lstrip())
        last = offset + len(piece.rstrip()) - 1
        left, bottom, _, top = textpage.get_charbox(lead)
        _, bottom2, _, top2 = textpage.get_charbox(last)
        out.append(_Line(piece.strip(), left, min(bottom, bottom2), max(top, top2)))
    return out


def _in_page_order(lines: list[_Line]) -> list[str]:
    """Lines top to bottom; lines whose middles share a baseline's band make one row, left to right."""
    rows: list[list[_Line]] = []
    for line in sorted(lines, key=lambda ln: (-ln.top, ln.left)):
        middle = (line.bottom + line.top) / 2
        row = rows[-1] if rows else None
        if row is not None and row[0].bottom <= middle <= row[0].top:
            row.append(line)
        else:
            rows.append([line])
    return [" ".join(ln.text for ln in sorted(row, key=lambda ln: ln.left)) for row in rows]


def _check_text_layer(text: str) -> None:
    visible = _SPACE.sub("", text)
    if not visible:
        raise ReadError("PDF has no text layer (scanned image?); run OCR on it first")
    if len(_UNMAPPED.findall(visible)) > len(visible) * MAX_UNMAPPED_SHARE:
        raise ReadError("PDF fonts carry no Unicode mapping, so its text is unreadable; "
                        "export the PDF again or run OCR on it")


def _open_error(exc: BaseException) -> ReadError:
    message = str(exc)
    if "password" in message.lower() or "security" in message.lower():
        return ReadError("PDF is encrypted; save an unencrypted copy")
    if "format error" in message.lower() or "not found" in message.lower():
        return ReadError("damaged or truncated PDF; download it again")
    return ReadError(f"damaged PDF ({_reason(exc)}); download it again or print it to a new PDF")


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    todo: list[BaseException] = [exc]
    while todo and len(seen) < 20:
        current = todo.pop()
        if any(current is s for s in seen):
            continue
        seen.append(current)
        todo.extend(a for a in current.args if isinstance(a, BaseException))
        for linked in (current.__cause__, current.__context__):
            if linked is not None:
                todo.append(linked)
    return seen


def _reason(exc: BaseException) -> str:
    innermost = _chain(exc)[-1]
    text = str(innermost).strip()
    name = type(innermost).__name__
    return f"{name}: {text[:80]}" if text else name
