"""A saved web page's own metadata (read/html_meta.py) put before what the rules find in its text.

The page's headline, outlet and date win. A reporter is taken from the page's byline only as a name
("충청바이오일보 서하준 기자" gives 서하준; "편집국" or "admin" gives nothing). When the text's stamp
names the same day, its evidence (a span of the text) and its time are kept; otherwise the evidence
is the markup that states the date, with an empty span at the start of the text.
"""

from __future__ import annotations

import dataclasses
import re

from biohub_cli.clean.classify import BYLINE_PATTERN
from biohub_cli.clean.credits import person_name
from biohub_cli.clean.cues import cues
from biohub_cli.models.dates import PartialDate
from biohub_cli.models.evidence import Evidence
from biohub_cli.models.stages import Metadata, PageMetadata

_LATIN_NAME = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3}$")
_EMAIL = re.compile(r"\S+@\S+")


def from_page(page: PageMetadata, lifted: Metadata, source_id: str) -> Metadata:
    """`lifted` (from the text) with the page's statements put first."""
    published, time, evidence = lifted.published, lifted.published_time, lifted.published_evidence
    if page.published is not None:
        stated = PartialDate.parse_iso(page.published)
        stated = PartialDate.of(stated.year, stated.month, stated.day, basis="text")
        if published is None or published.iso() != stated.iso():
            published, time = stated, page.published_time
            evidence = Evidence(source=source_id, start=0, end=0, sentence=page.published_evidence or page.published)
        elif time is None:
            time = page.published_time
    return dataclasses.replace(
        lifted, title=page.title or lifted.title, outlet=page.outlet or lifted.outlet,
        reporter=reporter_name(page.reporter) or lifted.reporter, published=published, published_time=time,
        published_evidence=evidence, url=page.url)


def reporter_name(byline: str | None) -> str | None:
    """The reporter's name in a byline as a page's markup gives it, or None."""
    text = _EMAIL.sub("", byline or "").strip(" |/·,")
    if not text:
        return None
    m = BYLINE_PATTERN.match(text)
    if m:
        return m.group("names")
    if (person_name(text) and not text.endswith(cues().issuer_excluded)) or _LATIN_NAME.match(text):
        return text  # "편집국" or "디지털뉴스팀" is a desk, no reporter
    return None
