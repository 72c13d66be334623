"""Whether a document is about the bio industry, its clusters or their policy (data/topic.yaml).

A tax ruling, a sports visit or a card leaflet read from a folder of releases is still ingested,
as a source marked off-topic with the reason; its events stay out of the timeline, the reports and
the export by default (kb/knowledge_base.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from biohub_cli.store import yaml_io

TOPIC_YAML = Path(__file__).resolve().parent.parent / "data" / "topic.yaml"



@dataclass(frozen=True)
class Lexicon:
    pattern: re.Pattern[str]
    threshold: float
    head: int


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml_io.read_yaml(TOPIC_YAML) or {}
    terms = sorted({str(t) for t in data.get("terms") or () if str(t).strip()}, key=lambda t: (-len(t), t))
    return Lexicon(re.compile("|".join(re.escape(t) for t in terms)), float(data.get("threshold", 4.0)),
                   int(data.get("head", 3000)))


def off_topic_reason(title: str | None, text: str) -> str | None:
    """Why the document is off-topic, or None when it is about the bio industry."""
    lex = lexicon()
    head = f"{title or ''}\n{text}"[:lex.head]
    hits = len(lex.pattern.findall(head))
    per_thousand = hits * 1000 / max(len(head), 1)
    if per_thousand >= lex.threshold:
        return None
    return (f"off-topic: {hits} bio-industry term{'s' if hits != 1 else ''} in its first {len(head):,} "
            f"characters ({per_thousand:.1f} per 1,000, {lex.threshold:g} needed; data/topic.yaml)")
