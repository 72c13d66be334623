"""The cue lists of data/event_cues.yaml and data/venues.yaml, loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from biohub_cli.models.vocab import EventType
from biohub_cli.store import yaml_io

DATA = Path(__file__).resolve().parents[2] / "data"
EVENT_CUES_YAML = DATA / "event_cues.yaml"
VENUES_YAML = DATA / "venues.yaml"


@dataclass(frozen=True)
class Idiom:
    """A noun, its particle and a verb that together stand for a cue verb: `문을 열다` is 개소."""

    noun: str
    verbs: frozenset[str]
    kind: str
    stem: str


@dataclass(frozen=True)
class EventCues:
    nouns: tuple[tuple[str, EventType], ...]      # longest first
    launch_modifiers: tuple[str, ...]
    verbs: dict[str, str]                         # stem -> hold, sign, announce, launch, designate, fund, …
    funding_context: tuple[str, ...]
    attendance: tuple[str, ...]
    membership: tuple[str, ...]
    count_cues: tuple[str, ...]
    time_nouns: frozenset[str]
    venues: tuple[str, ...]
    venue_heads: tuple[str, ...]
    rename_objects: tuple[str, ...] = ()
    vague_words: frozenset[str] = frozenset()
    year_words: tuple[tuple[str, int], ...] = ()  # longest first: 지난해 → -1, 올해 → 0
    host_verbs: tuple[tuple[str, str], ...] = ()   # 주최 → host, 주관 → organizer, 후원 → other
    idioms: tuple[Idiom, ...] = ()                # `막을 올리다` → hold 개막, `문을 열다` → launch 개소
    subject_verbs: frozenset[str] = frozenset()   # `'…'가 개막했다`: the subject is the event
    target_words: tuple[str, ...] = ()             # 비전, 전략: a year in such a name is a target
    kinds: tuple[tuple[str, str], ...] = ()        # (word, kind), longest first: 상량식 → topping_out
    build_objects: tuple[str, ...] = ()            # 건립, 공사: what 착수/본격화 must begin to be works
    date_labels: tuple[tuple[str, str], ...] = ()  # 발의연월일 → 발의: a labelled date and the act it dates


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if isinstance(v, str | int) and str(v).strip())


@lru_cache(maxsize=1)
def event_cues() -> EventCues:
    data = yaml_io.read_yaml(EVENT_CUES_YAML) or {}
    venues = yaml_io.read_yaml(VENUES_YAML) or {}
    nouns: list[tuple[str, EventType]] = []
    for kind, words in (data.get("nouns") or {}).items():
        nouns.extend((w, cast(EventType, str(kind))) for w in _strings(words))
    nouns.sort(key=lambda n: (-len(n[0]), n[0]))
    verbs: dict[str, str] = {}
    for kind, words in (data.get("verbs") or {}).items():
        for w in _strings(words):
            verbs.setdefault(w, str(kind))
    return EventCues(
        nouns=tuple(nouns),
        launch_modifiers=_strings(data.get("launch_modifiers")),
        verbs=verbs,
        funding_context=_strings(data.get("funding_context")),
        attendance=_strings(data.get("attendance")),
        membership=_strings(data.get("membership")),
        count_cues=_strings(data.get("count_cues")),
        time_nouns=frozenset(_strings(data.get("time_nouns"))),
        venues=tuple(sorted(_strings(venues.get("known")), key=lambda v: (-len(v), v))),
        venue_heads=tuple(sorted(_strings(venues.get("heads")), key=lambda v: (-len(v), v))),
        rename_objects=_strings(data.get("rename_objects")),
        vague_words=frozenset(_strings(data.get("vague_words"))),
        year_words=_year_words(data.get("year_words")),
        host_verbs=tuple((w, str(role)) for role, words in (data.get("host_verbs") or {}).items()
                         for w in _strings(words)),
        idioms=_idioms(data.get("idioms")),
        subject_verbs=frozenset(_strings(data.get("subject_verbs"))),
        target_words=_strings(data.get("target_words")),
        build_objects=_strings(data.get("build_objects")),
        date_labels=tuple((str(k), str(v)) for k, v in (data.get("date_labels") or {}).items()),
        kinds=tuple(sorted(((w, str(k)) for k, words in (data.get("kinds") or {}).items() for w in _strings(words)),
                           key=lambda p: (-len(p[0]), p[0]))),
    )


def _idioms(value: Any) -> tuple[Idiom, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(Idiom(str(v["noun"]), frozenset(_strings(v.get("verbs"))), str(v["kind"]), str(v["stem"]))
                 for v in value if isinstance(v, dict) and v.get("noun") and v.get("kind") and v.get("stem"))


def _year_words(value: Any) -> tuple[tuple[str, int], ...]:
    if not isinstance(value, dict):
        return ()
    pairs = [(str(k), int(v)) for k, v in value.items() if isinstance(v, int)]
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


def type_of_name(name: str) -> EventType | None:
    """See _type_of_name (remembered: a function of the name and the bundled cues only)."""
    return _type_of_name(name)


@lru_cache(maxsize=8192)
def _type_of_name(name: str) -> EventType | None:
    """The event type a name's head noun signals: '…추진협의회' → meeting, '…투자대전' → event.

    The head is the end of the name (a trailing parenthesis such as '(MOU)' or '(IBIS)' aside); a
    meeting described as founding something ('협의체 출범을 위한 1차 회의') is a launch.
    """
    squashed = "".join(name.split())
    head = re.sub(r"(?:\([^()]*\))+$", "", squashed) or squashed
    kind: EventType | None = None
    for noun, noun_kind in event_cues().nouns:  # longest first
        n = "".join(noun.split())
        if head.endswith(n) or squashed.endswith(n):
            kind = noun_kind
            break
    if kind is None:
        return None
    if kind == "meeting" and any(m in squashed for m in event_cues().launch_modifiers):
        return "launch"
    return kind
