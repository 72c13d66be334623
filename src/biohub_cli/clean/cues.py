"""The cue lists of data/noise.yaml, loaded once and turned into lookups and patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from biohub_cli.store import yaml_io

NOISE_YAML = Path(__file__).resolve().parent.parent / "data" / "noise.yaml"


@dataclass(frozen=True)
class Cues:
    """Everything clean/ recognises page furniture by; built from data/noise.yaml."""

    weather_conditions: tuple[str, ...]
    weather_lines: frozenset[str]
    weather_air: tuple[str, ...]
    market: tuple[str, ...]
    menu: frozenset[str]
    share: frozenset[str]
    counters: tuple[str, ...]
    advert_offers: tuple[str, ...]
    advert_calls: tuple[str, ...]
    subscription: tuple[str, ...]
    sections: frozenset[str]
    latest: frozenset[str]
    post_navigation: tuple[str, ...]  # without spaces, longest first
    comments: frozenset[str]
    copyright: tuple[str, ...]
    footer: tuple[str, ...]
    not_outlet_tags: frozenset[str]
    note_cues: tuple[str, ...]
    caption_cues: tuple[str, ...]
    translation_disclaimer: tuple[str, ...]
    date_labels_first: tuple[str, ...]
    date_labels_later: tuple[str, ...]
    as_of: tuple[str, ...]  # a date followed by one of these dates a widget's figures, not a story
    release_header: tuple[tuple[str, str], ...]  # (surface label without spaces, canonical key)
    release_heading: frozenset[str]
    issuer_suffixes: tuple[str, ...]
    title_fields: tuple[str, ...]
    title_labels: tuple[str, ...]
    title_signatures: tuple[str, ...]
    issuer_excluded: tuple[str, ...]


def squash(text: str) -> str:
    """Whitespace runs to one space, ends trimmed: the form cue lists are compared in."""
    return " ".join(text.split())


def folded(text: str) -> str:
    """Squashed and lower case: for whole-line lookups where spacing still matters ("전 체" is no "전체")."""
    return squash(text).lower()


def bare(text: str) -> str:
    """No whitespace at all, lower case: for comparing labels printed with spread-out letters."""
    return "".join(text.split()).lower()


def _strings(data: Any, key: str) -> tuple[str, ...]:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if isinstance(v, str | int | float) and str(v).strip())


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue lists (read once per process)."""
    data = yaml_io.read_yaml(NOISE_YAML) or {}
    weather = data.get("weather") or {}
    labels = data.get("date_labels") or {}
    header_raw = data.get("release_header") or {}
    issuers = data.get("issuers") or {}
    header: list[tuple[str, str]] = []
    if isinstance(header_raw, dict):
        for key, surfaces in header_raw.items():
            for surface in surfaces if isinstance(surfaces, list) else []:
                header.append((bare(str(surface)), str(key)))
    # longest surface first so "담당자" wins over "담당"
    header.sort(key=lambda item: (-len(item[0]), item[0]))
    return Cues(
        weather_conditions=tuple(sorted(_strings(weather, "conditions"), key=lambda s: (-len(s), s))),
        weather_lines=frozenset(squash(s) for s in _strings(weather, "lines")),
        weather_air=_strings(weather, "air"),
        market=_strings(data, "market"),
        menu=frozenset(folded(s) for s in _strings(data, "menu")),
        share=frozenset(folded(s) for s in _strings(data, "share")),
        counters=_strings(data, "counters"),
        advert_offers=_strings(data.get("adverts") or {}, "offers"),
        advert_calls=_strings(data.get("adverts") or {}, "calls"),
        subscription=_strings(data, "subscription"),
        sections=frozenset(folded(s) for s in _strings(data, "sections")),
        latest=frozenset(bare(s) for s in _strings(data, "latest")),
        post_navigation=tuple(sorted({bare(s) for s in _strings(data, "post_navigation")}, key=lambda s: (-len(s), s))),
        comments=frozenset(bare(s) for s in _strings(data, "comments")),
        copyright=_strings(data, "copyright"),
        footer=_strings(data, "footer"),
        not_outlet_tags=frozenset(bare(s) for s in _strings(data, "not_outlet_tags")),
        note_cues=_strings(data, "note_cues"),
        caption_cues=_strings(data, "caption_cues"),
        translation_disclaimer=tuple(s.lower() for s in _strings(data, "translation_disclaimer")),
        date_labels_first=_strings(labels, "first"),
        date_labels_later=_strings(labels, "later"),
        as_of=_strings(data, "as_of"),
        release_header=tuple(header),
        release_heading=frozenset(bare(s) for s in _strings(data, "release_heading")),
        issuer_suffixes=_strings(issuers, "suffixes"),
        title_fields=_strings(data.get("titles") or {}, "fields"),
        title_labels=_strings(data.get("titles") or {}, "labels"),
        title_signatures=_strings(data.get("titles") or {}, "signatures"),
        issuer_excluded=_strings(issuers, "excluded"),
    )


def spaced(label: str) -> str:
    """A regex for a label whose letters may be spread out ("보 도 시 점")."""
    return r"\s?".join(re.escape(ch) for ch in label if not ch.isspace())
