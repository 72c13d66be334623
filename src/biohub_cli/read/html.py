"""HTML to text: the article found by trafilatura, led by its headline and byline lines; the page's
own metadata (headline, outlet, reporter, date, address) comes from its markup (read/html_meta.py).

trafilatura keeps the story and drops menus, widgets and sidebars, but it also drops the headline
and the byline ("홍길동 기자 | 기사승인 2025-07-09 16:55") that clean/ needs for the title, the
reporter and the publication date. Those lines are taken back from the page itself: the short run
of page lines from the headline (matched against <title>/og:title) to the first body line. When
trafilatura finds nothing, the text of <body> is dumped block by block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import lxml.html  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped]

from biohub_cli.errors import ReadError, TooLargeError
from biohub_cli.models.stages import PageMetadata
from biohub_cli.read.html_meta import page_metadata

# Elements whose content is never text a reader sees.
DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
             "select", "button")
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
MAX_HEADER_LINES = 8
MAX_DEPTH = 255  # libxml2's nesting limit without huge_tree
MAX_HEADER_LINE_CHARS = 300
MIN_TITLE_CHARS = 4
# Markup beyond scripts, styles and inline data: a saved news page has well under a million
# characters of it; main-content extraction costs about 4 s per million, so a bigger page is refused.
MAX_PAGE_CHARS = 4_000_000
# Past this many lines of text, trafilatura runs without its fallback extractors: jusText's neighbour
# search is quadratic in a run of short paragraphs (10,000 took minutes); a news page has a few hundred.
MAX_FALLBACK_LINES = 1_500
# Past this many, trafilatura is not run at all: its main pass grows with the square of the elements of
# a frame (40,000 short paragraphs: 8 s, 80,000: 39 s). The page's lines are its text then, as when
# trafilatura finds no article; clean takes the menus and footers out as it does for any page.
MAX_EXTRACTOR_LINES = 10_000
# Elements whose content the HTML tokenizer reads as raw text up to their end tag; with comments, cut
# from the page before it is parsed (libxml2 stops at a text node over 10 MB: a base64 font in a saved
# page's <style> ended the page there, the article after it lost).
_HIDDEN_START = re.compile(r"<(?:(script|style)\b|!--)", re.I)
_HIDDEN_END = {"script": re.compile(r"</script", re.I), "style": re.compile(r"</style", re.I)}
_JSON_LD = re.compile(r"[^>]*ld\+json", re.I)  # <script type="application/ld+json">: the page's own metadata
MAX_JSON_LD_CHARS = 1_000_000
_DATA_URI = re.compile(r"\bdata:[\w.+-]+/[\w.+-]+[;,][^\"')\s]*")
# libxml2's own words when it gave up part of a page (a node or a buffer over its limits).
_PARSER_GAVE_UP = ("limit exceeded", "huge input", "too long", "too big")
_SPACE = re.compile(r"[ \t\n\r\f\u00a0]+")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>", re.I)
MAX_FOOTER_GAP = 3
MAX_COPYRIGHT_CHARS = 200
_COPYRIGHT = re.compile(r"저작권자|[ⓒ©]|\([cC]\)|Copyright|COPYRIGHT|All [Rr]ights [Rr]eserved|무단\s?전재")
_TITLE_SEPARATORS = re.compile(r"\s+[-|:<>·–—]\s+|\s*[|<>]\s*")


def read_html(text: str) -> tuple[str, PageMetadata]:
    """The article text of an HTML page and what its markup states about it (read/html_meta.py); both
    from the page without its hidden parts (strip_hidden), which libxml2 could not hold."""
    visible = strip_hidden(text)
    body = _article_of(visible)
    return body, page_metadata(text, _parse(visible)[0])


def extract_html(text: str) -> str:
    """The article text of an HTML page; ReadError when the page has no readable text."""
    return _article_of(strip_hidden(text))


def _article_of(text: str) -> str:
    if len(text) > MAX_PAGE_CHARS:
        raise TooLargeError(f"HTML page has {len(text):,} characters of markup besides scripts and styles, over "
                            f"the {MAX_PAGE_CHARS:,} limit for one page; save the article alone")
    try:
        body = _extract_article(text)
    except RecursionError as exc:
        raise ReadError("HTML is nested too deeply to read") from exc
    if not body.strip():
        if _nesting_overflows(text):
            raise ReadError(f"HTML is nested more than {MAX_DEPTH} levels deep; its text cannot be read")
        raise ReadError("HTML page has no readable text")
    return body


def strip_hidden(text: str) -> str:
    """The page without what no reader sees and what libxml2 cannot hold: the content of <script> and
    <style> (cut up to their end tag, as the HTML tokenizer reads them; an unclosed one runs to the end),
    comments and inline data: URIs. One pass, linear in the page."""
    out: list[str] = []
    pos = 0
    while (match := _HIDDEN_START.search(text, pos)) is not None:
        start = match.start()
        out.append(text[pos:start])
        tag = match.group(1)
        if tag is None:  # a comment (the parser drops them too), so a "<script" inside one starts nothing
            end = text.find("-->", match.end())
            end = len(text) if end < 0 else end + 3
        else:
            close = _HIDDEN_END[tag.lower()].search(text, match.end())
            end = len(text) if close is None else close.start()  # the end tag itself stays, harmless
            if close is not None and end - match.end() <= MAX_JSON_LD_CHARS \
                    and _JSON_LD.match(text, match.end(), min(end, match.end() + 200)):
                out.append(text[start:end])  # a page's JSON-LD (its headline, date, address: html_meta) is kept
        pos = end
    out.append(text[pos:])
    return _DATA_URI.sub("data:,", "".join(out))


def _extract_article(text: str) -> str:
    import trafilatura

    page = parse_html(text)
    lines = page_lines(page)
    if len(lines) > MAX_EXTRACTOR_LINES:
        return "\n".join(lines)
    article = trafilatura.extract(
        parse_html(text),  # trafilatura edits the tree it is given
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_precision=False,
        deduplicate=False,
        output_format="txt",
        fast=len(lines) > MAX_FALLBACK_LINES,
    )
    if not article or not article.strip():
        return "\n".join(lines)
    body_lines = [line for line in (_collapse(raw) for raw in article.splitlines()) if line]
    header = header_lines(lines, body_lines[0], title_candidates(page))
    return "\n".join([*header, *body_lines, *copyright_lines(lines, body_lines[-1])])


def parse_html(text: str) -> Any:
    """A parsed page with comments, scripts, styles and other non-text elements removed."""
    root, _ = _parse(text)
    for element in list(root.iter(*DROP_TAGS)):
        element.drop_tree()
    return root


def _parse(text: str) -> tuple[Any, Any]:
    # huge_tree stays off: libxml2 then stops at MAX_DEPTH levels and caps text node sizes.
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                                  huge_tree=False, recover=True)
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses str input with an encoding declaration
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ReadError("HTML could not be parsed; the page may be empty or damaged") from exc
    for entry in parser.error_log:
        if entry.level_name == "FATAL" and any(words in entry.message.lower() for words in _PARSER_GAVE_UP):
            raise TooLargeError(f"HTML page could not be read to its end (line {entry.line}: the parser's limit "
                                "for one element was exceeded); save the article alone")
    return root, parser


def _nesting_overflows(text: str) -> bool:
    try:
        _, parser = _parse(text)
    except ReadError:
        return False
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def page_lines(root: Any) -> list[str]:
    """The visible text of <body>, one line per block element, whitespace collapsed."""
    body = root.find("body")
    start = body if body is not None else root
    return [line for line in (_collapse(raw) for raw in "".join(_text_pieces(start)).split("\n")) if line]


def title_candidates(root: Any) -> list[str]:
    """The page's headline as its <title> and og:/twitter: meta tags give it (site names cut off)."""
    found: dict[str, None] = {}  # in order, each once (a page may repeat a tag 100,000 times)
    for xpath in ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content',
                  '//meta[@name="title"]/@content', "//head/title//text()"):
        for value in root.xpath(xpath):
            title = _collapse(str(value))
            if not title:
                continue
            parts = [title, *(_collapse(p) for p in _TITLE_SEPARATORS.split(title))]
            found.update((p, None) for p in parts if len(p) >= MIN_TITLE_CHARS)
    return list(found)


def header_lines(lines: list[str], first_body_line: str, titles: list[str]) -> list[str]:
    """The page lines from the headline up to where the article body starts, or none."""
    start = _find_body_start(lines, first_body_line)
    if start is None:
        return []
    squeezed = {_squeeze(title) for title in titles}
    for index in range(start - 1, max(-1, start - 1 - MAX_HEADER_LINES), -1):
        if _squeeze(lines[index]) in squeezed:
            header = lines[index:start]
            if all(len(line) <= MAX_HEADER_LINE_CHARS for line in header):
                return header
            return []
    return []


def copyright_lines(lines: list[str], last_body_line: str) -> list[str]:
    """The copyright line printed right under the article (it names the outlet), or none.

    trafilatura drops it with the rest of the page furniture; it is taken back from the page when
    it follows the article's last line within a few lines.
    """
    if _COPYRIGHT.search(last_body_line):
        return []
    end = _find_line(lines, last_body_line)
    if end is None:
        return []
    for line in lines[end + 1:end + 1 + MAX_FOOTER_GAP]:
        if len(line) <= MAX_COPYRIGHT_CHARS and _COPYRIGHT.search(line):
            return [line]
    return []


def _find_line(lines: list[str], wanted: str) -> int | None:
    probe = _squeeze(wanted)
    if len(probe) < MIN_TITLE_CHARS:
        return None
    for index in range(len(lines) - 1, -1, -1):
        squeezed = _squeeze(lines[index])
        if squeezed == probe or (len(probe) >= 20 and squeezed.startswith(probe[:40])):
            return index
    return None


def _find_body_start(lines: list[str], first_body_line: str) -> int | None:
    probe = _squeeze(first_body_line)[:40]
    if not probe:
        return None
    for index, line in enumerate(lines):
        squeezed = _squeeze(line)
        if squeezed.startswith(probe) or (len(squeezed) >= 10 and probe.startswith(squeezed)):
            return index
    return None


def _text_pieces(start: Any) -> Iterator[str]:
    for event, element in etree.iterwalk(start, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in BLOCK_TAGS:
                yield "\n"
            if element.text:
                yield element.text
        else:
            if tag in BLOCK_TAGS:
                yield "\n"
            if element.tail and element is not start:
                yield element.tail


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _squeeze(text: str) -> str:
    return _SPACE.sub("", text)
