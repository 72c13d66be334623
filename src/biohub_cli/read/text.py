"""Plain text, Markdown or HTML: decided by the markup in the text, then by the file name."""

from __future__ import annotations

import re
from typing import Literal

TextFormat = Literal["text", "markdown", "html"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
MIN_TAGS_FOR_HTML = 20

_HTML_START = re.compile(r"\A(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.I | re.S)
_HTML_ANYWHERE = re.compile(r"<(?:html|body|head)\b[^>]*>", re.I)
_TAG = re.compile(
    r"</?(?:a|p|div|span|br|table|tr|td|th|li|ul|ol|h[1-6]|img|meta|link|script|style|section|article|"
    r"nav|header|footer|aside|form|input|button|strong|em|b|i|iframe)\b[^>]*>",
    re.I,
)


def classify_text(text: str, suffix: str) -> TextFormat:
    """The format of decoded text: HTML by its markup (or an .html name), else by the suffix."""
    suffix = suffix.lower()
    head = text[:65536]
    if suffix in HTML_SUFFIXES or _HTML_START.match(head):
        return "html"
    if suffix in MARKDOWN_SUFFIXES:  # Markdown may hold inline tags; only a full page counts
        return "markdown"
    if _HTML_ANYWHERE.search(head) or len(_TAG.findall(head)) >= MIN_TAGS_FOR_HTML:
        return "html"
    return "text"
