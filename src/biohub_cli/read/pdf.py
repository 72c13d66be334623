"""PDF to text with pdfplumber: one block per page, Korean word spacing as the layout gives it.

A PDF that opens with the empty user password (owner restrictions only, common on government
PDFs) is read; one that needs a password is refused. Its streams unpack within the document's budget
(pdf_streams.py) and its pages give text within the text budget (read/limits.py).
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any

from biohub_cli.errors import ReadError, TooLargeError
from biohub_cli.read.limits import ExpansionBudget, TextBudget
from biohub_cli.read.pdf_streams import budgeted

PAGE_SEPARATOR = "\n\n"
EOF_WINDOW = 4096
MAX_CID_SHARE = 0.3
_CID = re.compile(r"\(cid:\d+\)")
_SPACE = re.compile(r"\s+")


def extract_pdf(data: bytes, *, expansion: ExpansionBudget | None = None, text_budget: TextBudget | None = None) -> str:
    """The text of every page, pages joined by a blank line; ReadError for what cannot be read."""
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise ReadError("truncated PDF (its end-of-file marker is missing); download it again")
    import pdfplumber

    # pdfminer logs every oddity of a damaged file as a warning; the user gets one ReadError instead.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with budgeted(expansion or ExpansionBudget()):
        try:
            pdf = pdfplumber.open(io.BytesIO(data), raise_unicode_errors=False)
        except Exception as exc:
            raise _open_error(exc) from exc
        try:
            text = PAGE_SEPARATOR.join(_page_texts(pdf, text_budget or TextBudget()))
        finally:
            _close_quietly(pdf)
    _check_text_layer(text)
    return text


def _page_texts(pdf: Any, budget: TextBudget) -> list[str]:
    try:
        pages = pdf.pages
    except Exception as exc:
        raise _open_error(exc) from exc
    texts: list[str] = []
    for number, page in enumerate(pages, start=1):
        try:
            texts.append(page.extract_text() or "")
        except Exception as exc:
            _raise_over_budget(exc)
            raise ReadError(f"damaged PDF: page {number} cannot be read ({_reason(exc)})") from exc
        finally:
            _close_quietly(page)
        budget.take(len(texts[-1]))
    return texts


def _close_quietly(closable: Any) -> None:
    """pdfplumber's close() walks the pages again, so on a damaged file it raises once more."""
    try:
        closable.close()
    except Exception:
        stream = getattr(closable, "stream", None)
        if stream is not None:
            stream.close()


def _check_text_layer(text: str) -> None:
    visible = _SPACE.sub("", text)
    if not visible:
        raise ReadError("PDF has no text layer (scanned image?); run OCR on it first")
    cid_chars = sum(len(m) for m in _CID.findall(visible))
    if cid_chars > len(visible) * MAX_CID_SHARE:
        raise ReadError("PDF fonts carry no Unicode mapping, so its text is unreadable; "
                        "export the PDF again or run OCR on it")


def _raise_over_budget(exc: BaseException) -> None:
    """The budget's own error, however pdfplumber or pdfminer wrapped it, is the one the user sees."""
    over = next((e for e in _chain(exc) if isinstance(e, TooLargeError)), None)
    if over is not None:
        raise TooLargeError(over.message) from None


def _open_error(exc: BaseException) -> ReadError:
    _raise_over_budget(exc)
    names = {type(e).__name__ for e in _chain(exc)}
    if names & {"PDFPasswordIncorrect", "PDFEncryptionError", "PDFTextExtractionNotAllowed"}:
        return ReadError("PDF is encrypted; save an unencrypted copy")
    if names & {"PDFNoValidXRef", "PDFSyntaxError", "PSEOF", "PDFEOFError"}:
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
