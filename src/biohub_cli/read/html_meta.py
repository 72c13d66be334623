"""What a saved web page's markup says about its article: headline, outlet, reporter, date, address.

trafilatura's metadata extraction reads the og:/twitter:/article: meta tags, JSON-LD (NewsArticle
and the like) and the bylines of the page; htmldate finds the publication date in the markup, its
extensive search off (a date in free text may be the page's own date or a widget's). A date is
kept only with the markup that states it (its evidence): a meta tag, a JSON-LD field, a <time>
element, the address, or a visible stamp that carries a time or a date label. The original address
is the page's canonical link, og:url or JSON-LD address, else the one a browser wrote into the saved
file ("saved from url=", SingleFile's "url:"); only http(s) addresses count.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from typing import Any

from biohub_cli.models.stages import PageMetadata

KST = dt.timezone(dt.timedelta(hours=9))
MAX_DATE = "2100-12-31"  # fixed, so that the same page gives the same record whatever day it is read
MAX_EVIDENCE_CHARS = 160
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(?P<url>https?://[^\s>]+)", re.I)
_SINGLE_FILE = re.compile(r"<!--\s*Page saved with SingleFile\s*\n?\s*url:\s*(?P<url>https?://\S+)", re.I)
_JSON_LD_DATE = re.compile(r'"(?P<key>datePublished|dateCreated|uploadDate|dateModified)"\s*:\s*"(?P<value>[^"]+)"')
_ISO = re.compile(r"^\s*(?P<date>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?"
                  r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?")
_TIME = re.compile(r"(?<!\d)(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?!\d)")
_STAMP_WORD = re.compile(r"입력|등록|승인|작성|게재|발행|송고|기사|Posted|Published|posted|published")
_SPACE = re.compile(r"\s+")
_DATE_KEY = re.compile(r"date|time|publish|created|issued", re.I)


def page_metadata(markup: str, tree: Any) -> PageMetadata:
    """The page's own statements about its article; `tree` is the parsed page with its scripts."""
    from trafilatura.metadata import extract_metadata

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    found = extract_metadata(tree, extensive=False, date_config=_date_config())
    url = _http(found.url) or _json_ld_url(tree) or _saved_from(markup)
    published, time, evidence = _published(tree, url)
    return PageMetadata(title=_clean(found.title), outlet=_outlet(found.sitename), reporter=_clean(found.author),
                        published=published, published_time=time, published_evidence=evidence, url=url)


def _date_config() -> dict[str, Any]:
    return {"original_date": True, "extensive_search": False, "max_date": MAX_DATE}


def _published(tree: Any, url: str | None) -> tuple[str | None, str | None, str | None]:
    """(YYYY-MM-DD, time or None, evidence) of the publication date the markup states, or Nones."""
    from htmldate import find_date

    day = find_date(tree, url=url, outputformat="%Y-%m-%d", **_date_config())
    if not day:
        return None, None, None
    for value, evidence in _date_statements(tree, day, url):
        iso = _ISO.match(value)
        if iso and iso.group("tz") and iso.group("time"):
            moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).astimezone(KST)
            shown = f"{moment:%H:%M:%S}" if iso.group("time").count(":") == 2 else f"{moment:%H:%M}"
            return moment.date().isoformat(), shown, evidence
        if iso:
            return day, iso.group("time"), evidence
        clock = _TIME.search(value)
        return day, clock.group(0) if clock else None, evidence
    return None, None, None


def _date_statements(tree: Any, day: str, url: str | None) -> list[tuple[str, str]]:
    """(value, evidence) of each place in the markup stating `day`, the most explicit first."""
    out: list[tuple[str, str]] = []
    for meta in tree.iter("meta"):
        content = meta.get("content") or ""
        key = " ".join(f'{a}="{meta.get(a)}"' for a in ("property", "name", "itemprop") if meta.get(a))
        if _DATE_KEY.search(key) and _states_in_text(content, day):
            out.append((content, f'<meta {key} content="{content}">'))
    for script in tree.iter("script"):
        if "ld+json" in (script.get("type") or ""):
            out.extend((m.group("value"), m.group(0)) for m in _JSON_LD_DATE.finditer(script.text or "")
                       if _states_in_text(m.group("value"), day))
    for element in tree.iter("time"):
        stamp = element.get("datetime") or ""
        if _states_in_text(stamp, day):
            out.append((stamp, f'<time datetime="{stamp}">'))
    for element in tree.iter():  # visible stamps, one text node at a time (linear in the page)
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "head", "title"):
            continue
        for piece in (element.text, element.tail):
            text = _SPACE.sub(" ", piece or "").strip()
            if (len(text) <= MAX_EVIDENCE_CHARS and _states_in_text(text, day)
                    and (_TIME.search(text) or _STAMP_WORD.search(text))):
                out.append((text, text))
    if url and re.search(day.replace("-", "/?"), url):
        out.append((day, url))
    return out


def _states_in_text(text: str, day: str) -> bool:
    """The text prints `day` as Korean pages do: 2026-02-05, 2026.02.05, 2026. 2. 5., 2026년 2월 5일."""
    y, m, d = (int(part) for part in day.split("-"))
    return bool(re.search(rf"(?<!\d){y}\s*(?:[-./]\s*|년\s*)0?{m}\s*(?:[-./]\s*|월\s*)0?{d}(?!\d)", text))


def _json_ld_url(tree: Any) -> str | None:
    """The address of the article a JSON-LD block describes (its mainEntityOfPage, else its url)."""
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or ""):
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in _json_items(data):
            if str(item.get("@type", "")).lower().endswith(("article", "posting")):
                page = item.get("mainEntityOfPage")
                url = page.get("@id") or page.get("url") if isinstance(page, dict) else page
                found = _http(url if isinstance(url, str) else None) or _http(item.get("url"))
                if found:
                    return found
    return None


def _json_items(data: Any) -> list[dict[str, Any]]:
    """The objects of a JSON-LD block: itself, a list of them, or its @graph."""
    items = data if isinstance(data, list) else [data]
    out: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict):
            out.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                out.extend(g for g in graph if isinstance(g, dict))
    return out


def _saved_from(markup: str) -> str | None:
    head = markup[:4096]
    m = _SAVED_FROM.search(head) or _SINGLE_FILE.search(head)
    return _http(m.group("url")) if m else None


def _http(url: str | None) -> str | None:
    url = (url or "").strip()
    return url if re.match(r"^https?://[^\s/]+\.[^\s]+$", url) else None


def _outlet(sitename: str | None) -> str | None:
    """The site's name as the page gives it; a host name trafilatura made up from the address is none."""
    name = _clean(sitename)
    return None if name is None or re.fullmatch(r"[\w.-]+\.[a-z]{2,}", name, re.I) else name


def _clean(value: str | None) -> str | None:
    text = _SPACE.sub(" ", value or "").strip()
    return text or None
